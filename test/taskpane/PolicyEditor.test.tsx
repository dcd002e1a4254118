import "./setup";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { axe } from "jest-axe";
import { dayFromCivil } from "../../src/engine/dates/dayNumber";
import { DEFAULT_POLICY } from "../../src/engine/policy/defaultPolicy";
import { shortFingerprint } from "../../src/engine/policy/policyFingerprint";
import { policyFromRange } from "../../src/engine/policy/policyFromRange";
import { setUpWorkbook } from "../../src/app/setUpWorkbook";
import { messagesFor } from "../../src/i18n/messages";
import { RecordingPort } from "./recordingPort";
import { renderApp } from "./renderApp";

const zhCN = messagesFor("zh-CN");

jest.setTimeout(60_000);

async function openPolicyTab(port: RecordingPort): Promise<void> {
  renderApp(port);
  fireEvent.click(await screen.findByRole("tab", { name: /Policy/ }));
  await screen.findByLabelText("Search parameters");
}

/** Finds a parameter as a user would: by searching for it. */
function choose(key: string): void {
  fireEvent.change(screen.getByLabelText("Search parameters"), { target: { value: key } });
  lastKey = key;
}
let lastKey = "";

function valueOf(key: string): HTMLInputElement {
  return screen.getByLabelText(key, { selector: "input" }) as HTMLInputElement;
}

function type(value: string): void {
  fireEvent.change(valueOf(lastKey), { target: { value } });
}

async function workbookWithPolicy(): Promise<RecordingPort> {
  const port = new RecordingPort();
  await setUpWorkbook(port.workbook, { withSample: false, asOf: dayFromCivil(2025, 6, 30) });
  return port;
}

function policyOfWorkbook(port: RecordingPort) {
  const table = port.workbook.getTable("Policy")!;
  const read = policyFromRange(table.rows.map((r) => [r[0], r[1]]));
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  return read.value.policy;
}

describe("policy editor", () => {
  it("shows the Policy sheet's values and its fingerprint", async () => {
    const port = await workbookWithPolicy();
    await openPolicyTab(port);
    expect(screen.getByText(/From table “Policy” on sheet “Policy”/)).toBeTruthy();
    expect(screen.getByText(shortFingerprint(DEFAULT_POLICY))).toBeTruthy();
    choose("gradeTerms.B.termsDays");
    expect(valueOf("gradeTerms.B.termsDays").value).toBe("45");
  });

  it("rejects an invalid value with a message and writes nothing", async () => {
    const port = await workbookWithPolicy();
    await openPolicyTab(port);
    choose("roundingUnit");
    type("0");
    expect(screen.getByText(/roundingUnit out of range: must be greater than 0, got 0/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Save policy" }));
    expect(await screen.findByText("Policy not saved")).toBeTruthy();
    expect(screen.getByText(/Nothing was written/)).toBeTruthy();
    expect(port.writes).toEqual([]);
    expect(policyOfWorkbook(port).roundingUnit).toBe(1000);
  });

  it.each([
    ["weights.paymentRecord", "-1", /weights.paymentRecord out of range/],
    ["agingEdges", "0,30,30", /agingEdges: must be in ascending order/],
    ["gradeBands.A", "abc", /gradeBands.A: "abc" is not a number/],
  ])("rejects %s = %s", async (key, value, message) => {
    const port = await workbookWithPolicy();
    await openPolicyTab(port);
    choose(key);
    type(value);
    fireEvent.click(screen.getByRole("button", { name: "Save policy" }));
    expect(await screen.findByText("Policy not saved")).toBeTruthy();
    // Once under the field, once in the message bar that says nothing was written.
    expect(screen.getAllByText(message)).toHaveLength(2);
    expect(screen.getByText(/Nothing was written/)).toBeTruthy();
    expect(port.writes).toEqual([]);
  });

  it("saves a valid value to the Policy sheet and shows the new fingerprint", async () => {
    const port = await workbookWithPolicy();
    await openPolicyTab(port);
    choose("roundingUnit");
    type("500");
    const expected = shortFingerprint({ ...DEFAULT_POLICY, roundingUnit: 500 });
    const changes = screen.getByRole("list", { name: "Changed parameters" });
    expect(within(changes).getByText("roundingUnit: 1000 → 500")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Save policy" }));
    expect(await screen.findByText("Policy saved")).toBeTruthy();
    // In place (issue 13): the Policy sheet is never replaced, so formulas pointing at it survive.
    expect(port.writes).toHaveLength(0);
    expect(port.updates.map(([table]) => table)).toEqual(["Policy"]);
    expect(policyOfWorkbook(port)).toEqual({ ...DEFAULT_POLICY, roundingUnit: 500 });
    await waitFor(() => expect(screen.getAllByText(expected).length).toBeGreaterThan(0));
    expect(screen.getByText(new RegExp(`Fingerprint ${expected}`))).toBeTruthy();
  });

  it("without a Policy sheet shows the defaults and Save creates the sheet", async () => {
    const port = new RecordingPort();
    await openPolicyTab(port);
    expect(screen.getByText(/No Policy sheet yet/)).toBeTruthy();
    choose("orderHoldDays");
    type("45");
    fireEvent.click(screen.getByRole("button", { name: "Save policy" }));
    await screen.findByText("Policy saved");
    expect(policyOfWorkbook(port).orderHoldDays).toBe(45);
    expect(port.writes.map((batch) => batch.map((s) => [s.name, s.role]))).toEqual([[["Policy", "input"]]]);
  });

  it("has no accessibility violations", async () => {
    const port = await workbookWithPolicy();
    await openPolicyTab(port);
    choose("roundingUnit");
    type("0");
    expect(await axe(document.body)).toHaveNoViolations();
  });
});

describe("policy editor sections and search", () => {
  it("groups the parameters by section and opens only the first until one is chosen", async () => {
    const port = await workbookWithPolicy();
    await openPolicyTab(port);
    for (const name of ["General and R flag", "Characteristic weights (scoring)", "Warnings", "Order credit check"]) {
      expect(screen.getByRole("button", { name: new RegExp(name.replace(/[()]/g, "\\$&")) })).toBeTruthy();
    }
    expect(screen.queryByLabelText("version", { selector: "input" })).toBeTruthy();
    expect(screen.queryByLabelText("roundingUnit", { selector: "input" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: /Credit limits/ }));
    expect(await screen.findByLabelText("roundingUnit", { selector: "input" })).toBeTruthy();
  });

  it("finds parameters by their description in the user's language (zh-CN) and says how many match", async () => {
    const port = await workbookWithPolicy();
    renderApp(port, undefined, "zh-CN");
    fireEvent.click(await screen.findByRole("tab", { name: zhCN["pane.tab.policy"] }));
    const search = await screen.findByLabelText(zhCN["policyEditor.search"]);
    fireEvent.change(search, { target: { value: "逾期" } });
    const expected = Object.entries(zhCN as Record<string, string>)
      .filter(([id, text]) => /^policy\..*\.description$/.test(id) && text.includes("逾期"))
      .map(([id]) => id.slice("policy.".length, -".description".length));
    expect(expected.length).toBeGreaterThan(2);
    for (const key of expected) expect(screen.getByLabelText(key, { selector: "input" })).toBeTruthy();
    expect(screen.queryByLabelText("weights.capital", { selector: "input" })).toBeNull();
    expect(screen.getByRole("status").textContent).toBe(`${expected.length} 个参数匹配`);
  });
});
