import "./setup";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { axe } from "jest-axe";
import { dayFromCivil } from "../../src/engine/dates/dayNumber";
import { DEFAULT_POLICY } from "../../src/engine/policy/defaultPolicy";
import { policyFromRange } from "../../src/engine/policy/policyFromRange";
import { GRADE_CLASSES, runScenario, whatIfBase, type ScenarioComparison } from "../../src/engine/scenarios";
import { setUpWorkbook } from "../../src/app/setUpWorkbook";
import { readPortfolio } from "../../src/app/readPortfolio";
import { recogniseTables } from "../../src/app/recogniseTables";
import { RecordingPort } from "./recordingPort";
import { renderApp } from "./renderApp";

jest.setTimeout(60_000);
const asOf = dayFromCivil(2025, 6, 30);

async function sampleWorkbook(): Promise<RecordingPort> {
  const port = new RecordingPort();
  await setUpWorkbook(port.workbook, { withSample: true, asOf });
  return port;
}

async function engineComparison(port: RecordingPort, changes: { key: string; value: string }[]): Promise<ScenarioComparison> {
  const snapshot = await port.workbook.readWorkbook();
  const reading = readPortfolio(snapshot, recogniseTables(snapshot));
  const base = whatIfBase(reading.portfolio, reading.policy, asOf);
  if (!base.ok) throw new Error("base");
  const c = runScenario(base.value, { changes });
  if (!c.ok) throw new Error("scenario");
  return c.value;
}

async function openWhatIf(port: RecordingPort, locale: "en-US" | "zh-CN" = "en-US") {
  const view = renderApp(port, "2025-06-30", locale);
  fireEvent.click(await screen.findByRole("tab", { name: locale === "en-US" ? "What-if" : "情景分析" }));
  return view;
}

async function draft(key: string, value: string): Promise<void> {
  fireEvent.change(await screen.findByLabelText("Policy value"), { target: { value: key } });
  fireEvent.change(screen.getByLabelText("Draft value"), { target: { value } });
  fireEvent.click(screen.getByRole("button", { name: "Set in draft" }));
}

function matrixShown(): number[][] {
  const table = screen.getByTestId("whatif-migration");
  return GRADE_CLASSES.map((from) => GRADE_CLASSES.map((to) => Number(table.querySelector(`td[data-from="${from}"][data-to="${to}"]`)?.getAttribute("data-value"))));
}

describe("What-if view", () => {
  it("gradeBands.A 80 → 70: the migration matrix and limit change are the engine's, and the workbook is not read again", async () => {
    const port = await sampleWorkbook();
    await openWhatIf(port);
    await screen.findByText("No change yet: this scenario is the current policy.");
    expect(matrixShown().flatMap((row, f) => row.filter((_, t) => t !== f)).every((v) => v === 0)).toBe(true);
    const reads = port.reads.length;
    await draft("gradeBands.A", "70");
    const expected = await engineComparison(port, [{ key: "gradeBands.A", value: "70" }]);
    expect(screen.getByRole("list", { name: "Draft changes" }).textContent).toContain("gradeBands.A: 80 → 70");
    expect(matrixShown()).toEqual(expected.migration.map((row) => row.map((m) => m.customers)));
    const limit = screen.getByTestId("whatif-limit-change");
    expect([limit.dataset.before, limit.dataset.after, limit.dataset.change].map(Number)).toEqual([expected.totalLimit.before, expected.totalLimit.after, expected.totalLimit.change]);
    const movers = within(screen.getByTestId("whatif-movers")).getAllByRole("listitem");
    expect(movers.map((li) => li.dataset.customer)).toEqual(expected.movers.map((m) => m.customerId));
    // The exposure view of the same matrix.
    fireEvent.change(screen.getByLabelText("Show"), { target: { value: "exposure" } });
    expect(matrixShown()).toEqual(expected.migration.map((row) => row.map((m) => m.exposure)));
    expect(port.reads.length).toBe(reads);
  });

  it("keeps three scenarios side by side, each compared on its own", async () => {
    const port = await sampleWorkbook();
    await openWhatIf(port);
    await draft("gradeBands.A", "70");
    fireEvent.click(screen.getByRole("button", { name: "Add scenario" }));
    await draft("weights.paymentRecord", "3");
    fireEvent.click(screen.getByRole("button", { name: "Add scenario" }));
    await draft("gradeTerms.B.limitFactor", "0.5");
    expect(screen.getByRole("button", { name: "Add scenario" }).hasAttribute("disabled")).toBe(true);
    const table = screen.getByTestId("whatif-compare");
    expect(within(table).getAllByRole("columnheader").map((th) => th.textContent)).toEqual(["Figure", "Current", "Scenario 1", "Scenario 2", "Scenario 3"]);
    const expected = await engineComparison(port, [{ key: "gradeTerms.B.limitFactor", value: "0.5" }]);
    expect(Number(screen.getByTestId("whatif-limit-change").dataset.after)).toBe(expected.totalLimit.after);
    fireEvent.click(screen.getByRole("tab", { name: "Scenario 1" }));
    const first = await engineComparison(port, [{ key: "gradeBands.A", value: "70" }]);
    expect(Number(screen.getByTestId("whatif-limit-change").dataset.after)).toBe(first.totalLimit.after);
  });

  it("shows a bad value as the scenario's problem, naming the key", async () => {
    const port = await sampleWorkbook();
    await openWhatIf(port);
    await draft("gradeBands.A", "high");
    expect(await screen.findByText(/This scenario cannot be compared: gradeBands\.A/)).toBeTruthy();
  });

  it("Apply writes the Policy table in place; Write scenario sheet writes the What-if sheet with both fingerprints", async () => {
    const port = await sampleWorkbook();
    await openWhatIf(port);
    await draft("gradeBands.A", "70");
    const expected = await engineComparison(port, [{ key: "gradeBands.A", value: "70" }]);
    fireEvent.click(screen.getByRole("button", { name: "Write scenario sheet" }));
    expect(await screen.findByText("Scenario sheet written")).toBeTruthy();
    const grid = port.workbook.getSheet("What-if") ?? [];
    expect(grid.find((r) => r[0] === "Policy fingerprint")?.[1]).toBe(expected.baseFingerprint);
    expect(grid.find((r) => r[0] === "Draft policy fingerprint")?.[1]).toBe(expected.draftFingerprint);
    expect(port.workbook.outputOf("What-if")).toBe("What-if");

    fireEvent.click(screen.getByRole("button", { name: "Apply to the Policy sheet" }));
    expect(await screen.findByText("Policy applied")).toBeTruthy();
    expect(await screen.findByText(new RegExp(`Policy fingerprint ${expected.draftFingerprint}\\.`))).toBeTruthy();
    expect(port.updates.map(([table]) => table)).toEqual(["Policy"]);
    const table = port.workbook.getTable("Policy")!;
    const policy = policyFromRange(table.rows.map((r) => [r[0], r[1]]));
    expect(policy.ok && policy.value.policy).toEqual({ ...DEFAULT_POLICY, gradeBands: { ...DEFAULT_POLICY.gradeBands, A: 70 } });
    await waitFor(() => expect(screen.getByText(/^As of 2025-06-30, current policy/).textContent).toContain(expected.draftFingerprint));
  });

  it("supposes one customer's scores", async () => {
    const port = await sampleWorkbook();
    await openWhatIf(port);
    await screen.findByLabelText("Customer");
    fireEvent.change(screen.getByLabelText("Customer"), { target: { value: "C001" } });
    fireEvent.change(screen.getByLabelText("Score or figure"), { target: { value: "capital" } });
    fireEvent.change(screen.getByLabelText("Supposed value"), { target: { value: "0" } });
    fireEvent.click(screen.getByRole("button", { name: "Suppose" }));
    expect(screen.getByText(/C001: capital = 0/)).toBeTruthy();
  });

  it("in Chinese, with no axe violation", async () => {
    const port = await sampleWorkbook();
    await openWhatIf(port, "zh-CN");
    fireEvent.change(await screen.findByLabelText("政策参数"), { target: { value: "gradeBands.A" } });
    fireEvent.change(screen.getByLabelText("草案取值"), { target: { value: "70" } });
    fireEvent.click(screen.getByText("写入草案"));
    const card = document.querySelector('[aria-labelledby="whatif-title"]');
    if (!card) throw new Error("no What-if card");
    expect(card.querySelector("#whatif-title")?.textContent).toBe("情景分析");
    expect(screen.getByTestId("whatif-migration").getAttribute("aria-label")).toBe("信用等级迁移");
    expect(await axe(card as HTMLElement)).toHaveNoViolations();
  }, 120_000);
});
