import { detail, err, ok, outOfRange, type Result } from "../errors";

/** Scorecard scaling: `base` points at odds of good `baseOdds`:1, `pdo` points to double the odds. */
export interface ScalingInput {
  readonly pdo: number;
  readonly baseScore: number;
  readonly baseOdds: number;
}

export interface Scaling {
  /** PDO / ln 2. */
  readonly factor: number;
  /** base score − factor × ln(base odds). */
  readonly offset: number;
}

/**
 * Scorecard scaling (credit-method.md §10): factor = PDO / ln 2, offset = base score − factor × ln(base odds).
 * @example scorecardScaling({ pdo: 20, baseScore: 600, baseOdds: 50 }) //=> ok({ factor: 28.8539, offset: 487.1229 })
 */
export function scorecardScaling(input: ScalingInput): Result<Scaling> {
  if (!(Number.isFinite(input.pdo) && input.pdo > 0)) return err(outOfRange("pdo", detail("positive")));
  if (!Number.isFinite(input.baseScore)) return err(outOfRange("baseScore", detail("notFinite")));
  if (!(Number.isFinite(input.baseOdds) && input.baseOdds > 0)) return err(outOfRange("baseOdds", detail("oddsAboveZero")));
  const factor = input.pdo / Math.LN2;
  return ok({ factor, offset: input.baseScore - factor * Math.log(input.baseOdds) });
}

/**
 * Score of odds of good (credit-method.md §10): offset + factor × ln(odds).
 * @example scoreOfOdds({ factor: 28.8539, offset: 487.1229 }, 100) //=> ok(620)
 */
export function scoreOfOdds(scaling: Scaling, oddsOfGood: number): Result<number> {
  if (!(Number.isFinite(oddsOfGood) && oddsOfGood > 0)) return err(outOfRange("odds", detail("oddsAboveZero")));
  return ok(scaling.offset + scaling.factor * Math.log(oddsOfGood));
}

/**
 * Score of a PD: the odds of good are (1 − PD) / PD.
 * @example scoreOfPd({ factor: 28.8539, offset: 487.1229 }, 1 / 101) //=> ok(620)
 */
export function scoreOfPd(scaling: Scaling, pd: number): Result<number> {
  if (!(Number.isFinite(pd) && pd > 0 && pd < 1)) return err(outOfRange("pd", detail("rangeOpen", { min: 0, max: 1 })));
  return scoreOfOdds(scaling, (1 - pd) / pd);
}

/**
 * Points of one bin of a WOE scorecard. With ln(odds of bad) = intercept + Σ βⱼ × WOEⱼ over n
 * characteristics, score = offset + factor × ln(odds of good) splits into n parts:
 * points = −(βⱼ × WOE + intercept / n) × factor + offset / n, so a customer's points add up to the
 * score of its PD.
 * @example binPoints({ factor: 28.8539, offset: 487.1229 }, −0.8, 0.5, −1.2, 3) //=> 185.6 (to 0.1)
 */
export function binPoints(scaling: Scaling, coefficient: number, woe: number, intercept: number, characteristics: number): number {
  return -(coefficient * woe + intercept / characteristics) * scaling.factor + scaling.offset / characteristics;
}
