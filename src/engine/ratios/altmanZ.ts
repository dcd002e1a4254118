/**
 * Altman Z-scores (公司破产预测, credit-method.md §4) from the ratios X1..X5:
 *
 * - Z   (public manufacturers) = 1.2 X1 + 1.4 X2 + 3.3 X3 + 0.6 X4 + 1.0 X5; distress < 1.81, safe > 2.99
 * - Z'  (private firms)        = 0.717 X1 + 0.847 X2 + 3.107 X3 + 0.420 X4 + 0.998 X5; distress < 1.23, safe > 2.90
 * - Z'' (non-manufacturers)    = 6.56 X1 + 3.26 X2 + 6.72 X3 + 1.05 X4 (X5 not used); distress < 1.10, safe > 2.60
 *
 * The grey zone includes both edges (Z = 1.81 and Z = 2.99 are grey). X5 is required by Z and Z'.
 * The score is freed of floating-point noise (12 significant digits) so an edge value lands on its edge.
 * @example altmanZ("Z", { x1: 0.2, x2: 0.3, x3: 0.1, x4: 1.5, x5: 1.2 }) //=> ok({ z: 3.09, zone: "safe" })
 */
import { detail, err, invalidInput, notAvailable, ok, type Result } from "../errors";
import { denoise } from "../scoring/denoise";

export type AltmanModel = "Z" | "Z'" | "Z''";
export type AltmanZone = "safe" | "grey" | "distress";

export interface AltmanX {
  /** Working capital / total assets. */
  x1: number;
  /** Retained earnings / total assets. */
  x2: number;
  /** EBIT / total assets. */
  x3: number;
  /** Equity (market value for Z, book value for Z' and Z'') / total liabilities. */
  x4: number;
  /** Sales / total assets (not used by Z''). */
  x5?: number;
}

interface ModelSpec {
  coefficients: [number, number, number, number, number];
  distressBelow: number;
  safeAbove: number;
}

export const ALTMAN_MODELS: Readonly<Record<AltmanModel, ModelSpec>> = {
  Z: { coefficients: [1.2, 1.4, 3.3, 0.6, 1.0], distressBelow: 1.81, safeAbove: 2.99 },
  "Z'": { coefficients: [0.717, 0.847, 3.107, 0.42, 0.998], distressBelow: 1.23, safeAbove: 2.9 },
  "Z''": { coefficients: [6.56, 3.26, 6.72, 1.05, 0], distressBelow: 1.1, safeAbove: 2.6 },
};

/** The zone of a Z value under a model: distress below the lower edge, safe above the upper, grey between (inclusive). */
export function altmanZone(model: AltmanModel, z: number): Result<AltmanZone> {
  const spec = ALTMAN_MODELS[model];
  if (spec === undefined) return err(invalidInput("model", detail("oneOf", { options: "Z, Z', Z''", got: String(model) })));
  if (!Number.isFinite(z)) return err(invalidInput("z", detail("notFinite")));
  return ok(zoneOf(spec, z));
}

function zoneOf(spec: ModelSpec, z: number): AltmanZone {
  const v = denoise(z);
  return v < spec.distressBelow ? "distress" : v > spec.safeAbove ? "safe" : "grey";
}

export function altmanZ(model: AltmanModel, x: AltmanX): Result<{ z: number; zone: AltmanZone }> {
  const spec = ALTMAN_MODELS[model];
  if (spec === undefined) return err(invalidInput("model", detail("oneOf", { options: "Z, Z', Z''", got: String(model) })));
  const { x1, x2, x3, x4, x5 } = x;
  if (!isFiniteNumber(x1)) return err(invalidInput("x1", detail("notFinite")));
  if (!isFiniteNumber(x2)) return err(invalidInput("x2", detail("notFinite")));
  if (!isFiniteNumber(x3)) return err(invalidInput("x3", detail("notFinite")));
  if (!isFiniteNumber(x4)) return err(invalidInput("x4", detail("notFinite")));
  // Summed term by term from 0, in the order X1..X5, with no array of terms (issue 6).
  const c = spec.coefficients;
  let sum = 0;
  sum += c[0] * x1;
  sum += c[1] * x2;
  sum += c[2] * x3;
  sum += c[3] * x4;
  if (model !== "Z''") {
    if (x5 === undefined) return err(notAvailable(detail("x5Missing", { model })));
    if (!Number.isFinite(x5)) return err(invalidInput("x5", detail("notFinite")));
    sum += c[4] * x5;
  }
  const z = denoise(sum);
  if (!Number.isFinite(z)) return err(invalidInput("z", detail("notFinite")));
  return ok({ z, zone: zoneOf(spec, z) });
}

/** X may come from outside the type checker (cells, JSON): a number is checked, not assumed. */
function isFiniteNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}
