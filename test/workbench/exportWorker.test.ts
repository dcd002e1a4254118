/**
 * The workbench's export off the page: the sheets go to the export worker's handler in chunks
 * (each sheet's header, then at most a chunk of rows per message), and the .xlsx it returns holds
 * every sheet and value, the review's sheets rendered from their SheetSpecs; a property test
 * checks that the chunks put every row back in order.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { dayFromCivil } from "../../src/engine/dates/dayNumber";
import { setUpWorkbook } from "../../src/app/setUpWorkbook";
import { runReview } from "../../src/app/runReview";
import type { CellValue } from "../../src/host/WorkbookPort";
import { ObservableWorkbook } from "../../workbench/ObservableWorkbook";
import { exportHandler, type ExportReply, type ExportRequest } from "../../workbench/exportWorker";
import { exportBookOf, exportRequests } from "../../workbench/exportRequests";
import type { ExportBook } from "../../workbench/writeXlsx";

jest.setTimeout(60_000);

const asOf = dayFromCivil(2025, 6, 30);

/** Runs the requests through a handler as the worker would, and resolves with its replies once it is done. */
function throughHandler(requests: Iterable<ExportRequest>): Promise<ExportReply[]> {
  return new Promise((resolve) => {
    const replies: ExportReply[] = [];
    const handle = exportHandler((reply) => {
      replies.push(reply);
      if (reply.kind !== "stage") resolve(replies);
    });
    for (const request of requests) handle(structuredClone(request));
  });
}

describe("the export worker", () => {
  it("writes the reviewed workbook's every sheet, with the values of the page's sheets", async () => {
    const workbook = new ObservableWorkbook();
    await setUpWorkbook(workbook, { withSample: true, asOf });
    const outcome = await runReview(workbook, { asOf, generatedAt: "2025-06-30T09:00:00Z", addinVersion: "0.1.0-test" });
    expect(outcome.status).toBe("written");
    // A sheet of the user's with no spec (as an imported one): written as plain values.
    workbook.memory.setCells("Notes", 0, 0, [["Note", 1], ["=not a formula", true], [null, 2.5]]);
    const book = exportBookOf(workbook);
    const requests = [...exportRequests(book, 7)];
    expect(Math.max(...requests.map((r) => (r.kind === "rows" ? r.rows.length : 0)))).toBe(7);
    const replies = await throughHandler(requests);
    const stages = replies.filter((r) => r.kind === "stage").map((r) => (r.kind === "stage" ? r.stage : ""));
    expect([...new Set(stages)]).toEqual(["sheets", "zipping"]);
    const done = replies[replies.length - 1]!;
    if (done.kind !== "done") throw new Error(done.kind === "failed" ? done.message : "no file");
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(await done.file.arrayBuffer());
    expect(read.worksheets.map((w) => w.name)).toEqual(workbook.memory.sheetNames());
    // An input sheet (rendered from its spec: dates come back as dates) and the plain one: every cell as the memory workbook holds it.
    for (const name of ["Receivables", "Notes"]) {
      const grid = workbook.memory.getSheet(name) ?? [];
      const sheet = read.getWorksheet(name)!;
      grid.forEach((row, r) => row.forEach((value, c) => {
        const cell = sheet.getCell(r + 1, c + 1).value;
        const read = cell instanceof Date ? cell.getTime() / 86_400_000 + 25_569 : cell === undefined ? null : cell;
        expect({ name, at: [r, c], value: read }).toEqual({ name, at: [r, c], value });
      }));
    }
  });

  it("puts every row back in order whatever the chunk size (property)", () => {
    const cell = fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.boolean());
    fc.assert(
      fc.property(fc.array(fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 30 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 9 }), (grids, chunk) => {
        const book: ExportBook = { dateSystem: "1900", sheets: grids.map((grid, i) => ({ name: `S${i}`, grid: grid as CellValue[][] })) };
        const rebuilt: CellValue[][][] = [];
        for (const request of exportRequests(book, chunk)) {
          if (request.kind === "sheet") rebuilt.push([]);
          if (request.kind === "rows") {
            expect(request.rows.length).toBeLessThanOrEqual(chunk);
            rebuilt[rebuilt.length - 1]!.push(...request.rows);
          }
        }
        expect(rebuilt).toEqual(grids);
      }),
    );
  });
});
