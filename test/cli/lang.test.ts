/** `--lang zh-CN|en-US` (default: the environment's locale) for the CLI's own lines. */
import { main, splitLang, type CliIo } from "../../src/cli/main";

async function run(argv: string[], env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const errs: string[] = [];
  const io: CliIo = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => errs.push(t), isTTY: false }, now: () => new Date(2025, 5, 30), env };
  const code = await main(argv, io);
  return { code, stdout: out.join(""), stderr: errs.join("") };
}

describe("splitLang", () => {
  it.each([
    [["review", "a.xlsx", "--lang", "zh-CN"], "en-US", "zh-CN", ["review", "a.xlsx"]],
    [["--lang=en-US", "demo"], "zh-CN", "en-US", ["demo"]],
    [["demo"], "zh-CN", "zh-CN", ["demo"]],
    [["review", "--", "--lang", "x"], "en-US", "en-US", ["review", "--", "--lang", "x"]],
  ] as const)("%j with fallback %s → %s", (argv, fallback, locale, rest) => {
    expect(splitLang(argv, fallback)).toEqual({ ok: true, locale, rest });
  });

  it.each([
    [["demo", "--lang", "fr-FR"], "cli.error.badLang", "fr-FR"],
    [["demo", "--lang", "zh"], "cli.error.badLang", "zh"],
    [["demo", "--lang"], "cli.error.langMissing", ""],
    [["demo", "--lang="], "cli.error.langMissing", ""],
  ] as const)("%j is refused (%s)", (argv, id, value) => {
    expect(splitLang(argv, "en-US")).toEqual({ ok: false, id, value });
  });
});

describe("the CLI's usage errors in the chosen language", () => {
  it("says a usage error in Chinese with --lang zh-CN, exit 2", async () => {
    const r = await run(["frobnicate", "--lang", "zh-CN"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('credit-desk：unknown command "frobnicate"\n运行 "credit-desk --help" 查看用法。\n');
  });

  it("takes the language from the environment (LANG=zh_CN.UTF-8) when --lang is not given", async () => {
    const r = await run(["frobnicate"], { LANG: "zh_CN.UTF-8" });
    expect(r.stderr).toContain("查看用法");
  });

  it("--lang wins over the environment", async () => {
    const r = await run(["frobnicate", "--lang=en-US"], { LC_ALL: "zh_CN.UTF-8" });
    expect(r.stderr).toBe('credit-desk: unknown command "frobnicate"\nRun "credit-desk --help" for usage.\n');
  });

  it("refuses an unknown language in the environment's language, exit 2", async () => {
    const r = await run(["demo", "--lang", "fr-FR"], { LANG: "en_US.UTF-8" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--lang "fr-FR" is not a language of credit-desk: use zh-CN or en-US');
  });
});
