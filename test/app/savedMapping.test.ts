import { MemoryWorkbook } from "../../src/host/memory/MemoryWorkbook";
import { MAPPING_SHEET, MAPPING_TABLE, mappableFields, mappingFromPairs, mergeMappings, saveMapping, savedMapping } from "../../src/app/savedMapping";
import { recogniseTables } from "../../src/app/recogniseTables";
import { runReview } from "../../src/app/runReview";
import { dayFromCivil, toExcelSerial } from "../../src/engine/dates/dayNumber";

const serial = (y: number, m: number, d: number): number => toExcelSerial(dayFromCivil(y, m, d));

/** A ledger whose amount header Credit Desk does not know. */
/** An open-items list whose amount column no alias knows (a German header), so it must be mapped. */
function ledger(): MemoryWorkbook {
  return MemoryWorkbook.fromTables([{
    sheet: "Open Invoices", name: "Open Invoices", kind: "range",
    headers: ["Invoice", "Customer", "Invoice Date", "Due Date", "Offener Posten"],
    rows: [["I1", "Acme", serial(2026, 6, 1), serial(2026, 7, 1), 1200]],
  }]);
}

describe("mappingFromPairs", () => {
  it("names a field by its set-up header or its canonical name, for every kind that has it", () => {
    expect(mappingFromPairs([{ header: "Open Advance (ILS)", field: "OpenAmount" }])).toEqual({ ok: true, mapping: { receivables: { "Open Advance (ILS)": "openAmount" } } });
    expect(mappingFromPairs([{ header: "Party", field: "customer id" }])).toEqual({
      ok: true, mapping: { customers: { Party: "customerId" }, financials: { Party: "customerId" }, receivables: { Party: "customerId" }, orders: { Party: "customerId" } },
    });
  });

  it("refuses an unknown field with every valid field", () => {
    const result = mappingFromPairs([{ header: "X", field: "OpenAmnt" }]);
    expect(result).toEqual({ ok: false, field: "OpenAmnt", valid: mappableFields() });
    expect(mappableFields()).toEqual(expect.arrayContaining(["InvoiceId", "OpenAmount", "CustomerId", "DueDate"]));
    expect(new Set(mappableFields()).size).toBe(mappableFields().length);
  });
});

describe("mergeMappings", () => {
  it.each([
    [{}, undefined, {}],
    [{ receivables: { A: "amount" } }, { receivables: { B: "openAmount" } }, { receivables: { A: "amount", B: "openAmount" } }],
    [{ receivables: { "open advance": "amount" } }, { receivables: { "Open Advance": "openAmount" } }, { receivables: { "Open Advance": "openAmount" } }],
    [{ receivables: { A: "amount" } }, { receivables: { A: "" } }, {}],
  ])("%j with %j → %j", (saved, given, expected) => {
    expect(mergeMappings(saved, given)).toEqual(expected);
  });
});

describe("the mapping saved in the workbook", () => {
  it("is written as an input table on its own sheet, read back, and used by the next review without being given", async () => {
    const wb = ledger();
    const before = recogniseTables(await wb.readWorkbook()).tables.receivables;
    expect([before?.columns.amount, before?.columns.openAmount]).toEqual([undefined, undefined]);
    expect(await saveMapping(wb, { receivables: { "Offener Posten": "amount" } })).toBe("created");
    expect(wb.getTable(MAPPING_TABLE)?.rows).toEqual([["receivables", "Offener Posten", "amount"]]);
    const snapshot = await wb.readWorkbook();
    expect(snapshot.sheets).toContain(MAPPING_SHEET);
    expect(savedMapping(snapshot)).toEqual({ receivables: { "Offener Posten": "amount" } });
    // The mapping table is never taken for an input table.
    expect(Object.values(recogniseTables(snapshot).tables).map((t) => t.source.name)).toEqual(["Open Invoices"]);
    const outcome = await runReview(wb, { asOf: dayFromCivil(2026, 7, 16), generatedAt: "2026-07-16T00:00:00Z", addinVersion: "test" });
    expect(outcome.status).toBe("written");
    expect(outcome.kpis?.openBalance).toBe(1200);
  });

  it("is updated in place (the table kept), merged with what was saved, and left alone when unchanged", async () => {
    const wb = ledger();
    await saveMapping(wb, { receivables: { "Offener Posten": "amount" } });
    expect(await saveMapping(wb, { receivables: { "Offener Posten": "amount" } })).toBe("unchanged");
    expect(await saveMapping(wb, { receivables: { Status: "disputed" } })).toBe("updated");
    expect(wb.getTable(MAPPING_TABLE)?.rows).toEqual([["receivables", "Offener Posten", "amount"], ["receivables", "Status", "disputed"]]);
    expect(wb.sheetNames().filter((s) => s === MAPPING_SHEET)).toHaveLength(1);
  });

  it("is not written over a sheet of the user's with the same name, nor for an empty mapping", async () => {
    const wb = ledger();
    expect(await saveMapping(wb, {})).toBe("unchanged");
    await wb.writeSheets([{ name: MAPPING_SHEET, role: "input", tables: [] }]);
    expect(await saveMapping(wb, { receivables: { X: "amount" } })).toBe("refused");
    expect(wb.getTable(MAPPING_TABLE)).toBeUndefined();
  });

  it("ignores rows naming an unknown table or field", async () => {
    const wb = MemoryWorkbook.fromTables([{ sheet: MAPPING_SHEET, name: MAPPING_TABLE, headers: ["Table", "Header", "Field"], rows: [["receivables", "A", "amount"], ["nope", "B", "amount"], ["receivables", "C", "nope"], ["orders", "", "amount"]] }]);
    expect(savedMapping(await wb.readWorkbook())).toEqual({ receivables: { A: "amount" } });
  });
});
