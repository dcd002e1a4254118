/**
 * Issue 13, items 0 and 1, through the Office adapter over the strict fake Excel: the workflow a
 * user repeats (set up → review → review → policy save → review) never fails, never leaves
 * temporary sheets, keeps user formulas on the Policy sheet working and never touches a user's
 * own sheet that happens to be called like an output.
 */
import { dayFromCivil } from "../../../src/engine/dates/dayNumber";
import { OUTPUT_SHEETS, runReview, setUpWorkbook, type ReviewOptions } from "../../../src/app";
import { OfficeWorkbook } from "../../../src/host/office/OfficeWorkbook";
import { OUTPUT_MARKER_NAME, type CellValue } from "../../../src/host/WorkbookPort";
import { createFakeExcel, type FakeExcel } from "../../support/fakeExcel";

const asOf = dayFromCivil(2025, 6, 30);
const options: ReviewOptions = { asOf, generatedAt: "2025-06-30T09:00:00Z", addinVersion: "0.1.0-test" };

/** A user's own sheet called Summary: 157 cells of notes (no table, headers no input table uses). */
function seedUserSummary(fake: FakeExcel): void {
  const rows: CellValue[][] = [];
  for (let r = 0; r < 52; r++) rows.push([`Q${r}`, `note ${r}`, r * 3]);
  fake.seedTable({ sheet: "Summary", name: "Summary", kind: "range", headers: ["Quarter", "Memo", "Score"], rows: rows.slice(0, 51) });
  fake.setFormula("Summary", 52, 0, "=Summary!C2");
}

function markedSheets(fake: FakeExcel): { sheet: string; output: string }[] {
  return fake.workbook.sheets.flatMap((s) =>
    fake.namesOf(s.name).filter((n) => n.name === OUTPUT_MARKER_NAME).map((n) => ({ sheet: s.name, output: n.formula })),
  );
}

function cellsOf(fake: FakeExcel, sheet: string): string {
  const s = fake.sheet(sheet);
  return JSON.stringify({ grid: s?.grid, formulas: [...(s?.formulas ?? [])] });
}

describe("repeated workflow through OfficeWorkbook (issue 13)", () => {
  it("set-up → review → review → policy save → review: no error, no temp sheet, formulas on Policy keep working, the user's Summary untouched", async () => {
    const fake = createFakeExcel();
    seedUserSummary(fake);
    const userSummary = cellsOf(fake, "Summary");
    expect(fake.sheet("Summary")?.grid.flat().filter((v) => v !== null && v !== undefined)).toHaveLength(157);
    fake.seedSheet("Notes");
    fake.setFormula("Notes", 0, 0, "=Policy!B2");
    const port = new OfficeWorkbook({ run: fake.run });

    expect((await setUpWorkbook(port, { withSample: true, asOf })).status).toBe("written");
    const first = await runReview(port, options);
    expect(first.status).toBe("written");
    expect(first.written?.find((w) => w.requested === "Summary")).toEqual({ requested: "Summary", written: "Summary (2)" });
    const second = await runReview(port, options);
    expect(second.status).toBe("written");

    // Policy save: the first parameter's value, in place.
    const snapshot = await port.readWorkbook();
    const policy = snapshot.tables.find((t) => t.name === "Policy");
    if (!policy) throw new Error("no Policy table");
    const before = policy.rows[0][1];
    const rows = policy.rows.map((r, i) => (i === 0 ? [r[0], typeof before === "number" ? before + 1 : before, r[2]] : r));
    await port.updateTableRows("Policy", rows);
    const third = await runReview(port, options);
    expect(third.status).toBe("written");

    const names = fake.workbook.sheets.map((s) => s.name);
    expect(names.filter((n) => /^~|cd-/i.test(n))).toEqual([]);
    expect(names).not.toContain("Summary (3)");
    expect(fake.workbook.sheets.filter((s) => fake.namesOf(s.name).some((n) => /Temp/i.test(n.name)))).toEqual([]);
    const marks = markedSheets(fake);
    expect(marks.map((m) => m.output).sort()).toEqual([...OUTPUT_SHEETS, "Review History"].map((o) => `="${o}"`).sort());
    expect(marks.find((m) => m.output === '="Summary"')?.sheet).toBe("Summary (2)");
    expect(fake.namesOf("Summary (2)").every((n) => !n.visible)).toBe(true);

    expect(fake.cell("Notes", 0, 0).formula).toBe("=Policy!B2");
    expect(fake.cell("Notes", 0, 0).value).toBe(typeof before === "number" ? before + 1 : before);
    expect(cellsOf(fake, "Summary")).toBe(userSummary);
    expect((await port.readWorkbook()).outputSheets).toHaveLength(5);
  });

  it("set-up → policy save (in place) keeps a user formula =Policy!B2", async () => {
    const fake = createFakeExcel();
    fake.setFormula("Sheet1", 3, 3, "=Policy!B2");
    const port = new OfficeWorkbook({ run: fake.run });
    await setUpWorkbook(port, { withSample: false, asOf });
    const afterSetUp = fake.workbook.events.length;
    const policy = (await port.readWorkbook()).tables.find((t) => t.name === "Policy");
    if (!policy) throw new Error("no Policy table");
    await port.updateTableRows("Policy", policy.rows.map((r, i) => (i === 0 ? [r[0], "edited", r[2]] : r)));
    expect(fake.cell("Sheet1", 3, 3)).toMatchObject({ formula: "=Policy!B2", value: "edited" });
    expect(fake.workbook.events.slice(afterSetUp)).toEqual([]);
  });
});
