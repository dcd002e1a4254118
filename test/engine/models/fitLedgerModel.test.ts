import "../../support/errorsInEnglish";
import { samplePortfolio } from "../../../src/app/samplePortfolio";
import { addMonths } from "../../../src/engine/dates/addMonths";
import { dayFromCivil, dayOfSerial1900 } from "../../../src/engine/dates/dayNumber";
import { fitLedgerModel, ledgerScorecardOptions } from "../../../src/engine/models/fitLedgerModel";
import { ledgerFeatures } from "../../../src/engine/models/ledgerFeatures";
import { scoreOfPd } from "../../../src/engine/models/scorecard";
import { seededRandom } from "../../../src/engine/models/seededRandom";
import { ledgerBuilder, type Ledger } from "../../../src/engine/receivables/Ledger";

const AS_OF = dayFromCivil(2025, 6, 30);

/** A 30-month ledger of 300 customers: a customer's hidden risk makes it pay later and, at worst, stop paying. */
function syntheticLedger(seed: number): Ledger {
  const next = seededRandom(seed);
  const b = ledgerBuilder(300 * 24);
  const start = addMonths(AS_OF, -30);
  for (let c = 0; c < 300; c++) {
    const risk = next();
    for (let day = start + Math.floor(next() * 30); day <= AS_OF - 5; day += 30) {
      const due = day + 30;
      const late = Math.floor(risk * risk * 60 * next());
      const stops = next() < risk * risk * 0.03;
      const settled = stops ? undefined : due + late;
      b.add(`I${c}-${day}`, `C${c}`, day, due, 1000, undefined, undefined, settled !== undefined && settled <= AS_OF ? settled : undefined);
    }
  }
  return b.build();
}

describe("fitLedgerModel (a default model of the user's own ledger)", () => {
  const ledger = syntheticLedger(3);

  it("samples at as-of − 12 months, fits, validates by k-fold and scores every customer at the as-of date", () => {
    const r = fitLedgerModel(ledger, AS_OF);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const m = r.value;
    expect(m.sample.observationDay).toBe(addMonths(AS_OF, -12));
    expect(m.sample.horizonEnd).toBe(AS_OF);
    expect(m.sample.defaults).toBeGreaterThanOrEqual(10);
    expect(m.validation).toBeDefined();
    expect(m.validation!.meanAuc).toBeGreaterThan(0.7);
    expect(m.current.customerIds).toHaveLength(300);
    // Out of time: the scorecard of the year before, scored on this year's sample.
    expect(m.outOfTime).toEqual(expect.objectContaining({ trainObservationDay: addMonths(AS_OF, -24), trainRows: 300, testRows: 300 }));
    expect(m.outOfTime!.auc).toBeGreaterThan(0.7);
    expect(m.outOfTime!.gini).toBeCloseTo(2 * m.outOfTime!.auc - 1, 12);
    for (const pd of m.current.pd) expect(pd > 0 && pd < 1).toBe(true);
    // Points and PD agree: each customer's points are the score of its PD.
    m.current.pd.forEach((pd, i) => {
      const s = scoreOfPd(m.scorecard.scaling, pd);
      expect(s.ok && s.value - m.current.points[i]).toBeCloseTo(0, 8);
    });
  });

  it("ranks customers who are far past due today as riskier", () => {
    const r = fitLedgerModel(ledger, AS_OF);
    if (!r.ok) throw new Error("expected ok");
    const now = ledgerFeatures(ledger, AS_OF);
    const maxDpd = now.features.find((f) => f.name === "maxDaysPastDue")!.values as number[];
    const late = r.value.current.pd.filter((_, i) => maxDpd[i] > 60);
    const current = r.value.current.pd.filter((_, i) => maxDpd[i] === 0);
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(late.length).toBeGreaterThan(0);
    expect(mean(late)).toBeGreaterThan(2 * mean(current));
  });

  it("fits nothing with fewer defaults than the minimum, and says how many there were", () => {
    const r = fitLedgerModel(ledger, AS_OF, { minDefaults: 1000 });
    expect(r).toEqual({ ok: false, error: { kind: "notAvailable", what: expect.stringMatching(/only \d+ of 300 customers defaulted.*at least 1000/) } });
  });

  it("has enough history in the sample workbook's ledger to fit", () => {
    const wb = samplePortfolio(AS_OF);
    const b = ledgerBuilder(wb.receivables.length);
    const day = (v: unknown): number | undefined => (typeof v === "number" ? dayOfSerial1900(v) : undefined);
    for (const row of wb.receivables) {
      b.add(String(row.invoiceId), String(row.customerId), day(row.invoiceDate)!, day(row.dueDate)!, row.amount as number, undefined, undefined, day(row.settledDate));
    }
    const r = fitLedgerModel(b.build(), AS_OF);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.sample.customerIds.length).toBe(33);
    expect(r.value.sample.defaults).toBe(12);
    expect(r.value.current.customerIds).toHaveLength(36);
    // The sample's ledger spans 14 months: no earlier year to check out of time against.
    expect(r.value.outOfTime).toBeUndefined();
  });

  it("takes extra features at each observation date and at the as-of date, and a calibration table of the sample", () => {
    const asked: number[] = [];
    // A feature that knows each customer's future exactly would be "suspicious"; a constant one is useless.
    const r = fitLedgerModel(ledger, AS_OF, {
      extraFeatures: (day, ids) => {
        asked.push(day);
        return [{ name: "constant", kind: "numeric", values: ids.map(() => 1) }];
      },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(asked).toContain(addMonths(AS_OF, -12));
    expect(asked).toContain(AS_OF);
    expect(r.value.sample.features.map((f) => f.name)).toContain("constant");
    expect(r.value.scorecard.dropped.map((d) => d.name)).toContain("constant");
    expect(r.value.calibration).toHaveLength(10);
    expect(r.value.calibration.reduce((s, g) => s + g.count, 0)).toBe(r.value.sample.isBad.length);
    expect(r.value.calibration.reduce((s, g) => s + g.bads, 0)).toBe(r.value.sample.defaults);
  });

  it("allows one characteristic per five defaults (1 to 8)", () => {
    expect(ledgerScorecardOptions(4, undefined).maxCharacteristics).toBe(1);
    expect(ledgerScorecardOptions(12, undefined).maxCharacteristics).toBe(2);
    expect(ledgerScorecardOptions(500, undefined).maxCharacteristics).toBe(8);
    expect(ledgerScorecardOptions(500, { maxCharacteristics: 3 }).maxCharacteristics).toBe(3);
  });
});
