/**
 * Grade migration between two reviews (credit-method.md §7 "reviews": the grade against the
 * previous one): how many customers moved from each grade to each grade, with their exposure,
 * and the totals by direction. A customer only in this review is "new", one only in the previous
 * review is "gone" (its exposure is the one it had then); every other customer is counted once,
 * under its previous and its current grade, with its current exposure. Exposure is summed in cents.
 * @example gradeMigration([{ customerId: "C1", grade: "A", exposure: 10 }], [{ customerId: "C1", grade: "B", exposure: 12 }])
 *   //=> { cells: [{ from: "A", to: "B", customers: 1, exposure: 12 }], directions: { downgraded: { customers: 1, exposure: 12 }, … } }
 */
import { fromCents, toCents } from "../money/cents";
import type { Grade } from "../policy/Policy";

export const MIGRATION_GRADES: readonly Grade[] = ["A", "B", "C", "D"];
export type MigrationFrom = Grade | "new";
export type MigrationTo = Grade | "gone";
export const MIGRATION_DIRECTIONS = ["upgraded", "unchanged", "downgraded", "new", "gone"] as const;
export type MigrationDirection = (typeof MIGRATION_DIRECTIONS)[number];

export interface GradePosition {
  customerId: string;
  grade: Grade;
  exposure: number;
}

export interface MigrationCell {
  from: MigrationFrom;
  to: MigrationTo;
  customers: number;
  exposure: number;
}

export interface GradeMigration {
  /** Every (from, to) pair that has at least one customer, in the order A…D then new, to A…D then gone. */
  cells: MigrationCell[];
  directions: Record<MigrationDirection, { customers: number; exposure: number }>;
}

const FROM_ORDER: readonly MigrationFrom[] = [...MIGRATION_GRADES, "new"];
const TO_ORDER: readonly MigrationTo[] = [...MIGRATION_GRADES, "gone"];

/** The direction of one customer's move. */
export function migrationDirection(from: MigrationFrom, to: MigrationTo): MigrationDirection {
  if (from === "new") return "new";
  if (to === "gone") return "gone";
  const delta = MIGRATION_GRADES.indexOf(to) - MIGRATION_GRADES.indexOf(from);
  return delta < 0 ? "upgraded" : delta > 0 ? "downgraded" : "unchanged";
}

export function gradeMigration(previous: readonly GradePosition[], current: readonly GradePosition[]): GradeMigration {
  const before = new Map(previous.map((p) => [p.customerId, p]));
  const now = new Set(current.map((c) => c.customerId));
  const cents = new Map<string, { customers: number; cents: number }>();
  const add = (from: MigrationFrom, to: MigrationTo, exposure: number): void => {
    const key = `${from}>${to}`;
    const cell = cents.get(key) ?? { customers: 0, cents: 0 };
    cell.customers += 1;
    cell.cents += toCents(exposure);
    cents.set(key, cell);
  };
  for (const c of current) add(before.get(c.customerId)?.grade ?? "new", c.grade, c.exposure);
  for (const p of previous) if (!now.has(p.customerId)) add(p.grade, "gone", p.exposure);

  const cells: MigrationCell[] = [];
  const directions = Object.fromEntries(MIGRATION_DIRECTIONS.map((d) => [d, { customers: 0, exposure: 0 }])) as Record<MigrationDirection, { customers: number; exposure: number }>;
  const directionCents = new Map<MigrationDirection, number>();
  for (const from of FROM_ORDER) {
    for (const to of TO_ORDER) {
      const cell = cents.get(`${from}>${to}`);
      if (cell === undefined) continue;
      cells.push({ from, to, customers: cell.customers, exposure: fromCents(cell.cents) });
      const d = migrationDirection(from, to);
      directions[d].customers += cell.customers;
      directionCents.set(d, (directionCents.get(d) ?? 0) + cell.cents);
    }
  }
  for (const [d, total] of directionCents) directions[d].exposure = fromCents(total);
  return { cells, directions };
}
