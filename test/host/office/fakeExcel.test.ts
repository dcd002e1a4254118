/**
 * The fake Excel refuses what Excel refuses (issue 13): a fake is only as good as its strictness.
 */
import { createFakeExcel, EXCEL_PAYLOAD_LIMIT_BYTES, EXCEL_RANGE_READ_LIMIT_CELLS } from "../../support/fakeExcel";

describe("fake Excel strictness", () => {
  it("refuses a table name used anywhere in the workbook, in any case", async () => {
    const fake = createFakeExcel();
    fake.seedTable({ sheet: "A", name: "Policy", headers: ["k"], rows: [["x"]] });
    fake.seedSheet("B");
    await expect(
      fake.run(async (context) => {
        const table = context.workbook.worksheets.getItem("B").tables.add("A1:B2", true);
        table.name = "policy";
        await context.sync();
      }),
    ).rejects.toThrow(/InvalidArgument: A table named policy already exists/);
    // The table added before the failing rename stays (Excel has no rollback).
    expect(fake.workbook.tables.map((t) => t.sheet.name)).toEqual(["A", "B"]);
  });

  it("refuses a request over 5 MB", async () => {
    const fake = createFakeExcel();
    const text = "x".repeat(1024);
    const rows = Array.from({ length: Math.ceil(EXCEL_PAYLOAD_LIMIT_BYTES / 1024) + 1 }, () => [text]);
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange(`A1:A${rows.length}`).values = rows;
        await context.sync();
      }),
    ).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
  });

  it("refuses a response over 5 MB with Excel's error code, and the refused sync loads nothing", async () => {
    const fake = createFakeExcel();
    const text = "y".repeat(1024);
    fake.seedTable({ sheet: "Big", name: "Big", headers: ["t"], rows: Array.from({ length: Math.ceil(EXCEL_PAYLOAD_LIMIT_BYTES / 1024) + 10 }, () => [text]), kind: "range" });
    const seen = await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Big").getUsedRange(true).load("values");
      const failure = await context.sync().then(() => undefined, (error: { code?: string }) => error.code);
      const readable = (() => {
        try {
          return range.values.length;
        } catch (error) {
          return String(error);
        }
      })();
      return { failure, readable };
    });
    expect(seen.failure).toBe("ResponsePayloadSizeLimitExceeded");
    expect(seen.readable).toMatch(/PropertyNotLoaded/);
    expect(fake.stats.refusedSyncs).toBe(1);
  });

  it.each([
    ["values", `A1:E${EXCEL_RANGE_READ_LIMIT_CELLS / 5 + 1}`, true],
    ["values", "A1:E1000", false],
    ["numberFormat", `A1:E${EXCEL_RANGE_READ_LIMIT_CELLS / 5 + 1}`, true],
    ["rowCount", `A1:E${EXCEL_RANGE_READ_LIMIT_CELLS / 5 + 1}`, false],
  ])("refuses a %s read of %s when it is over 5 million cells: %s", async (prop, address, refused) => {
    const fake = createFakeExcel();
    const outcome = await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange(address).load(prop);
      return context.sync().then(() => "loaded", (error: Error) => error.message);
    });
    if (refused) expect(outcome).toMatch(/exceeds Excel's resource limits/);
    else expect(outcome).toBe("loaded");
  });

  it("refuses to read a loaded property before the sync", async () => {
    const fake = createFakeExcel();
    await expect(
      fake.run(async (context) => {
        const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
        return range.values;
      }),
    ).rejects.toThrow(/PropertyNotLoaded/);
  });

  it("rewrites a formula on a renamed sheet and shows #REF! when the sheet is deleted", async () => {
    const fake = createFakeExcel();
    fake.seedTable({ sheet: "Policy", name: "Policy", headers: ["Key", "Value"], rows: [["a", 42]] });
    fake.setFormula("Sheet1", 0, 0, "=Policy!B2");
    expect(fake.cell("Sheet1", 0, 0).value).toBe(42);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Policy").name = "~cd-old-0";
      await context.sync();
    });
    expect(fake.cell("Sheet1", 0, 0)).toMatchObject({ formula: "='~cd-old-0'!B2", value: 42 });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("~cd-old-0").delete();
      await context.sync();
    });
    expect(fake.cell("Sheet1", 0, 0)).toMatchObject({ formula: "=#REF!B2", value: "#REF!" });
  });

  it("models sheet-scoped names: add, hide, read the value, refuse a duplicate, delete with the sheet", async () => {
    const fake = createFakeExcel();
    fake.seedSheet("Out");
    const value = await fake.run(async (context) => {
      const names = context.workbook.worksheets.getItem("Out").names;
      const item = names.add("CreditDesk.Output", '="Sum ""x"""');
      item.visible = false;
      names.load("items/name,items/value,items/visible");
      await context.sync();
      return names.items.map((n) => [n.name, n.value, n.visible]);
    });
    expect(value).toEqual([["CreditDesk.Output", 'Sum "x"', false]]);
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Out").names.add("creditdesk.output", '="y"');
        await context.sync();
      }),
    ).rejects.toThrow(/already exists/);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Out").delete();
      await context.sync();
    });
    expect(fake.workbook.names).toEqual([]);
  });
});
