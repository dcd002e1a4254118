import fc from "fast-check";
import { gradeMigration, migrationDirection, MIGRATION_DIRECTIONS, type GradePosition } from "../../../src/engine/review/gradeMigration";
import type { Grade } from "../../../src/engine/policy/Policy";

const p = (customerId: string, grade: Grade, exposure: number): GradePosition => ({ customerId, grade, exposure });

describe("migrationDirection", () => {
  it.each([
    ["A", "A", "unchanged"],
    ["A", "B", "downgraded"],
    ["D", "C", "upgraded"],
    ["new", "B", "new"],
    ["C", "gone", "gone"],
  ] as const)("%s → %s is %s", (from, to, direction) => expect(migrationDirection(from, to)).toBe(direction));
});

describe("gradeMigration", () => {
  it("counts each customer once, new and gone included, exposure now (gone: as it was) in cents", () => {
    const m = gradeMigration(
      [p("C1", "A", 100), p("C2", "B", 200), p("C3", "C", 0.1), p("C4", "D", 50)],
      [p("C1", "B", 110.1), p("C2", "B", 0.2), p("C3", "B", 0.1), p("C5", "A", 7)],
    );
    expect(m.cells).toEqual([
      { from: "A", to: "B", customers: 1, exposure: 110.1 },
      { from: "B", to: "B", customers: 1, exposure: 0.2 },
      { from: "C", to: "B", customers: 1, exposure: 0.1 },
      { from: "D", to: "gone", customers: 1, exposure: 50 },
      { from: "new", to: "A", customers: 1, exposure: 7 },
    ]);
    expect(m.directions).toEqual({
      upgraded: { customers: 1, exposure: 0.1 },
      unchanged: { customers: 1, exposure: 0.2 },
      downgraded: { customers: 1, exposure: 110.1 },
      new: { customers: 1, exposure: 7 },
      gone: { customers: 1, exposure: 50 },
    });
  });

  it("is empty for two empty reviews", () => expect(gradeMigration([], []).cells).toEqual([]));

  const grade = fc.constantFrom<Grade>("A", "B", "C", "D");
  const positions = fc.uniqueArray(fc.record({ customerId: fc.integer({ min: 1, max: 40 }).map(String), grade, exposure: fc.integer({ min: 0, max: 1e8 }).map((c) => c / 100) }), { selector: (x) => x.customerId, maxLength: 30 });
  it("the cells count every current customer and every gone one exactly once, and the directions add up to the cells", () => {
    fc.assert(fc.property(positions, positions, (before, now) => {
      const m = gradeMigration(before, now);
      const ids = new Set(now.map((c) => c.customerId));
      const gone = before.filter((b) => !ids.has(b.customerId)).length;
      const total = m.cells.reduce((s, c) => s + c.customers, 0);
      const byDirection = MIGRATION_DIRECTIONS.reduce((s, d) => s + m.directions[d].customers, 0);
      return total === now.length + gone && byDirection === total;
    }));
  });
});
