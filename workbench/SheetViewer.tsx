/**
 * A plain sheet viewer for the workbench: one tab per sheet of the memory workbook and a grid of
 * its cells, re-rendered after every write. Each cell carries its A1 address (`data-cell`) and its
 * raw value as JSON (`data-value`), so browser tests read the real numbers, not their display.
 */
import { startTransition, useEffect, useMemo, useState, type CSSProperties } from "react";
import type { CellValue } from "../src/host/WorkbookPort";
import { columnLetter } from "../src/host/address";
import { fromExcelSerial, toIsoDate, type DateSystem } from "../src/engine/dates/dayNumber";
import type { ObservableWorkbook } from "./ObservableWorkbook";

/** Rows rendered per sheet; more are summarised below the grid (the viewer is for looking, not scrolling 10,000 rows). */
export const MAX_VIEWER_ROWS = 500;

export interface SheetViewerProps {
  workbook: ObservableWorkbook;
}

/** Decimal places of a number format such as "#,##0.00" or "0.0%". */
function decimalsOf(format: string): number {
  const match = /\.(0+)/.exec(format);
  return match ? match[1].length : 0;
}

/**
 * A cell's text roughly as Excel shows it with its number format (the formats the add-in writes:
 * dates "yyyy-mm-dd", percents "0.0%", money "#,##0.00", fixed "0.00"); General otherwise.
 * @example displayOf(0.125, "0.0%") //=> "12.5%"
 * @example displayOf(45838, "yyyy-mm-dd", "1900") //=> "2025-06-30"
 */
export function displayOf(value: CellValue, format = "General", system: DateSystem = "1900"): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (/y{2,4}/i.test(format)) {
    const day = fromExcelSerial(value, system);
    if (day.ok) return toIsoDate(day.value);
  }
  const decimals = decimalsOf(format);
  if (format.endsWith("%")) return `${(value * 100).toFixed(decimals)}%`;
  if (format.includes("#,##0")) return value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  if (/^0(\.0+)?$/.test(format)) return value.toFixed(decimals);
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 10_000) / 10_000);
}

const styles: Record<string, CSSProperties> = {
  root: { display: "flex", flexDirection: "column", height: "100%", minWidth: 0 },
  tabs: { display: "flex", flexWrap: "wrap", gap: 2, borderBottom: "1px solid #c8c8c8", padding: "4px 4px 0" },
  tab: { border: "1px solid #c8c8c8", borderBottom: "none", background: "#f3f3f3", padding: "4px 10px", cursor: "pointer", font: "inherit" },
  activeTab: { background: "#fff", fontWeight: 600, color: "#0f6cbd" },
  gridBox: { overflow: "auto", flex: 1 },
  grid: { borderCollapse: "collapse", fontSize: 12, fontVariantNumeric: "tabular-nums" },
  head: { background: "#f3f3f3", color: "#555", border: "1px solid #d6d6d6", padding: "2px 6px", position: "sticky", top: 0 },
  rowHead: { background: "#f3f3f3", color: "#555", border: "1px solid #d6d6d6", padding: "2px 6px", textAlign: "right" },
  cell: { border: "1px solid #e1e1e1", padding: "2px 6px", whiteSpace: "nowrap", maxWidth: 260, overflow: "hidden", textOverflow: "ellipsis" },
  selected: { outline: "2px solid #0f6cbd", outlineOffset: -2 },
  empty: { padding: 16, color: "#555" },
};

export function SheetViewer({ workbook }: SheetViewerProps) {
  // A change re-renders the viewer as a transition: React renders its thousands of cells in slices,
  // yielding to the page between them, instead of one task after every write (issues 16 and 19).
  const [version, setVersion] = useState(workbook.version);
  useEffect(() => {
    const follow = (): void => startTransition(() => setVersion(workbook.version));
    const stop = workbook.subscribe(follow);
    follow(); // a change between the first render and this subscription
    return stop;
  }, [workbook]);
  const names = workbook.memory.sheetNames();
  const selection = workbook.memory.lastSelection;
  const [active, setActive] = useState<string | undefined>(names[0]);

  // Follow "Go to cell" from the task pane: show the selected sheet.
  useEffect(() => {
    if (selection) setActive(selection.sheet);
  }, [selection]);
  const shown = active !== undefined && names.includes(active) ? active : names[0];
  // Only the rows shown are copied (not the 100,000 of a big ledger), once per change of the workbook or tab, not per render.
  const shownRows = useMemo(() => {
    const rows = shown === undefined ? [] : (workbook.memory.getSheet(shown, MAX_VIEWER_ROWS) ?? []);
    return { width: rows.reduce((w, row) => Math.max(w, row.length), 0), rows, total: shown === undefined ? 0 : (workbook.memory.rowCountOf(shown) ?? 0) };
  }, [workbook, shown, version]);

  if (shown === undefined) {
    return <div style={styles.empty} data-testid="sheet-empty">The workbook has no sheets yet. Use the task pane's set-up, or import an .xlsx file.</div>;
  }
  const { width, rows, total } = shownRows;

  return (
    <section style={styles.root} aria-label="Sheet viewer" data-version={version}>
      <div role="tablist" aria-label="Sheets" style={styles.tabs}>
        {names.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={name === shown}
            data-testid={`sheet-tab-${name}`}
            style={name === shown ? { ...styles.tab, ...styles.activeTab } : styles.tab}
            onClick={() => setActive(name)}
          >
            {name}
          </button>
        ))}
      </div>
      <div style={styles.gridBox} role="tabpanel" aria-label={shown}>
        <table style={styles.grid} data-testid="sheet-grid" data-sheet={shown} aria-label={`Cells of ${shown}`}>
          <thead>
            <tr>
              <th style={styles.head} scope="col" />
              {Array.from({ length: width }, (_, c) => (
                <th key={c} style={styles.head} scope="col">{columnLetter(c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r}>
                <th style={styles.rowHead} scope="row">{r + 1}</th>
                {Array.from({ length: width }, (_, c) => {
                  const value = row[c] ?? null;
                  const address = `${columnLetter(c)}${r + 1}`;
                  const isSelected = selection?.sheet === shown && selection.row === r && selection.column === c;
                  return (
                    <td
                      key={c}
                      data-cell={address}
                      data-value={value === null ? undefined : JSON.stringify(value)}
                      aria-selected={isSelected || undefined}
                      style={{ ...styles.cell, ...(typeof value === "number" ? { textAlign: "right" } : {}), ...(isSelected ? styles.selected : {}) }}
                    >
                      {displayOf(value, workbook.memory.getNumberFormat(shown, r, c), workbook.memory.dateSystem)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {total > rows.length && (
          <p style={styles.empty} data-testid="sheet-truncated">Showing {rows.length} of {total} rows.</p>
        )}
      </div>
    </section>
  );
}
