/**
 * Task pane entry: waits for Office once, then renders the pane with the Office.js adapter.
 * This is the only task-pane file that knows about Office; everything below gets a WorkbookPort.
 */
import { createRoot } from "react-dom/client";
import { OfficeWorkbook, officeRun } from "../host/office/OfficeWorkbook";
import { resolveLocale } from "../i18n/locale";
import { PaneRoot } from "./PaneRoot";
import { startPane, type PaneHost } from "./paneStartup";
import type { OfficeThemeColours } from "./paneTheme";

/** Today's calendar date where the user is, as YYYY-MM-DD (the default as-of date). */
function localToday(): string {
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The add-in version, set by webpack (DefinePlugin) from package.json. */
declare const __ADDIN_VERSION__: string;

let isStarted = false;

/** Office's theme now (undefined where the host gives none). */
function readOfficeTheme(): OfficeThemeColours | undefined {
  return (Office.context as { officeTheme?: OfficeThemeColours } | undefined)?.officeTheme;
}

void Office.onReady(() => {
  if (isStarted) return;
  isStarted = true;
  // Batches wait for a cell edit to end (delayForCellEdit, ExcelApi 1.11 when supported) and the
  // workbook's date system (1900 or 1904) is detected on every read through Excel itself.
  const port = new OfficeWorkbook({
    run: officeRun,
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  });
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container element");
  // Load with the document from now on (functions leave #BUSY! at open), and mount the pane,
  // which scans the workbook, only when it is shown (see paneStartup.ts).
  startPane(officePaneHost(), () =>
    createRoot(container).render(
      <PaneRoot
        port={port}
        today={localToday()}
        addinVersion={__ADDIN_VERSION__}
        initialLocale={resolveLocale(Office.context?.displayLanguage)}
        theme={readOfficeTheme}
      />,
    ),
  );
});

function officePaneHost(): PaneHost {
  return {
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    loadWithDocument: () => Office.addin.setStartupBehavior(Office.StartupBehavior.load),
    onVisibilityModeChanged: (handler) => void Office.addin.onVisibilityModeChanged((args) => handler(String(args.visibilityMode))),
    isPageVisible: () => document.visibilityState === "visible",
    onPageVisibilityChanged: (handler) => document.addEventListener("visibilitychange", () => handler(document.visibilityState === "visible")),
    warn: (message) => console.warn(message),
  };
}
