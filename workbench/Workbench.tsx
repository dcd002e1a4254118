/**
 * The workbench page: the REAL task pane (src/taskpane/App.tsx) on the right, with an in-memory
 * workbook injected as its WorkbookPort, and a sheet viewer of that workbook on the left. A toolbar
 * starts over (with or without the sample portfolio), imports an .xlsx file into memory and
 * exports the memory workbook to .xlsx, both in Web Workers, with a progress bar (determinate
 * where the share done is known), Cancel, and the other workbook actions disabled meanwhile.
 * Every control has an accessible name and a data-testid.
 */
import { memo, startTransition, useCallback, useRef, useState, type CSSProperties } from "react";
import type { Locale } from "../src/i18n/locale";
import { PaneRoot } from "../src/taskpane/PaneRoot";
import type { OfficeThemeColours } from "../src/taskpane/paneTheme";
import { parseAsOf } from "../src/taskpane/asOfDate";
import { setUpWorkbook } from "../src/app/setUpWorkbook";
import { ObservableWorkbook } from "./ObservableWorkbook";
import { SheetViewer } from "./SheetViewer";
import { exportXlsx, type ExportProgressStage } from "./xlsxExport";
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

// The toolbar's status and progress change many times a second during an import or an export:
// the viewer (which copies the shown sheet's grid when it renders) and the pane re-render only
// when their own props or state change, not with every status line.
const Viewer = memo(SheetViewer);
const Pane = memo(PaneRoot);

const styles: Record<string, CSSProperties> = {
  page: { display: "grid", gridTemplateRows: "auto 1fr", height: "100vh", fontFamily: '"Segoe UI", system-ui, sans-serif' },
  toolbar: { display: "flex", alignItems: "center", gap: 8, padding: "6px 10px", borderBottom: "1px solid #d6d6d6", background: "#fafafa" },
  title: { fontWeight: 600, marginRight: 12 },
  button: { font: "inherit", padding: "3px 10px", cursor: "pointer" },
  status: { marginLeft: "auto", color: "#444", fontSize: 13 },
  body: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) 380px", minHeight: 0 },
  pane: { borderLeft: "1px solid #d6d6d6", overflow: "auto", minHeight: 0 },
  viewer: { minHeight: 0, overflow: "hidden" },
  progress: { width: 120 },
};

/** A long workbook action under way: its controller (Cancel) and its progress (fraction undefined: not known). */
interface Job {
  controller: AbortController;
  fraction?: number;
}

const EXPORT_STAGES: Record<ExportProgressStage, string> = { sending: "handing the sheets to the worker", sheets: "laying out the sheets", zipping: "compressing" };
const isAbort = (e: unknown): boolean => e instanceof DOMException && e.name === "AbortError";

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

function download(blob: Blob, fileName: string): void {
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
  const [job, setJob] = useState<Job | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);
  const isBusy = job !== undefined;

  // A transition: the new viewer's and pane's first render (thousands of cells) is done in slices,
  // the page answering between them, and shows at once with its status line.
  const replace = useCallback((next: ObservableWorkbook, message: string) => {
    startTransition(() => {
      setWorkbook(next);
      setGeneration((g) => g + 1);
      setStatus(message);
    });
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
    const controller = new AbortController();
    setJob({ controller });
    setStatus(`Importing ${file.name}…`);
    try {
      const memory = await importXlsx(await file.arrayBuffer(), { signal: controller.signal, onStage: (stage) => setStatus(`Importing ${file.name}: ${stage}…`) });
      replace(new ObservableWorkbook(memory), `Imported ${file.name} (${memory.sheetNames().length} sheets)`);
    } catch (e) {
      setStatus(isAbort(e) ? `Import of ${file.name} cancelled: the workbook is as it was` : `Import failed: ${file.name} is ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setJob(undefined);
      if (fileInput.current) fileInput.current.value = "";
    }
  };

  const onExport = async (): Promise<void> => {
    const controller = new AbortController();
    setJob({ controller, fraction: 0 });
    setStatus("Exporting…");
    try {
      const file = await exportXlsx(workbook, {
        signal: controller.signal,
        onProgress: (stage, fraction) => {
          // Sending is the first third of the export, laying out the sheets the second, compressing the last.
          const whole = stage === "sending" ? fraction / 3 : stage === "sheets" ? 1 / 3 + fraction / 3 : 2 / 3 + fraction / 3;
          setJob({ controller, fraction: whole });
          setStatus(`Exporting: ${EXPORT_STAGES[stage]}…`);
        },
      });
      download(file, "credit-desk-workbench.xlsx");
      setStatus("Exported credit-desk-workbench.xlsx");
    } catch (e) {
      setStatus(isAbort(e) ? "Export cancelled: nothing was downloaded" : `Export failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setJob(undefined);
    }
  };

  return (
    <div style={styles.page}>
      <div role="toolbar" aria-label="Workbench" style={styles.toolbar}>
        <span style={styles.title}>Credit Desk workbench</span>
        <button type="button" style={styles.button} data-testid="reset-sample" disabled={isBusy} onClick={() => void startOver(true)}>
          New workbook with sample
        </button>
        <button type="button" style={styles.button} data-testid="reset-empty" disabled={isBusy} onClick={() => void startOver(false)}>
          New empty workbook
        </button>
        <button type="button" style={styles.button} data-testid="import-xlsx" disabled={isBusy} onClick={() => fileInput.current?.click()}>
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
        <button type="button" style={styles.button} data-testid="export-xlsx" disabled={isBusy} onClick={() => void onExport()}>
          Export .xlsx
        </button>
        {job && (
          <>
            <progress style={styles.progress} max={1} {...(job.fraction !== undefined ? { value: job.fraction } : {})} aria-label="Workbook action progress" data-testid="workbench-progress" />
            <button type="button" style={styles.button} data-testid="workbench-cancel" onClick={() => job.controller.abort()}>
              Cancel
            </button>
          </>
        )}
        <span role="status" style={styles.status} data-testid="workbench-status">{status}</span>
      </div>
      <div style={{ ...styles.body, gridTemplateColumns: `minmax(0, 1fr) ${paneWidth}px` }}>
        <div style={styles.viewer}>
          <Viewer key={generation} workbook={workbook} />
        </div>
        <aside style={styles.pane} aria-label="Task pane" data-testid="task-pane">
          <Pane key={generation} port={workbook} today={asOf} addinVersion={addinVersion} initialLocale={locale} theme={readTheme} />
        </aside>
      </div>
    </div>
  );
}
