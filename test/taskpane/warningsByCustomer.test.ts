import { warningsByCustomer } from "../../src/taskpane/components/CriticalWarnings";
import type { CriticalWarning } from "../../src/app/types";

const w = (customerId: string, message: string, reviewRow = 9): CriticalWarning => ({ customerId, name: `Name ${customerId}`, message, reviewRow });

describe("warningsByCustomer", () => {
  it("groups by customer in the order of each customer's first warning, keeping each customer's order", () => {
    const groups = warningsByCustomer([w("C2", "a"), w("C1", "b"), w("C2", "c"), w("C3", "d"), w("C1", "e")]);
    expect(groups.map((g) => [g.first.customerId, g.messages])).toEqual([["C2", ["a", "c"]], ["C1", ["b", "e"]], ["C3", ["d"]]]);
  });

  it("gives nothing for no warnings and keeps every message", () => {
    expect(warningsByCustomer([])).toEqual([]);
    const many = Array.from({ length: 50 }, (_, i) => w(`C${i % 7}`, `m${i}`));
    expect(warningsByCustomer(many).reduce((n, g) => n + g.messages.length, 0)).toBe(50);
  });
});
