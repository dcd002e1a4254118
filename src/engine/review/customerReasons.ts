/**
 * The parts of one readable sentence that sums up a customer's review: grade with composite and
 * coverage, the R flag, the limit with its binding basis and factors, and the overdue position.
 * Each part is a message (ReviewMessage.ts, catalogue id `reason.<id>`) that carries its own
 * punctuation in each language, so the host renders the parts in order and joins them with
 * nothing between. `rFlag` is rendered with the customer's `rReasons` listed in its `{reasons}`.
 * @example customerReasons(review).map((r) => r.id) //=> ["grade", "limit", "overdue"]
 *   (en-US: "B (68.4 %, coverage 92 %); limit 120,000 set by working assets (×0.8 grade, ×0.9 payment); 2 items overdue, max 45 days")
 */
import { LIMIT_BASIS_MESSAGE_PREFIX, NO_PARAMS, type ReasonId, type ReviewMessage } from "./ReviewMessage";
import type { CustomerReview } from "./types";

type Reason = ReviewMessage<ReasonId>;

const LIMIT_ZERO: Reason = Object.freeze({ id: "limitZeroGradeD", params: NO_PARAMS });
const NOTHING_OVERDUE: Reason = Object.freeze({ id: "nothingOverdue", params: NO_PARAMS });
const R_FLAG: Reason = Object.freeze({ id: "rFlag", params: NO_PARAMS });

// Built once per customer of a review (issue 6): one array literal filled by index, parts as
// literals of one shape, the parts without parameters shared.
export function customerReasons(c: Omit<CustomerReview, "reasons">): Reason[] {
  const out: Reason[] = [];
  out.push(
    c.paymentRecord.source === "derived"
      ? { id: "gradeDerivedPayment", params: { grade: c.grade, composite: c.compositePercent, coverage: c.coveragePercent, paymentRecord: c.paymentRecord.score } }
      : { id: "grade", params: { grade: c.grade, composite: c.compositePercent, coverage: c.coveragePercent } },
  );
  if (c.isR) out.push(R_FLAG);
  if (c.limit.recommended === undefined) {
    out.push({ id: "noLimit", params: { ...c.limit.note?.params, noteId: `limitNote.${c.limit.note?.id ?? "noBasis"}` } });
  } else if (c.grade === "D") {
    out.push(LIMIT_ZERO);
  } else {
    out.push({
      id: "limit",
      params: {
        limit: c.limit.recommended,
        basisId: c.limit.bindingBasis === undefined ? "limitBasis.unknown" : `${LIMIT_BASIS_MESSAGE_PREFIX}${c.limit.bindingBasis}`,
        gradeFactor: c.limit.gradeFactor,
        paymentFactor: c.limit.paymentFactor,
      },
    });
  }
  out.push(c.overdueItems === 0 ? NOTHING_OVERDUE : { id: "overdue", params: { count: c.overdueItems, maxDays: c.maxDaysPastDue } });
  return out;
}
