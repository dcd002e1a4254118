import { join } from "path";
import ExcelJS from "exceljs";
import { readReceivables, receivablesNotes } from "../../src/app/readReceivables";
import { recogniseTables } from "../../src/app/recogniseTables";
import type { DetailedProblem } from "../../src/app/groupProblems";
import type { RecognisedTable } from "../../src/app/types";
import type { CellValue, SourceTable } from "../../src/host/WorkbookPort";
import { XlsxWorkbook } from "../../src/host/xlsx/XlsxWorkbook";

/** The receivables table the recogniser finds in one range (title rows, header row and all). */
function recognised(headers: string[], rows: CellValue[][], headerRow = 0): RecognisedTable {
  const source: SourceTable = { name: "Open Invoices", sheet: "Open Invoices", kind: "range", headerRow, firstColumn: 0, headers, rows };
  const table = recogniseTables({ sheets: ["Open Invoices"], tables: [source], dateSystem: "1900", outputSheets: [] }).tables.receivables;
  if (!table) throw new Error("not recognised");
  return table;
}

describe("readReceivables: exports as users have them (issue 20)", () => {
  it("reads an open-amount-only list with its currency in a header: amount = open amount, currency from the header", () => {
    const table = recognised(["Invoice #", "Customer", "Status", "Issue Date", "Due Date", "Open Advance (ILS)"], [
      ["INV-1", "Acme", "Open", 46000, 46030, 1200.5],
      ["INV-2", "Globex", "Overdue", 45900, 45930, 300],
    ]);
    expect(table.columns.openAmount).toBe(5);
    const problems: DetailedProblem[] = [];
    const r = readReceivables(table, "1900", undefined, problems);
    expect(problems).toEqual([]);
    expect(r.isOpenAmountOnly).toBe(true);
    expect(r.headerCurrency).toBe("ILS");
    expect(Array.from(r.ledger.amount)).toEqual([1200.5, 300]);
    expect(Array.from(r.ledger.openCents)).toEqual([120050, 30000]);
    expect(r.ledger.currencies[r.ledger.currency[0]]).toBe("ILS");
    expect(r.ledger.customerIds).toEqual(["Acme", "Globex"]);
    expect(receivablesNotes(r, table)).toEqual([
      { id: "recognition.openAmountOnly", params: { sheet: "Open Invoices" } },
      { id: "recognition.headerCurrency", params: { currency: "ILS", header: "Open Advance (ILS)" } },
    ]);
  });

  it("skips and counts subtotals, headings, the grand total and spacer rows, and reads the invoices between them", () => {
    const table = recognised(["Date", "Transaction Type", "Num", "Customer", "Due Date", "Past Due", "Amount", "Open Balance"], [
      ["Current", null, null, null, null, null, null, null],
      [46000, "Invoice", "1001", "Acme", 46030, -10, 100, 100],
      [46001, "Invoice", "1002", "Globex", 46031, -11, 50, 20],
      ["Total for Current", null, null, null, null, null, 150, 120],
      [null, null, null, null, null, null, null, null],
      ["1 - 30 days past due", null, null, null, null, null, null, null],
      [45990, "Invoice", "1003", "Acme", 46010, 10, 70, 70],
      ["Total for 1 - 30 days past due", null, null, null, null, null, 70, 70],
      [null, null, null, null, null, null, null, null],
      ["TOTAL", null, null, null, null, null, 220, 190],
    ]);
    const problems: DetailedProblem[] = [];
    const r = readReceivables(table, "1900", undefined, problems);
    expect(problems).toEqual([]);
    expect(r.ledger.invoiceId).toEqual(["1001", "1002", "1003"]);
    expect(Array.from(r.ledger.openCents)).toEqual([10000, 2000, 7000]);
    expect(r.skippedRows).toEqual({ subtotal: 2, grandTotal: 1, sectionHeader: 2, repeatedHeader: 0, note: 0, spacer: 2 });
    expect(receivablesNotes(r, table).map((n) => [n.id, n.params.count])).toEqual([
      ["recognition.skipped.subtotal", 2], ["recognition.skipped.grandTotal", 1], ["recognition.skipped.sectionHeader", 2], ["recognition.skipped.spacer", 2],
    ]);
  });

  it("keys on the customer number and keeps the names when the export has both, whichever comes first", () => {
    const table = recognised(["客户名称", "客户编码", "单据编号", "单据日期", "到期日", "未核销金额"], [
      ["华东贸易", "C001", "AR-1", 46000, 46030, 500],
      ["华东贸易", "C001", "AR-2", 46001, 46031, 250],
      ["小计", null, null, null, null, 750],
      ["合计", null, null, null, null, 750],
    ]);
    const r = readReceivables(table, "1900", new Set(["C001"]), []);
    expect(r.ledger.customerIds).toEqual(["C001"]);
    expect(r.customerNames).toEqual(new Map([["C001", "华东贸易"]]));
    expect(r.skippedRows?.subtotal).toBe(1);
    expect(r.skippedRows?.grandTotal).toBe(1);
  });

  it("still reports a customer missing from the Customers table, with Excel's row number and a message id", () => {
    const table = recognised(["InvoiceId", "CustomerId", "InvoiceDate", "DueDate", "Amount"], [["I1", "C9", 46000, 46030, 10]]);
    const problems: DetailedProblem[] = [];
    readReceivables(table, "1900", new Set(["C1"]), problems);
    expect(problems.map((p) => [p.row, p.message, p.messageId, p.params])).toEqual([
      [1, 'CustomerId row 2: customer "C9" is not in the Customers table', "problem.receivables.unknownCustomer", { header: "CustomerId", row: 2, customer: "C9" }],
    ]);
  });

  it("refuses a ledger with neither an amount nor an open amount, naming the table", () => {
    const table = recognised(["InvoiceId", "CustomerId", "InvoiceDate", "DueDate"], [["I1", "C1", 46000, 46030]]);
    const problems: DetailedProblem[] = [];
    const r = readReceivables(table, "1900", undefined, problems);
    expect(r.ledger.length).toBe(0);
    expect(problems.map((p) => [p.severity, p.messageId, p.message])).toEqual([
      ["error", "problem.receivables.noAmountColumn", 'Receivables table "Open Invoices" has no Amount or OpenAmount column'],
    ]);
  });
});

describe("readReceivables on ../shared/data/workbooks/ar-aging-report.xlsx (issue 20)", () => {
  it("reads its Open Invoices sheet as it is: every invoice, ILS from the header, the note below skipped, nothing reported", async () => {
    const file = join(__dirname, "../../../shared/data/workbooks/ar-aging-report.xlsx");
    const port = await XlsxWorkbook.load(file);
    if (!port.ok) throw new Error("cannot load");
    const snapshot = await port.value.readWorkbook();
    const table = recogniseTables(snapshot).tables.receivables!;
    expect(table.source.sheet).toBe("Open Invoices");
    expect(table.unrecognisedHeaders).toEqual(["Status"]);
    const problems: DetailedProblem[] = [];
    const r = readReceivables(table, snapshot.dateSystem, undefined, problems);
    expect(problems).toEqual([]);
    expect(r.headerCurrency).toBe("ILS");
    // The note below the list, under a blank row, is set aside by the recogniser already
    // (recogniseTables' withoutFootnotes, reported by the CLI as a note row skipped), so reading sees none.
    const original = snapshot.tables.find((s) => s.sheet === "Open Invoices")!;
    expect(original.rows.length - table.source.rows.length).toBe(2);
    expect(r.skippedRows?.note ?? 0).toBe(0);
    // The plain reading: every row of the sheet with an invoice number, through ExcelJS.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet("Open Invoices")!;
    let count = 0;
    let cents = 0;
    sheet.eachRow((row, n) => {
      const id = row.getCell(1).value;
      if (n > 1 && typeof id === "string" && /^INV-/.test(id)) {
        count++;
        cents += Math.round(Number(row.getCell(8).value) * 100);
      }
    });
    expect(r.ledger.length).toBe(count);
    expect(Array.from(r.ledger.openCents).reduce((a, b) => a + b, 0)).toBe(cents);
  }, 30_000);
});
