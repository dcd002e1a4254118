import { helpPage, type HelpTopic } from "../../src/cli/helpText";
import { main, type CliIo } from "../../src/cli/main";
import { createTranslator } from "../../src/i18n/translator";

const TOPICS: readonly (HelpTopic | undefined)[] = [undefined, "review", "init", "demo", "whatif", "export-ledger"];

async function run(argv: string[]): Promise<string> {
  const out: string[] = [];
  const io: CliIo = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: () => undefined, isTTY: false }, now: () => new Date(2025, 5, 30), env: { LANG: "en_US.UTF-8" } };
  expect(await main(argv, io)).toBe(0);
  return out.join("");
}

describe("help pages (issue 16: the CLI's help in the user's language)", () => {
  it.each(TOPICS.map((topic) => [topic ?? "general", topic] as const))("%s: both languages name the same commands and options, placeholders unquoted", (_, topic) => {
    const en = helpPage(createTranslator("en-US"), topic);
    const zh = helpPage(createTranslator("zh-CN"), topic);
    const words = (text: string) => [...new Set(text.match(/--[a-z-]+|<[a-z.A-Z]+>|credit-desk [a-z]+/g) ?? [])].sort();
    expect(words(zh)).toEqual(words(en));
    for (const text of [en, zh]) {
      expect(text).not.toMatch(/'</);
      expect(text.endsWith("\n")).toBe(true);
    }
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it("prints the page of --lang: zh-CN in Chinese, en-US in English", async () => {
    expect(await run(["review", "--help", "--lang", "zh-CN"])).toBe(helpPage(createTranslator("zh-CN"), "review"));
    expect(await run(["--help", "--lang", "en-US"])).toBe(helpPage(createTranslator("en-US")));
    expect(await run(["--help", "--lang", "en-US"])).toContain("credit-desk review <workbook.xlsx>");
  });
});
