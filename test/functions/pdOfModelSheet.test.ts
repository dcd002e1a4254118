/**
 * CREDIT.PD over the Model sheet's bins table (issue 17: "apply coefficients from a Model sheet
 * range"): the raw features of each customer, put in their bins, give the PD the review's
 * scorecard gives (applyScorecard over the model read back from the sheet); with or without the
 * table's header row; a missing feature column is named.
 */
import fc from "fast-check";
import { dayFromCivil } from "../../src/engine/dates/dayNumber";
import { applyScorecard, type FeatureColumn } from "../../src/engine/models/buildScorecard";
import { MemoryWorkbook } from "../../src/host/memory/MemoryWorkbook";
import { setUpWorkbook } from "../../src/app/setUpWorkbook";
import { fitModel } from "../../src/app/fitModel";
import { readModelSheet } from "../../src/app/readModelSheet";
import { MODEL_BINS_TABLE } from "../../src/app/modelBins";
import { pd } from "../../src/functions/modelFunctions";

const asOf = dayFromCivil(2025, 6, 30);

async function modelSheet() {
  const wb = new MemoryWorkbook();
  expect((await setUpWorkbook(wb, { withSample: true, asOf })).status).toBe("written");
  const outcome = await fitModel(wb, { asOf, generatedAt: "2025-06-30T09:00:00Z", addinVersion: "0.1.0-test" });
  if (outcome.status !== "written") throw new Error(outcome.status);
  const read = readModelSheet(await wb.readWorkbook());
  if (!read.ok || read.value === undefined) throw new Error("no model");
  const bins = wb.getTable(MODEL_BINS_TABLE)!;
  return { card: read.value.scorecard, bins: [bins.headers as unknown[], ...bins.rows] };
}

describe("CREDIT.PD over the Model sheet's bins table", () => {
  it("gives the scorecard's PD for raw features, blanks in the missing bin, with or without the header row (property)", async () => {
    const { card, bins } = await modelSheet();
    expect(card.characteristics.length).toBeGreaterThan(0);
    const value = (k: (typeof card.characteristics)[number]) =>
      k.kind === "categorical"
        ? fc.oneof(fc.constantFrom(...k.groups.flat()), fc.constant(null))
        : fc.oneof(fc.double({ min: -50, max: 500, noNaN: true }), fc.constant(null));
    await fc.assert(
      fc.property(fc.array(fc.tuple(...card.characteristics.map(value)), { minLength: 1, maxLength: 20 }), (rows) => {
        const names = card.characteristics.map((k) => k.name);
        const features = [names, ...rows.map((r) => [...r])];
        const columns: FeatureColumn[] = card.characteristics.map((k, j) => ({ name: k.name, kind: k.kind, values: rows.map((r) => r[j] as number | string | null) }));
        const expected = applyScorecard(card, columns);
        if (!expected.ok) throw new Error("scorecard refused the features");
        const blank = (r: readonly unknown[]) => r.every((v) => v === null);
        const want = expected.value.pd.map((p, i) => [blank(rows[i]!) ? "" : p]);
        expect(pd(features, bins)).toEqual(want);
        expect(pd(features, bins.slice(1))).toEqual(want);
      }),
      { numRuns: 30 },
    );
  });

  it("names a feature of the model the features lack", async () => {
    const { card, bins } = await modelSheet();
    const out = pd([["other"], [1]], bins);
    expect(out[0]?.[0]).toBeInstanceOf(Error);
    expect(String((out[0]?.[0] as unknown as { message: string }).message)).toContain(card.characteristics[0]!.name);
  });
});
