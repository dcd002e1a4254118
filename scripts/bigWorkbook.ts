/**
 * Generate a large input workbook for measuring the CLI (issue 5, issue 19: up to 1,000,000
 * invoices, one Excel sheet's worth): the sample portfolio's customers, financials, orders and
 * policy, with N generated receivables spread over those customers (about 70 % settled, the rest
 * open across every aging bucket). Deterministic (seeded).
 *
 * Written as a stream: a small workbook is built the usual way (XlsxWorkbook) with the first
 * receivables, then streamTableRows writes it out with the Receivables table grown to all N,
 * each record generated, written and dropped in turn, so memory does not grow with N beyond
 * the distinct strings (the invoice ids).
 *
 *   node -r ts-node/register/transpile-only scripts/bigWorkbook.ts big.xlsx 100000 [YYYY-MM-DD]
 *   /usr/bin/time -v node bin/credit-desk.js review big.xlsx --as-of 2025-06-30
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from "fs";
import { dayFromCivil, toExcelSerial, type DayNumber } from "../src/engine/dates/dayNumber";
import { parseDateText } from "../src/engine/dates/dayNumber";
import { roundMoney } from "../src/engine/money/cents";
import { buildInputSheets, recordsToRows } from "../src/app/buildInputSheets";
import { samplePortfolio, type SampleRecord } from "../src/app/samplePortfolio";
import { seededRandom } from "../src/app/seededRandom";
import { streamTableRows } from "../src/host/xlsx/streamTableRows";
import { XlsxWorkbook } from "../src/host/xlsx/XlsxWorkbook";

/** N receivables over the sample's customers, invoiced over the 14 months before asOf. */
export function bigReceivables(asOf: DayNumber, count: number, customerIds: readonly string[], seed = 7): SampleRecord[] {
  return [...bigReceivableRecords(asOf, count, customerIds, seed)];
}

/** The records of bigReceivables one at a time (the first k are bigReceivables(asOf, k, …)). */
export function* bigReceivableRecords(asOf: DayNumber, count: number, customerIds: readonly string[], seed = 7): Generator<SampleRecord> {
  const rng = seededRandom(seed);
  for (let i = 0; i < count; i++) {
    const invoiceDay = asOf - rng.int(0, 425);
    const terms = rng.pick([30, 45, 60]);
    const dueDay = invoiceDay + terms;
    const amount = roundMoney(rng.between(200, 60_000));
    const isSettled = rng.next() < 0.7 && dueDay - 60 < asOf;
    const settledDay = isSettled ? Math.min(asOf, dueDay + rng.int(-10, 45)) : undefined;
    yield {
      invoiceId: `INV-${String(i + 1).padStart(7, "0")}`,
      customerId: rng.pick(customerIds),
      invoiceDate: toExcelSerial(invoiceDay),
      dueDate: toExcelSerial(dueDay),
      amount,
      paidAmount: isSettled ? amount : null,
      openAmount: null,
      settledDate: settledDay !== undefined ? toExcelSerial(Math.max(invoiceDay, settledDay)) : null,
      currency: null,
      disputed: rng.next() < 0.01 ? "Yes" : "No",
    };
  }
}

/** Receivables written in the small workbook that streamTableRows grows (enough to show every column's style). */
const TEMPLATE_ROWS = 200;

export async function writeBigWorkbook(file: string, count: number, asOf: DayNumber): Promise<void> {
  const sample = samplePortfolio(asOf);
  const customerIds = sample.customers.map((c) => String(c.customerId));
  const templateRows = recordsToRows("receivables", bigReceivables(asOf, Math.min(count, TEMPLATE_ROWS), customerIds));
  const sheets = buildInputSheets(true, asOf);
  const receivables = sheets.find((sheet) => sheet.name === "Receivables");
  const table = receivables?.tables[0];
  if (!receivables || !table) throw new Error("the input sheets have no Receivables table");
  const book = XlsxWorkbook.create();
  await book.writeSheets(sheets.map((sheet) => (sheet === receivables ? { ...sheet, tables: sheet.tables.map((t) => (t === table ? { ...t, rows: templateRows } : t)) } : sheet)));
  const template = await book.toBuffer();
  const rows = (function* () {
    for (const record of bigReceivableRecords(asOf, count, customerIds)) yield recordsToRows("receivables", [record])[0];
  })();
  const partial = `${file}.${process.pid}.partial`;
  const fd = openSync(partial, "w");
  try {
    streamTableRows(template, table.name, rows, (chunk) => {
      writeSync(fd, chunk);
    });
  } catch (e) {
    closeSync(fd);
    rmSync(partial, { force: true });
    throw e;
  }
  closeSync(fd);
  renameSync(partial, file);
}

if (require.main === module) {
  const [file = "big.xlsx", countText = "100000", asOfText] = process.argv.slice(2);
  const asOf = asOfText ? parseDateText(asOfText) : { ok: true as const, value: dayFromCivil(2025, 6, 30) };
  const count = Number(countText);
  if (!asOf.ok || !Number.isInteger(count) || count < 1) {
    process.stderr.write("usage: scripts/bigWorkbook.ts <file.xlsx> <invoices> [YYYY-MM-DD]\n");
    process.exitCode = 2;
  } else {
    writeBigWorkbook(file, count, asOf.value).then(
      () => process.stdout.write(`${file}: ${count} invoices over ${samplePortfolio(asOf.value).customers.length} customers\n`),
      (e: unknown) => {
        process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = 1;
      },
    );
  }
}
