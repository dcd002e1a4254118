/**
 * Open-items exports of the accounting systems users have (issue 20), generated from ONE
 * synthetic ledger (made-up customers and invoices, no company's data) rather than kept as
 * binaries: each workbook has its system's documented column set and report shape (title rows,
 * spacer rows, headings, per-customer or per-bucket subtotals, the grand total), and the same
 * ledger is also written in the product's own template (buildInputSheets' Customers and
 * Receivables tables). test/app/vendorExports.test.ts reads each one and checks that it ages
 * like the template, per customer and in total, to the cent.
 *
 * Column sets, from each system's documentation of the report:
 * - QuickBooks "A/R Aging Detail": Date, Transaction Type, Num, Customer, Due Date, Past Due,
 *   Amount, Open Balance; sections per aging bucket ("Current", "1 - 30 days past due", …) with
 *   "Total for …" rows and a final "TOTAL".
 * - Xero "Aged Receivables Detail": Invoice Date, Invoice Number, Contact, Reference, Due Date,
 *   Total, Paid, Credited, Amount Due; grouped per contact (a heading row and "Total <contact>"),
 *   a final "Total".
 * - SAP FBL5N (customer line items, open items): Customer, Name 1, Document Number, Document Type,
 *   Document Date, Net due date, Arrears by Net Due Date, Amount in local currency, Local Currency;
 *   per-customer "*" total rows and the "**" grand total.
 * - Oracle Receivables "Aging - 7 Buckets": Customer Name, Customer Number, Transaction Number,
 *   Type, Transaction Date, Due Date, Days Past Due, Outstanding Amount and the bucket columns;
 *   "Customer Total" rows and "Report Total".
 * - Odoo journal items (receivable lines, grouped by partner): Date, Journal Entry, Partner,
 *   Label, Due Date, Debit, Amount Residual; each group's row ("Acme (3)") carries the sums.
 * - ERPNext "Accounts Receivable": Posting Date, Party, Customer Name, Voucher Type, Voucher No,
 *   Due Date, Invoiced Amount, Paid Amount, Credit Note, Outstanding Amount, Age (Days), the range
 *   columns (0-30 … 121-Above) and Currency; a "Total" row.
 * - Kingdee 金蝶 应收款明细表: 客户编码, 客户名称, 单据日期, 单据编号, 到期日, 应收金额, 已收金额,
 *   未收金额; 小计 per customer and 合计.
 * - Yonyou 用友 应收账龄分析表 (detail): 客户编码, 客户名称, 单据日期, 单据号, 到期日, 原币金额,
 *   原币余额, 账龄 and the bucket columns (1-30天 … 90天以上); 客户小计 and 总计.
 * - A hand-made aging sheet: Invoice #, Customer, Status, Issue Date, Due Date,
 *   Open Advance (EUR), below a title and a blank row.
 *
 *   node -r ts-node/register/transpile-only scripts/vendorExports.ts <folder>
 * @example const files = await writeVendorExports("/tmp/vendors"); files.quickbooks //=> "/tmp/vendors/quickbooks.xlsx"
 */
import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { buildInputSheets } from "../src/app/buildInputSheets";
import { seededRandom } from "../src/app/seededRandom";
import { dayFromCivil } from "../src/engine/dates/dayNumber";
import type { CellValue, SheetSpec } from "../src/host/WorkbookPort";
import { XlsxWorkbook } from "../src/host/xlsx/XlsxWorkbook";

/** The date every export was "run" at, and the review's as-of date. */
export const VENDOR_AS_OF = "2026-07-16";
const AS_OF_DAY = dayFromCivil(2026, 7, 16);
export const VENDOR_CURRENCY = "EUR";

export interface SyntheticCustomer {
  id: string;
  name: string;
  termsDays: number;
}

export interface SyntheticInvoice {
  id: string;
  customer: SyntheticCustomer;
  /** Day numbers (days since 1970-01-01). */
  invoiceDay: number;
  dueDay: number;
  /** In cents, so that every sum below is exact. */
  amountCents: number;
  paidCents: number;
}

const CUSTOMERS: SyntheticCustomer[] = [
  { id: "100001", name: "Amberfield Tools", termsDays: 30 },
  { id: "100002", name: "Birchway Foods", termsDays: 45 },
  { id: "100003", name: "Cobalt Line Logistics", termsDays: 60 },
  { id: "100004", name: "Total Harbour Supplies", termsDays: 30 },
  { id: "100005", name: "Delta Quay Retail", termsDays: 30 },
  { id: "100006", name: "Ember & Oak Interiors", termsDays: 45 },
];

/**
 * The synthetic ledger: open invoices only (an open-items export lists nothing else), dated
 * over the 200 days before the as-of date so that every aging bucket holds some, a third of them
 * part-paid. One customer's name starts with "Total", to show it is never taken for a total row.
 */
export function syntheticLedger(): SyntheticInvoice[] {
  const random = seededRandom(20260716);
  const invoices: SyntheticInvoice[] = [];
  for (let k = 0; k < 42; k++) {
    const customer = CUSTOMERS[k % CUSTOMERS.length];
    const invoiceDay = AS_OF_DAY - random.int(1, 200);
    const amountCents = random.int(15_000, 2_500_000);
    const paidCents = random.next() < 0.33 ? Math.round(amountCents * random.between(0.1, 0.9)) : 0;
    invoices.push({ id: `INV-${String(2600 + k).padStart(5, "0")}`, customer, invoiceDay, dueDay: invoiceDay + customer.termsDays, amountCents, paidCents });
  }
  return invoices.sort((a, b) => (a.customer.id < b.customer.id ? -1 : a.customer.id > b.customer.id ? 1 : a.invoiceDay - b.invoiceDay));
}

type Cell = string | number | Date | null;

const dateOf = (day: number): Date => new Date(day * 86_400_000);
const money = (cents: number): number => cents / 100;
const openCents = (i: SyntheticInvoice): number => i.amountCents - i.paidCents;
const sum = (items: readonly SyntheticInvoice[], of: (i: SyntheticInvoice) => number): number => money(items.reduce((s, i) => s + of(i), 0));
const daysPastDue = (i: SyntheticInvoice): number => AS_OF_DAY - i.dueDay;

function byCustomer(ledger: readonly SyntheticInvoice[]): [SyntheticCustomer, SyntheticInvoice[]][] {
  const groups = new Map<SyntheticCustomer, SyntheticInvoice[]>();
  for (const invoice of ledger) groups.set(invoice.customer, [...(groups.get(invoice.customer) ?? []), invoice]);
  return [...groups.entries()];
}

/** QuickBooks' aging sections, by days past due at the report date. */
const QB_SECTIONS: readonly [string, (days: number) => boolean][] = [
  ["Current", (d) => d <= 0],
  ["1 - 30 days past due", (d) => d >= 1 && d <= 30],
  ["31 - 60 days past due", (d) => d >= 31 && d <= 60],
  ["61 - 90 days past due", (d) => d >= 61 && d <= 90],
  ["91 or more days past due", (d) => d >= 91],
];

/** Bucket columns (Oracle, ERPNext, Yonyou): the open amount in the bucket of its days past due, blank elsewhere. */
function bucketCells(invoice: SyntheticInvoice, limits: readonly number[]): Cell[] {
  const days = daysPastDue(invoice);
  let index = limits.findIndex((limit) => days <= limit);
  if (index < 0) index = limits.length;
  return Array.from({ length: limits.length + 1 }, (_, k) => (k === index ? money(openCents(invoice)) : null));
}

/** One sheet of an export: rows from the sheet's first row, and the merged title cells. */
export interface ExportSheet {
  name: string;
  rows: Cell[][];
  merges?: string[];
}

type Layout = (ledger: readonly SyntheticInvoice[]) => ExportSheet;

export const LAYOUTS = {
  quickbooks: (ledger) => {
    const rows: Cell[][] = [["Northwind Demo Trading"], ["A/R Aging Detail"], ["As of July 16, 2026"], [],
      ["Date", "Transaction Type", "Num", "Customer", "Due Date", "Past Due", "Amount", "Open Balance"]];
    for (const [section, inSection] of QB_SECTIONS) {
      const items = ledger.filter((i) => inSection(daysPastDue(i)));
      if (items.length === 0) continue;
      rows.push([section]);
      for (const i of items) rows.push([dateOf(i.invoiceDay), "Invoice", i.id.slice(4), i.customer.name, dateOf(i.dueDay), daysPastDue(i), money(i.amountCents), money(openCents(i))]);
      rows.push([`Total for ${section}`, null, null, null, null, null, sum(items, (i) => i.amountCents), sum(items, openCents)], []);
    }
    rows.push(["TOTAL", null, null, null, null, null, sum(ledger, (i) => i.amountCents), sum(ledger, openCents)]);
    return { name: "A_R Aging Detail", rows, merges: ["A1:H1", "A2:H2", "A3:H3"] };
  },
  xero: (ledger) => {
    const rows: Cell[][] = [["Aged Receivables Detail"], ["Northwind Demo Trading"], ["As at 16 July 2026"], ["Ageing by due date"], [],
      ["Invoice Date", "Invoice Number", "Contact", "Reference", "Due Date", "Total", "Paid", "Credited", "Amount Due"]];
    for (const [customer, items] of byCustomer(ledger)) {
      rows.push([customer.name]);
      for (const i of items) rows.push([dateOf(i.invoiceDay), i.id, customer.name, `PO ${i.id.slice(-3)}`, dateOf(i.dueDay), money(i.amountCents), money(i.paidCents), 0, money(openCents(i))]);
      rows.push([`Total ${customer.name}`, null, null, null, null, sum(items, (i) => i.amountCents), sum(items, (i) => i.paidCents), 0, sum(items, openCents)], []);
    }
    rows.push(["Total", null, null, null, null, sum(ledger, (i) => i.amountCents), sum(ledger, (i) => i.paidCents), 0, sum(ledger, openCents)]);
    return { name: "Aged Receivables Detail", rows };
  },
  sap: (ledger) => {
    // FBL5N lists each open item with its open amount (a part payment is a residual item).
    const rows: Cell[][] = [["Customer Line Item Display"], ["Open items at key date 16.07.2026"], [],
      ["Customer", "Name 1", "Document Number", "Document Type", "Document Date", "Net due date", "Arrears by Net Due Date", "Amount in local currency", "Local Currency"]];
    for (const [customer, items] of byCustomer(ledger)) {
      for (const i of items) rows.push([customer.id, customer.name, `18${i.id.slice(4)}`, "DR", dateOf(i.invoiceDay), dateOf(i.dueDay), daysPastDue(i), money(openCents(i)), VENDOR_CURRENCY]);
      rows.push(["*", null, null, null, null, null, null, sum(items, openCents), VENDOR_CURRENCY]);
    }
    rows.push(["**", null, null, null, null, null, null, sum(ledger, openCents), VENDOR_CURRENCY]);
    return { name: "FBL5N", rows };
  },
  oracle: (ledger) => {
    const limits = [0, 30, 60, 90, 180, 360];
    const rows: Cell[][] = [["Vision Operations"], ["Aging - 7 Buckets - By Account Report"], ["As of Date: 16-JUL-2026"], [],
      ["Customer Name", "Customer Number", "Transaction Number", "Type", "Transaction Date", "Due Date", "Days Past Due", "Outstanding Amount",
        "Current", "1-30", "31-60", "61-90", "91-180", "181-360", "361+"]];
    for (const [customer, items] of byCustomer(ledger)) {
      for (const i of items) rows.push([customer.name, customer.id, i.id, "Invoice", dateOf(i.invoiceDay), dateOf(i.dueDay), Math.max(0, daysPastDue(i)), money(openCents(i)), ...bucketCells(i, limits)]);
      rows.push([null, null, null, null, null, null, "Customer Total", sum(items, openCents)]);
    }
    rows.push([null, null, null, null, null, null, "Report Total", sum(ledger, openCents)]);
    return { name: "Aging 7 Buckets", rows };
  },
  odoo: (ledger) => {
    const rows: Cell[][] = [["Date", "Journal Entry", "Partner", "Label", "Due Date", "Debit", "Amount Residual"]];
    for (const [customer, items] of byCustomer(ledger)) {
      rows.push([`${customer.name} (${items.length})`, null, null, null, null, sum(items, (i) => i.amountCents), sum(items, openCents)]);
      for (const i of items) rows.push([dateOf(i.invoiceDay), `INV/2026/${i.id.slice(-5)}`, customer.name, i.id, dateOf(i.dueDay), money(i.amountCents), money(openCents(i))]);
    }
    return { name: "Journal Items", rows };
  },
  erpnext: (ledger) => {
    const limits = [30, 60, 90, 120];
    const rows: Cell[][] = [["Posting Date", "Party", "Customer Name", "Voucher Type", "Voucher No", "Due Date", "Invoiced Amount", "Paid Amount", "Credit Note",
      "Outstanding Amount", "Age (Days)", "0-30", "31-60", "61-90", "91-120", "121-Above", "Currency"]];
    for (const i of ledger) {
      const age = AS_OF_DAY - i.invoiceDay;
      // ERPNext ranges by age; the cells are derived columns the review ignores either way.
      const ranges = bucketCells({ ...i, dueDay: i.invoiceDay }, limits);
      rows.push([dateOf(i.invoiceDay), `CUST-${i.customer.id}`, i.customer.name, "Sales Invoice", `ACC-SINV-2026-${i.id.slice(-5)}`, dateOf(i.dueDay),
        money(i.amountCents), money(i.paidCents), 0, money(openCents(i)), age, ...ranges, VENDOR_CURRENCY]);
    }
    rows.push(["Total", null, null, null, null, null, sum(ledger, (i) => i.amountCents), sum(ledger, (i) => i.paidCents), 0, sum(ledger, openCents)]);
    return { name: "Accounts Receivable", rows };
  },
  kingdee: (ledger) => {
    const rows: Cell[][] = [["应收款明细表"], ["期间：2026年7月    币别：欧元"], [], ["客户编码", "客户名称", "单据日期", "单据编号", "到期日", "应收金额", "已收金额", "未收金额"]];
    for (const [customer, items] of byCustomer(ledger)) {
      for (const i of items) rows.push([`K${customer.id}`, customer.name, dateOf(i.invoiceDay), `AR${i.id.slice(-5)}`, dateOf(i.dueDay), money(i.amountCents), money(i.paidCents), money(openCents(i))]);
      rows.push([null, "小计", null, null, null, sum(items, (i) => i.amountCents), sum(items, (i) => i.paidCents), sum(items, openCents)]);
    }
    rows.push(["合计", null, null, null, null, sum(ledger, (i) => i.amountCents), sum(ledger, (i) => i.paidCents), sum(ledger, openCents)]);
    return { name: "应收款明细表", rows, merges: ["A1:H1"] };
  },
  yonyou: (ledger) => {
    const limits = [30, 60, 90];
    const rows: Cell[][] = [["应收账龄分析表"], ["截止日期：2026-07-16"],
      ["客户编码", "客户名称", "单据日期", "单据号", "到期日", "原币金额", "原币余额", "账龄", "1-30天", "31-60天", "61-90天", "90天以上"]];
    for (const [customer, items] of byCustomer(ledger)) {
      for (const i of items) {
        // The bucket columns hold what is past due; not yet due is in none of them.
        const buckets = daysPastDue(i) <= 0 ? [null, null, null, null] : bucketCells({ ...i, dueDay: i.dueDay + 1 }, limits);
        rows.push([`${customer.id}`, customer.name, dateOf(i.invoiceDay), `YS${i.id.slice(-5)}`, dateOf(i.dueDay), money(i.amountCents), money(openCents(i)), AS_OF_DAY - i.invoiceDay, ...buckets]);
      }
      rows.push([null, "客户小计", null, null, null, sum(items, (i) => i.amountCents), sum(items, openCents)]);
    }
    rows.push(["总计", null, null, null, null, sum(ledger, (i) => i.amountCents), sum(ledger, openCents)]);
    return { name: "账龄分析", rows };
  },
  handmade: (ledger) => {
    const rows: Cell[][] = [["Receivables aging, July 2026"], [], ["Invoice #", "Customer", "Status", "Issue Date", "Due Date", `Open Advance (${VENDOR_CURRENCY})`]];
    for (const i of ledger) rows.push([i.id, i.customer.name, daysPastDue(i) > 0 ? "Overdue" : "Open", dateOf(i.invoiceDay), dateOf(i.dueDay), money(openCents(i))]);
    return { name: "Open Invoices", rows };
  },
} satisfies Record<string, Layout>;

export type LayoutName = keyof typeof LAYOUTS;
export const LAYOUT_NAMES = Object.keys(LAYOUTS) as LayoutName[];

/**
 * The key each layout gives a customer in its customer column: its number (SAP, Oracle,
 * Kingdee and Yonyou carry one beside the name; ERPNext's Party and Kingdee's code are their own
 * numbers) or its name (QuickBooks, Xero, Odoo and the hand-made sheet have only the name).
 */
export function customerKey(layout: LayoutName, customer: SyntheticCustomer): string {
  switch (layout) {
    case "sap":
    case "oracle":
    case "yonyou":
      return customer.id;
    case "erpnext":
      return `CUST-${customer.id}`;
    case "kingdee":
      return `K${customer.id}`;
    default:
      return customer.name;
  }
}

/** An export as .xlsx bytes; with `withCustomers`, a Customers table (keyed as the layout keys them) on a sheet of its own. */
export async function exportWorkbook(layout: LayoutName, options: { withCustomers?: boolean } = {}): Promise<Buffer> {
  const ledger = syntheticLedger();
  const sheet: ExportSheet = LAYOUTS[layout](ledger);
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(sheet.name);
  sheet.rows.forEach((row, r) => row.forEach((value, c) => {
    if (value !== null) ws.getCell(r + 1, c + 1).value = value;
  }));
  for (const merge of sheet.merges ?? []) ws.mergeCells(merge);
  if (options.withCustomers) {
    const customers = workbook.addWorksheet("Customers");
    customers.addTable({
      name: "Customers", ref: "A1",
      columns: [{ name: "CustomerId" }, { name: "Name" }, { name: "Currency" }, { name: "PaymentTermsDays" }],
      rows: CUSTOMERS.map((c) => [customerKey(layout, c), c.name, VENDOR_CURRENCY, c.termsDays]),
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The same ledger in the product's own template: the set-up flow's Customers and Receivables
 * tables (buildInputSheets, empty) filled with it, written by the xlsx adapter.
 */
export async function templateWorkbook(): Promise<Buffer> {
  const ledger = syntheticLedger();
  const sheets: SheetSpec[] = buildInputSheets(false, AS_OF_DAY).filter((s) => s.name === "Customers" || s.name === "Receivables");
  const fill = (spec: SheetSpec, values: Record<string, CellValue>[]): void => {
    const table = spec.tables[0];
    table.rows = values.map((v) => table.columns.map((c) => v[c.header] ?? null));
  };
  fill(sheets[0], CUSTOMERS.map((c) => ({ CustomerId: c.id, Name: c.name, Currency: VENDOR_CURRENCY, PaymentTermsDays: c.termsDays })));
  // Dates as 1900 serials, as the set-up sheets write them.
  fill(sheets[1], ledger.map((i) => ({
    InvoiceId: i.id, CustomerId: i.customer.id, InvoiceDate: i.invoiceDay + 25569, DueDate: i.dueDay + 25569,
    Amount: money(i.amountCents), PaidAmount: i.paidCents > 0 ? money(i.paidCents) : null, Currency: VENDOR_CURRENCY,
  })));
  const port = XlsxWorkbook.create();
  await port.writeSheets(sheets);
  return port.toBuffer();
}

/** Write every export (and the template) into a folder; returns each file's path by layout. */
export async function writeVendorExports(dir: string): Promise<Record<LayoutName | "template", string>> {
  await fs.mkdir(dir, { recursive: true });
  const files = {} as Record<LayoutName | "template", string>;
  for (const name of LAYOUT_NAMES) {
    files[name] = path.join(dir, `${name}.xlsx`);
    await fs.writeFile(files[name], await exportWorkbook(name));
  }
  files.template = path.join(dir, "template.xlsx");
  await fs.writeFile(files.template, await templateWorkbook());
  return files;
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write("usage: vendorExports.ts <folder>\n");
    process.exit(2);
  }
  void writeVendorExports(dir).then((files) => process.stdout.write(`${Object.values(files).join("\n")}\n`));
}
