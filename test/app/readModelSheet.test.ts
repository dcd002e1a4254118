import { dayFromCivil } from "../../src/engine/dates/dayNumber";
import { DEFAULT_POLICY } from "../../src/engine/policy/defaultPolicy";
import { policyToRows } from "../../src/engine/policy/policyToRows";
import { MemoryWorkbook } from "../../src/host/memory/MemoryWorkbook";
import { setUpWorkbook } from "../../src/app/setUpWorkbook";
import { runReview } from "../../src/app/runReview";
import { fitModel } from "../../src/app/fitModel";
import { readModelSheet } from "../../src/app/readModelSheet";
import { CREDIT_REVIEW_TABLE } from "../../src/app/output/sheetParts";
import { MODEL_BINS_TABLE } from "../../src/app/output/modelSheet";
import type { CellValue } from "../../src/host/WorkbookPort";

const asOf = dayFromCivil(2025, 6, 30);
const options = { asOf, generatedAt: "2025-06-30T09:00:00Z", addinVersion: "0.1.0-test" };

async function sampleWorkbook(language?: string): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  expect((await setUpWorkbook(wb, { withSample: true, asOf })).status).toBe("written");
  if (language !== undefined) {
    const width = wb.getTable("Policy")!.headers.length;
    const rows = policyToRows(DEFAULT_POLICY).map(([k, v]) => [k, k === "outputLanguage" ? language : v, ...Array.from({ length: width - 2 }, () => null)]);
    await wb.updateTableRows("Policy", rows);
  }
  return wb;
}

async function fitted(wb: MemoryWorkbook) {
  const outcome = await fitModel(wb, options);
  if (outcome.status !== "written") throw new Error(outcome.status);
  return outcome;
}

/** The Credit Review table as records keyed by header. */
function reviewRecords(wb: MemoryWorkbook): Record<string, CellValue>[] {
  const t = wb.getTable(CREDIT_REVIEW_TABLE)!;
  return t.rows.map((row) => Object.fromEntries(t.headers.map((h, i) => [h, row[i]])));
}

describe("readModelSheet", () => {
  it("finds no model in a workbook without a Model sheet", async () => {
    const read = readModelSheet(await (await sampleWorkbook()).readWorkbook());
    expect(read).toEqual({ ok: true, value: undefined });
  });

  it.each([["en-US"], ["zh-CN"]])("reads back the bins, WOEs, coefficients and points written in %s", async (language) => {
    const wb = await sampleWorkbook(language);
    const { model, fingerprint } = await fitted(wb);
    const read = readModelSheet(await wb.readWorkbook());
    if (!read.ok || read.value === undefined) throw new Error("no model read");
    const card = read.value.scorecard;
    expect(read.value.fingerprint).toBe(fingerprint);
    expect(card.model.intercept).toBe(model.scorecard.model.intercept);
    expect(card.model.coefficients).toEqual(model.scorecard.model.coefficients);
    expect(card.characteristics.map((c) => [c.name, c.kind, c.uppers, c.groups])).toEqual(model.scorecard.characteristics.map((c) => [c.name, c.kind, c.uppers, c.groups]));
    expect(card.characteristics.map((c) => c.bins.map((b) => [b.goods, b.bads, b.woe]))).toEqual(model.scorecard.characteristics.map((c) => c.bins.map((b) => [b.goods, b.bads, b.woe])));
    expect(card.points).toEqual(model.scorecard.points);
    expect(card.missingPoints).toEqual(model.scorecard.missingPoints);
    expect(card.scaling).toEqual(model.scorecard.scaling);
  });

  it("refuses a bins table without its intercept row, naming it", async () => {
    const wb = await sampleWorkbook();
    await fitted(wb);
    const snapshot = await wb.readWorkbook();
    const bins = snapshot.tables.find((t) => t.name === MODEL_BINS_TABLE)!;
    bins.rows = bins.rows.filter((r) => r[0] !== "(intercept)");
    const read = readModelSheet(snapshot);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(JSON.stringify(read.error)).toContain("intercept");
  });
});

describe("the review with a Model sheet", () => {
  it("without a Model sheet has no model columns and no expected-loss line", async () => {
    const wb = await sampleWorkbook();
    const outcome = await runReview(wb, options);
    expect(outcome.status).toBe("written");
    expect(wb.getTable(CREDIT_REVIEW_TABLE)!.headers).not.toContain("PD (model)");
    const summary = outcome.sheets!.find((s) => s.outputId === "Summary")!;
    expect(summary.info!.flatMap((b) => b.lines.map(([l]) => l))).not.toContain("Expected loss (model: PD × LGD × exposure)");
  });

  it("adds PD, points and expected loss = PD × LGD × exposure per customer, and their total to Summary", async () => {
    const wb = await sampleWorkbook();
    const { model } = await fitted(wb);
    const outcome = await runReview(wb, options);
    expect(outcome.status).toBe("written");
    const rows = reviewRecords(wb);
    expect(rows).toHaveLength(36);
    const pdOf = new Map(model.current.customerIds.map((id, i) => [id, model.current.pd[i]]));
    const pointsOf = new Map(model.current.customerIds.map((id, i) => [id, model.current.points[i]]));
    let total = 0;
    let matched = 0;
    for (const r of rows) {
      const pd = r["PD (model)"] as number;
      const el = r["Expected loss"] as number;
      expect(pd).toBeGreaterThanOrEqual(0);
      expect(pd).toBeLessThanOrEqual(1);
      expect(el).toBeCloseTo(pd * 0.45 * Math.max(0, r["Exposure"] as number), 6);
      // The fit's own scoring of today's customers and the review's scoring from the sheet agree.
      const id = String(r["Customer ID"]);
      if (pdOf.has(id)) {
        expect(pd).toBeCloseTo(pdOf.get(id)!, 12);
        expect(r["Score points"]).toBeCloseTo(pointsOf.get(id)!, 9);
        matched++;
      }
      total += el;
    }
    expect(matched).toBe(pdOf.size);
    expect(matched).toBeGreaterThan(30);
    const summary = outcome.sheets!.find((s) => s.outputId === "Summary")!;
    const line = summary.info!.flatMap((b) => b.lines).find(([l]) => l === "Expected loss (model: PD × LGD × exposure)");
    expect(line?.[1]).toBeCloseTo(total, 6);
    const without = (await runReview(await sampleWorkbook(), options)).sheets!.find((s) => s.outputId === "Summary")!;
    expect(summary.tables.map((t) => t.headerRow)).toEqual(without.tables.map((t) => t.headerRow + 1));
  });

  it("points add up to the score of the PD for every customer (offset + factor × ln odds of good)", async () => {
    const wb = await sampleWorkbook();
    const { model } = await fitted(wb);
    const { factor, offset } = model.scorecard.scaling;
    model.current.pd.forEach((pd, i) => {
      expect(model.current.points[i]).toBeCloseTo(offset + factor * Math.log((1 - pd) / pd), 6);
    });
  });

  it("reviews without the model, with a warning, when the Model sheet cannot be read", async () => {
    const wb = await sampleWorkbook();
    await fitted(wb);
    const bins = wb.getTable(MODEL_BINS_TABLE)!;
    await wb.updateTableRows(MODEL_BINS_TABLE, bins.rows.filter((r) => r[0] !== "(intercept)"));
    const outcome = await runReview(wb, options);
    expect(outcome.status).toBe("written");
    expect(outcome.problems.some((p) => p.severity === "warning" && p.message.startsWith("Model sheet not used"))).toBe(true);
    expect(wb.getTable(CREDIT_REVIEW_TABLE)!.headers).not.toContain("PD (model)");
  });
});
