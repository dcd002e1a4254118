/**
 * Runs the review through the workflow with an AbortController (steps 4–5 of the pane): progress
 * is reported by stage (named in the user's language, with its share done), Cancel aborts, and
 * the outcome says whether anything was written. The review's compute runs in the engine worker
 * where the host has workers (worker/engineJobs.ts; `compute` replaces it in tests): the port's
 * read and write stay on the page, and Cancel stops the worker before anything is written.
 */
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useIntl } from "react-intl";
import type { DayNumber } from "../../engine/dates/dayNumber";
import type { WorkbookPort } from "../../host/WorkbookPort";
import { runReview, type ReviewCompute } from "../../app/runReview";
import type { MessageId } from "../../i18n/messages";
import { workerCompute } from "../worker/engineJobs";
import type { ColumnMapping, ReviewOutcome } from "../../app/types";
import { messageOf } from "./useWorkbookScan";

export type ReviewState =
  | { kind: "idle" }
  | { kind: "running"; stage: string; fraction: number; isCancelling: boolean }
  | { kind: "done"; outcome: ReviewOutcome; asOfIso: string }
  | { kind: "failed"; message: string };

export interface ReviewRequest {
  asOf: DayNumber;
  asOfIso: string;
  mapping: ColumnMapping;
}

/** runReview's stages (reading, recognising, validating, reviewing, writing, done) that have words in the catalogues. */
const STAGES = new Set(["reading", "recognising", "validating", "reviewing", "writing", "done"]);

export function useReview(
  port: WorkbookPort,
  addinVersion: string,
  now: () => string,
  compute?: ReviewCompute,
): { state: ReviewState; run: (request: ReviewRequest) => Promise<void>; cancel: () => void } {
  const [state, setState] = useState<ReviewState>({ kind: "idle" });
  const intl = useIntl();
  const firstStage = intl.formatMessage({ id: "pane.stage.reading" });
  const computeReview = useMemo(() => compute ?? workerCompute(), [compute]);
  /** "Reviewing the portfolio (50%)": the stage in the user's language with the share of the whole review done. */
  const stageText = useCallback((stage: string, fraction: number): string => {
    const name = STAGES.has(stage) ? intl.formatMessage({ id: `job.stage.${stage}` as MessageId }) : stage;
    return intl.formatMessage({ id: "job.stage.progress" }, { stage: name, percent: Math.min(1, Math.max(0, fraction)) });
  }, [intl]);
  const controller = useRef<AbortController | undefined>(undefined);
  const isMounted = useRef(true);

  useEffect(() => {
    isMounted.current = true;
    return () => {
      isMounted.current = false;
      controller.current?.abort();
    };
  }, []);

  const run = useCallback(async ({ asOf, asOfIso, mapping }: ReviewRequest) => {
    controller.current?.abort();
    const own = new AbortController();
    controller.current = own;
    const update = (next: ReviewState): void => {
      if (isMounted.current && controller.current === own) setState(next);
    };
    update({ kind: "running", stage: firstStage, fraction: 0, isCancelling: false });
    try {
      const outcome = await runReview(port, {
        asOf,
        generatedAt: now(),
        addinVersion,
        mapping,
        signal: own.signal,
        onProgress: (stage, fraction) => {
          if (!own.signal.aborted) update({ kind: "running", stage: stageText(stage, fraction), fraction, isCancelling: false });
        },
      }, computeReview);
      // The outcome's page (KPIs, charts, tables of a big portfolio) renders as a transition, in
      // slices between which the page answers (issues 16 and 19: no long task on the page's thread).
      startTransition(() => update({ kind: "done", outcome, asOfIso }));
    } catch (error) {
      if (own.signal.aborted) update({ kind: "done", outcome: { status: "cancelled", problems: [] }, asOfIso });
      else update({ kind: "failed", message: messageOf(error) });
    }
  }, [port, addinVersion, now, firstStage, stageText, computeReview]);

  const cancel = useCallback(() => {
    const own = controller.current;
    if (!own) return;
    own.abort();
    setState((s) => (s.kind === "running" ? { ...s, isCancelling: true } : s));
  }, []);

  return { state, run, cancel };
}
