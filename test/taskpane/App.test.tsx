import "./setup";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { axe } from "jest-axe";
import { dayFromCivil } from "../../src/engine/dates/dayNumber";
import { MemoryWorkbook } from "../../src/host/memory/MemoryWorkbook";
import type { ReviewOptions } from "../../src/app/types";
import { RecordingPort } from "./recordingPort";
import { GENERATED_AT, money, renderApp, runReviewAt, setUpWithSample } from "./renderApp";

jest.setTimeout(60_000);

afterEach(() => jest.restoreAllMocks());

describe("task pane: set up → tables found → review", () => {
  it("offers set-up on an empty workbook and writes the input sheets with sample data", async () => {
    const port = new RecordingPort();
    await setUpWithSample(port);
    expect(port.writtenSheetNames()).toEqual(["Customers", "Financials", "Receivables", "Orders", "Policy"]);
    const tables = screen.getByRole("list", { name: "Input tables" });
    const customers = port.workbook.getTable("Customers")!;
    expect(within(tables).getByText(new RegExp(`Table “Customers” on sheet “Customers”, ${customers.rows.length} rows`))).toBeTruthy();
    expect(within(tables).getAllByText("found").length).toBeGreaterThanOrEqual(4);
  });

  it("runs the review at the typed as-of date and shows the KPIs the workflow returned", async () => {
    const port = new RecordingPort();
    await setUpWithSample(port);
    const { outcome, spy } = await runReviewAt("2025-06-15");

    const options: ReviewOptions = spy.mock.calls[0][1];
    expect(options.asOf).toBe(dayFromCivil(2025, 6, 15));
    expect(options.generatedAt).toBe(GENERATED_AT);
    expect(options.addinVersion).toBe("0.1.0-test");
    expect(outcome.status).toBe("written");
    expect(port.writtenSheetNames().slice(-5)).toEqual(["Summary", "Credit Review", "Aging", "Collections", "Review History"]);

    const k = outcome.kpis!;
    const tile = (name: string) => within(screen.getByLabelText(name, { selector: "[role=group]" }));
    expect(tile("Customers").getByText(k.customers.toLocaleString("en-US"))).toBeTruthy();
    expect(tile("Open balance").getByText(money(k.openBalance))).toBeTruthy();
    expect(tile("Overdue").getByText(money(k.overdue))).toBeTruthy();
    expect(tile("Recommended limits").getByText(money(k.totalRecommendedLimit))).toBeTruthy();
    expect(tile("Allowance").getByText(money(k.allowance))).toBeTruthy();
    expect(tile("Warnings").getByText(`${k.criticalWarnings} critical`)).toBeTruthy();
    if (k.dso !== undefined) expect(tile("DSO").getByText(k.dso.toFixed(1))).toBeTruthy();
    expect(screen.getByText(new RegExp(`As of 2025-06-15 · policy ${outcome.policyFingerprint}`))).toBeTruthy();

    // Charts fall back to tables in jsdom (react-charts' d3 modules are ES modules jest cannot load).
    const grades = await screen.findByLabelText(/Grade distribution/, { selector: "table" });
    const cellsOf = (table: HTMLElement, label: string) =>
      [...table.querySelectorAll("tbody tr")].find((tr) => tr.querySelector("th")?.textContent === label)?.querySelector("td")?.textContent;
    // A–D are the grades and add up to the customers; R is a flag, counted beside them, not a bar.
    const gradeLabels = [...grades.querySelectorAll("tbody th")].map((th) => th.textContent);
    expect(gradeLabels).toEqual(["A", "B", "C", "D"]);
    for (const grade of gradeLabels) expect(cellsOf(grades, grade!)).toBe(String(k.gradeCounts[grade!] ?? 0));
    expect(["A", "B", "C", "D"].reduce((sum, g) => sum + (k.gradeCounts[g] ?? 0), 0)).toBe(k.customers);
    expect(screen.getByText(`${k.gradeCounts.R} customer${k.gradeCounts.R === 1 ? "" : "s"} flagged R (key account at risk)`)).toBeTruthy();
    // Every bucket is listed; the buckets and the unapplied cash add up to the open balance.
    const aging = screen.getByLabelText(/Aging/, { selector: "table" });
    k.bucketLabels.forEach((label, i) => expect(cellsOf(aging, label)).toBe(money(k.bucketTotals[i])));
    const unapplied = Number(cellsOf(aging, "Unapplied cash")!.replace(/,/g, ""));
    expect(unapplied).toBeLessThanOrEqual(0);
    expect(cellsOf(aging, "Open balance")).toBe(money(k.openBalance));
    const bucketCents = k.bucketTotals.reduce((sum, v) => sum + Math.round(v * 100), 0);
    expect(bucketCents + Math.round(unapplied * 100)).toBe(Math.round(k.openBalance * 100));
  });

  it("selects the customer's Credit Review row when a critical warning is clicked", async () => {
    const port = new RecordingPort();
    await setUpWithSample(port);
    const { outcome } = await runReviewAt("2025-06-30");
    const critical = outcome.critical ?? [];
    expect(critical.length).toBeGreaterThan(0);
    const list = screen.getByRole("list", { name: "Critical warnings" });
    const last = critical[critical.length - 1];
    // One entry and one tab stop per customer, its warnings listed under it.
    const customers = [...new Set(critical.map((w) => w.customerId))];
    expect(within(list).getAllByRole("button")).toHaveLength(customers.length);
    const button = within(list).getByRole("button", { name: `${last.customerId} ${last.name}: show in Credit Review` });
    const own = within(list).getByRole("list", { name: `${last.customerId} ${last.name}` });
    expect(within(own).getAllByRole("listitem").map((li) => li.textContent)).toEqual(critical.filter((w) => w.customerId === last.customerId).map((w) => w.message));
    fireEvent.click(button);
    await waitFor(() => expect(port.selections).toEqual([["Credit Review", last.reviewRow, 0]]));
    expect(port.workbook.lastSelection).toEqual({ sheet: "Credit Review", row: last.reviewRow, column: 0 });
  });

  it("leaves a user's own 'Credit Review' and 'Summary' sheets alone, says where the outputs went, and selects in the written sheet", async () => {
    const workbook = new MemoryWorkbook();
    workbook.setCells("Credit Review", 0, 0, [["my own notes"]]);
    workbook.setCells("summary", 0, 0, [["mine too"]]);
    const port = new RecordingPort(workbook);
    renderApp(port);
    fireEvent.click(await screen.findByRole("button", { name: "Create input sheets" }));
    await screen.findByText("Input sheets created");
    await screen.findByRole("list", { name: "Input tables" });
    const { outcome } = await runReviewAt("2025-06-30");
    expect(outcome.redirected).toEqual([
      { requested: "Summary", written: "Summary (2)" },
      { requested: "Credit Review", written: "Credit Review (2)" },
    ]);
    expect(screen.getByText("Your sheet “Credit Review” was left as it is; this output is in “Credit Review (2)”.")).toBeTruthy();
    expect(workbook.getCell("Credit Review", 0, 0)).toBe("my own notes");
    expect(workbook.getCell("summary", 0, 0)).toBe("mine too");
    const [first] = outcome.critical ?? [];
    const list = screen.getByRole("list", { name: "Critical warnings" });
    fireEvent.click(within(list).getAllByRole("button", { name: `${first.customerId} ${first.name}: show in Credit Review` })[0]);
    await waitFor(() => expect(port.selections).toEqual([["Credit Review (2)", first.reviewRow, 0]]));
  });

  it("has no accessibility violations on the results view", async () => {
    const port = new RecordingPort();
    await setUpWithSample(port);
    await runReviewAt("2025-06-30");
    await screen.findByLabelText(/Grade distribution/, { selector: "table" });
    expect(await axe(document.body)).toHaveNoViolations();
  });
});

describe("task pane: problems and Go to cell", () => {
  function badWorkbook(): RecordingPort {
    return new RecordingPort(MemoryWorkbook.fromTables([
      { sheet: "Customers", name: "Customers", headers: ["CustomerId", "Name"], rows: [["C1", "Acme"], ["C2", "Beta"]] },
      {
        sheet: "Receivables", name: "Receivables",
        headers: ["InvoiceId", "CustomerId", "InvoiceDate", "DueDate", "Amount"],
        rows: [["I1", "C1", "2025-05-01", "2025-05-31", 100], ["I2", "C2", "2025-05-02", "2025-06-01", "abc"]],
      },
    ]));
  }

  it("lists each problem with its cell and Go to cell selects it", async () => {
    const port = badWorkbook();
    renderApp(port);
    const list = await screen.findByRole("list", { name: "Problems" });
    // Amount "abc" is on data row 2 → sheet row 2 (0-based, header at 0), column E (4).
    const goTo = within(list).getByRole("button", { name: "Go to cell Receivables!E3" });
    fireEvent.click(goTo);
    await waitFor(() => expect(port.selections).toEqual([["Receivables", 2, 4]]));
    expect(port.workbook.lastSelection).toEqual({ sheet: "Receivables", row: 2, column: 4 });
  });

  it("writes nothing when validation fails and says so", async () => {
    const port = badWorkbook();
    renderApp(port);
    await screen.findByRole("list", { name: "Problems" });
    fireEvent.click(screen.getByRole("button", { name: "Run review" }));
    expect(await screen.findByText("Nothing was written")).toBeTruthy();
    expect(port.writes).toEqual([]);
  });

  it("refuses an as-of date that is not YYYY-MM-DD", async () => {
    const port = badWorkbook();
    renderApp(port);
    await screen.findByRole("list", { name: "Problems" });
    fireEvent.change(screen.getByLabelText(/As-of date/), { target: { value: "2025-02-30" } });
    expect(screen.getByText(/not a valid calendar date/)).toBeTruthy();
    expect((screen.getByRole("button", { name: "Run review" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("has no accessibility violations on the problems view", async () => {
    renderApp(badWorkbook());
    await screen.findByRole("list", { name: "Problems" });
    expect(await axe(document.body)).toHaveNoViolations();
  });
});

describe("task pane: column mapping", () => {
  it("maps an unrecognised header to the missing field and the review uses the mapping", async () => {
    const port = new RecordingPort(MemoryWorkbook.fromTables([
      { sheet: "Customers", name: "Customers", headers: ["CustomerId", "Name"], rows: [["C1", "Acme"]] },
      {
        sheet: "Receivables", name: "Receivables",
        headers: ["InvoiceId", "CustomerId", "InvoiceDate", "Zahlbar bis", "Amount"],
        rows: [["I1", "C1", "2025-05-01", "2025-05-31", 100]],
      },
    ]));
    renderApp(port);
    const tables = await screen.findByRole("list", { name: "Input tables" });
    expect(within(tables).getByText("Missing columns: dueDate")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Map columns…" }));
    const dialog = await screen.findByRole("dialog");
    const select = within(dialog).getByLabelText("Column “Zahlbar bis”") as HTMLSelectElement;
    expect([...select.options].map((o) => o.text)).toContain("DueDate (required, missing)");
    act(() => select.focus());
    fireEvent.change(select, { target: { value: "dueDate" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Apply mapping" }));
    await waitFor(() => expect(screen.queryByText("Missing columns: dueDate")).toBeNull());
    // The mapping is saved in the workbook (issue 20), on its own input sheet; nothing else is written.
    await waitFor(() => expect(port.writes.map((w) => w.map((s) => s.name))).toEqual([["Credit Desk Mapping"]]));

    const { outcome, spy } = await runReviewAt("2025-06-30");
    expect(spy.mock.calls[0][1].mapping).toEqual({ receivables: { "Zahlbar bis": "dueDate" } });
    expect(outcome.status).toBe("written");
    expect(outcome.kpis?.openBalance).toBe(100);
  });
});

describe("task pane: cancel", () => {
  it("Cancel stops the review before anything is written", async () => {
    const port = new RecordingPort();
    await setUpWithSample(port);
    const writesBefore = port.writes.length;
    port.hold();
    fireEvent.click(screen.getByRole("button", { name: "Run review" }));
    const cancel = await screen.findByRole("button", { name: "Cancel" });
    expect(screen.getByRole("progressbar", { name: "Review progress" })).toBeTruthy();
    fireEvent.click(cancel);
    await act(async () => { port.release(); });
    expect(await screen.findByText("Review cancelled")).toBeTruthy();
    expect(screen.getByText(/Nothing was written/)).toBeTruthy();
    expect(port.writes.length).toBe(writesBefore);
    expect(port.workbook.sheetNames()).not.toContain("Credit Review");
  });
});

describe("task pane: stale results", () => {
  it("says the results are out of date after a policy save, and not after the review runs again", async () => {
    const port = new RecordingPort();
    await setUpWithSample(port);
    await runReviewAt("2025-06-30");
    const stale = /the policy was saved after this review/;
    expect(screen.queryByText(stale)).toBeNull();
    fireEvent.click(screen.getByRole("tab", { name: "Policy" }));
    fireEvent.change(await screen.findByLabelText("Search parameters"), { target: { value: "roundingUnit" } });
    fireEvent.change(screen.getByLabelText("roundingUnit", { selector: "input" }), { target: { value: "500" } });
    fireEvent.click(screen.getByRole("button", { name: "Save policy" }));
    await screen.findByText("Policy saved");
    fireEvent.click(screen.getByRole("tab", { name: "Review" }));
    expect(await screen.findByText(stale)).toBeTruthy();
    const { outcome } = await runReviewAt("2025-06-30");
    expect(outcome.status).toBe("written");
    await waitFor(() => expect(screen.queryByText(stale)).toBeNull());
  });
});
