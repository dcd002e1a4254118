/**
 * The pane's hooks over the engine worker (a fake Worker on the real handler): the review's
 * stages in the user's language with the share done, cancel writing nothing, and the scan
 * "loading" until the worker answers for the snapshot shown, then the same as in the page.
 */
import type { ReactNode } from "react";
import { act, renderHook, waitFor } from "@testing-library/react";
import { IntlProvider } from "react-intl";
import { dayFromCivil } from "../../../src/engine/dates/dayNumber";
import { MemoryWorkbook } from "../../../src/host/memory/MemoryWorkbook";
import { setUpWorkbook } from "../../../src/app/setUpWorkbook";
import { scanWorkbook } from "../../../src/app/scanWorkbook";
import { intlConfig } from "../../../src/i18n/messages";
import type { Locale } from "../../../src/i18n/locale";
import { useReview } from "../../../src/taskpane/hooks/useReview";
import { useWorkbookScan } from "../../../src/taskpane/hooks/useWorkbookScan";
import { workerCompute } from "../../../src/taskpane/worker/engineJobs";
import { FakeEngineWorker } from "../worker/fakeEngineWorker";

jest.setTimeout(60_000);

const asOf = dayFromCivil(2025, 6, 30);
const now = (): string => "2025-06-30T09:00:00Z";

async function sampleWorkbook(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  await setUpWorkbook(wb, { withSample: true, asOf });
  return wb;
}

const inLocale = (locale: Locale) =>
  function Wrapper({ children }: { children: ReactNode }) {
    return <IntlProvider {...intlConfig(locale)}>{children}</IntlProvider>;
  };

describe("useReview with the engine worker", () => {
  it.each([
    ["en-US", "Reading the workbook (0%)"],
    ["zh-CN", "正在读取工作簿（0%）"],
  ] as const)("names the stages in %s with the share done, and writes the review", async (locale, reading) => {
    const wb = await sampleWorkbook();
    const compute = workerCompute(() => new FakeEngineWorker().asWorker());
    const seen: string[] = [];
    const { result } = renderHook(() => {
      const review = useReview(wb, "0.1.0-test", now, compute);
      if (review.state.kind === "running") seen.push(review.state.stage);
      return review;
    }, { wrapper: inLocale(locale) });
    let run: Promise<void> | undefined;
    act(() => {
      run = result.current.run({ asOf, asOfIso: "2025-06-30", mapping: {} });
    });
    await waitFor(() => expect(result.current.state.kind).toBe("done"), { timeout: 30_000 });
    await act(async () => run);
    expect(result.current.state.kind === "done" && result.current.state.outcome.status).toBe("written");
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.slice(1).every((s) => /\d+\s?%/.test(s))).toBe(true);
    expect(seen).toContain(reading);
    expect(wb.sheetNames()).toContain("Credit Review");
  });

  it("cancelled while the worker computes: the worker stopped, nothing written, the outcome says cancelled", async () => {
    const wb = await sampleWorkbook();
    const before = wb.sheetNames();
    let worker: FakeEngineWorker | undefined;
    const compute = workerCompute(() => (worker = new FakeEngineWorker(false, true)).asWorker());
    const { result } = renderHook(() => useReview(wb, "0.1.0-test", now, compute), { wrapper: inLocale("en-US") });
    let run: Promise<void> | undefined;
    act(() => {
      run = result.current.run({ asOf, asOfIso: "2025-06-30", mapping: {} });
    });
    await waitFor(() => expect(worker).toBeDefined(), { timeout: 30_000 });
    act(() => result.current.cancel());
    await act(async () => run);
    expect(result.current.state).toEqual({ kind: "done", outcome: { status: "cancelled", problems: [] }, asOfIso: "2025-06-30" });
    expect(worker?.isTerminated).toBe(true);
    expect(wb.sheetNames()).toEqual(before);
  });
});

describe("useWorkbookScan with the engine worker", () => {
  it("is loading until the worker answers, then ready with the scan the page would make", async () => {
    const wb = await sampleWorkbook();
    const workers: FakeEngineWorker[] = [];
    const factory = (): Worker => {
      const w = new FakeEngineWorker();
      workers.push(w);
      return w.asWorker();
    };
    const mapping = {};
    const { result } = renderHook(() => useWorkbookScan(wb, mapping, factory), { wrapper: inLocale("en-US") });
    expect(result.current.scan.status).toBe("loading");
    await waitFor(() => expect(result.current.scan.status).toBe("ready"), { timeout: 20_000 });
    const scan = result.current.scan;
    if (scan.status !== "ready") throw new Error("not ready");
    const expected = scanWorkbook(scan.snapshot, mapping);
    expect(Object.keys(scan.recognition.tables).sort()).toEqual(Object.keys(expected.recognition.tables).sort());
    expect(scan.reading.problems).toEqual(expected.reading.problems);
    expect(scan.reading.portfolio.customers.length).toBe(expected.reading.portfolio.customers.length);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.isTerminated).toBe(true);
  });
});
