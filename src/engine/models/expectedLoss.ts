import { detail, err, ok, outOfRange, type Result } from "../errors";

/**
 * Expected loss = PD × LGD × exposure (credit-method.md §10). PD and LGD are fractions from 0 to 1;
 * a negative exposure (a customer in credit) has no loss.
 * @example expectedLoss({ pd: 0.02, lgd: 0.45, exposure: 100000 }) //=> ok(900)
 */
export function expectedLoss(input: { readonly pd: number; readonly lgd: number; readonly exposure: number }): Result<number> {
  if (!(Number.isFinite(input.pd) && input.pd >= 0 && input.pd <= 1)) return err(outOfRange("pd", detail("fraction")));
  if (!(Number.isFinite(input.lgd) && input.lgd >= 0 && input.lgd <= 1)) return err(outOfRange("lgd", detail("fraction")));
  if (!Number.isFinite(input.exposure)) return err(outOfRange("exposure", detail("notFinite")));
  return ok(input.pd * input.lgd * Math.max(0, input.exposure));
}
