/**
 * The locales Credit Desk speaks and how a BCP 47 tag from the host is mapped onto them.
 * Office gives its display language (`Office.context.displayLanguage`, e.g. "zh-CN"), the CLI
 * the environment's locale (`LANG=zh_CN.UTF-8`); both come here as plain text.
 */

/** Supported locales, the first being the fallback. */
export const SUPPORTED_LOCALES = ["en-US", "zh-CN"] as const;

export type Locale = (typeof SUPPORTED_LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en-US";

/** True when the text is exactly one of the supported locale tags. */
export function isLocale(tag: unknown): tag is Locale {
  return typeof tag === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(tag);
}

/**
 * The supported locale for a language tag: Simplified Chinese (`zh`, `zh-CN`, `zh-Hans`, `zh-SG`,
 * `zh-Hans-HK`, POSIX `zh_CN.UTF-8`) → zh-CN; anything else, including Traditional Chinese
 * (`zh-TW`, `zh-HK`, `zh-Hant`), which the zh-CN catalogue does not serve, and an empty or
 * missing tag → en-US.
 * @example resolveLocale("zh-Hans") //=> "zh-CN"
 * @example resolveLocale("de-DE") //=> "en-US"
 */
export function resolveLocale(tag: string | undefined | null): Locale {
  if (!tag) return DEFAULT_LOCALE;
  // POSIX locales: "zh_CN.UTF-8", "zh_CN@pinyin"; "C" and "POSIX" mean no preference.
  const cleaned = tag.trim().split(/[.@]/)[0]!.replace(/_/g, "-").toLowerCase();
  const parts = cleaned.split("-").filter((p) => p.length > 0);
  if (parts[0] !== "zh") return DEFAULT_LOCALE;
  const rest = parts.slice(1);
  if (rest.includes("hant")) return DEFAULT_LOCALE;
  if (rest.includes("hans")) return "zh-CN";
  const region = rest.find((p) => /^[a-z]{2}$/.test(p));
  if (region === "tw" || region === "hk" || region === "mo") return DEFAULT_LOCALE;
  return "zh-CN";
}

/**
 * The locale of the environment for the CLI: the first set of LC_ALL, LC_MESSAGES, LANG,
 * LANGUAGE (first entry of its colon list), as POSIX does. Pass `process.env`.
 * @example localeFromEnvironment({ LANG: "zh_CN.UTF-8" }) //=> "zh-CN"
 */
export function localeFromEnvironment(env: Readonly<Record<string, string | undefined>>): Locale {
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"]) {
    const value = env[name];
    if (value) return resolveLocale(value);
  }
  const language = env.LANGUAGE;
  return resolveLocale(language ? language.split(":")[0] : undefined);
}
