/**
 * One readable sentence that sums up a customer's review: grade with composite and coverage,
 * the limit with its binding basis and factors, and the overdue position.
 * @example customerReasons(review) //=> "B (68.4 %, coverage 92 %); limit 120,000 set by working assets (×0.8 grade, ×0.9 payment); 2 items overdue, max 45 days"
 */
import { flat } from "./flat";
import { formatAmount } from "./formatAmount";
import type { CustomerReview } from "./types";

const one = (x: number): string => String(Math.round(x * 10) / 10);

// The sentence is built by appending to one string, not by joining an array of parts: it is
// built once per customer of a review (issue 6).
export function customerReasons(c: Omit<CustomerReview, "reasons">): string {
  let text = `${c.grade} (${one(c.compositePercent)} %, coverage ${Math.round(c.coveragePercent)} %`;
  if (c.paymentRecord.source === "derived") text += `, payment record ${c.paymentRecord.score} from behaviour`;
  text += ")";
  if (c.isR) text += `, R: refer to committee (${c.rReasons.join(", ")})`;
  if (c.limit.recommended === undefined) {
    text += `; no limit: ${c.limit.note ?? "no basis for a limit"}`;
  } else if (c.grade === "D") {
    text += "; limit 0: cash or prepayment only";
  } else {
    text += `; limit ${formatAmount(c.limit.recommended)} set by ${c.limit.bindingBasis ?? "?"} (×${c.limit.gradeFactor} grade, ×${c.limit.paymentFactor} payment)`;
  }
  text +=
    c.overdueItems === 0
      ? "; nothing overdue"
      : `; ${c.overdueItems} item${c.overdueItems === 1 ? "" : "s"} overdue, max ${c.maxDaysPastDue} days`;
  return flat(text);
}
