import { CHARACTERISTICS } from "../../src/engine/policy/characteristics";
import { TABLE_FIELDS, matchHeader, normaliseHeader } from "../../src/app/headerAliases";

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
    expect(TABLE_FIELDS.receivables.required).toEqual(["invoiceId", "customerId", "invoiceDate", "dueDate", "amount"]);
    expect(TABLE_FIELDS.financials.required).toEqual(["customerId", "periodEnd"]);
    expect(TABLE_FIELDS.orders.required).toEqual(["orderId", "customerId", "amount"]);
    expect(TABLE_FIELDS.policy.required).toEqual(["key", "value"]);
  });
});
