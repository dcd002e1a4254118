/**
 * The pane in both languages and both themes: every label of the set-up, review and results is
 * from the catalogue of the chosen language (no English left in zh-CN), the language switch
 * re-renders the pane, and axe finds no violations in zh-CN/dark and en-US/dark.
 */
import "./setup";
import { fireEvent, screen, within } from "@testing-library/react";
import { axe } from "jest-axe";
import { messagesFor } from "../../src/i18n/messages";
import { RecordingPort } from "./recordingPort";
import { renderApp } from "./renderApp";

const enUS = messagesFor("en-US");
const zhCN = messagesFor("zh-CN");

jest.setTimeout(60_000);

/** Latin words of three letters or more outside ids, sheet names, figures and allowed loans. */
function englishWordsIn(text: string, allowed: readonly string[]): string[] {
  let rest = text;
  for (const a of allowed) rest = rest.split(a).join(" ");
  rest = rest.replace(/\b[0-9a-f]{8,}\b/g, " "); // the policy fingerprint
  return rest.match(/[A-Za-z]{3,}/g) ?? [];
}

async function reviewIn(locale: "en-US" | "zh-CN", theme: "light" | "dark") {
  const port = new RecordingPort();
  const view = renderApp(port, "2025-06-30", locale, theme);
  const m = locale === "zh-CN" ? zhCN : enUS;
  fireEvent.click(await screen.findByRole("button", { name: m["pane.setup.create"] }));
  await screen.findByText(m["pane.setup.written"]);
  fireEvent.click(await screen.findByRole("button", { name: m["pane.review.run"] }));
  await screen.findByText(m["pane.review.written"], undefined, { timeout: 10_000 });
  return { port, view, m };
}

describe("task pane in Chinese and English, light and dark", () => {
  it("shows the set-up, review and results in Chinese with no English label left (zh-CN, dark)", async () => {
    const { view, m } = await reviewIn("zh-CN", "dark");
    expect(view.container.querySelector("[data-theme=dark]")).not.toBeNull();
    for (const id of ["pane.tab.review", "pane.review.title", "pane.results.title", "pane.results.grades", "pane.results.aging", "pane.kpi.openBalance", "pane.results.unapplied"] as const) {
      expect(screen.getAllByText(m[id]).length).toBeGreaterThan(0);
    }
    const results = screen.getByRole("heading", { name: m["pane.results.title"] }).closest(".fui-Card") as HTMLElement;
    // Grades, sheet names, the policy fingerprint and customer ids/names from the data are not words to translate.
    const allowed = ["CREDIT", "Credit Review", "Aging", "Collections", "Summary", "DSO", "CEI", "ADD"];
    const critical = within(results).getByRole("list", { name: m["pane.results.critical"] });
    const resultsText = (results.textContent ?? "").replace(critical.textContent ?? "", "");
    expect(englishWordsIn(resultsText, allowed)).toEqual([]);
    const reviewCard = screen.getByRole("heading", { name: m["pane.review.title"] }).closest(".fui-Card") as HTMLElement;
    expect(englishWordsIn(reviewCard.textContent ?? "", [...allowed, "YYYY", "MM", "DD"])).toEqual([]);
    const tables = await screen.findByRole("list", { name: m["pane.tables.list"] });
    expect(within(tables).getAllByText(m["pane.tables.found"]).length).toBeGreaterThanOrEqual(4);
    // Only the tables' and sheets' own names (from the workbook) remain in Latin letters.
    expect(englishWordsIn(tables.textContent ?? "", ["Customers", "Financials", "Receivables", "Orders", "Policy"])).toEqual([]);
    expect(screen.getByText(m["pane.problems.none"])).toBeTruthy();
    expect(await axe(document.body)).toHaveNoViolations();
  });

  it("checks an order in Chinese: labels, decision and reasons from the catalogue, no English left (zh-CN)", async () => {
    const { m } = await reviewIn("zh-CN", "light");
    fireEvent.click(screen.getByRole("tab", { name: m["pane.tab.orders"] }));
    const card = (await screen.findByRole("heading", { name: m["orderCheck.title"] })).closest(".fui-Card") as HTMLElement;
    fireEvent.change(within(card).getByLabelText(m["orderCheck.amount"]), { target: { value: "1000" } });
    fireEvent.click(within(card).getByRole("button", { name: m["orderCheck.check"] }));
    const decision = within(card).getByRole("region", { name: m["orderCheck.decisionRegion"] });
    const decisions = (["approve", "hold", "refer", "refuse"] as const).map((d) => m[`approval.decision.${d}`]);
    expect(decisions.filter((d) => within(decision).queryByText(d) !== null)).toHaveLength(1);
    expect(within(decision).getByRole("list", { name: m["orderCheck.reasons"] })).toBeTruthy();
    // Customer ids and names come from the data (the sample's are Latin); the rest is Chinese.
    const combobox = within(card).getByRole("combobox", { name: m["orderCheck.customer"] }) as HTMLInputElement;
    const text = (card.textContent ?? "").replace(combobox.value, " ");
    expect(englishWordsIn(text, ["CREDIT", "R"])).toEqual([]);
  });

  it("has no accessibility violations in English on the dark theme", async () => {
    await reviewIn("en-US", "dark");
    expect(await axe(document.body)).toHaveNoViolations();
  });

  it("switches language from the header and keeps the results", async () => {
    await reviewIn("en-US", "light");
    expect(screen.getByRole("heading", { name: "Results" })).toBeTruthy();
    fireEvent.change(screen.getByRole("combobox", { name: "Language" }), { target: { value: "zh-CN" } });
    expect(await screen.findByRole("heading", { name: zhCN["pane.results.title"] })).toBeTruthy();
    expect(screen.getByRole("tab", { name: zhCN["pane.tab.orders"] })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: zhCN["pane.language"] })).toBeTruthy();
  });

  it("says the results are out of date when the as-of date changes after the review", async () => {
    await reviewIn("en-US", "light");
    expect(screen.queryByText(/out of date/)).toBeNull();
    fireEvent.change(screen.getByLabelText(/As-of date/), { target: { value: "2025-07-31" } });
    expect(screen.getByText("These results are out of date: the as-of date is now 2025-07-31. Run the review again.")).toBeTruthy();
  });

  it("does not offer to set up again after a set-up succeeded", async () => {
    await reviewIn("en-US", "light");
    expect(screen.queryByRole("button", { name: "Create input sheets" })).toBeNull();
    expect(await screen.findByText("Input sheets created")).toBeTruthy();
  });
});
