import { DEFAULT_LOCALE, SUPPORTED_LOCALES, isLocale, localeFromEnvironment, resolveLocale } from "../../src/i18n/locale";

describe("resolveLocale", () => {
  it.each([
    [undefined, "en-US"],
    [null, "en-US"],
    ["", "en-US"],
    ["   ", "en-US"],
    ["C", "en-US"],
    ["POSIX", "en-US"],
    ["en", "en-US"],
    ["en-US", "en-US"],
    ["en-GB", "en-US"],
    ["de-DE", "en-US"],
    ["ja-JP", "en-US"],
    ["zh", "zh-CN"],
    ["ZH", "zh-CN"],
    ["zh-CN", "zh-CN"],
    ["zh-cn", "zh-CN"],
    ["zh-Hans", "zh-CN"],
    ["zh-Hans-CN", "zh-CN"],
    ["zh-Hans-HK", "zh-CN"],
    ["zh-SG", "zh-CN"],
    ["zh_CN.UTF-8", "zh-CN"],
    ["zh_CN.GB18030", "zh-CN"],
    ["zh_SG@pinyin", "zh-CN"],
    ["zh-TW", "en-US"],
    ["zh-HK", "en-US"],
    ["zh-MO", "en-US"],
    ["zh-Hant", "en-US"],
    ["zh-Hant-CN", "en-US"],
    ["zh_TW.UTF-8", "en-US"],
    ["zha", "en-US"],
  ])("%j → %s", (tag, expected) => {
    expect(resolveLocale(tag)).toBe(expected);
  });

  it("always returns a supported locale", () => {
    for (const tag of ["xx", "zh-", "-zh", "zh--CN", "😀", "zh-419"]) expect(SUPPORTED_LOCALES).toContain(resolveLocale(tag));
  });
});

describe("isLocale", () => {
  it.each([
    ["en-US", true],
    ["zh-CN", true],
    ["zh", false],
    ["en-us", false],
    [42, false],
    [undefined, false],
  ])("%j → %s", (tag, expected) => {
    expect(isLocale(tag)).toBe(expected);
  });
});

describe("localeFromEnvironment", () => {
  it.each([
    [{}, "en-US"],
    [{ LANG: "zh_CN.UTF-8" }, "zh-CN"],
    [{ LANG: "en_US.UTF-8" }, "en-US"],
    [{ LC_ALL: "zh_CN.UTF-8", LANG: "en_US.UTF-8" }, "zh-CN"],
    [{ LC_ALL: "en_US.UTF-8", LANG: "zh_CN.UTF-8" }, "en-US"],
    [{ LC_MESSAGES: "zh_CN.UTF-8", LANG: "en_US.UTF-8" }, "zh-CN"],
    [{ LC_ALL: "", LANG: "zh_CN.UTF-8" }, "zh-CN"],
    [{ LANGUAGE: "zh_CN:en_US" }, "zh-CN"],
    [{ LANGUAGE: "en_GB:zh_CN" }, "en-US"],
  ])("%j → %s", (env, expected) => {
    expect(localeFromEnvironment(env)).toBe(expected);
  });

  it("falls back to the default locale", () => {
    expect(DEFAULT_LOCALE).toBe("en-US");
  });
});
