/**
 * Test data for the workbook adapters: receivable rows of fixed JSON width (so payload sizes are
 * predictable), and a representative output sheet.
 */
import type { CellValue, SheetSpec } from "../../../src/host/WorkbookPort";

export const RECEIVABLE_HEADERS = [
  "CustomerId",
  "InvoiceNo",
  "InvoiceDate",
  "DueDate",
  "Amount",
  "Currency",
  "SettledDate",
  "AmountPaid",
  "Region",
  "SalesRep",
  "Terms",
  "Status",
];

const pad = (n: number, width: number): string => String(n).padStart(width, "0");
const REGIONS = ["NORTH", "SOUTH", "EASTX", "WESTX"];

/** Row i of a receivables ledger: 12 columns, every row serialising to the same JSON length. */
export function receivableRow(i: number): CellValue[] {
  const invoiceDate = 45000 + (i % 900);
  return [
    `C${pad(i % 5000, 5)}`,
    `INV-${pad(i, 7)}`,
    invoiceDate,
    invoiceDate + 30,
    1000 + (i % 9000) + 0.25,
    "EUR",
    invoiceDate + 40,
    1000 + ((i * 7) % 9000) + 0.5,
    REGIONS[i % 4],
    `R${pad(i % 100, 3)}`,
    30 + (i % 3) * 30,
    i % 2 === 0 ? "OPEN" : "PAID",
  ];
}

export function receivableRows(count: number): CellValue[][] {
  return Array.from({ length: count }, (_, i) => receivableRow(i));
}

/** A narrow ledger: three short columns, so 100,000 rows stay under one 4 MB response. */
export function narrowRows(count: number): CellValue[][] {
  return Array.from({ length: count }, (_, i) => [i % 10, (i * 3) % 10, i % 2 === 0]);
}

/** An output sheet using every feature of SheetSpec. */
export function reviewSheet(rows: CellValue[][]): SheetSpec {
  return {
    name: "Credit Review",
    title: "Credit review",
    info: [
      {
        row: 1,
        column: 0,
        lines: [
          ["As-of date", 46218],
          ["Policy", "=HYPERLINK(\"x\")"],
        ],
        formats: { "As-of date": "yyyy-mm-dd" },
      },
    ],
    tables: [
      {
        name: "CreditReview",
        headerRow: 4,
        firstColumn: 0,
        columns: [
          { header: "Customer", kind: "text", width: 20 },
          { header: "Grade", kind: "text" },
          { header: "Limit", kind: "money" },
          { header: "Overdue", kind: "money", numberFormat: "#,##0" },
          { header: "Score", kind: "percent" },
          { header: "Review date", kind: "date" },
        ],
        rows,
        totals: ["Total", null, 0, 0, null, null],
        conditionalFormats: [
          { type: "textEquals", column: "Grade", text: "E", fill: "#FFC7CE", fontColor: "#9C0006" },
          { type: "dataBar", column: "Limit", color: "#638EC6" },
          { type: "greaterThan", column: "Overdue", value: 0, fill: "#FFEB9C" },
        ],
        validations: [
          { type: "wholeNumber", column: "Limit", min: 0, max: 1_000_000 },
          { type: "decimal", column: "Score", min: 0, max: 1 },
          { type: "date", column: "Review date" },
          { type: "list", column: "Grade", values: ["A", "B", "C", "D", "E"] },
        ],
        style: "TableStyleLight9",
      },
    ],
    charts: [
      {
        name: "LimitsByCustomer",
        title: "Limits",
        type: "columnStacked",
        table: "CreditReview",
        categoryColumn: "Customer",
        seriesColumns: ["Limit", "Overdue"],
        anchor: { row: 4, column: 8 },
        size: { widthPt: 400, heightPt: 250 },
      },
    ],
    freezeRows: 5,
    tabColor: "#1F4E79",
  };
}

/** Rows for reviewSheet's table. */
export function reviewRows(count: number): CellValue[][] {
  return Array.from({ length: count }, (_, i) => [
    `Customer ${i}`,
    ["A", "B", "C", "D", "E"][i % 5],
    10000 + i,
    i % 3 === 0 ? 500 : 0,
    (50 + (i % 50)) / 100,
    46000 + (i % 365),
  ]);
}
