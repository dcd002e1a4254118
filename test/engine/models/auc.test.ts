import { inWords } from "../../support/errorsInEnglish";
import fc from "fast-check";
import { auc } from "../../../src/engine/models/auc";
import { gini } from "../../../src/engine/models/gini";
import { ks } from "../../../src/engine/models/ks";
import { bruteForceAuc, bruteForceKs } from "./reference";

/** Scores and labels with at least one good and one bad; scores from a small set so that ties are common. */
const scored = fc
  .array(fc.tuple(fc.integer({ min: -20, max: 20 }).map((v) => v / 4), fc.integer({ min: 0, max: 1 })), { minLength: 2, maxLength: 80 })
  .filter((rows) => rows.some((r) => r[1] === 1) && rows.some((r) => r[1] === 0))
  .map((rows) => ({ scores: rows.map((r) => r[0]), isBad: rows.map((r) => r[1]) }));

describe.each([
  ["auc", auc],
  ["ks", ks],
  ["gini", gini],
])("%s: invalid input", (_, measure) => {
  it.each([
    ["lengths differ", [0.1, 0.2], [0], "isBad"],
    ["a label that is not 0 or 1", [0.1, 0.2], [0, 2], "isBad item 2"],
    ["a non-finite score", [0.1, NaN], [0, 1], "scores item 2"],
    ["no bad", [0.1, 0.2], [0, 0], "isBad"],
    ["no good", [0.1, 0.2], [1, 1], "isBad"],
  ])("rejects %s naming %s", (_d, scores, isBad, field) => {
    const r = measure(scores, isBad);
    expect(inWords(r)).toEqual({ kind: "invalidInput", field });
  });
});

describe("auc (ties count one half)", () => {
  it.each([
    ["perfect", [0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1], 1],
    ["reversed", [0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1], 0],
    ["all tied", [0.5, 0.5, 0.5], [0, 1, 0], 0.5],
    ["one tie of four pairs", [0.1, 0.5, 0.5, 0.9], [0, 0, 1, 1], 0.875],
    ["doc example", [0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], 0.75],
  ])("%s", (_, scores, isBad, expected) => {
    expect(auc(scores, isBad)).toEqual({ ok: true, value: expected });
  });

  it("equals the brute-force pairwise reference to 1e-12", () => {
    fc.assert(fc.property(scored, ({ scores, isBad }) => {
      const r = auc(scores, isBad);
      return r.ok && Math.abs(r.value - bruteForceAuc(scores, isBad)) <= 1e-12;
    }));
  });

  it("property: AUC of negated scores is 1 − AUC", () => {
    fc.assert(fc.property(scored, ({ scores, isBad }) => {
      const a = auc(scores, isBad);
      const b = auc(scores.map((s) => -s), isBad);
      return a.ok && b.ok && Math.abs(a.value + b.value - 1) <= 1e-12;
    }));
  });

  it("property: AUC is unchanged by a strictly increasing transform", () => {
    fc.assert(fc.property(scored, ({ scores, isBad }) => {
      const a = auc(scores, isBad);
      const b = auc(scores.map((s) => Math.exp(s) * 3 + 1), isBad);
      return a.ok && b.ok && a.value === b.value;
    }));
  });

  it("property: Gini = 2·AUC − 1", () => {
    fc.assert(fc.property(scored, ({ scores, isBad }) => {
      const a = auc(scores, isBad);
      const g = gini(scores, isBad);
      return a.ok && g.ok && g.value === 2 * a.value - 1;
    }));
  });
});

describe("ks (largest gap of the cumulative distributions)", () => {
  it.each([
    ["perfect", [0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1], 1],
    ["all tied", [0.5, 0.5, 0.5], [0, 1, 0], 0],
    ["doc example", [0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], 0.5],
  ])("%s", (_, scores, isBad, expected) => {
    expect(ks(scores, isBad)).toEqual({ ok: true, value: expected });
  });

  it("equals the brute-force reference to 1e-12 and lies in [0, 1]", () => {
    fc.assert(fc.property(scored, ({ scores, isBad }) => {
      const r = ks(scores, isBad);
      return r.ok && r.value >= 0 && r.value <= 1 && Math.abs(r.value - bruteForceKs(scores, isBad)) <= 1e-12;
    }));
  });

  it("property: KS does not depend on the order of the rows", () => {
    fc.assert(fc.property(scored, ({ scores, isBad }) => {
      const a = ks(scores, isBad);
      const b = ks([...scores].reverse(), [...isBad].reverse());
      return a.ok && b.ok && a.value === b.value;
    }));
  });
});
