/**
 * The scan and the review's compute through the engine worker's protocol (a fake Worker over the
 * real handler, messages structured-cloned): the same outcome and the same sheets written as in
 * this thread, the snapshot and the sheets carried in chunks, cancel writing nothing, and the
 * fallbacks (no worker, a worker that does not load).
 */
import { dayFromCivil } from "../../../src/engine/dates/dayNumber";
import { MemoryWorkbook } from "../../../src/host/memory/MemoryWorkbook";
import { buildInputSheets, recordsToRows } from "../../../src/app/buildInputSheets";
import { samplePortfolio } from "../../../src/app/samplePortfolio";
import { runReview } from "../../../src/app/runReview";
import { scanWorkbook } from "../../../src/app/scanWorkbook";
import type { ReviewOptions } from "../../../src/app/types";
import { scanOffThread, workerCompute } from "../../../src/taskpane/worker/engineJobs";
import { ROWS_PER_MESSAGE } from "../../../src/taskpane/worker/protocol";
import { bigReceivables } from "../../../scripts/bigWorkbook";
import { FakeEngineWorker } from "./fakeEngineWorker";

const asOf = dayFromCivil(2025, 6, 30);
const options: ReviewOptions = { asOf, generatedAt: "2025-06-30T09:00:00Z", addinVersion: "0.1.0-test" };

/** The sample's input sheets with `invoices` generated receivables (scripts/bigWorkbook). */
async function workbookWith(invoices: number): Promise<MemoryWorkbook> {
  const ids = samplePortfolio(asOf).customers.map((c) => String(c.customerId));
  const sheets = buildInputSheets(true, asOf).map((sheet) =>
    sheet.name !== "Receivables" ? sheet : { ...sheet, tables: sheet.tables.map((t, i) => (i === 0 ? { ...t, rows: recordsToRows("receivables", bigReceivables(asOf, invoices, ids)) } : t)) });
  const wb = new MemoryWorkbook();
  await wb.writeSheets(sheets);
  return wb;
}

/**
 * A value with its Maps as entry lists and typed arrays as arrays: structuredClone in Node makes
 * them in Node's realm, which jest's toEqual (another realm) cannot compare.
 */
function plain(value: unknown): unknown {
  if (Object.prototype.toString.call(value) === "[object Map]") return [...(value as Map<unknown, unknown>)].map(plain);
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

function sheetsOf(wb: MemoryWorkbook): Record<string, unknown> {
  return Object.fromEntries(wb.sheetNames().map((name) => [name, wb.getSheet(name)]));
}

describe("a review's compute in the engine worker", () => {
  it("writes the same sheets and returns the same outcome as in this thread, the rows in chunks both ways", async () => {
    const here = await workbookWith(12_000);
    const there = await workbookWith(12_000);
    const workers: FakeEngineWorker[] = [];
    const stages: string[] = [];
    const expected = await runReview(here, options);
    const actual = await runReview(there, { ...options, onProgress: (stage) => stages.push(stage) }, workerCompute(() => {
      const w = new FakeEngineWorker();
      workers.push(w);
      return w.asWorker();
    }));
    expect(actual.status).toBe("written");
    expect(actual).toEqual(expected);
    expect(sheetsOf(there)).toEqual(sheetsOf(here));
    expect(workers).toHaveLength(1);
    const [worker] = workers;
    // The 12,000 receivables went in three chunks, no message held more than a chunk's rows.
    const rowMessages = worker!.sent.filter((m) => m.kind === "rows");
    expect(Math.max(...rowMessages.map((m) => (m.kind === "rows" ? m.rows.length : 0)))).toBe(ROWS_PER_MESSAGE);
    expect(worker!.sent.filter((m) => m.kind === "table").every((m) => m.kind === "table" && m.table.rows.length === 0)).toBe(true);
    const reviewed = worker!.replies.find((r) => r.kind === "reviewed");
    expect(reviewed?.kind === "reviewed" && reviewed.computation.status === "reviewed" && reviewed.computation.outcome.sheets.every((s) => s.tables.every((t) => t.rows.length === 0))).toBe(true);
    expect(worker!.replies.filter((r) => r.kind === "rows").length).toBeGreaterThan(0);
    // The worker's stages came through, in order, and the worker was stopped.
    expect(stages.filter((s, i) => s !== stages[i - 1])).toEqual(["reading", "recognising", "validating", "reviewing", "writing", "done"]);
    expect(worker!.isTerminated).toBe(true);
  });

  it("writes nothing when cancelled while the worker computes, and stops the worker", async () => {
    const wb = await workbookWith(6_000);
    const before = sheetsOf(wb);
    const controller = new AbortController();
    const worker = new FakeEngineWorker();
    const run = runReview(wb, { ...options, signal: controller.signal, onProgress: (stage) => { if (stage === "reviewing") controller.abort(); } }, workerCompute(() => worker.asWorker()));
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
    expect(worker.isTerminated).toBe(true);
    expect(sheetsOf(wb)).toEqual(before);
  });

  it("runs in this thread when the worker's script does not load, and without a worker at all", async () => {
    const expected = await runReview(await workbookWith(300), options);
    const unloaded = await runReview(await workbookWith(300), options, workerCompute(() => new FakeEngineWorker(true).asWorker()));
    const none = await runReview(await workbookWith(300), options, workerCompute(undefined));
    expect(unloaded).toEqual(expected);
    expect(none).toEqual(expected);
  });

  it("reports an invalid workbook as in this thread (nothing written)", async () => {
    const wb = new MemoryWorkbook();
    const expected = await runReview(new MemoryWorkbook(), options);
    const actual = await runReview(wb, options, workerCompute(() => new FakeEngineWorker().asWorker()));
    expect(expected.status).toBe("invalid");
    expect(actual).toEqual(expected);
    expect(wb.sheetNames()).toEqual([]);
  });
});

describe("the pane's scan in the engine worker", () => {
  it("recognises and reads as in this thread, the recognised tables being the snapshot's own", async () => {
    const snapshot = await (await workbookWith(7_000)).readWorkbook();
    const expected = scanWorkbook(snapshot, {});
    const actual = await scanOffThread(snapshot, {}, {}, () => new FakeEngineWorker().asWorker());
    expect(plain(actual.reading)).toEqual(plain(expected.reading));
    expect(actual.recognition).toEqual(expected.recognition);
    for (const table of Object.values(actual.recognition.tables)) expect(snapshot.tables).toContain(table.source);
  });

  it("rejects with an AbortError when cancelled before it starts", async () => {
    const snapshot = await (await workbookWith(10)).readWorkbook();
    const controller = new AbortController();
    controller.abort();
    await expect(scanOffThread(snapshot, {}, { signal: controller.signal }, () => new FakeEngineWorker().asWorker())).rejects.toMatchObject({ name: "AbortError" });
  });
});
