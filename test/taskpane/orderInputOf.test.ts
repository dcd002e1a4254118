import { filterCustomers, orderInputOf } from "../../src/taskpane/orderInputOf";

const customers = [
  { customerId: "C001", name: "Northwind Traders Ltd" },
  { customerId: "C002", name: "上海华东机电有限公司" },
  { customerId: "C020", name: "Acme" },
];

describe("filterCustomers: the searchable picker", () => {
  it.each([
    ["", ["C001", "C002", "C020"]],
    ["  ", ["C001", "C002", "C020"]],
    ["c002", ["C002"]],
    ["C0", ["C001", "C002", "C020"]],
    ["north", ["C001"]],
    ["华东", ["C002"]],
    ["zzz", []],
  ])("%j → %j", (text, ids) => expect(filterCustomers(customers, text).map((c) => c.customerId)).toEqual(ids));
});

describe("orderInputOf: the limit in force", () => {
  const base = { customerId: "C1", name: "A", grade: "B", limit: { recommended: 50_000 }, openBalance: 10_000, unapplied: -1_000, openOrders: 500, maxDaysPastDue: 3 };
  it.each([
    [{}, 50_000, "recommended"],
    [{ committee: { limitBasis: "approved", limitInForce: 20_000 } }, 20_000, "approved"],
    [{ committee: { limitBasis: "recommended", limitInForce: 50_000 } }, 50_000, "recommended"],
    [{ limit: {}, currentLimit: 7_000 }, 7_000, "current"],
    [{ limit: {} }, 0, "none"],
  ])("%j → limit %d (%s)", (patch, limit, source) => {
    const r = orderInputOf({ ...base, ...patch });
    expect(r.ok && [r.value.input.limit, r.value.limitSource]).toEqual([limit, source]);
  });

  it("the gross open items are the balance less the unapplied cash", () => {
    const r = orderInputOf(base);
    expect(r.ok && r.value.input.openReceivables).toBe(11_000);
  });
});
