import "./setup";
import { fireEvent, screen, within } from "@testing-library/react";
import { axe } from "jest-axe";
import { dayFromCivil } from "../../src/engine/dates/dayNumber";
import { DEFAULT_POLICY } from "../../src/engine/policy/defaultPolicy";
import { policyToRows } from "../../src/engine/policy/policyToRows";
import { setUpWorkbook } from "../../src/app/setUpWorkbook";
import { MODEL_BINS_TABLE } from "../../src/app/output/modelSheet";
import { RecordingPort } from "./recordingPort";
import { renderApp, TODAY } from "./renderApp";

async function samplePort(policy: Record<string, string | number> = {}): Promise<RecordingPort> {
  const port = new RecordingPort();
  await setUpWorkbook(port.workbook, { withSample: true, asOf: dayFromCivil(2025, 6, 30) });
  if (Object.keys(policy).length > 0) {
    const width = port.workbook.getTable("Policy")!.headers.length;
    const rows = policyToRows(DEFAULT_POLICY).map(([k, v]) => [k, k in policy ? policy[k] : v, ...Array.from({ length: width - 2 }, () => null)]);
    await port.workbook.updateTableRows("Policy", rows);
  }
  return port;
}

jest.setTimeout(120_000);

describe("the Model view", () => {
  it("fits on the sample, writes the Model sheet and shows AUC, KS, Gini, the calibration table and the IV of every feature", async () => {
    const port = await samplePort();
    renderApp(port, TODAY);
    fireEvent.click(await screen.findByRole("tab", { name: "Model" }));
    fireEvent.click(screen.getByRole("button", { name: "Fit model" }));
    await screen.findByText("Model written", undefined, { timeout: 10_000 });
    expect(port.workbook.getTable(MODEL_BINS_TABLE)).toBeDefined();
    const auc = screen.getByRole("group", { name: "AUC" });
    const value = Number(within(auc).getAllByText(/^\d\.\d{3}$/)[0].textContent);
    expect(value).toBeGreaterThan(0.5);
    expect(value).toBeLessThanOrEqual(1);
    expect(screen.getByRole("group", { name: "Gini" })).toBeTruthy();
    const calibration = screen.getByRole("table", { name: "Calibration" });
    expect(within(calibration).getAllByRole("row")).toHaveLength(11);
    const features = screen.getByRole("table", { name: "Features and information value" });
    expect(within(features).getAllByRole("row")).toHaveLength(14);
    expect(within(features).getByText("Altman Z′")).toBeTruthy();
    expect(screen.getByText(/Default: an item more than 90 days past due between 2024-06-30 and 2025-06-30/)).toBeTruthy();
    expect(await axe(document.body)).toHaveNoViolations();
  });

  it("says so and writes nothing with fewer defaults than the Policy's minimum", async () => {
    const port = await samplePort({ modelMinDefaults: 400 });
    renderApp(port, TODAY);
    fireEvent.click(await screen.findByRole("tab", { name: "Model" }));
    fireEvent.click(screen.getByRole("button", { name: "Fit model" }));
    await screen.findByText("Not enough history to fit a model", undefined, { timeout: 10_000 });
    expect(screen.getByText(/a model needs at least 400 defaults/)).toBeTruthy();
    expect(port.writes).toHaveLength(0);
  });

  it("speaks Chinese in zh-CN", async () => {
    const port = await samplePort();
    renderApp(port, TODAY, "zh-CN");
    fireEvent.click(await screen.findByRole("tab", { name: "违约模型" }));
    fireEvent.click(screen.getByRole("button", { name: "拟合模型" }));
    await screen.findByText("模型已写入", undefined, { timeout: 10_000 });
    expect(screen.getByRole("table", { name: "校准表" })).toBeTruthy();
    expect(screen.getByRole("group", { name: "基尼系数" })).toBeTruthy();
  });
});
