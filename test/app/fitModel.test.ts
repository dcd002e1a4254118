import { dayFromCivil } from "../../src/engine/dates/dayNumber";
import { DEFAULT_POLICY } from "../../src/engine/policy/defaultPolicy";
import { policyToRows } from "../../src/engine/policy/policyToRows";
import { MemoryWorkbook } from "../../src/host/memory/MemoryWorkbook";
import { setUpWorkbook } from "../../src/app/setUpWorkbook";
import { fitModel, modelFingerprint, reviewFeatureColumns, type ModelFitOutcome } from "../../src/app/fitModel";
import { MEASURE_KEYS, MODEL_BINS_TABLE, MODEL_CALIBRATION_TABLE, MODEL_FEATURES_TABLE, MODEL_MEASURES_TABLE } from "../../src/app/output/modelSheet";

const asOf = dayFromCivil(2025, 6, 30);
const options = { asOf, generatedAt: "2025-06-30T09:00:00Z", addinVersion: "0.1.0-test" };

async function sampleWorkbook(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  const set = await setUpWorkbook(wb, { withSample: true, asOf });
  expect(set.status).toBe("written");
  return wb;
}

function written(outcome: ModelFitOutcome): Extract<ModelFitOutcome, { status: "written" }> {
  if (outcome.status !== "written") throw new Error(`expected a written model, got ${outcome.status}`);
  return outcome;
}

/** Sets a Policy key of the workbook's Policy table. */
async function setPolicy(wb: MemoryWorkbook, key: string, value: number | string): Promise<void> {
  const rows = policyToRows({ ...DEFAULT_POLICY }).map(([k, v]) => [k, k === key ? value : v]);
  const table = wb.getTable("Policy");
  if (!table) throw new Error("no Policy table");
  const width = table.headers.length;
  await wb.updateTableRows("Policy", rows.map((r) => [...r, ...Array.from({ length: width - 2 }, () => null)]));
}

describe("fitModel on the sample workbook", () => {
  it("fits on the 12 months before the as-of date, validates by folds and writes the Model sheet", async () => {
    const wb = await sampleWorkbook();
    const outcome = written(await fitModel(wb, options));
    const { model } = outcome;
    expect(model.sample.observationDay).toBe(dayFromCivil(2024, 6, 30));
    expect(model.sample.defaults).toBeGreaterThanOrEqual(DEFAULT_POLICY.modelMinDefaults);
    expect(model.validation).toBeDefined();
    expect(model.validation!.meanAuc).toBeGreaterThan(0.5);
    expect(model.validation!.meanGini).toBeCloseTo(2 * model.validation!.meanAuc - 1, 12);
    // The sample's ledger spans 14 months: too short for the out-of-time check one horizon back.
    expect(model.outOfTime).toBeUndefined();
    expect(model.calibration.reduce((s, g) => s + g.count, 0)).toBe(model.sample.customerIds.length);
    expect(model.calibration.reduce((s, g) => s + g.bads, 0)).toBe(model.sample.defaults);
    expect(outcome.fingerprint).toBe(modelFingerprint(model.scorecard));
    expect(outcome.written).toEqual([{ requested: "Model", written: "Model" }]);
    for (const table of [MODEL_MEASURES_TABLE, MODEL_FEATURES_TABLE, MODEL_BINS_TABLE, MODEL_CALIBRATION_TABLE]) expect(wb.getTable(table)).toBeDefined();
    const measures = wb.getTable(MODEL_MEASURES_TABLE)!;
    expect(measures.rows[MEASURE_KEYS.indexOf("fingerprint")][1]).toBe(outcome.fingerprint);
    expect(measures.rows[MEASURE_KEYS.indexOf("defaults")][1]).toBe(model.sample.defaults);
    // Every feature offered is in the features table, kept or dropped, with its IV.
    const features = wb.getTable(MODEL_FEATURES_TABLE)!;
    expect(features.rows.map((r) => r[0]).sort()).toEqual(
      ["averageDaysLate", "shareLate", "maxDaysPastDue", "overdueShare", "compositePercent", "grade", "utilisationPercent", "currentRatio", "quickRatio", "debtRatio", "netMargin", "revenueGrowth", "altmanZ"].sort(),
    );
  });

  it("writes the sheet in the Policy's output language", async () => {
    const wb = await sampleWorkbook();
    await setPolicy(wb, "outputLanguage", "zh-CN");
    const outcome = written(await fitModel(wb, options));
    expect(outcome.written[0].written).toBe("违约模型");
    expect(wb.getTable(MODEL_BINS_TABLE)!.headers[0]).toBe("特征");
  });

  it("with fewer defaults than modelMinDefaults says so and writes nothing", async () => {
    const wb = await sampleWorkbook();
    await setPolicy(wb, "modelMinDefaults", 500);
    const before = (await wb.readWorkbook()).sheets;
    const outcome = await fitModel(wb, options);
    expect(outcome.status).toBe("tooFewDefaults");
    if (outcome.status !== "tooFewDefaults") return;
    expect(outcome.history.minDefaults).toBe(500);
    expect(outcome.history.defaults).toBeLessThan(500);
    expect(outcome.history.customers).toBeGreaterThan(0);
    expect((await wb.readWorkbook()).sheets).toEqual(before);
  });

  it("follows defaultDaysPastDue: a longer threshold finds no more defaults", async () => {
    const at90 = written(await fitModel(await sampleWorkbook(), options)).model.sample.defaults;
    const wb = await sampleWorkbook();
    await setPolicy(wb, "defaultDaysPastDue", 180);
    await setPolicy(wb, "modelMinDefaults", 0);
    const outcome = await fitModel(wb, options);
    const at180 = outcome.status === "written" ? outcome.model.sample.defaults : outcome.status === "tooFewDefaults" ? outcome.history.defaults : -1;
    expect(at180).toBeGreaterThanOrEqual(0);
    expect(at180).toBeLessThanOrEqual(at90);
  });

  it("refuses an invalid workbook without writing", async () => {
    const wb = new MemoryWorkbook();
    const outcome = await fitModel(wb, options);
    expect(outcome.status).toBe("invalid");
    expect((await wb.readWorkbook()).sheets).toEqual([]);
  });
});

describe("reviewFeatureColumns", () => {
  it("gives null for a customer the review lacks, in the order of the ids", () => {
    const columns = reviewFeatureColumns([], ["C1", "C2"]);
    expect(columns.map((c) => c.name)).toContain("altmanZ");
    for (const c of columns) expect(c.values).toEqual([null, null]);
  });
});
