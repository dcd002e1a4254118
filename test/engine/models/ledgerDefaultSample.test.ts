import "../../support/errorsInEnglish";
import { dayFromCivil } from "../../../src/engine/dates/dayNumber";
import { ledgerDefaultSample } from "../../../src/engine/models/ledgerDefaultSample";
import type { ReceivableItem } from "../../../src/engine/portfolio/types";
import { ledgerOf } from "../../../src/engine/receivables/Ledger";

const OBS = dayFromCivil(2024, 6, 30);
const END = dayFromCivil(2025, 6, 30);

const item = (customerId: string, invoiceDate: number, dueDate: number, amount: number, settledDate?: number, invoiceId = `${customerId}-${invoiceDate}-${dueDate}`): ReceivableItem =>
  ({ invoiceId, customerId, invoiceDate, dueDate, amount, settledDate });

function label(items: ReceivableItem[], definition = {}): Record<string, number> {
  const r = ledgerDefaultSample(ledgerOf(items), OBS, definition);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return Object.fromEntries(r.value.customerIds.map((id, i) => [id, r.value.isBad[i]]));
}

describe("ledgerDefaultSample (default = more than N days past due within the next 12 months)", () => {
  it.each([
    [{ defaultDays: -1 }, "defaultDays"],
    [{ defaultDays: 1.5 }, "defaultDays"],
    [{ horizonMonths: 0 }, "horizonMonths"],
    [{ minDefaults: -2 }, "minDefaults"],
  ])("rejects definition %p naming %s", (definition, field) => {
    expect(ledgerDefaultSample(ledgerOf([item("A", OBS - 10, OBS, 100)]), OBS, definition)).toEqual({ ok: false, error: expect.objectContaining({ kind: "outOfRange", field }) });
  });

  it("refuses a window that runs past the as-of date (the outcome is not known yet)", () => {
    const ledger = ledgerOf([item("A", OBS - 10, OBS, 100)]);
    expect(ledgerDefaultSample(ledger, OBS, { asOf: END - 1 })).toEqual({ ok: false, error: expect.objectContaining({ kind: "outOfRange", field: "observationDay" }) });
    expect(ledgerDefaultSample(ledger, OBS, { asOf: END }).ok).toBe(true);
  });

  it("has no sample when nobody was invoiced by the observation date", () => {
    expect(ledgerDefaultSample(ledgerOf([item("A", OBS + 1, OBS + 31, 100)]), OBS)).toEqual({ ok: false, error: { kind: "notAvailable", what: expect.stringContaining("no history") } });
  });

  it.each([
    // due + 90 days is not yet "more than 90": settled on day due + 91 it never was open on that day
    ["settled on due + 90", OBS + 10, OBS + 10 + 90, 0],
    ["settled on due + 91", OBS + 10, OBS + 10 + 91, 0],
    ["settled on due + 92", OBS + 10, OBS + 10 + 92, 1],
    ["never settled", OBS + 10, undefined, 1],
    ["due so late in the window that 91 days pass after its end", END - 90, undefined, 0],
    ["due so that day 91 past due is the window's last day", END - 91, undefined, 1],
  ])("an invoice %s (due day %p, settled day %p) is labelled %p", (_, due, settled, expected) => {
    expect(label([item("A", OBS - 20, due, 100, settled)])).toEqual({ A: expected });
  });

  it("counts an invoice already 90+ days past due at the observation date if still unpaid after it", () => {
    expect(label([item("A", OBS - 200, OBS - 150, 100, OBS + 5)])).toEqual({ A: 1 });
    expect(label([item("A", OBS - 200, OBS - 150, 100, OBS)])).toEqual({ A: 0 });
  });

  it("counts invoices issued after the observation date, but observes only customers invoiced by then", () => {
    const items = [item("A", OBS - 30, OBS, 100, OBS), item("A", OBS + 30, OBS + 60, 100), item("B", OBS + 30, OBS + 60, 100)];
    expect(label(items)).toEqual({ A: 1 });
  });

  it("never labels credit notes or payments on account as defaults; uses the Policy's days", () => {
    // Paid 190 days late but before the observation date; an open credit note of 50 is never "past due".
    expect(label([item("A", OBS - 230, OBS - 200, 100, OBS - 10), item("A", OBS - 300, OBS - 300, -50)])).toEqual({ A: 0 });
    expect(label([item("A", OBS - 20, OBS + 10, 100, OBS + 10 + 40)], { defaultDays: 30 })).toEqual({ A: 1 });
  });

  it("says so when there are fewer defaults than the minimum", () => {
    const r = ledgerDefaultSample(ledgerOf([item("A", OBS - 20, OBS + 10, 100), item("B", OBS - 20, OBS + 10, 100, OBS + 20)]), OBS, { minDefaults: 2 });
    expect(r).toEqual({ ok: false, error: { kind: "notAvailable", what: expect.stringMatching(/only 1 of 2 customers.*at least 2/) } });
  });

  it("observes the features at the observation date only", () => {
    const items = [
      item("A", OBS - 100, OBS - 70, 100, OBS - 60), // settled 10 days late before OBS
      item("A", OBS - 100, OBS - 70, 100, OBS - 70), // settled on time
      item("A", OBS - 60, OBS - 30, 300), // open, 30 days past due at OBS
      item("A", OBS - 10, OBS + 20, 100), // open, not due
      item("A", OBS - 60, OBS - 40, 100, OBS + 400), // settled long after OBS: open at OBS, 40 days past due
      item("B", OBS - 5, OBS + 25, 100), // no history of payments yet
    ];
    const r = ledgerDefaultSample(ledgerOf(items), OBS);
    if (!r.ok) throw new Error("expected ok");
    const f = Object.fromEntries(r.value.features.map((c) => [c.name, c.values]));
    expect(r.value.customerIds).toEqual(["A", "B"]);
    expect(f.averageDaysLate).toEqual([5, null]);
    expect(f.shareLate).toEqual([0.5, null]);
    expect(f.maxDaysPastDue).toEqual([40, 0]);
    expect(f.overdueShare).toEqual([400 / 500, 0]);
    expect(r.value.horizonEnd).toBe(END);
  });
});
