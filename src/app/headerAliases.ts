/**
 * Canonical fields of each input table with their English and Chinese header aliases
 * (credit-method.md §1 and §2). Headers match case- and space-insensitively, ignoring
 * "_", "-", "." and full-width spaces, so "Customer ID", "customer_id" and "CUSTOMERID" all
 * name `customerId`, and "客户编号" does too.
 *
 * The Chinese aliases are the method's words (the glossary, src/i18n/glossary.ts) and the column
 * names of Chinese ERP and accounting exports (用友, 金蝶 and similar: 客户编码, 单据编号, 业务日期,
 * 价税合计, 本币金额, 未核销金额, 应收余额…) and of Chinese financial statements (…合计).
 */
import { CHARACTERISTICS } from "../engine/policy/characteristics";
import { GLOSSARY, type GlossaryTerm } from "../i18n/glossary";
import type { InputTableKind } from "./types";

/** How a field's cells are read. */
export type FieldKind = "text" | "number" | "money" | "percent" | "date" | "boolean" | "score" | "integer";

export interface FieldSpec {
  /** Canonical field name (camelCase, as in the engine's portfolio types). */
  field: string;
  /** Header written by the set-up flow. */
  header: string;
  kind: FieldKind;
  /** Further accepted headers (English and Chinese). */
  aliases: readonly string[];
}

export interface TableFields {
  kind: InputTableKind;
  /** Sheet and table name written by the set-up flow. */
  sheet: string;
  tableName: string;
  /** Names (English, Chinese) that hint a sheet or table holds this kind. */
  nameHints: readonly string[];
  required: readonly string[];
  fields: readonly FieldSpec[];
}

const f = (field: string, header: string, kind: FieldKind, ...aliases: string[]): FieldSpec => ({ field, header, kind, aliases });

const customerId = f("customerId", "CustomerId", "text", "Customer ID", "Customer No", "Customer Number", "Customer Code", "Cust ID",
  "客户编号", "客户代码", "客户号", "客户编码", "客户ID");
const currency = f("currency", "Currency", "text", "Curr", "CCY", "Document Currency", "Local Currency", "Account Currency", "币种", "币别", "货币", "原币币别", "原币币种", "结算币种", "币种代码");

/**
 * Customer headers of open-items exports that hold the customer's number: the key of the ledger
 * when the export has one beside the name (SAP's Customer beside Name 1, Kingdee's 客户编码 beside 客户名称).
 */
const CUSTOMER_ID_HEADERS = [...customerId.aliases, "CustomerId", "Customer", "Party", "Partner", "Contact", "Customer Account",
  "Sold-to Party", "Bill To", "客户", "往来单位", "对账对象", "对账对象编码", "往来单位编码"];
/** Customer headers that hold the customer's name (a name-only ledger is keyed by the name). */
const CUSTOMER_NAME_HEADERS = ["Customer Name", "Name", "Name 1", "Party Name", "Partner Name", "Contact Name", "Customer Full Name",
  "客户名称", "客户全称", "往来单位名称", "单位名称", "对账对象名称", "公司名称"];

/** The customer column of a Receivables table: an id or a name (readReceivables tells them apart, customerRoleOf). */
const receivableCustomer = f("customerId", "CustomerId", "text", ...CUSTOMER_ID_HEADERS, ...CUSTOMER_NAME_HEADERS);

/** The Chinese words of a characteristic in the glossary: the product's and the sources' others (获利能力, 盈利能力). */
function glossaryWords(key: string): string[] {
  const term: GlossaryTerm | undefined = (GLOSSARY as Readonly<Record<string, GlossaryTerm>>)[key];
  return term ? [term.zh, ...(term.zhAlso ?? [])] : [];
}

/** The 18 characteristic scores as customer fields: key, English name and Chinese names (§2). */
const scoreFields: FieldSpec[] = CHARACTERISTICS.map((c) => f(c.key, c.en, "score", c.key, c.zh, ...glossaryWords(c.key)));

export const TABLE_FIELDS: Readonly<Record<InputTableKind, TableFields>> = {
  customers: {
    kind: "customers",
    sheet: "Customers",
    tableName: "Customers",
    nameHints: ["customers", "customer", "客户", "客户资料", "客户信息"],
    required: ["customerId"],
    fields: [
      customerId,
      f("name", "Name", "text", "Customer Name", "Company", "客户名称", "名称", "公司名称", "客户全称", "单位名称", "往来单位", "往来单位名称"),
      currency,
      f("paymentTermsDays", "PaymentTermsDays", "integer", "Payment Terms", "Terms", "Terms Days", "信用期限", "付款期限", "账期", "账期天数", "信用天数", "付款天数"),
      f("currentLimit", "CurrentLimit", "money", "Credit Limit", "Current Credit Limit", "现有信用额度", "信用额度", "当前额度",
        "信用限额", "现有信用限额", "授信额度", "核定额度", "核定信用额度"),
      f("previousGrade", "PreviousGrade", "text", "Last Grade", "Prior Grade", "上次等级", "原等级"),
      f("annualCreditSales", "AnnualCreditSales", "money", "Annual Credit Sales", "Expected Annual Sales", "预计年赊销额", "年赊销额"),
      f("grossMargin", "GrossMargin", "percent", "Gross Margin %", "Margin", "毛利率"),
      f("potential", "Potential", "number", "Cooperation Potential", "合作潜力"),
      f("collateral", "Collateral", "money", "Guarantee Amount", "担保金额", "抵押金额", "担保"),
      f("lastReviewDate", "LastReviewDate", "date", "Last Review", "Review Date", "上次资信审查日期", "上次审查日期", "上次评审日期"),
      f("keyAccount", "KeyAccount", "boolean", "Key Account", "Strategic", "重点客户", "关键客户", "重要客户", "大客户"),
      f("accountOwner", "AccountOwner", "text", "Owner", "Salesperson", "Account Manager", "负责人", "客户经理", "业务员", "销售员", "业务负责人"),
      ...scoreFields,
    ],
  },
  financials: {
    kind: "financials",
    sheet: "Financials",
    tableName: "Financials",
    nameHints: ["financials", "financial", "financial statements", "财务数据", "财务", "财务报表"],
    required: ["customerId", "periodEnd"],
    fields: [
      customerId,
      f("periodEnd", "PeriodEnd", "date", "Period End", "Period", "Statement Date", "报表日期", "期末", "会计期末", "报告期", "报告期末", "截止日期"),
      f("revenue", "Revenue", "money", "Sales", "Turnover", "营业收入", "销售收入", "收入", "营业总收入", "主营业务收入"),
      f("costOfSales", "CostOfSales", "money", "Cost of Goods Sold", "COGS", "营业成本", "销售成本", "主营业务成本"),
      f("netProfit", "NetProfit", "money", "Net Income", "净利润", "净利", "税后利润"),
      f("ebit", "EBIT", "money", "Operating Profit", "息税前利润", "营业利润"),
      f("currentAssets", "CurrentAssets", "money", "流动资产", "流动资产合计"),
      f("inventory", "Inventory", "money", "Inventories", "存货", "存货净额"),
      f("receivables", "Receivables", "money", "Accounts Receivable", "应收账款", "应收帐款", "应收账款净额"),
      f("fixedAssets", "FixedAssets", "money", "固定资产", "固定资产净额"),
      f("totalAssets", "TotalAssets", "money", "总资产", "资产总额", "资产总计", "资产合计"),
      f("currentLiabilities", "CurrentLiabilities", "money", "流动负债", "流动负债合计"),
      f("totalLiabilities", "TotalLiabilities", "money", "负债总额", "负债合计", "负债总计"),
      f("equity", "Equity", "money", "Net Worth", "Shareholders Equity", "净资产", "所有者权益", "股东权益",
        "所有者权益合计", "股东权益合计", "所有者权益(或股东权益)合计"),
      f("retainedEarnings", "RetainedEarnings", "money", "留存收益", "未分配利润"),
      f("registeredCapital", "RegisteredCapital", "money", "Registered Capital", "注册资本"),
    ],
  },
  receivables: {
    kind: "receivables",
    sheet: "Receivables",
    tableName: "Receivables",
    nameHints: ["receivables", "ar", "accounts receivable", "ledger", "open items", "open invoices", "aging", "ar aging",
      "应收账款", "应收", "应收明细", "应收账款明细", "应收款明细表", "账龄分析表", "应收账龄分析"],
    // An open-items list without the original amount is a ledger too (issue 20): Amount or
    // OpenAmount must be there, which readReceivables checks (amount = open amount then).
    required: ["invoiceId", "customerId", "invoiceDate", "dueDate"],
    fields: [
      f("invoiceId", "InvoiceId", "text", "Invoice", "Invoice No", "Invoice Number", "Invoice #", "Inv #", "Num", "Number", "No",
        "Document", "Document No", "Document Number", "Doc No", "Voucher No", "Voucher", "Transaction Number", "Trx Number",
        "Journal Entry", "发票号", "发票号码", "单据号", "单号", "单据编号", "发票编号", "单据号码", "业务单号", "凭证号"),
      receivableCustomer,
      f("invoiceDate", "InvoiceDate", "date", "Invoice Date", "Issue Date", "Document Date", "Posting Date", "Transaction Date",
        "Trx Date", "Doc Date", "Date", "发票日期", "开票日期", "单据日期", "业务日期", "凭证日期", "记账日期"),
      f("dueDate", "DueDate", "date", "Due", "Due On", "Net Due Date", "Payment Due Date", "到期日", "到期日期", "应收日期", "收款到期日", "应收到期日"),
      f("amount", "Amount", "money", "Invoice Amount", "Invoiced Amount", "Original Amount", "Amount in Local Currency", "Amount in LC",
        "Transaction Amount", "金额", "发票金额", "原币金额", "应收金额", "价税合计", "单据金额", "本币金额"),
      f("paidAmount", "PaidAmount", "money", "Paid", "Amount Paid", "Paid Amount", "Payments", "已付金额", "已收金额", "回款金额",
        "已核销金额", "收款金额", "已回款金额", "已结金额", "已核销原币金额", "已核销本币金额"),
      f("openAmount", "OpenAmount", "money", "Open", "Open Amount", "Open Balance", "Open Advance", "Balance", "Balance Due", "Outstanding",
        "Outstanding Amount", "Outstanding Balance", "Amount Due", "Amount Residual", "Residual Amount", "Remaining Amount", "Unpaid Amount",
        "未付金额", "余额", "未收金额", "应收余额", "未核销金额", "未收款金额", "剩余金额", "欠款金额", "未结金额", "未核销原币金额",
        "未核销本币金额", "原币余额", "本币余额"),
      f("settledDate", "SettledDate", "date", "Paid Date", "Settlement Date", "Cleared Date", "Clearing Date", "结清日期", "付款日期", "回款日期", "核销日期", "收款日期"),
      currency,
      f("disputed", "Disputed", "boolean", "In Dispute", "Dispute", "争议", "有争议", "是否争议", "交易纠纷", "纠纷", "是否纠纷"),
    ],
  },
  orders: {
    kind: "orders",
    sheet: "Orders",
    tableName: "Orders",
    nameHints: ["orders", "open orders", "order", "未发货订单", "订单"],
    required: ["orderId", "customerId", "amount"],
    fields: [
      f("orderId", "OrderId", "text", "Order", "Order No", "Order Number", "订单号", "订单编号", "销售订单号", "订单编码"),
      customerId,
      f("amount", "Amount", "money", "Order Amount", "Open Amount", "金额", "订单金额", "未发货金额", "未出库金额", "订单余额"),
    ],
  },
  policy: {
    kind: "policy",
    sheet: "Policy",
    tableName: "Policy",
    nameHints: ["policy", "credit policy", "信用政策", "政策"],
    required: ["key", "value"],
    fields: [
      f("key", "Key", "text", "Parameter", "Setting", "参数", "键", "项目"),
      f("value", "Value", "text", "数值", "值", "取值"),
      f("description", "Description", "text", "Note", "说明", "备注"),
    ],
  },
};

/**
 * Headers of columns that input tables often carry but the review derives itself from the as-of
 * date (an ERP's aging report has 账龄 and 逾期天数 computed at its own date): they name no field
 * on purpose, and a reader should ignore them rather than ask the user to map them.
 */
export const DERIVED_HEADERS: Readonly<Partial<Record<InputTableKind, readonly string[]>>> = {
  receivables: ["Aging", "Age", "Age Days", "Aging Days", "Aging Bucket", "Days Past Due", "Days Overdue", "Overdue Days",
    "账龄", "帐龄", "账龄天数", "账龄区间", "账龄段", "逾期天数", "逾期天", "超期天数",
    // The aging reports' own columns (QuickBooks' Past Due, SAP's Arrears, ERPNext's Age and Range columns).
    "Past Due", "Aging (days)", "Age (Days)", "Days", "Arrears", "Arrears by Net Due Date", "Arrears after Net Due Date", "Days Late",
    "Bucket", "Current", "Not Due", "Older", "Total Overdue", "Overdue", "未到期", "已到期", "逾期金额"],
};

/**
 * Aging-bucket columns of a report (amounts the report aged at its own date): "1-30",
 * "31 - 60 days", "91+", "Over 90", "> 90 Days", "< 1 Month", "2 Months", "Range1", "1-30天",
 * "30天以内", "90天以上". The review ages the ledger itself, so they are ignored like DERIVED_HEADERS.
 */
const BUCKET_HEADER = /^(?:[<>]?\d+(?:-\d+)?\+?(?:days?(?:pastdue)?|months?|天|日|个月)?(?:以内|以上|以下|above|andabove|andover|plus)?|over\d+(?:days?)?|range\d+|\d+months?|older)$/;

const derived = new Map<InputTableKind, Set<string>>();

/**
 * Whether a header names a column the review computes itself (so it is ignored, not mapped).
 * @example isDerivedHeader("receivables", "账龄") //=> true
 */
export function isDerivedHeader(kind: InputTableKind, header: string): boolean {
  let set = derived.get(kind);
  if (!set) {
    set = new Set((DERIVED_HEADERS[kind] ?? []).map(normaliseHeader));
    derived.set(kind, set);
  }
  const key = normaliseHeader(header);
  return set.has(key) || (kind === "receivables" && BUCKET_HEADER.test(key.replace(/[–—~至到]/g, "-")));
}

const customerRoles = new Map<string, "id" | "name">();

/**
 * Whether a customer header of a Receivables table holds ids or names (undefined: no customer header).
 * @example customerRoleOf("客户编码") //=> "id"
 * @example customerRoleOf("Customer Name") //=> "name"
 */
export function customerRoleOf(header: string): "id" | "name" | undefined {
  if (customerRoles.size === 0) {
    for (const h of CUSTOMER_NAME_HEADERS) customerRoles.set(normaliseHeader(h), "name");
    for (const h of CUSTOMER_ID_HEADERS) customerRoles.set(normaliseHeader(h), "id");
  }
  return customerRoles.get(normaliseHeader(stripHeaderCurrency(header).header));
}

/** Currencies named in words in Chinese headers (金额(人民币)). */
const CURRENCY_WORDS: Readonly<Record<string, string>> = { 人民币: "CNY", 美元: "USD", 港币: "HKD", 港元: "HKD", 欧元: "EUR", 日元: "JPY", 英镑: "GBP" };

/**
 * A header without a currency written inside it, and that currency: "Open Advance (ILS)",
 * "Amount [EUR]", "金额（人民币）", "Balance - USD". Only ISO 4217-shaped codes (three capital
 * letters) and the Chinese currency words count, so "Amount (net)" is left as it is.
 * @example stripHeaderCurrency("Open Advance (ILS)") //=> { header: "Open Advance", currency: "ILS" }
 */
export function stripHeaderCurrency(header: string): { header: string; currency?: string } {
  const text = header.normalize("NFKC").trim();
  const match = /^(.*?)\s*(?:[([]\s*([A-Z]{3}|[\u4e00-\u9fff]{2,3})\s*[)\]]|[-–]\s*([A-Z]{3}))$/.exec(text);
  if (!match || match[1] === "") return { header: text };
  const code = match[2] ?? match[3];
  const currency = /^[A-Z]{3}$/.test(code) ? code : CURRENCY_WORDS[code];
  return currency === undefined ? { header: text } : { header: match[1], currency };
}

/**
 * The currency a header names (undefined when none).
 * @example headerCurrency("Open Advance (ILS)") //=> "ILS"
 */
export function headerCurrency(header: string): string | undefined {
  return stripHeaderCurrency(header).currency;
}

/** Table kinds in the order they are written by the set-up flow. */
export const INPUT_TABLE_KINDS: readonly InputTableKind[] = ["customers", "financials", "receivables", "orders", "policy"];

/**
 * A header reduced for matching: lower case, without spaces (ASCII and full-width), "_", "-", ".".
 * @example normaliseHeader(" Customer_ID ") //=> "customerid"
 */
export function normaliseHeader(header: string): string {
  return header.normalize("NFKC").toLowerCase().replace(/[\s\u3000_\-.·]/g, "");
}

const indexes = new Map<InputTableKind, Map<string, string>>();

function aliasIndex(kind: InputTableKind): Map<string, string> {
  let index = indexes.get(kind);
  if (!index) {
    index = new Map();
    for (const spec of TABLE_FIELDS[kind].fields) {
      for (const name of [spec.field, spec.header, ...spec.aliases]) {
        const key = normaliseHeader(name);
        if (!index.has(key)) index.set(key, spec.field);
      }
    }
    indexes.set(kind, index);
  }
  return index;
}

/**
 * The canonical field a header names in a table of this kind, or undefined.
 * @example matchHeader("customers", "客户编号") //=> "customerId"
 * @example matchHeader("receivables", "Due Date") //=> "dueDate"
 */
export function matchHeader(kind: InputTableKind, header: string): string | undefined {
  const index = aliasIndex(kind);
  const field = index.get(normaliseHeader(header));
  if (field !== undefined) return field;
  // "Open Advance (ILS)": the header without the currency written in it.
  const stripped = stripHeaderCurrency(header);
  return stripped.currency === undefined ? undefined : index.get(normaliseHeader(stripped.header));
}

/** The field spec of a canonical field in a table kind. */
export function fieldSpec(kind: InputTableKind, field: string): FieldSpec | undefined {
  return TABLE_FIELDS[kind].fields.find((s) => s.field === field);
}
