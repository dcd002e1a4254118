import { readFileSync } from "fs";
import { join } from "path";
import { CHARACTERISTICS } from "../../src/engine/policy/characteristics";
import { GLOSSARY, TERM_IDS, termIn, termOfZh, type GlossaryTerm } from "../../src/i18n/glossary";

const SOURCE = join(__dirname, "../../../shared/docs/glossary-zh.md");

/**
 * The Chinese words of a glossary cell: split at "/", ",", ";", "→" and parentheses, without the
 * grade and quadrant labels ("A级 ", "第一类 "), the letter range, "ours" and Latin-only pieces.
 */
function chineseWords(cell: string): string[] {
  return cell
    .replace(/\(ours:?\s*/g, "(")
    .split(/[/,;，；→()（）]/)
    .map((w) => w.replace(/^\s*(?:[ABCDR]级|第[一二三四]类)\s+/, "").replace(/\s*AAA…CCC\s*$/, "").trim())
    .filter((w) => /[\u4e00-\u9fff]/.test(w));
}

/** The 中文 column of every table in glossary-zh.md, and the list of the 18 characteristics. */
function documentWords(): string[] {
  const words: string[] = [];
  let zhColumn = -1;
  for (const line of readFileSync(SOURCE, "utf8").split("\n")) {
    if (line.startsWith("| English")) {
      zhColumn = line.split("|").findIndex((c) => c.trim() === "中文");
    } else if (line.startsWith("|---")) {
      continue;
    } else if (line.startsWith("|") && zhColumn > 0) {
      words.push(...chineseWords(line.split("|")[zhColumn]!));
    } else if (line.startsWith("The 18 characteristics:")) {
      const list = line.slice(line.indexOf(":") + 1).replace(/\([^)]*\)/g, ",");
      words.push(...chineseWords(list));
    } else {
      zhColumn = -1;
    }
  }
  return words;
}

const entries: GlossaryTerm[] = TERM_IDS.map((id) => GLOSSARY[id]);

describe("glossary", () => {
  it("holds every Chinese word of ../shared/docs/glossary-zh.md (the sources' 帐 written 账)", () => {
    const known = new Set(entries.flatMap((e) => [e.zh, ...(e.zhAlso ?? []), e.note ?? ""].flatMap(chineseWords)));
    const words = documentWords();
    expect(words.length).toBeGreaterThan(120);
    expect(words.filter((w) => !known.has(w))).toEqual([]);
  });

  it("writes 账, never 帐, in the product's words", () => {
    expect(entries.filter((e) => e.zh.includes("帐")).map((e) => e.zh)).toEqual([]);
  });

  /** A sheet named after its term shares the term's word (glossary-zh.md: Approved Limits 核定额度). */
  const SHARED_WORDS = ["核定额度: approvedLimit and approvedLimits"];

  it("gives every term an English and a Chinese word, and no Chinese word to two terms but a sheet named after its term", () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const id of TERM_IDS) {
      const e = GLOSSARY[id] as GlossaryTerm;
      expect(e.en.trim()).not.toBe("");
      expect(e.zh).toMatch(/[\u4e00-\u9fff]/);
      const previous = owner.get(e.zh);
      if (previous !== undefined) clashes.push(`${e.zh}: ${previous} and ${id}`);
      owner.set(e.zh, id);
    }
    expect(clashes).toEqual(SHARED_WORDS);
  });

  it("names each of the engine's 18 characteristics, by the engine's Chinese word or an accepted one", () => {
    for (const c of CHARACTERISTICS) {
      const term = GLOSSARY[c.key as keyof typeof GLOSSARY] as GlossaryTerm | undefined;
      expect(term).toBeDefined();
      expect([term!.zh, ...(term!.zhAlso ?? [])]).toContain(c.zh);
    }
  });

  it.each([
    ["aging", "en-US", "aging"],
    ["aging", "zh-CN", "账龄"],
    ["creditReviewSheet", "zh-CN", "资信评审"],
    ["exposure", "zh-CN", "信用风险敞口"],
  ] as const)("termIn(%s, %s) → %s", (id, locale, word) => {
    expect(termIn(id, locale)).toBe(word);
  });

  it.each([
    ["获利能力", "profitability"],
    ["盈利能力", "profitability"],
    ["资本规模", "capital"],
    ["帐龄", "aging"],
    ["信用额度", "creditLimit"],
    ["不是术语", undefined],
  ])("termOfZh(%s) → %s", (word, id) => {
    expect(termOfZh(word)).toBe(id);
  });
});
