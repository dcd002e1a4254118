/** Renders the pane as index.tsx does, with a test port, a fixed "today" and a fixed clock. */
import { fireEvent, render, screen } from "@testing-library/react";
import * as runReviewModule from "../../src/app/runReview";
import type { ReviewOutcome } from "../../src/app/types";
import type { Locale } from "../../src/i18n/locale";
import { PaneRoot } from "../../src/taskpane/PaneRoot";
import type { PaneTheme } from "../../src/taskpane/paneTheme";
import type { RecordingPort } from "./recordingPort";

export const TODAY = "2025-06-30";
export const GENERATED_AT = "2025-06-30T09:00:00Z";

export function renderApp(port: RecordingPort, today = TODAY, locale: Locale = "en-US", theme: PaneTheme = "light") {
  return render(
    <PaneRoot port={port} today={today} addinVersion="0.1.0-test" now={() => GENERATED_AT} initialLocale={locale} theme={theme} />,
  );
}

/** Amount as the pane shows money: two decimals with thousands separators. */
export function money(value: number): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Renders the pane on an empty workbook and runs the set-up with sample data. */
export async function setUpWithSample(port: RecordingPort): Promise<void> {
  renderApp(port);
  fireEvent.click(await screen.findByRole("button", { name: "Create input sheets" }, { timeout: 15_000 }));
  await screen.findByText("Input sheets created");
  await screen.findByRole("list", { name: "Input tables" });
}

/** Types the as-of date, runs the review, and returns what the workflow's runReview returned. */
export async function runReviewAt(asOf: string) {
  const spy = jest.spyOn(runReviewModule, "runReview");
  // After a change to the workbook (a saved mapping, a new sheet) the pane scans again: the form
  // comes back when the scan ends, later on a loaded machine.
  await screen.findByRole("button", { name: "Run review" }, { timeout: 10_000 });
  fireEvent.change(await screen.findByLabelText(/As-of date/, undefined, { timeout: 10_000 }), { target: { value: asOf } });
  fireEvent.click(await screen.findByRole("button", { name: "Run review" }, { timeout: 10_000 }));
  await screen.findByText("Review written", undefined, { timeout: 10_000 });
  const outcome = (await spy.mock.results[spy.mock.results.length - 1].value) as ReviewOutcome;
  return { outcome, spy };
}
