/**
 * Customers table rows → engine Customers (credit-method.md §1, §2): ids unique, scores whole
 * or decimal 0–10 (blank = no information), gross margin as a fraction (a value above 1 is read
 * as a percent number with a warning), previous grade A–D.
 */
import type { DateSystem } from "../engine/dates/dayNumber";
import { CHARACTERISTIC_KEYS, type CharacteristicKey } from "../engine/policy/characteristics";
import type { Grade } from "../engine/policy/Policy";
import type { Customer } from "../engine/portfolio/types";
import { columnOf, columnsOf, forEachRow, type Bounds } from "./rowReader";
import type { Problem, RecognisedTable } from "./types";

const GRADES: readonly string[] = ["A", "B", "C", "D"];

/** A customer with the sheet row it came from. */
export interface CustomerRow {
  customer: Customer;
  sheetRow: number;
}

const FIELDS = [
  "customerId", "name", "currency", "paymentTermsDays", "currentLimit", "annualCreditSales", "grossMargin",
  "potential", "collateral", "lastReviewDate", "keyAccount", "accountOwner", "previousGrade",
] as const;

// Bounds shared by every row (not an object per cell).
const SCORE_RANGE: Bounds = { min: 0, max: 10 };
const TERMS_RANGE: Bounds = { min: 0, isInteger: true };
const NOT_NEGATIVE: Bounds = { min: 0 };
const MARGIN_RANGE: Bounds = { min: -100, max: 100 };

export function readCustomers(table: RecognisedTable, dateSystem: DateSystem, problems: Problem[]): CustomerRow[] {
  const out: CustomerRow[] = [];
  const seen = new Map<string, number>();
  const c = columnsOf(table, FIELDS);
  const scoreColumns = CHARACTERISTIC_KEYS.map((key) => columnOf(table, key));
  forEachRow(table, dateSystem, problems, (r) => {
    const customerId = r.requiredText(c.customerId);
    if (customerId === undefined || customerId === "") return;
    const first = seen.get(customerId);
    if (first !== undefined) {
      r.report(c.customerId, `${c.customerId.header} row ${r.dataIndex + 1}: duplicate customer id "${customerId}" (first on row ${first + 1})`);
      return;
    }
    seen.set(customerId, r.dataIndex);
    const scores: Partial<Record<CharacteristicKey, number>> = {};
    for (let k = 0; k < CHARACTERISTIC_KEYS.length; k++) {
      const score = r.number(scoreColumns[k], SCORE_RANGE);
      if (score !== undefined && score !== 0) scores[CHARACTERISTIC_KEYS[k]] = score;
    }
    const customer: Customer = { customerId, scores };
    const name = r.text(c.name);
    if (name) customer.name = name;
    const currency = r.text(c.currency);
    if (currency) customer.currency = currency.toUpperCase();
    const terms = r.number(c.paymentTermsDays, TERMS_RANGE);
    if (terms !== undefined) customer.paymentTermsDays = terms;
    const currentLimit = r.number(c.currentLimit, NOT_NEGATIVE);
    if (currentLimit !== undefined) customer.currentLimit = currentLimit;
    const sales = r.number(c.annualCreditSales, NOT_NEGATIVE);
    if (sales !== undefined) customer.annualCreditSales = sales;
    const margin = r.number(c.grossMargin, MARGIN_RANGE);
    if (margin !== undefined) {
      if (Math.abs(margin) > 1) {
        r.report(c.grossMargin, `${c.grossMargin.header} row ${r.dataIndex + 1}: ${margin} read as ${margin} % (gross margin is a fraction; format the column as %)`, "warning");
        customer.grossMargin = margin / 100;
      } else {
        customer.grossMargin = margin;
      }
    }
    const potential = r.number(c.potential, SCORE_RANGE);
    if (potential !== undefined) customer.potential = potential;
    const collateral = r.number(c.collateral, NOT_NEGATIVE);
    if (collateral !== undefined) customer.collateral = collateral;
    const lastReview = r.date(c.lastReviewDate);
    if (lastReview !== undefined) customer.lastReviewDate = lastReview;
    const isKey = r.boolean(c.keyAccount);
    if (isKey !== undefined) customer.isKeyAccount = isKey;
    const owner = r.text(c.accountOwner);
    if (owner) customer.accountOwner = owner;
    const previous = r.text(c.previousGrade);
    if (previous) {
      const grade = previous.toUpperCase();
      if (GRADES.includes(grade)) customer.previousGrade = grade as Grade;
      else r.report(c.previousGrade, `${c.previousGrade.header} row ${r.dataIndex + 1}: "${previous}" is not a grade A–D; ignored`, "warning");
    }
    out.push({ customer, sheetRow: r.sheetRow });
  });
  return out;
}
