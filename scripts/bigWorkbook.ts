/**
 * Generate a large input workbook for measuring the CLI (issue 5: 100k invoices, peak memory
 * under 1 GB): the sample portfolio's customers, financials, orders and policy, with N generated
 * receivables spread over those customers (about 70 % settled, the rest open across every aging
 * bucket). Deterministic (seeded).
 *
 *   node -r ts-node/register/transpile-only scripts/bigWorkbook.ts big.xlsx 100000 [YYYY-MM-DD]
 *   /usr/bin/time -v node bin/credit-desk.js review big.xlsx --as-of 2025-06-30
 */
import { dayFromCivil, toExcelSerial, type DayNumber } from "../src/engine/dates/dayNumber";
import { parseDateText } from "../src/engine/dates/dayNumber";
import { roundMoney } from "../src/engine/money/cents";
import { buildInputSheets, recordsToRows } from "../src/app/buildInputSheets";
import { samplePortfolio, type SampleRecord } from "../src/app/samplePortfolio";
import { seededRandom } from "../src/app/seededRandom";
import { XlsxWorkbook } from "../src/host/xlsx/XlsxWorkbook";

/** N receivables over the sample's customers, invoiced over the 14 months before asOf. */
export function bigReceivables(asOf: DayNumber, count: number, customerIds: readonly string[], seed = 7): SampleRecord[] {
  const rng = seededRandom(seed);
  const records: SampleRecord[] = [];
  for (let i = 0; i < count; i++) {
    const invoiceDay = asOf - rng.int(0, 425);
    const terms = rng.pick([30, 45, 60]);
    const dueDay = invoiceDay + terms;
    const amount = roundMoney(rng.between(200, 60_000));
    const isSettled = rng.next() < 0.7 && dueDay - 60 < asOf;
    const settledDay = isSettled ? Math.min(asOf, dueDay + rng.int(-10, 45)) : undefined;
    records.push({
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
    });
  }
  return records;
}

export async function writeBigWorkbook(file: string, count: number, asOf: DayNumber): Promise<void> {
  const sample = samplePortfolio(asOf);
  const customerIds = sample.customers.map((c) => String(c.customerId));
  const rows = recordsToRows("receivables", bigReceivables(asOf, count, customerIds));
  const sheets = buildInputSheets(true, asOf).map((sheet) =>
    sheet.name === "Receivables" ? { ...sheet, tables: sheet.tables.map((t) => ({ ...t, rows })) } : sheet,
  );
  const book = XlsxWorkbook.create();
  await book.writeSheets(sheets);
  const saved = await book.save(file);
  if (!saved.ok) throw new Error(`cannot save ${file}`);
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
