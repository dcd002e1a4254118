import "./setup";
import { fireEvent, screen, within } from "@testing-library/react";
import { axe } from "jest-axe";
import type { CustomerReview } from "../../src/engine/review/types";
import { RecordingPort } from "./recordingPort";
import { money, renderApp, runReviewAt, setUpWithSample, TODAY } from "./renderApp";

jest.setTimeout(120_000);
afterEach(() => jest.restoreAllMocks());

/** The review's per-customer rows, as the engine's CustomerReview (the workflow's customerJson of it). */
async function reviewedCustomers(): Promise<CustomerReview[]> {
  const port = new RecordingPort();
  await setUpWithSample(port);
  const { outcome } = await runReviewAt(TODAY);
  fireEvent.click(screen.getByRole("tab", { name: /Order check/ }));
  await screen.findByLabelText(/New order amount/);
  return (outcome.customers ?? []) as unknown as CustomerReview[];
}

/** Picks the customer in the searchable list: type part of its ID, then choose its option. */
function pick(customer: CustomerReview): void {
  const box = screen.getByRole("combobox", { name: /Customer/ });
  fireEvent.change(box, { target: { value: customer.customerId } });
  fireEvent.click(box);
  fireEvent.click(screen.getByRole("option", { name: new RegExp(`^${customer.customerId} `) }));
}

function checkOrderOf(customer: CustomerReview, amount: string): HTMLElement {
  pick(customer);
  fireEvent.change(screen.getByLabelText(/New order amount/), { target: { value: amount } });
  fireEvent.click(screen.getByRole("button", { name: "Check order" }));
  return screen.getByRole("region", { name: "Order decision" });
}

/** Amount text with two decimals, no separators (as a user may type it). */
const typed = (cents: number): string => (cents / 100).toFixed(2);

describe("order check", () => {
  it("asks for a review first", async () => {
    renderApp(new RecordingPort());
    fireEvent.click(await screen.findByRole("tab", { name: /Order check/ }));
    expect(await screen.findByText(/Run a review first/)).toBeTruthy();
  });

  it("approves exactly at the limit and holds one cent above it, with the approval level by the excess", async () => {
    const customers = await reviewedCustomers();
    const eligible = customers.find((c) =>
      ["A", "B", "C"].includes(c.grade) && !c.isR && c.maxDaysPastDue <= 60 && (c.limit.recommended ?? 0) > 0 &&
      (c.limit.recommended ?? 0) > c.openBalance + c.openOrders + 1);
    expect(eligible).toBeDefined();
    const c = eligible!;
    const limitCents = Math.round(c.limit.recommended! * 100);
    const roomCents = limitCents - Math.round(c.openBalance * 100) - Math.round(c.openOrders * 100);

    let decision = checkOrderOf(c, typed(roomCents));
    expect(within(decision).getByText("Approve")).toBeTruthy();
    expect(within(decision).getByText(/^Within the limit: release by .+$/)).toBeTruthy();
    // The exposure is said once, in the reason, not again beside it.
    expect(within(decision).getAllByText(new RegExp(`Exposure ${money(limitCents / 100)}`))).toHaveLength(1);

    decision = checkOrderOf(c, typed(roomCents + 1));
    expect(within(decision).getByText("Hold")).toBeTruthy();
    expect(within(decision).getByText("On hold: release needs approval by credit manager")).toBeTruthy();

    const tenPercent = Math.floor(limitCents / 10);
    decision = checkOrderOf(c, typed(roomCents + tenPercent + 1));
    expect(within(decision).getByText("On hold: release needs approval by senior management")).toBeTruthy();
  });

  it("refuses grade D and refers R customers to the committee", async () => {
    const customers = await reviewedCustomers();
    const d = customers.find((c) => c.grade === "D");
    const r = customers.find((c) => c.isR && c.grade !== "D");
    expect(d).toBeDefined();
    expect(r).toBeDefined();
    expect(within(checkOrderOf(d!, "1,000")).getByText("Refuse")).toBeTruthy();
    expect(within(checkOrderOf(r!, "1,000")).getByText("Refer")).toBeTruthy();
  });

  it("asks for a positive amount", async () => {
    await reviewedCustomers();
    fireEvent.change(screen.getByLabelText(/New order amount/), { target: { value: "-5" } });
    fireEvent.click(screen.getByRole("button", { name: "Check order" }));
    expect(screen.getByText(/Enter the order amount as a number above 0/)).toBeTruthy();
    expect(screen.queryByRole("region", { name: "Order decision" })).toBeNull();
  });

  it("has no accessibility violations", async () => {
    const customers = await reviewedCustomers();
    checkOrderOf(customers[0], "5,000");
    expect(await axe(document.body)).toHaveNoViolations();
  });
});
