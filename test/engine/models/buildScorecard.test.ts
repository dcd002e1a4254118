import "../../support/errorsInEnglish";
import { applyScorecard, buildScorecard, type FeatureColumn } from "../../../src/engine/models/buildScorecard";
import { crossValidate } from "../../../src/engine/models/crossValidate";
import { scoreOfPd } from "../../../src/engine/models/scorecard";
import { seededRandom } from "../../../src/engine/models/seededRandom";

/** A synthetic portfolio where default depends on days late and grade, and not on a noise column. */
function portfolio(n: number, seed: number): { columns: FeatureColumn[]; isBad: number[] } {
  const next = seededRandom(seed);
  const daysLate: number[] = [];
  const grade: string[] = [];
  const noise: number[] = [];
  const isBad: number[] = [];
  for (let i = 0; i < n; i++) {
    const d = Math.floor(next() * 60);
    const g = ["A", "B", "C", "D"][Math.floor(next() * 4)];
    const z = -3 + d / 20 + ["A", "B", "C", "D"].indexOf(g) * 0.6;
    daysLate.push(d);
    grade.push(g);
    noise.push(next());
    isBad.push(next() < 1 / (1 + Math.exp(-z)) ? 1 : 0);
  }
  return {
    columns: [
      { name: "daysLate", kind: "numeric", values: daysLate },
      { name: "grade", kind: "categorical", values: grade },
      { name: "noise", kind: "numeric", values: noise },
    ],
    isBad,
  };
}

describe("buildScorecard and applyScorecard", () => {
  const { columns, isBad } = portfolio(3000, 5);

  it("rejects no characteristic, a column of the wrong length, and a text in a numeric column", () => {
    expect(buildScorecard([], isBad)).toEqual({ ok: false, error: expect.objectContaining({ field: "features" }) });
    expect(buildScorecard([{ name: "short", kind: "numeric", values: [1, 2] }], isBad)).toEqual({ ok: false, error: expect.objectContaining({ field: "short" }) });
    const texts: FeatureColumn = { name: "t", kind: "numeric", values: isBad.map((_, i) => (i === 7 ? "x" : i)) };
    expect(buildScorecard([texts], isBad)).toEqual({ ok: false, error: expect.objectContaining({ field: "t", at: { row: 8 } }) });
  });

  it("keeps the informative characteristics, drops the noise, and the WOE coefficients are negative (WOE is safer-positive)", () => {
    const card = buildScorecard(columns, isBad);
    if (!card.ok) throw new Error(JSON.stringify(card.error));
    expect(card.value.characteristics.map((c) => c.name)).toEqual(["daysLate", "grade"]);
    expect(card.value.dropped.map((d) => d.name)).toEqual(["noise"]);
    for (const b of card.value.model.coefficients) expect(b).toBeLessThan(0);
  });

  it("gives each row points that add up to the score of its PD", () => {
    const card = buildScorecard(columns, isBad);
    if (!card.ok) throw new Error("expected ok");
    const scored = applyScorecard(card.value, columns);
    if (!scored.ok) throw new Error("expected ok");
    scored.value.pd.forEach((pd, i) => {
      const s = scoreOfPd(card.value.scaling, pd);
      expect(s.ok && s.value - scored.value.points[i]).toBeCloseTo(0, 8);
    });
  });

  it("names a characteristic the scorecard needs and the data lack", () => {
    const card = buildScorecard(columns, isBad);
    if (!card.ok) throw new Error("expected ok");
    expect(applyScorecard(card.value, [columns[0]])).toEqual({ ok: false, error: expect.objectContaining({ field: "features" }) });
  });

  it("cross-validates with held-out AUC well above chance on the synthetic portfolio, reproducibly", () => {
    const a = crossValidate(columns, isBad, 5, 3);
    const b = crossValidate(columns, isBad, 5, 3);
    if (!a.ok) throw new Error(JSON.stringify(a.error));
    expect(a).toEqual(b);
    expect(a.value.meanAuc).toBeGreaterThan(0.7);
    expect(a.value.meanGini).toBeCloseTo(2 * a.value.meanAuc - 1, 12);
  });
});

describe("buildScorecard's choice of characteristics", () => {
  const { columns, isBad } = portfolio(3000, 5);
  const copy: FeatureColumn = { ...columns[0], name: "daysLateAgain" };
  const empty: FeatureColumn = { name: "empty", kind: "numeric", values: isBad.map(() => null) };

  it("keeps the most informative up to maxCharacteristics, in the order given", () => {
    const r = buildScorecard(columns, isBad, { maxCharacteristics: 1 });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const ivs = [r.value.characteristics[0].iv, ...r.value.dropped.map((d) => d.iv)];
    expect(r.value.characteristics).toHaveLength(1);
    expect(Math.max(...ivs)).toBe(r.value.characteristics[0].iv);
  });

  it("leaves out a characteristic whose WOEs copy a chosen one's beyond maxCorrelation", () => {
    const r = buildScorecard([...columns, copy], isBad, { maxCorrelation: 0.8 });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const names = r.value.characteristics.map((c) => c.name);
    expect(names.filter((n) => n === "daysLate" || n === "daysLateAgain")).toHaveLength(1);
    expect(names).toContain("grade");
    expect(r.value.dropped.map((d) => d.name)).toEqual(expect.arrayContaining(["noise"]));
  });

  it("drops a numeric column with no value on the rows (IV 0) instead of failing", () => {
    const r = buildScorecard([...columns, empty], isBad);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.dropped).toEqual(expect.arrayContaining([{ name: "empty", iv: 0 }]));
  });
});
