/** `--lang zh-CN|en-US` (default: the environment's locale) for the CLI's own lines. */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main, splitLang, type CliIo } from "../../src/cli/main";
import { XlsxWorkbook } from "../../src/host/xlsx/XlsxWorkbook";

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
    expect(r.stderr).toBe('credit-desk：未知命令“frobnicate”\n运行 "credit-desk --help" 查看用法。\n');
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

describe("a workbook in Chinese from the command line", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "credit-desk-lang-"));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("init --lang zh-CN, then review: Chinese sheet names, headers, warnings and reasons; reviewed again, the same figures", async () => {
    const book = path.join(dir, "book.xlsx");
    expect((await run(["init", book, "--sample", "--as-of", "2025-06-30", "--lang", "zh-CN"])).code).toBe(0);
    const first = await run(["review", book, "--as-of", "2025-06-30", "--json", "--lang", "zh-CN"]);
    expect(first.code).toBe(0);
    const reviewed = path.join(dir, "book-reviewed.xlsx");
    const loaded = await XlsxWorkbook.load(reviewed);
    if (!loaded.ok) throw new Error("the reviewed workbook does not load");
    const snapshot = await loaded.value.readWorkbook();
    expect(snapshot.sheets).toEqual(expect.arrayContaining(["资信评审", "账龄分析", "催收清单", "信用管理概览"]));
    expect(snapshot.outputSheets.map((m) => m.output).sort()).toEqual(["Aging", "Collections", "Credit Review", "Review History", "Summary"]);
    const review = snapshot.tables.find((t) => t.sheet === "资信评审")!;
    const cjk = /[\u4e00-\u9fff]/;
    expect(review.headers.filter((h) => cjk.test(h)).length).toBeGreaterThan(review.headers.length / 2);
    const textIn = (header: string) => {
      const column = review.headers.indexOf(header);
      expect(column).toBeGreaterThanOrEqual(0);
      return review.rows.map((r) => r[column]).filter((v): v is string => typeof v === "string" && v !== "");
    };
    const warnings = textIn("风险预警");
    const reasons = textIn("评审依据");
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((w) => cjk.test(w))).toBe(true);
    expect(reasons).toHaveLength(review.rows.length);
    expect(reasons.every((r) => cjk.test(r))).toBe(true);

    // The Chinese workbook, reviewed again by the CLI: its outputs are recognised by their markers and the figures repeat.
    const again = await run(["review", reviewed, "--as-of", "2025-06-30", "--json", "--out", path.join(dir, "again.xlsx")]);
    expect(again.code).toBe(0);
    const figures = (text: string) => {
      const json = JSON.parse(text) as { kpis: unknown; customers: { customerId: string; grade?: unknown; recommendedLimit?: unknown }[] };
      return { kpis: json.kpis, customers: json.customers.map((c) => [c.customerId, c.grade, c.recommendedLimit]) };
    };
    expect(figures(again.stdout)).toEqual(figures(first.stdout));
  }, 120_000);
});
