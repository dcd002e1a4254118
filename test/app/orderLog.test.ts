/**
 * Issue 15 "Done when", third bullet: an order above the approved limit but below the recommended
 * one is held, and the Order Log row records the approved limit (memory and Office adapters).
 */
import { dayFromCivil, toExcelSerial } from "../../src/engine/dates/dayNumber";
import { checkOrder } from "../../src/engine/orders/checkOrder";
import { DEFAULT_POLICY } from "../../src/engine/policy/defaultPolicy";
import { runReview, setUpWorkbook, type ReviewOptions } from "../../src/app";
import { appendOrderLog, approvalSummary } from "../../src/app/orderLog";
import { APPROVED_LIMITS_TABLE, ORDER_LOG_TABLE } from "../../src/app/output/historySheets";
import { orderInputOf } from "../../src/taskpane/orderInputOf";
import { MemoryWorkbook } from "../../src/host/memory/MemoryWorkbook";
import { OfficeWorkbook } from "../../src/host/office/OfficeWorkbook";
import type { CellValue, WorkbookPort } from "../../src/host/WorkbookPort";
import { createTranslator } from "../../src/i18n/translator";
import { createFakeExcel } from "../support/fakeExcel";

jest.setTimeout(120_000);
const asOf = dayFromCivil(2025, 6, 30);
const options: ReviewOptions = { asOf, generatedAt: "2025-06-30T09:00:00Z", addinVersion: "0.1.0-test" };

describe.each([
  ["memory adapter", (): WorkbookPort => new MemoryWorkbook()],
  ["Office adapter (fake Excel)", (): WorkbookPort => new OfficeWorkbook({ run: createFakeExcel().run })],
])("order check on the approved limit, logged (%s)", (_name, makePort) => {
  it("holds an order above the approved limit but below the recommended one, and logs the approved limit", async () => {
    const port = makePort();
    await setUpWorkbook(port, { withSample: true, asOf });
    const first = await runReview(port, options);
    const records = first.customers ?? [];
    const pick = records.map((r) => orderInputOf(r)).find((r) => r.ok && ["A", "B"].includes(r.value.input.grade) && !r.value.input.isR && r.value.input.maxDaysPastDue <= 60 && r.value.input.limit >= 20_000);
    if (!pick?.ok) throw new Error("no customer with a limit of at least 20,000 in the sample");
    const customer = pick.value;
    const recommended = customer.input.limit;
    const before = customer.input.openReceivables - Math.abs(customer.input.unapplied) + customer.input.openOrders;
    // The committee approves less than the engine recommends: half the room under the recommendation.
    const approvedLimit = Math.round((before + (recommended - before) / 2) * 100) / 100;
    const register = (await port.readWorkbook()).tables.find((t) => t.name === APPROVED_LIMITS_TABLE)!;
    const rows: CellValue[][] = register.rows.map((r) => (r[0] === customer.customerId ? [r[0], r[1], "Approved", approvedLimit, "Committee", toExcelSerial(asOf - 10), null, null] : r.map((v) => (v === "" ? null : v))));
    await port.updateTableRows(APPROVED_LIMITS_TABLE, rows);

    const second = await runReview(port, options);
    const again = orderInputOf((second.customers ?? []).find((r) => r.customerId === customer.customerId)!);
    if (!again.ok) throw new Error("customer lost");
    expect(again.value.limitSource).toBe("approved");
    expect(again.value.input.limit).toBe(approvedLimit);

    // An order that ends between the approved and the recommended limit.
    const newOrder = Math.round(((approvedLimit + recommended) / 2 - before) * 100) / 100;
    const check = checkOrder({ ...again.value.input, newOrder }, DEFAULT_POLICY);
    if (!check.ok) throw new Error("check failed");
    expect(check.value.exposure).toBeGreaterThan(approvedLimit);
    expect(check.value.exposure).toBeLessThan(recommended);
    expect(check.value.decision).toBe("hold");
    expect(approvalSummary(createTranslator("en-US"), check.value)).toMatch(/^On hold: release needs approval by (credit manager|senior management)$/);
    // The same order on the recommended limit would have been approved.
    const onRecommended = checkOrder({ ...again.value.input, limit: recommended, newOrder }, DEFAULT_POLICY);
    expect(onRecommended.ok && onRecommended.value.decision).toBe("approve");

    const logged = await appendOrderLog(port, {
      time: "2025-06-30T10:00:00Z", asOf, customerId: customer.customerId, name: customer.name, order: newOrder, exposureBefore: before,
      limitUsed: again.value.input.limit, limitBasis: again.value.limitSource, check: check.value, fingerprint: second.policyFingerprint!,
    });
    expect(logged.rows).toBe(1);
    const small = checkOrder({ ...again.value.input, newOrder: 1 }, DEFAULT_POLICY);
    if (!small.ok) throw new Error("check failed");
    const second2 = await appendOrderLog(port, {
      time: "2025-06-30T10:05:00Z", asOf, customerId: customer.customerId, name: customer.name, order: 1, exposureBefore: before,
      limitUsed: again.value.input.limit, limitBasis: "approved", check: small.value, fingerprint: second.policyFingerprint!,
    });
    expect(second2.rows).toBe(2);
    const log = (await port.readWorkbook()).tables.find((t) => t.name === ORDER_LOG_TABLE)!;
    expect(log.headers).toEqual(["Time", "Review as-of", "Customer ID", "Name", "Order", "Exposure before", "Exposure after", "Limit used", "Limit basis", "Decision", "Approval step", "Reasons", "Policy fingerprint"]);
    expect(log.rows).toHaveLength(2);
    const [row] = log.rows;
    expect(row!.slice(0, 10)).toEqual(["2025-06-30T10:00:00Z", toExcelSerial(asOf), customer.customerId, customer.name, newOrder, before, check.value.exposure, approvedLimit, "approved", "Hold"]);
    expect(String(row![11])).toMatch(/exceeds the limit/);
    expect(row![12]).toBe(second.policyFingerprint);
  });
});
