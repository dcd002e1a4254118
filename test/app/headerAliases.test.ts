import { CHARACTERISTICS } from "../../src/engine/policy/characteristics";
import { DERIVED_HEADERS, TABLE_FIELDS, customerRoleOf, headerCurrency, isDerivedHeader, matchHeader, normaliseHeader, stripHeaderCurrency } from "../../src/app/headerAliases";
import { recogniseTables } from "../../src/app/recogniseTables";
import type { InputTableKind } from "../../src/app/types";
import type { SourceTable } from "../../src/host/WorkbookPort";
import { GLOSSARY, type GlossaryTerm } from "../../src/i18n/glossary";

describe("normaliseHeader", () => {
  it.each([
    [" Customer_ID ", "customerid"],
    ["Due-Date", "duedate"],
    ["客户\u3000编号", "客户编号"],
    ["ＣｕｓｔｏｍｅｒＩＤ", "customerid"],
  ])("%j → %s", (header, expected) => {
    expect(normaliseHeader(header)).toBe(expected);
  });
});

describe("matchHeader", () => {
  it("returns undefined for an unknown header", () => {
    expect(matchHeader("customers", "Favourite colour")).toBeUndefined();
  });

  it.each([
    ["customers", "Customer ID", "customerId"],
    ["customers", "客户编号", "customerId"],
    ["customers", "负责人", "accountOwner"],
    ["customers", "Account Owner", "accountOwner"],
    ["customers", "重点客户", "keyAccount"],
    ["receivables", "due date", "dueDate"],
    ["receivables", "到期日", "dueDate"],
    ["receivables", "OPEN_AMOUNT", "openAmount"],
    ["receivables", "结清日期", "settledDate"],
    ["financials", "净资产", "equity"],
    ["financials", "所有者权益", "equity"],
    ["orders", "订单号", "orderId"],
    ["policy", "参数", "key"],
  ] as const)("%s: %s → %s", (kind, header, field) => {
    expect(matchHeader(kind, header)).toBe(field);
  });

  it.each(CHARACTERISTICS.map((c) => [c.key, c.en, c.zh]))("characteristic %s matches by key, English and Chinese name", (key, en, zh) => {
    expect(matchHeader("customers", key)).toBe(key);
    expect(matchHeader("customers", en)).toBe(key);
    expect(matchHeader("customers", zh)).toBe(key);
  });

  it("gives every alias of a table exactly one field", () => {
    for (const table of Object.values(TABLE_FIELDS)) {
      const seen = new Map<string, string>();
      for (const spec of table.fields) {
        for (const name of [spec.field, spec.header, ...spec.aliases]) {
          const key = normaliseHeader(name);
          expect([undefined, spec.field]).toContain(seen.get(key));
          seen.set(key, spec.field);
        }
      }
    }
  });

  it("lists the required fields of credit-method.md §1", () => {
    expect(TABLE_FIELDS.customers.required).toEqual(["customerId"]);
    // Amount is not required: an open-items list is a ledger with amount = open amount (issue 20; readReceivables).
    expect(TABLE_FIELDS.receivables.required).toEqual(["invoiceId", "customerId", "invoiceDate", "dueDate"]);
    expect(TABLE_FIELDS.financials.required).toEqual(["customerId", "periodEnd"]);
    expect(TABLE_FIELDS.orders.required).toEqual(["orderId", "customerId", "amount"]);
    expect(TABLE_FIELDS.policy.required).toEqual(["key", "value"]);
  });
});

describe("Chinese header aliases (issue 16)", () => {
  // The synonyms found in practice and the column names of Chinese ERP exports, each with its field.
  it.each([
    ["customers", "客户编号", "customerId"],
    ["customers", "客户编码", "customerId"],
    ["customers", "客户名称", "name"],
    ["customers", "客户全称", "name"],
    ["customers", "往来单位", "name"],
    ["customers", "币种", "currency"],
    ["customers", "信用额度", "currentLimit"],
    ["customers", "信用限额", "currentLimit"],
    ["customers", "授信额度", "currentLimit"],
    ["customers", "信用天数", "paymentTermsDays"],
    ["customers", "重要客户", "keyAccount"],
    ["customers", "大客户", "keyAccount"],
    ["customers", "盈利能力", "profitability"],
    ["customers", "获利能力", "profitability"],
    ["customers", "资本规模", "capital"],
    ["customers", "资本总额", "capital"],
    ["customers", "外表现象", "appearance"],
    ["customers", "对市场吸引力影响", "marketAttraction"],
    ["customers", "对市场竞争力影响", "competitiveImpact"],
    ["financials", "客户编号", "customerId"],
    ["financials", "报表日期", "periodEnd"],
    ["financials", "营业收入", "revenue"],
    ["financials", "营业总收入", "revenue"],
    ["financials", "主营业务收入", "revenue"],
    ["financials", "净利润", "netProfit"],
    ["financials", "资产总额", "totalAssets"],
    ["financials", "资产合计", "totalAssets"],
    ["financials", "负债总额", "totalLiabilities"],
    ["financials", "负债合计", "totalLiabilities"],
    ["financials", "所有者权益", "equity"],
    ["financials", "所有者权益合计", "equity"],
    ["financials", "所有者权益（或股东权益）合计", "equity"],
    ["financials", "流动资产", "currentAssets"],
    ["financials", "流动资产合计", "currentAssets"],
    ["financials", "流动负债", "currentLiabilities"],
    ["financials", "流动负债合计", "currentLiabilities"],
    ["financials", "存货", "inventory"],
    ["financials", "应收帐款", "receivables"],
    ["receivables", "客户编号", "customerId"],
    ["receivables", "客户名称", "customerId"],
    ["receivables", "单据编号", "invoiceId"],
    ["receivables", "发票号", "invoiceId"],
    ["receivables", "发票号码", "invoiceId"],
    ["receivables", "开票日期", "invoiceDate"],
    ["receivables", "业务日期", "invoiceDate"],
    ["receivables", "到期日", "dueDate"],
    ["receivables", "到期日期", "dueDate"],
    ["receivables", "原币金额", "amount"],
    ["receivables", "本币金额", "amount"],
    ["receivables", "价税合计", "amount"],
    ["receivables", "应收金额", "amount"],
    ["receivables", "已收金额", "paidAmount"],
    ["receivables", "已核销金额", "paidAmount"],
    ["receivables", "未收金额", "openAmount"],
    ["receivables", "应收余额", "openAmount"],
    ["receivables", "未核销金额", "openAmount"],
    ["receivables", "核销日期", "settledDate"],
    ["receivables", "币种", "currency"],
    ["receivables", "原币币别", "currency"],
    ["receivables", "交易纠纷", "disputed"],
    ["receivables", "账龄", undefined],
    ["orders", "销售订单号", "orderId"],
    ["orders", "未发货金额", "amount"],
    ["orders", "单据编号", undefined],
  ] as const)("%s: %s → %s", (kind, header, field) => {
    expect(matchHeader(kind, header)).toBe(field);
  });

  it("accepts every Chinese word the glossary gives a characteristic", () => {
    for (const c of CHARACTERISTICS) {
      const term = (GLOSSARY as Readonly<Record<string, GlossaryTerm>>)[c.key]!;
      for (const word of [term.zh, ...(term.zhAlso ?? [])]) expect([word, matchHeader("customers", word)]).toEqual([word, c.key]);
    }
  });

  it.each([
    ["receivables", "账龄", true],
    ["receivables", "帐龄", true],
    ["receivables", "账龄区间", true],
    ["receivables", "逾期天数", true],
    ["receivables", "Days past due", true],
    ["receivables", "到期日", false],
    ["customers", "账龄", false],
  ] as const)("isDerivedHeader(%s, %s) → %s", (kind, header, expected) => {
    expect(isDerivedHeader(kind, header)).toBe(expected);
  });

  it("never lists a field's alias as derived", () => {
    for (const [kind, headers] of Object.entries(DERIVED_HEADERS) as [InputTableKind, readonly string[]][]) {
      for (const header of headers) expect([header, matchHeader(kind, header)]).toEqual([header, undefined]);
    }
  });

  const table = (name: string, headers: string[]): SourceTable => ({ name, sheet: name, kind: "range", headerRow: 0, firstColumn: 0, headers, rows: [] });

  it("recognises a Chinese workbook: customer list, financial statements and an ERP receivables export", () => {
    const r = recogniseTables({
      sheets: ["客户资料", "财务数据", "应收明细"],
      dateSystem: "1900",
      outputSheets: [],
      tables: [
        table("客户资料", ["客户编号", "客户名称", "币种", "信用额度", "账期", "盈利能力", "资本规模", "付款记录"]),
        table("财务数据", ["客户编号", "报表日期", "营业收入", "净利润", "资产总额", "负债总额", "所有者权益", "流动资产", "流动负债", "存货"]),
        table("应收明细", ["单据编号", "客户编码", "客户名称", "业务日期", "到期日期", "币种", "价税合计", "已收金额", "应收余额", "账龄"]),
      ],
    });
    expect(r.missingTables).toEqual([]);
    expect(r.tables.customers?.columns).toEqual({ customerId: 0, name: 1, currency: 2, currentLimit: 3, paymentTermsDays: 4, profitability: 5, capital: 6, paymentRecord: 7 });
    expect(r.tables.financials?.columns).toEqual({
      customerId: 0, periodEnd: 1, revenue: 2, netProfit: 3, totalAssets: 4, totalLiabilities: 5, equity: 6, currentAssets: 7, currentLiabilities: 8, inventory: 9,
    });
    expect(r.tables.receivables?.columns).toEqual({ invoiceId: 0, customerId: 1, invoiceDate: 3, dueDate: 4, currency: 5, amount: 6, paidAmount: 7, openAmount: 8 });
    expect(r.tables.receivables?.missingRequired).toEqual([]);
    // 客户名称 is not a receivables field; 账龄 is derived (isDerivedHeader): recognition ignores it.
    expect(r.tables.receivables?.unrecognisedHeaders).toEqual(["客户名称"]);
  });
});

describe("open-items exports' headers (issue 20)", () => {
  // QuickBooks A/R Aging Detail, Xero Aged Receivables Detail, SAP FBL5N, Oracle Receivables aging,
  // Odoo journal items / Aged Partner Balance, ERPNext Accounts Receivable, Kingdee and Yonyou, hand-made sheets.
  it.each([
    ["Invoice #", "invoiceId"], ["Num", "invoiceId"], ["Document Number", "invoiceId"], ["Voucher No", "invoiceId"],
    ["Transaction Number", "invoiceId"], ["Journal Entry", "invoiceId"], ["单据编号", "invoiceId"],
    ["Customer", "customerId"], ["Name", "customerId"], ["Party", "customerId"], ["Partner", "customerId"], ["客户名称", "customerId"],
    ["Customer Name", "customerId"], ["Contact", "customerId"], ["客户编码", "customerId"],
    ["Issue Date", "invoiceDate"], ["Document Date", "invoiceDate"], ["Posting Date", "invoiceDate"], ["Invoice Date", "invoiceDate"], ["Transaction Date", "invoiceDate"],
    ["Net due date", "dueDate"], ["Due Date", "dueDate"],
    ["Open Balance", "openAmount"], ["Outstanding Amount", "openAmount"], ["Amount Residual", "openAmount"], ["未核销金额", "openAmount"],
    ["Open Advance (ILS)", "openAmount"], ["Outstanding Amount [EUR]", "openAmount"], ["未核销金额（人民币）", "openAmount"], ["Balance Due - USD", "openAmount"],
    ["Amount in local currency", "amount"], ["Invoiced Amount", "amount"], ["Paid Amount", "paidAmount"],
    ["Amount (net)", undefined], ["Status", undefined],
  ] as const)("%s → %s", (header, field) => {
    expect(matchHeader("receivables", header)).toBe(field);
  });

  it.each([
    ["Open Advance (ILS)", "Open Advance", "ILS"],
    ["Amount [EUR]", "Amount", "EUR"],
    ["金额（人民币）", "金额", "CNY"],
    ["Balance - USD", "Balance", "USD"],
    ["Amount (net)", "Amount (net)", undefined],
    ["Open Balance", "Open Balance", undefined],
  ])("stripHeaderCurrency(%j) → %j, %s", (header, rest, currency) => {
    expect(stripHeaderCurrency(header)).toEqual(currency === undefined ? { header: rest } : { header: rest, currency });
    expect(headerCurrency(header)).toBe(currency);
  });

  it.each([
    ["Customer", "id"], ["客户编码", "id"], ["Party", "id"], ["Customer Name", "name"], ["Name", "name"], ["客户名称", "name"], ["Amount", undefined],
  ] as const)("customerRoleOf(%s) → %s", (header, role) => {
    expect(customerRoleOf(header)).toBe(role);
  });

  it.each(["Past Due", "Aging (days)", "Current", "1 - 30", "31-60", "61 - 90 days", "91+", "Over 90", "> 90 Days", "< 1 Month", "2 Months", "Older",
    "Range1", "1-30天", "30天以内", "90天以上", "Arrears by Net Due Date"])("the report's own aging column %s is derived (ignored, not mapped)", (header) => {
    expect(isDerivedHeader("receivables", header)).toBe(true);
    expect(matchHeader("receivables", header)).toBeUndefined();
  });
});
