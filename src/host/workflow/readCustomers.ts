/**
 * Customers table rows → engine Customers (credit-method.md §1, §2): ids unique, scores whole
 * or decimal 0–10 (blank = no information), gross margin as a fraction (a value above 1 is read
 * as a percent number with a warning), previous grade A–D.
 */
import type { DateSystem } from "../../engine/dates/dayNumber";
import { CHARACTERISTIC_KEYS, type CharacteristicKey } from "../../engine/policy/characteristics";
import type { Grade } from "../../engine/policy/Policy";
import type { Customer } from "../../engine/portfolio/types";
import { forEachRow, headerOf } from "./rowReader";
import type { Problem, RecognisedTable } from "./types";

const GRADES: readonly string[] = ["A", "B", "C", "D"];

/** A customer with the sheet row it came from. */
export interface CustomerRow {
  customer: Customer;
  sheetRow: number;
}

export function readCustomers(table: RecognisedTable, dateSystem: DateSystem, problems: Problem[]): CustomerRow[] {
  const out: CustomerRow[] = [];
  const seen = new Map<string, number>();
  forEachRow(table, dateSystem, problems, (r) => {
    const customerId = r.requiredText("customerId");
    if (customerId === undefined || customerId === "") return;
    const first = seen.get(customerId);
    if (first !== undefined) {
      r.report("customerId", `${headerOf(table, "customerId")} row ${r.dataIndex + 1}: duplicate customer id "${customerId}" (first on row ${first + 1})`);
      return;
    }
    seen.set(customerId, r.dataIndex);
    const scores: Partial<Record<CharacteristicKey, number>> = {};
    for (const key of CHARACTERISTIC_KEYS) {
      const score = r.number(key, { min: 0, max: 10 });
      if (score !== undefined && score !== 0) scores[key] = score;
    }
    const customer: Customer = { customerId, scores };
    const name = r.text("name");
    if (name) customer.name = name;
    const currency = r.text("currency");
    if (currency) customer.currency = currency.toUpperCase();
    const terms = r.number("paymentTermsDays", { min: 0, isInteger: true });
    if (terms !== undefined) customer.paymentTermsDays = terms;
    const currentLimit = r.number("currentLimit", { min: 0 });
    if (currentLimit !== undefined) customer.currentLimit = currentLimit;
    const sales = r.number("annualCreditSales", { min: 0 });
    if (sales !== undefined) customer.annualCreditSales = sales;
    const margin = r.number("grossMargin", { min: -100, max: 100 });
    if (margin !== undefined) {
      if (Math.abs(margin) > 1) {
        r.report("grossMargin", `${headerOf(table, "grossMargin")} row ${r.dataIndex + 1}: ${margin} read as ${margin} % (gross margin is a fraction; format the column as %)`, "warning");
        customer.grossMargin = margin / 100;
      } else {
        customer.grossMargin = margin;
      }
    }
    const potential = r.number("potential", { min: 0, max: 10 });
    if (potential !== undefined) customer.potential = potential;
    const collateral = r.number("collateral", { min: 0 });
    if (collateral !== undefined) customer.collateral = collateral;
    const lastReview = r.date("lastReviewDate");
    if (lastReview !== undefined) customer.lastReviewDate = lastReview;
    const isKey = r.boolean("keyAccount");
    if (isKey !== undefined) customer.isKeyAccount = isKey;
    const owner = r.text("accountOwner");
    if (owner) customer.accountOwner = owner;
    const previous = r.text("previousGrade");
    if (previous) {
      const grade = previous.toUpperCase();
      if (GRADES.includes(grade)) customer.previousGrade = grade as Grade;
      else r.report("previousGrade", `${headerOf(table, "previousGrade")} row ${r.dataIndex + 1}: "${previous}" is not a grade A–D; ignored`, "warning");
    }
    out.push({ customer, sheetRow: r.sheetRow });
  });
  return out;
}
