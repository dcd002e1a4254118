/**
 * Issue 15: the review never writes into the Approved Limits register once it exists, so a
 * customer the register does not list is named after the review, and one click adds its row (ID
 * and name, committee columns blank), leaving every other row as it was.
 */
import "./setup";
import { fireEvent, screen } from "@testing-library/react";
import { APPROVED_LIMITS_TABLE } from "../../src/app/output/historySheets";
import { RecordingPort } from "./recordingPort";
import { runReviewAt, setUpWithSample, TODAY } from "./renderApp";

jest.setTimeout(120_000);
afterEach(() => jest.restoreAllMocks());

async function register(port: RecordingPort) {
  const t = (await port.readWorkbook()).tables.find((x) => x.name === APPROVED_LIMITS_TABLE);
  if (!t) throw new Error("no register");
  return t;
}

describe("customers missing from the Approved Limits register", () => {
  it("are named after the review and added with one click, the other rows unchanged", async () => {
    const port = new RecordingPort();
    await setUpWithSample(port);
    const first = await runReviewAt(TODAY);
    expect(first.outcome.notInRegister).toEqual([]);
    expect(screen.queryByRole("button", { name: "Add it to the register" })).toBeNull();

    const before = await register(port);
    const kept = before.rows.slice(0, -1);
    const removed = before.rows[before.rows.length - 1]!;
    await port.updateTableRows(APPROVED_LIMITS_TABLE, kept);
    const second = await runReviewAt(TODAY);
    expect(second.outcome.notInRegister).toEqual([{ customerId: removed[0], name: removed[1] }]);
    expect(await screen.findByText(/1 reviewed customer is not in the Approved Limits register/)).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Add it to the register" }));
    expect(await screen.findByText(/1 row added to the Approved Limits register/)).toBeTruthy();
    const after = await register(port);
    expect(after.rows.slice(0, -1)).toEqual(kept);
    expect(after.rows[after.rows.length - 1]!.slice(0, 2)).toEqual(removed.slice(0, 2));
    expect(after.rows[after.rows.length - 1]!.slice(2).every((v) => v === null || v === "")).toBe(true);
  });
});
