/**
 * What-if over a workbook: the CLI's path (one read, compare, optionally write the What-if sheet)
 * on the sample portfolio in memory, the What-if sheet (both fingerprints, tables that tie to the
 * comparison, replaced in place on the next write, never over a sheet of the user's), a bad draft
 * writing nothing, and `key=value` parsing.
 */
import { dayFromCivil } from "../../src/engine/dates/dayNumber";
import { runScenario, whatIfBase, GRADE_CLASSES } from "../../src/engine/scenarios";
import { MemoryWorkbook } from "../../src/host/memory/MemoryWorkbook";
import type { WorkbookPort } from "../../src/host/WorkbookPort";
import { setUpWorkbook } from "../../src/app/setUpWorkbook";
import { readPortfolio } from "../../src/app/readPortfolio";
import { recogniseTables } from "../../src/app/recogniseTables";
import { parsePolicyAssignment, runWhatIf, WHAT_IF_TABLES, whatIfJson, type WhatIfOutcome } from "../../src/app/whatIf";

const asOf = dayFromCivil(2025, 6, 30);
const draft = { changes: [{ key: "gradeBands.A", value: "70" }, { key: "weights.paymentRecord", value: "3" }] };
const write = { generatedAt: "2025-06-30T09:00:00Z", addinVersion: "test" };

async function sampleBook(): Promise<MemoryWorkbook> {
  const book = new MemoryWorkbook();
  await setUpWorkbook(book, { withSample: true, asOf });
  return book;
}

/** The port, counting its reads. */
function counted(book: MemoryWorkbook): { port: WorkbookPort; reads: () => number } {
  let reads = 0;
  return {
    port: {
      readWorkbook: () => { reads++; return book.readWorkbook(); },
      writeSheets: (s, o) => book.writeSheets(s, o),
      updateTableRows: (t, r) => book.updateTableRows(t, r),
      select: (s, r, c) => book.select(s, r, c),
    },
    reads: () => reads,
  };
}

function compared(outcome: WhatIfOutcome): Extract<WhatIfOutcome, { status: "compared" }> {
  if (outcome.status !== "compared") throw new Error(`not compared: ${JSON.stringify(outcome.problems)}`);
  return outcome;
}

describe("parsePolicyAssignment", () => {
  it.each([
    ["gradeBands.A=70", { key: "gradeBands.A", value: "70" }],
    [" weights.paymentRecord = 3 ", { key: "weights.paymentRecord", value: "3" }],
    ["collectionActions.1=Call = now", { key: "collectionActions.1", value: "Call = now" }],
    ["gradeBands.A", undefined],
    ["=70", undefined],
    ["gradeBands.A=", undefined],
  ])("%s", (text, expected) => {
    expect(parsePolicyAssignment(text)).toEqual(expected);
  });
});

describe("runWhatIf on the sample workbook", () => {
  it("reads the workbook once and gives the engine's comparison", async () => {
    const book = await sampleBook();
    const { port, reads } = counted(book);
    const before = book.sheetNames();
    const outcome = compared(await runWhatIf(port, { asOf, draft }));
    expect(reads()).toBe(1);
    expect(book.sheetNames()).toEqual(before);
    const snapshot = await book.readWorkbook();
    const reading = readPortfolio(snapshot, recogniseTables(snapshot));
    const base = whatIfBase(reading.portfolio, reading.policy, asOf);
    if (!base.ok) throw new Error("no base");
    expect(outcome.comparison).toEqual((runScenario(base.value, draft) as { value: unknown }).value);
  });

  it("writes the What-if sheet stamped with both fingerprints; its tables tie to the comparison", async () => {
    const book = await sampleBook();
    const { comparison, written } = compared(await runWhatIf(book, { asOf, draft, write }));
    expect(written).toEqual([{ requested: "What-if", written: "What-if" }]);
    expect(book.outputOf("What-if")).toBe("What-if");
    const grid = book.getSheet("What-if") ?? [];
    const line = (label: string) => grid.find((r) => r[0] === label)?.[1];
    expect(line("Policy fingerprint")).toBe(comparison.baseFingerprint);
    expect(line("Draft policy fingerprint")).toBe(comparison.draftFingerprint);
    expect(comparison.draftFingerprint).not.toBe(comparison.baseFingerprint);
    expect(line("Total recommended limit under the draft")).toBe(comparison.totalLimit.after);
    const migration = book.getTable(WHAT_IF_TABLES.migration);
    expect(migration?.rows.map((r) => r.slice(1, 6))).toEqual(comparison.migration.map((row) => row.map((m) => m.customers)));
    expect(migration?.rows.map((r) => r[0])).toEqual([...GRADE_CLASSES]);
    const movers = book.getTable(WHAT_IF_TABLES.movers);
    expect(movers?.rows.map((r) => r[1])).toEqual(comparison.movers.map((m) => m.customerId));
    expect(movers?.rows.every((r) => typeof r[10] === "string" && typeof r[11] === "string" && r[10] !== r[11])).toBe(true);
    expect(book.getTable(WHAT_IF_TABLES.changes)?.rows).toEqual([["weights.paymentRecord", "12", "3"], ["gradeBands.A", "80", "70"]]);
    const limits = book.getTable(WHAT_IF_TABLES.limits);
    expect(limits?.rows.map((r) => r[2])).toEqual(comparison.limitsByGrade.map((l) => l.after));
  });

  it("replaces its own sheet on the next write, and never a sheet of the user's with its name", async () => {
    const book = await sampleBook();
    compared(await runWhatIf(book, { asOf, draft, write }));
    const again = compared(await runWhatIf(book, { asOf, draft: { changes: [{ key: "gradeBands.A", value: "75" }] }, write }));
    expect(again.written).toEqual([{ requested: "What-if", written: "What-if" }]);
    expect(book.sheetNames().filter((s) => s.startsWith("What-if"))).toEqual(["What-if"]);

    const users = await sampleBook();
    users.setCells("What-if", 0, 0, [["my notes"]]);
    const redirected = compared(await runWhatIf(users, { asOf, draft, write }));
    expect(redirected.written?.[0].written).toBe("What-if (2)");
    expect(users.getSheet("What-if")).toEqual([["my notes"]]);
  });

  it("writes the sheet in Chinese when asked", async () => {
    const book = await sampleBook();
    const { written } = compared(await runWhatIf(book, { asOf, draft, write: { ...write, outputLanguage: "zh-CN" } }));
    expect(written?.[0].written).toBe("情景分析");
    expect((book.getSheet("情景分析") ?? []).some((r) => r[0] === "草案政策指纹")).toBe(true);
  });

  it.each([
    ["an unknown key", { key: "gradeBand.A", value: "70" }],
    ["a bad value", { key: "gradeBands.A", value: "high" }],
  ])("%s: badDraft naming the key, nothing written", async (_, change) => {
    const book = await sampleBook();
    const before = book.sheetNames();
    const outcome = await runWhatIf(book, { asOf, draft: { changes: [change] }, write });
    expect(outcome.status).toBe("badDraft");
    expect(outcome.problems.at(-1)?.message).toContain(change.key);
    expect(book.sheetNames()).toEqual(before);
  });

  it("an empty workbook is invalid (no input tables), nothing written", async () => {
    const outcome = await runWhatIf(new MemoryWorkbook(), { asOf, draft, write });
    expect(outcome.status).toBe("invalid");
  });

  it("whatIfJson: the matrix by grade class, reasons as text", async () => {
    const { comparison } = compared(await runWhatIf(await sampleBook(), { asOf, draft }));
    const json = whatIfJson(comparison, asOf) as { migration: { customers: Record<string, Record<string, number>> }; movers: { reasonAfter: string }[]; asOf: string };
    expect(json.asOf).toBe("2025-06-30");
    expect(json.migration.customers.B.A).toBe(comparison.migration[1][0].customers);
    expect(json.movers.every((m) => m.reasonAfter.length > 10)).toBe(true);
  });
});
