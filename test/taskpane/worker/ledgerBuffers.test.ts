/**
 * The "scanned" reply transfers its ledger's column buffers instead of copying them: every typed
 * column's buffer is listed once, and the reply cloned with that transfer list gives the same
 * reading (the worker's copies are detached: it is done with them).
 */
import { ledgerOf } from "../../../src/engine/receivables/Ledger";
import { ledgerBuffers } from "../../../src/taskpane/worker/protocol";
import type { PortfolioReading } from "../../../src/app/readPortfolio";

function readingOf(count: number): PortfolioReading {
  const items = Array.from({ length: count }, (_, i) => ({ invoiceId: `I${i}`, customerId: `C${i % 3}`, invoiceDate: 45000 + i, dueDate: 45030 + i, amount: 100 + i, paidAmount: i % 2 }));
  return { portfolio: { customers: [], financials: [], orders: [], receivables: ledgerOf(items) }, policy: {} as PortfolioReading["policy"], policySource: "default", problems: [] };
}

describe("ledgerBuffers", () => {
  it("lists each typed column's buffer once, and a transfer keeps the reading whole", () => {
    const reading = readingOf(40);
    const buffers = ledgerBuffers(reading);
    const columns = Object.values(reading.portfolio.receivables).filter((v) => ArrayBuffer.isView(v)) as ArrayBufferView[];
    expect(columns.length).toBeGreaterThanOrEqual(9);
    expect(new Set(buffers).size).toBe(buffers.length);
    for (const column of columns) expect(buffers).toContain(column.buffer);
    const expected = structuredClone(reading);
    const moved = structuredClone(reading, { transfer: buffers });
    expect(moved).toEqual(expected);
    expect(reading.portfolio.receivables.amount.length).toBe(0); // detached: the worker's copy is gone
  });
});
