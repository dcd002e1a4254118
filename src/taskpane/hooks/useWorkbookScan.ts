/**
 * Reads the workbook through the port and recognises its input tables (steps 1–2 of the pane):
 * the snapshot is read once per `rescan()`, and recognition and validation are recomputed when
 * the user's column mapping changes, without reading again. The mapping saved in the workbook
 * (the CreditDeskMapping table, issue 20) is applied under the user's; a mapping the user applies
 * is saved in the workbook (`saveMapping`), so the pane and the CLI reuse it next time.
 * Recognition and validation (app/scanWorkbook) run in the engine worker where the host has
 * workers (worker/engineJobs.ts), the page only reading the workbook: status "loading" until the
 * worker answers for the snapshot and mapping shown, so nothing acts on a stale scan. Without a
 * worker (`createWorker` null, jsdom, an old host) they run here, as before.
 */
import { startTransition, useCallback, useEffect, useMemo, useState } from "react";
import type { WorkbookPort, WorkbookSnapshot } from "../../host/WorkbookPort";
import type { PortfolioReading } from "../../app/readPortfolio";
import { saveMapping } from "../../app/savedMapping";
import { scanWorkbook, type WorkbookScan } from "../../app/scanWorkbook";
import type { ColumnMapping, Recognition } from "../../app/types";
import { pageWorkerFactory, scanOffThread, type WorkerFactory } from "../worker/engineJobs";

export type ScanState =
  | { status: "loading" }
  | { status: "failed"; message: string }
  | { status: "ready"; snapshot: WorkbookSnapshot; recognition: Recognition; reading: PortfolioReading };

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A scan the worker finished, for the snapshot and mapping it was asked about. */
interface ScanAnswer {
  snapshot: WorkbookSnapshot;
  mapping: ColumnMapping;
  result?: WorkbookScan;
  error?: string;
}

export function useWorkbookScan(port: WorkbookPort, mapping: ColumnMapping, createWorker?: WorkerFactory | null): { scan: ScanState; rescan: () => void } {
  const [snapshot, setSnapshot] = useState<{ value?: WorkbookSnapshot; error?: string }>({});
  const [generation, setGeneration] = useState(0);
  const [answer, setAnswer] = useState<ScanAnswer | undefined>();
  const factory = useMemo(() => (createWorker === null ? undefined : createWorker ?? pageWorkerFactory()), [createWorker]);

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

  // Off the page's thread: a new snapshot or mapping cancels the scan of the previous one.
  useEffect(() => {
    const value = snapshot.value;
    if (factory === undefined || value === undefined) return;
    const controller = new AbortController();
    scanOffThread(value, mapping, { signal: controller.signal }, factory).then(
      // A transition: the pane's page for a scanned workbook renders in slices (no long task).
      (result) => { if (!controller.signal.aborted) startTransition(() => setAnswer({ snapshot: value, mapping, result })); },
      (error: unknown) => { if (!controller.signal.aborted) setAnswer({ snapshot: value, mapping, error: messageOf(error) }); },
    );
    return () => controller.abort();
  }, [snapshot, mapping, factory]);

  const scan = useMemo((): ScanState => {
    if (snapshot.error !== undefined) return { status: "failed", message: snapshot.error };
    if (snapshot.value === undefined) return { status: "loading" };
    if (factory === undefined) return { status: "ready", snapshot: snapshot.value, ...scanWorkbook(snapshot.value, mapping) };
    if (answer === undefined || answer.snapshot !== snapshot.value || answer.mapping !== mapping) return { status: "loading" };
    if (answer.result === undefined) return { status: "failed", message: answer.error ?? "" };
    return { status: "ready", snapshot: snapshot.value, ...answer.result };
  }, [snapshot, mapping, factory, answer]);

  const rescan = useCallback(() => setGeneration((g) => g + 1), []);
  return { scan, rescan };
}
