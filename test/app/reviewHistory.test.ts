/**
 * Issue 15 "Done when", second bullet, through the memory adapter and through the Office adapter
 * over the fake Excel: two reviews at two as-of dates on the sample give a Review History of
 * 72 rows (36 customers × 2), a grade migration block that matches the comparison of the two
 * reviews' grades computed here plainly, and no change to the Approved Limits register's
 * user-entered cells (sha256 of those cells before and after). The committee's approved limit
 * drives the Credit Review's limit in force and utilisation; an expired approval is a warning.
 */
import { dayFromCivil, toExcelSerial } from "../../src/engine/dates/dayNumber";
import { sha256Hex } from "../../src/engine/policy/sha256";
import { runReview, setUpWorkbook, type ReviewOptions, type ReviewOutcome } from "../../src/app";
import { addMissingApprovals } from "../../src/app/reviewHistory";
import { APPROVED_LIMITS_TABLE, MIGRATION_TABLE, REVIEW_HISTORY_TABLE, REVIEW_RUNS_TABLE, DIRECTION_TABLE } from "../../src/app/output/historySheets";
import { MemoryWorkbook } from "../../src/host/memory/MemoryWorkbook";
import { OfficeWorkbook } from "../../src/host/office/OfficeWorkbook";
import type { CellValue, SourceTable, WorkbookPort } from "../../src/host/WorkbookPort";
import { createFakeExcel } from "../support/fakeExcel";

jest.setTimeout(120_000);

const firstAsOf = dayFromCivil(2025, 3, 31);
const secondAsOf = dayFromCivil(2025, 6, 30);
const options = (asOf: number, generatedAt: string): ReviewOptions => ({ asOf, generatedAt, addinVersion: "0.1.0-test" });

async function table(port: WorkbookPort, name: string): Promise<SourceTable> {
  const found = (await port.readWorkbook()).tables.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
}

/** The register's user-entered cells (every column but ID and Name), hashed. */
const registerHash = (t: SourceTable): string => sha256Hex(JSON.stringify(t.rows.map((r) => r.slice(2).map((v) => (v === "" ? null : v)))));

interface CustomerJson { customerId: string; grade: string; exposure: number; limit: { recommended?: number }; utilisationPercent?: number; committee?: { limitInForce?: number; limitBasis: string } }
const customersOf = (o: ReviewOutcome): CustomerJson[] => (o.customers ?? []) as unknown as CustomerJson[];

const ports: [string, () => WorkbookPort][] = [
  ["memory adapter", () => new MemoryWorkbook()],
  ["Office adapter (fake Excel)", () => new OfficeWorkbook({ run: createFakeExcel().run })],
];

describe.each(ports)("two reviews at two as-of dates (%s)", (_name, makePort) => {
  let port: WorkbookPort;
  let first: ReviewOutcome;
  let second: ReviewOutcome;
  let hashBefore: string;
  let approvedId: string;
  let expiredId: string;

  beforeAll(async () => {
    port = makePort();
    expect((await setUpWorkbook(port, { withSample: true, asOf: secondAsOf })).status).toBe("written");
    first = await runReview(port, options(firstAsOf, "2025-03-31T09:00:00Z"));
    expect(first.status).toBe("written");

    // The committee fills the register: an approved limit below the recommended one for one
    // customer, an expired approval for another, a note for a third.
    const register = await table(port, APPROVED_LIMITS_TABLE);
    const withLimit = customersOf(first).filter((c) => (c.limit.recommended ?? 0) >= 10_000 && c.exposure > 0);
    approvedId = withLimit[0]!.customerId;
    expiredId = withLimit[1]!.customerId;
    const approvedLimit = Math.max(1_000, Math.floor(withLimit[0]!.exposure / 2));
    const rows: CellValue[][] = register.rows.map((r) => {
      const id = r[0];
      if (id === approvedId) return [r[0], r[1], "Approved, reduced", approvedLimit, "Credit committee", toExcelSerial(firstAsOf), toExcelSerial(secondAsOf + 90), "halved"];
      if (id === expiredId) return [r[0], r[1], "Approved", 5_000, "CFO", toExcelSerial(firstAsOf - 400), toExcelSerial(secondAsOf - 1), null];
      return r.map((v) => (v === "" ? null : v));
    });
    rows[2] = [rows[2]![0]!, rows[2]![1]!, null, null, null, null, null, "watch list"];
    await port.updateTableRows(APPROVED_LIMITS_TABLE, rows);
    hashBefore = registerHash(await table(port, APPROVED_LIMITS_TABLE));

    second = await runReview(port, options(secondAsOf, "2025-06-30T09:00:00Z"));
    expect(second.status).toBe("written");
  });

  it("the first review creates the register (one row per customer, committee columns blank) and the history", async () => {
    expect(first.customers).toHaveLength(36);
    expect(second.customers).toHaveLength(36);
    const register = await table(port, APPROVED_LIMITS_TABLE);
    expect(register.rows).toHaveLength(36);
    expect(register.headers).toEqual(["Customer ID", "Name", "Committee decision", "Approved limit", "Approved by", "Approved on", "Valid until", "Comment"]);
  });

  it("the Review History holds 72 rows, 36 per as-of date, and one run per review", async () => {
    const history = await table(port, REVIEW_HISTORY_TABLE);
    expect(history.rows).toHaveLength(72);
    expect(history.rows.filter((r) => r[0] === toExcelSerial(firstAsOf))).toHaveLength(36);
    expect(history.rows.filter((r) => r[0] === toExcelSerial(secondAsOf))).toHaveLength(36);
    const runs = await table(port, REVIEW_RUNS_TABLE);
    expect(runs.rows.map((r) => r[0])).toEqual([toExcelSerial(firstAsOf), toExcelSerial(secondAsOf)]);
    // The DSO contributions of a review add up to its DSO.
    const dsoOf = (asOf: number) => history.rows.filter((r) => r[0] === toExcelSerial(asOf)).reduce((s, r) => s + (typeof r[13] === "number" ? r[13] : 0), 0);
    expect(dsoOf(secondAsOf)).toBeCloseTo(second.kpis!.dso!, 6);
  });

  it("the earlier review's rows are not changed by the later one", async () => {
    const history = await table(port, REVIEW_HISTORY_TABLE);
    const firstRows = first.sheets ? history.rows.slice(0, 36) : [];
    expect(firstRows.map((r) => r[3])).toEqual(customersOf(first).map((c) => c.customerId));
    expect(firstRows.map((r) => r[5])).toEqual(customersOf(first).map((c) => c.grade));
    expect(firstRows.map((r) => r[1])).toEqual(Array(36).fill("2025-03-31T09:00:00Z"));
  });

  it("leaves the register's user-entered cells exactly as they were (sha256)", async () => {
    expect(registerHash(await table(port, APPROVED_LIMITS_TABLE))).toBe(hashBefore);
  });

  it("the grade migration block matches the two reviews' grades compared here", async () => {
    const before = new Map(customersOf(first).map((c) => [c.customerId, c.grade]));
    const expected = new Map<string, number>();
    let downgraded = 0;
    let upgraded = 0;
    for (const c of customersOf(second)) {
      const from = before.get(c.customerId) ?? "New";
      expected.set(`${from}>${c.grade}`, (expected.get(`${from}>${c.grade}`) ?? 0) + 1);
      if (from !== "New" && c.grade > from) downgraded++;
      if (from !== "New" && c.grade < from) upgraded++;
    }
    const migration = await table(port, MIGRATION_TABLE);
    expect(migration.headers.slice(0, 6)).toEqual(["From \\ to", "A", "B", "C", "D", "Left"]);
    const actual = new Map<string, number>();
    for (const row of migration.rows) {
      ["A", "B", "C", "D"].forEach((to, i) => {
        const n = row[1 + i];
        if (typeof n === "number" && n > 0) actual.set(`${String(row[0])}>${to}`, n);
      });
    }
    expect(actual).toEqual(expected);
    const directions = await table(port, DIRECTION_TABLE);
    expect(directions.rows.map((r) => r[1])).toEqual([upgraded, 36 - upgraded - downgraded, downgraded, 0, 0]);
  });

  it("the approved limit is the limit in force, and utilisation is on it; an expired approval is a warning", () => {
    const approved = customersOf(second).find((c) => c.customerId === approvedId)!;
    expect(approved.committee?.limitBasis).toBe("approved");
    expect(approved.utilisationPercent).toBeCloseTo((approved.exposure * 100) / approved.committee!.limitInForce!, 9);
    const expired = customersOf(second).find((c) => c.customerId === expiredId)!;
    expect(expired.committee?.limitBasis).toBe("recommended");
    const review = second.sheets!.find((s) => s.outputId === "Credit Review")!.tables[0]!;
    const col = (header: string) => review.columns.findIndex((c) => c.header === header);
    const row = review.rows.find((r) => r[0] === expiredId)!;
    expect(String(row[col("Warnings")])).toMatch(/The approved limit 5,000\.00 expired on 2025-06-29/);
    const approvedRow = review.rows.find((r) => r[0] === approvedId)!;
    expect(approvedRow[col("Limit basis")]).toBe("approved");
    expect(approvedRow[col("Approved by")]).toBe("Credit committee");
    expect(approvedRow[col("Grade last review")]).toBe(customersOf(first).find((c) => c.customerId === approvedId)!.grade);
  });

  it("a re-run at an as-of date the history holds appends nothing (one review per date) and still compares with the earlier date", async () => {
    const again = await runReview(port, options(secondAsOf, "2025-06-30T10:00:00Z"));
    expect(again.status).toBe("written");
    expect((await table(port, REVIEW_HISTORY_TABLE)).rows).toHaveLength(72);
    expect((await table(port, REVIEW_RUNS_TABLE)).rows).toHaveLength(2);
    expect(again.sheets!.map((s) => s.outputId)).toContain("Changes");
  });

  it("says which reviewed customers the register lacks: none after the review that created it, and a row the user removed", async () => {
    expect(first.notInRegister).toEqual([]);
    const register = await table(port, APPROVED_LIMITS_TABLE);
    const removed = register.rows[register.rows.length - 1]!;
    await port.updateTableRows(APPROVED_LIMITS_TABLE, register.rows.slice(0, -1));
    const again = await runReview(port, options(secondAsOf, "2025-06-30T11:00:00Z"));
    expect(again.notInRegister).toEqual([{ customerId: removed[0], name: removed[1] }]);
    // The review wrote nothing into the register; the pane's button puts the row back.
    expect((await table(port, APPROVED_LIMITS_TABLE)).rows).toHaveLength(35);
    expect(await addMissingApprovals(port, await port.readWorkbook(), again.notInRegister ?? [])).toBe(1);
    expect((await table(port, APPROVED_LIMITS_TABLE)).rows).toHaveLength(36);
  });

  it("a later review that finds a customer missing from the register adds it only through addMissingApprovals", async () => {
    const snapshot = await port.readWorkbook();
    const added = await addMissingApprovals(port, snapshot, [...customersOf(second), { customerId: "C999", name: "New Customer Ltd" } as CustomerJson & { name: string }].map((c) => ({ customerId: c.customerId, name: (c as { name?: string }).name ?? "" })));
    expect(added).toBe(1);
    const register = await table(port, APPROVED_LIMITS_TABLE);
    expect(register.rows).toHaveLength(37);
    expect(registerHash({ ...register, rows: register.rows.slice(0, 36) })).toBe(hashBefore);
  });
});
