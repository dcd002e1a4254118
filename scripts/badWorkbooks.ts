/**
 * The bad-workbook corpus (issue 13): every kind of file a user hands the CLI that is not a
 * clean input workbook, generated into a folder rather than kept as binary blobs. Workbooks are
 * built with ExcelJS (tables or plain ranges, hidden sheets, merged cells, the 1904 date
 * system); the files that are not workbooks are raw bytes: a CSV renamed .xlsx, an empty file,
 * a truncated zip, an "encrypted" file (an OLE compound document holding an EncryptionInfo
 * stream, as Excel writes a password-protected workbook), a legacy .xls, and a zip bomb (a
 * 1 MB zip whose one part inflates to 1 GiB of zeros, built from one deflated MiB repeated,
 * so generating it costs no gigabyte). test/corpus/badWorkbooks.test.ts runs the CLI on each.
 *
 *   node -r ts-node/register/transpile-only scripts/badWorkbooks.ts <folder>
 * @example const files = await writeBadWorkbooks("/tmp/corpus"); files["zip-bomb"] //=> "/tmp/corpus/zip-bomb.xlsx"
 */
import { promises as fs } from "fs";
import * as path from "path";
import { constants as zlibConstants, crc32, deflateRawSync } from "zlib";
import ExcelJS from "exceljs";
import { writeZip } from "../src/host/xlsx/writeZip";

/** The corpus's as-of date: every case is reviewed at it. */
export const CORPUS_AS_OF = "2025-06-30";

type Cell = string | number | boolean | Date | null;

interface SheetDef {
  name: string;
  rows: Cell[][];
  /** Write the rows as an Excel table of this name (first row = header); else a plain range. */
  table?: string;
  /** Sheet row (0-based) of the first row. */
  top?: number;
  state?: "hidden" | "veryHidden";
  /** Merged areas, e.g. "A1:F1". */
  merges?: string[];
}

const day = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

const CUSTOMER_HEADERS = ["CustomerId", "Name", "Currency", "PaymentTermsDays", "CurrentLimit", "AnnualCreditSales"];
const CUSTOMERS: Cell[][] = [
  ["C001", "Alpha Trading", "CNY", 30, 200000, 1200000],
  ["C002", "Beta Components", "CNY", 45, 150000, 800000],
  ["C003", "Gamma Retail", "CNY", 60, 100000, 500000],
];
const RECEIVABLE_HEADERS = ["InvoiceId", "CustomerId", "InvoiceDate", "DueDate", "Amount", "Currency"];
const RECEIVABLES: Cell[][] = [
  ["INV-001", "C001", day(2025, 5, 2), day(2025, 6, 1), 12000, "CNY"],
  ["INV-002", "C001", day(2025, 3, 10), day(2025, 4, 9), 8000, "CNY"],
  ["INV-003", "C002", day(2025, 6, 5), day(2025, 7, 20), 15000, "CNY"],
  ["INV-004", "C002", day(2025, 1, 15), day(2025, 3, 1), 4000, "CNY"],
  ["INV-005", "C003", day(2025, 4, 20), day(2025, 6, 19), 9500, "CNY"],
];

/** The clean two-table workbook every workbook case starts from. */
function baseSheets(customers: Cell[][] = CUSTOMERS, receivables: Cell[][] = RECEIVABLES): SheetDef[] {
  return [
    { name: "Customers", table: "Customers", rows: [CUSTOMER_HEADERS, ...customers] },
    { name: "Receivables", table: "Receivables", rows: [RECEIVABLE_HEADERS, ...receivables] },
  ];
}

function addSheet(workbook: ExcelJS.Workbook, def: SheetDef): void {
  const ws = workbook.addWorksheet(def.name, def.state ? { state: def.state } : {});
  const top = def.top ?? 0;
  if (def.table) {
    const [header, ...rows] = def.rows;
    ws.addTable({
      name: def.table,
      ref: `A${top + 1}`,
      headerRow: true,
      columns: header.map((h) => ({ name: String(h) })),
      rows: rows.map((r) => r.map((v) => v ?? "")),
    });
    // ExcelJS writes "" for a blank table cell; a blank row must stay blank.
    rows.forEach((r, i) => r.forEach((v, c) => v === null && (ws.getCell(top + 2 + i, c + 1).value = null)));
  } else {
    def.rows.forEach((r, i) => r.forEach((v, c) => v !== null && (ws.getCell(top + 1 + i, c + 1).value = v)));
  }
  for (const area of def.merges ?? []) ws.mergeCells(area);
}

async function workbookBytes(sheets: SheetDef[], options: { date1904?: boolean } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Credit Desk corpus";
  if (options.date1904) workbook.properties.date1904 = true;
  for (const sheet of sheets) addSheet(workbook, sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A zip whose one part declares and inflates to `mebibytes` MiB of zeros: one MiB deflated with a
 * full flush (which resets the window, so the compressed MiB stands alone) repeated, then a final
 * empty block. `declaredBytes` overrides the size the zip states (a bomb that lies).
 */
export function zipBomb(mebibytes: number, declaredBytes?: number): Buffer {
  const mib = Buffer.alloc(1 << 20);
  const chunk = deflateRawSync(mib, { finishFlush: zlibConstants.Z_FULL_FLUSH });
  const compressed = Buffer.concat([...Array<Buffer>(mebibytes).fill(chunk), deflateRawSync(Buffer.alloc(0))]);
  let crc = 0;
  for (let i = 0; i < mebibytes; i++) crc = crc32(mib, crc);
  return writeZip([
    { name: "[Content_Types].xml", content: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    { name: "xl/worksheets/sheet1.xml", method: 8, crc32: crc, uncompressedSize: declaredBytes ?? mebibytes * (1 << 20), compressed },
  ]);
}

/** An OLE compound document header and directory naming `stream` (UTF-16LE), padded to 1 KiB. */
function oleFile(stream: string): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const directory = Buffer.alloc(512);
  Buffer.from(stream, "utf16le").copy(directory);
  return Buffer.concat([header, directory]);
}

const FORMULA_LIKE = ["=HYPERLINK(\"http://example.com\",\"click\")", "+86 21 5555 0100", "-Delta- Ltd", "@Epsilon"];

/** Every case: its file name (without .xlsx) → how its bytes are made. */
export const CASES = {
  "not-xlsx": async () => Buffer.from("CustomerId,Name\nC001,Alpha Trading\n"),
  empty: async () => Buffer.alloc(0),
  truncated: async () => {
    const whole = await workbookBytes(baseSheets());
    return whole.subarray(0, Math.floor(whole.length / 2));
  },
  encrypted: async () => oleFile("EncryptionInfo"),
  "legacy-xls": async () => oleFile("Workbook"),
  "zip-bomb": async () => zipBomb(1024),
  "zip-bomb-lying": async () => zipBomb(1024, 4096),
  // Declares a plausible 2 MiB (more than its compressed bytes), inflates to 1 GiB.
  "zip-bomb-understated": async () => zipBomb(1024, 2 << 20),
  "missing-columns": async () =>
    workbookBytes([baseSheets()[0], { name: "Receivables", table: "Receivables", rows: [RECEIVABLE_HEADERS.filter((h) => h !== "DueDate"), ...RECEIVABLES.map((r) => r.filter((_, i) => i !== 3))] }]),
  "duplicate-customers": async () => workbookBytes(baseSheets([...CUSTOMERS, ["C002", "Beta again", "CNY", 45, 1, 1]])),
  "duplicate-invoices": async () => workbookBytes(baseSheets(CUSTOMERS, [...RECEIVABLES, ["INV-003", "C003", day(2025, 6, 1), day(2025, 7, 1), 500, "CNY"]])),
  "text-numbers": async () =>
    workbookBytes(baseSheets(
      CUSTOMERS.map((r) => r.map((v, i) => (i >= 3 ? String(v) : v))),
      RECEIVABLES.map((r, k) => r.map((v, i) => (i === 4 ? (k === 0 ? "12,000.00" : ` ${String(v)} `) : v))),
    )),
  "blank-rows": async () =>
    workbookBytes(baseSheets(
      [CUSTOMERS[0], [null, null, null, null, null, null], CUSTOMERS[1], CUSTOMERS[2]],
      [RECEIVABLES[0], RECEIVABLES[1], [null, null, null, null, null, null], [null, null, null, null, null, null], ...RECEIVABLES.slice(2)],
    )),
  "dates-1900": async () => workbookBytes(baseSheets()),
  "dates-1904": async () => workbookBytes(baseSheets(), { date1904: true }),
  "credit-notes": async () =>
    workbookBytes(baseSheets(CUSTOMERS, [...RECEIVABLES, ["CN-001", "C001", day(2025, 6, 10), day(2025, 6, 10), -2000, "CNY"], ["PAY-ON-ACC", "C002", day(2025, 6, 20), day(2025, 6, 20), -1000, "CNY"]])),
  "mixed-currencies": async () => workbookBytes(baseSheets(CUSTOMERS, RECEIVABLES.map((r, k) => (k === 2 ? [...r.slice(0, 5), "USD"] : r)))),
  "due-before-invoice": async () => workbookBytes(baseSheets(CUSTOMERS, RECEIVABLES.map((r, k) => (k === 3 ? [r[0], r[1], day(2025, 3, 1), day(2025, 1, 15), r[4], r[5]] : r)))),
  "text-dates": async () =>
    workbookBytes(baseSheets(CUSTOMERS, [
      ["INV-001", "C001", "2025-05-02", "2025-06-01", 12000, "CNY"],
      ["INV-002", "C001", "3/10/2025", "4/9/2025", 8000, "CNY"],
      ["INV-003", "C002", "2025-06-05T00:00:00", "2025-07-20 00:00", 15000, "CNY"],
      ["INV-004", "C002", day(2025, 1, 15), "03/01/2025", 4000, "CNY"],
      ["INV-005", "C003", " 2025-04-20 ", day(2025, 6, 19), 9500, "CNY"],
    ])),
  "bad-text-date": async () => workbookBytes(baseSheets(CUSTOMERS, RECEIVABLES.map((r, k) => (k === 4 ? [r[0], r[1], r[2], "19.06.2025", r[4], r[5]] : r)))),
  "chinese-headers": async () =>
    workbookBytes([
      { name: "客户", table: "客户资料", rows: [["客户编号", "客户名称", "币种", "账期", "信用额度", "年赊销额"], ...CUSTOMERS] },
      { name: "应收账款", table: "应收", rows: [["发票号", "客户编号", "开票日期", "到期日", "金额", "币种"], ...RECEIVABLES] },
    ]),
  // One name per leading character a cell would read as a formula ("=", "+", "-", "@"): a fourth customer, without invoices.
  "formula-text": async () => workbookBytes(baseSheets([...CUSTOMERS, ["C004", "", "CNY", 30, 0, 0]].map((r, k) => [r[0], FORMULA_LIKE[k], ...r.slice(2)]))),
  "merged-title": async () =>
    workbookBytes([
      { name: "Customers", rows: [["Customer list, June 2025"], [null], CUSTOMER_HEADERS, ...CUSTOMERS], merges: ["A1:F1"] },
      { name: "Ledger", rows: [["Open receivables"], ["Prepared by the credit team"], RECEIVABLE_HEADERS, ...RECEIVABLES], merges: ["A1:F1", "A2:C2"] },
    ]),
  // A ledger kept the way many are typed: each customer's id in one cell merged down over its invoices.
  "merged-cells": async () =>
    workbookBytes([
      baseSheets()[0],
      { name: "Receivables", rows: [RECEIVABLE_HEADERS, ...RECEIVABLES.map((r, k) => (k === 1 || k === 3 ? [r[0], null, ...r.slice(2)] : r))], merges: ["B2:B3", "B4:B5"] },
    ]),
  "hidden-sheets": async () =>
    workbookBytes([
      // A fuller, older customer list on a hidden sheet: it must not outrank the visible one.
      { name: "Old customers", table: "OldCustomers", state: "hidden", rows: [[...CUSTOMER_HEADERS, "GrossMargin", "Collateral"], ["X001", "Gone Ltd", "CNY", 30, 1, 1, 0.2, 0]] },
      { name: "Customers", rows: [CUSTOMER_HEADERS, ...CUSTOMERS] },
      { name: "Receivables", rows: [RECEIVABLE_HEADERS, ...RECEIVABLES] },
    ]),
  "hidden-only": async () =>
    workbookBytes([baseSheets()[0], { name: "Ledger", table: "Ledger", state: "veryHidden", rows: [RECEIVABLE_HEADERS, ...RECEIVABLES] }]),
  valid: async () => workbookBytes(baseSheets()),
} satisfies Record<string, () => Promise<Buffer>>;

export type CaseName = keyof typeof CASES;
export const CASE_NAMES = Object.keys(CASES) as CaseName[];

/** Write every case (or those named) into `dir` as `<case>.xlsx`; answers each file's path. */
export async function writeBadWorkbooks(dir: string, only: readonly CaseName[] = CASE_NAMES): Promise<Record<CaseName, string>> {
  await fs.mkdir(dir, { recursive: true });
  const files = {} as Record<CaseName, string>;
  for (const name of only) {
    const file = path.join(dir, `${name}.xlsx`);
    await fs.writeFile(file, await CASES[name]());
    files[name] = file;
  }
  return files;
}

if (require.main === module) {
  const [dir] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write("usage: scripts/badWorkbooks.ts <folder>\n");
    process.exitCode = 2;
  } else {
    writeBadWorkbooks(dir).then(
      (files) => process.stdout.write(`${Object.keys(files).length} cases in ${dir}\n`),
      (e: unknown) => {
        process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = 1;
      },
    );
  }
}
