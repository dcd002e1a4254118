/**
 * Reads the workbook through the port and recognises its input tables (steps 1–2 of the pane):
 * the snapshot is read once per `rescan()`, and recognition and validation are recomputed when
 * the user's column mapping changes, without reading again. The mapping saved in the workbook
 * (the CreditDeskMapping table, issue 20) is applied under the user's; a mapping the user applies
 * is saved in the workbook (`saveMapping`), so the pane and the CLI reuse it next time.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import type { WorkbookPort, WorkbookSnapshot } from "../../host/WorkbookPort";
import { readPortfolio, type PortfolioReading } from "../../app/readPortfolio";
import { recogniseTables } from "../../app/recogniseTables";
import { mergeMappings, saveMapping, savedMapping } from "../../app/savedMapping";
import type { ColumnMapping, Recognition } from "../../app/types";

export type ScanState =
  | { status: "loading" }
  | { status: "failed"; message: string }
  | { status: "ready"; snapshot: WorkbookSnapshot; recognition: Recognition; reading: PortfolioReading };

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useWorkbookScan(port: WorkbookPort, mapping: ColumnMapping): { scan: ScanState; rescan: () => void } {
  const [snapshot, setSnapshot] = useState<{ value?: WorkbookSnapshot; error?: string }>({});
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let isCurrent = true;
    setSnapshot({});
    port.readWorkbook().then(
      (value) => { if (isCurrent) setSnapshot({ value }); },
      (error: unknown) => { if (isCurrent) setSnapshot({ error: messageOf(error) }); },
    );
    return () => { isCurrent = false; };
  }, [port, generation]);

  // A mapping the user applied in the dialog is kept in the workbook; then the workbook is read again.
  useEffect(() => {
    if (Object.keys(mapping).length === 0) return;
    let isCurrent = true;
    saveMapping(port, mapping).then(
      (saved) => { if (isCurrent && (saved === "created" || saved === "updated")) setGeneration((g) => g + 1); },
      (error: unknown) => { if (isCurrent) setSnapshot({ error: messageOf(error) }); },
    );
    return () => { isCurrent = false; };
  }, [port, mapping]);

  const scan = useMemo((): ScanState => {
    if (snapshot.error !== undefined) return { status: "failed", message: snapshot.error };
    if (snapshot.value === undefined) return { status: "loading" };
    const recognition = recogniseTables(snapshot.value, mergeMappings(savedMapping(snapshot.value), mapping));
    return { status: "ready", snapshot: snapshot.value, recognition, reading: readPortfolio(snapshot.value, recognition) };
  }, [snapshot, mapping]);

  const rescan = useCallback(() => setGeneration((g) => g + 1), []);
  return { scan, rescan };
}
