/**
 * Bad-debt allowance by provision matrix (坏账准备, credit-method.md §6):
 * per bucket, balance × loss rate % / 100 × forward-looking multiplier, rounded to cents (half
 * away from zero); the effective rate is capped at 100 % (an allowance never exceeds the balance).
 * The total is the sum of the rounded bucket figures, so the table ties. Net-credit buckets give a
 * negative figure (the formula is linear, as the method states it).
 * Precondition: one percent per bucket (validated at the edge); a mismatch is a programmer bug and throws.
 * @example provision([100000, 50000], [0.5, 2]) //=> { byBucket: [5, 10], total: 15 }
 */
import { detail, err, invalidInput, ok, type Result } from "../errors";
import { checkedCents, fromCents, toCents, type Cents } from "../money/cents";

export function provision(bucketCents: Cents[], percents: number[], multiplier = 1): { byBucket: number[]; total: number } {
  if (bucketCents.length !== percents.length) {
    throw new RangeError(`provision: ${bucketCents.length} buckets but ${percents.length} percents`);
  }
  if (![multiplier, ...percents, ...bucketCents].every(Number.isFinite)) {
    throw new RangeError("provision: every input must be a finite number");
  }
  const byBucketCents = bucketCents.map((cents, i) => toCents(fromCents(cents) * Math.min(1, (percents[i] / 100) * multiplier)));
  return { byBucket: byBucketCents.map(fromCents), total: fromCents(byBucketCents.reduce((s, c) => s + c, 0)) };
}

/**
 * provision for balances straight from a user (CREDIT.PROVISION): an error value instead of a
 * throw or a non-finite figure. Each bucket balance must be exact cents (a safe integer), the
 * rates and multiplier finite; `field` names the balances in the error.
 * @example provisionOf([1e20], [50], 1, "amounts") //=> err(outOfRange("amounts", …))
 */
export function provisionOf(bucketCents: Cents[], percents: number[], multiplier = 1, field = "bucketCents"): Result<{ byBucket: number[]; total: number }> {
  if (bucketCents.length !== percents.length) return err(invalidInput("percents", detail("countNeeded", { count: bucketCents.length, got: percents.length })));
  for (const p of [multiplier, ...percents]) if (!Number.isFinite(p)) return err(invalidInput("percents", detail("notFinite")));
  for (const cents of bucketCents) {
    const c = checkedCents(cents, field);
    if (!c.ok) return c;
  }
  const result = provision(bucketCents, percents, multiplier);
  const total = checkedCents(toCents(result.total), field);
  return total.ok ? ok(result) : total;
}
