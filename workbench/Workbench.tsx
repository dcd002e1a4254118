/**
 * The workbench page: the REAL task pane (src/taskpane/App.tsx) on the right, with an in-memory
 * workbook injected as its WorkbookPort, and a sheet viewer of that workbook on the left. A toolbar
 * starts over (with or without the sample portfolio), imports an .xlsx file into memory and
 * exports the memory workbook to .xlsx. Every control has an accessible name and a data-testid.
 */
import { useCallback, useRef, useState, type CSSProperties } from "react";
import type { Locale } from "../src/i18n/locale";
import { PaneRoot } from "../src/taskpane/PaneRoot";
import type { OfficeThemeColours } from "../src/taskpane/paneTheme";
import { parseAsOf } from "../src/taskpane/asOfDate";
import { setUpWorkbook } from "../src/app/setUpWorkbook";
import { ObservableWorkbook } from "./ObservableWorkbook";
import { SheetViewer } from "./SheetViewer";
import { exportXlsx } from "./xlsxExport";
import { importXlsx } from "./xlsxImport";

export interface WorkbenchProps {
  /** The as-of date (YYYY-MM-DD): the pane's default and the sample's reference date. */
  asOf: string;
  addinVersion: string;
  /** The workbook shown first (see preparedWorkbook). */
  initial: ObservableWorkbook;
  /** The pane's first language (the stub's Office.context.displayLanguage). */
  locale?: Locale;
  /** Office's theme as the pane reads it (the stub's Office.context.officeTheme). */
  readTheme?: () => OfficeThemeColours | undefined;
  /** Width of the task pane in px (Excel's pane is 300–500 px wide). */
  paneWidth?: number;
}

const noTheme = (): undefined => undefined;

const styles: Record<string, CSSProperties> = {
  page: { display: "grid", gridTemplateRows: "auto 1fr", height: "100vh", fontFamily: '"Segoe UI", system-ui, sans-serif' },
  toolbar: { display: "flex", alignItems: "center", gap: 8, padding: "6px 10px", borderBottom: "1px solid #d6d6d6", background: "#fafafa" },
  title: { fontWeight: 600, marginRight: 12 },
  button: { font: "inherit", padding: "3px 10px", cursor: "pointer" },
  status: { marginLeft: "auto", color: "#444", fontSize: 13 },
  body: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) 380px", minHeight: 0 },
  pane: { borderLeft: "1px solid #d6d6d6", overflow: "auto", minHeight: 0 },
  viewer: { minHeight: 0, overflow: "hidden" },
};

/** Set up the input sheets (and the sample, if asked) through the workflow, as the pane's button does. */
export async function preparedWorkbook(asOf: string, withSample: boolean): Promise<ObservableWorkbook> {
  const workbook = new ObservableWorkbook();
  if (!withSample) return workbook;
  const day = parseAsOf(asOf);
  if (!day.ok) throw new Error(`bad as-of date ${asOf}`);
  const outcome = await setUpWorkbook(workbook, { withSample: true, asOf: day.value });
  if (outcome.status !== "written") throw new Error(`sample set-up ${outcome.status}`);
  return workbook;
}

function download(bytes: ArrayBuffer, fileName: string): void {
  const blob = new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function Workbench({ asOf, addinVersion, initial, locale = "en-US", readTheme = noTheme, paneWidth = 380 }: WorkbenchProps) {
  const [workbook, setWorkbook] = useState(initial);
  // A new workbook gets a fresh task pane, as reopening the pane on another workbook would.
  const [generation, setGeneration] = useState(0);
  const [status, setStatus] = useState("Ready");
  const fileInput = useRef<HTMLInputElement>(null);

  const replace = useCallback((next: ObservableWorkbook, message: string) => {
    setWorkbook(next);
    setGeneration((g) => g + 1);
    setStatus(message);
  }, []);

  const startOver = async (withSample: boolean): Promise<void> => {
    setStatus(withSample ? "Setting up the sample…" : "Clearing…");
    try {
      replace(await preparedWorkbook(asOf, withSample), withSample ? "Sample portfolio set up" : "Empty workbook");
    } catch (e) {
      setStatus(`Failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const onImport = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    setStatus(`Importing ${file.name}…`);
    try {
      const memory = await importXlsx(await file.arrayBuffer(), { onStage: (stage) => setStatus(`Importing ${file.name}: ${stage}…`) });
      replace(new ObservableWorkbook(memory), `Imported ${file.name} (${memory.sheetNames().length} sheets)`);
    } catch (e) {
      setStatus(`Import failed: ${file.name} is ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      if (fileInput.current) fileInput.current.value = "";
    }
  };

  const onExport = async (): Promise<void> => {
    setStatus("Exporting…");
    try {
      download(await exportXlsx(workbook), "credit-desk-workbench.xlsx");
      setStatus("Exported credit-desk-workbench.xlsx");
    } catch (e) {
      setStatus(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <div style={styles.page}>
      <div role="toolbar" aria-label="Workbench" style={styles.toolbar}>
        <span style={styles.title}>Credit Desk workbench</span>
        <button type="button" style={styles.button} data-testid="reset-sample" onClick={() => void startOver(true)}>
          New workbook with sample
        </button>
        <button type="button" style={styles.button} data-testid="reset-empty" onClick={() => void startOver(false)}>
          New empty workbook
        </button>
        <button type="button" style={styles.button} data-testid="import-xlsx" onClick={() => fileInput.current?.click()}>
          Import .xlsx…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label="Choose an .xlsx file to import"
          data-testid="import-xlsx-file"
          style={{ display: "none" }}
          onChange={(e) => void onImport(e.target.files?.[0])}
        />
        <button type="button" style={styles.button} data-testid="export-xlsx" onClick={() => void onExport()}>
          Export .xlsx
        </button>
        <span role="status" style={styles.status} data-testid="workbench-status">{status}</span>
      </div>
      <div style={{ ...styles.body, gridTemplateColumns: `minmax(0, 1fr) ${paneWidth}px` }}>
        <div style={styles.viewer}>
          <SheetViewer key={generation} workbook={workbook} />
        </div>
        <aside style={styles.pane} aria-label="Task pane" data-testid="task-pane">
          <PaneRoot key={generation} port={workbook} today={asOf} addinVersion={addinVersion} initialLocale={locale} theme={readTheme} />
        </aside>
      </div>
    </div>
  );
}
