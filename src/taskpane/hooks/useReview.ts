/**
 * Runs the review through the workflow with an AbortController (steps 4–5 of the pane): progress
 * is reported by stage, Cancel aborts, and the outcome says whether anything was written.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { useIntl } from "react-intl";
import type { DayNumber } from "../../engine/dates/dayNumber";
import type { WorkbookPort } from "../../host/WorkbookPort";
import { runReview } from "../../app/runReview";
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

export function useReview(
  port: WorkbookPort,
  addinVersion: string,
  now: () => string,
): { state: ReviewState; run: (request: ReviewRequest) => Promise<void>; cancel: () => void } {
  const [state, setState] = useState<ReviewState>({ kind: "idle" });
  const intl = useIntl();
  const firstStage = intl.formatMessage({ id: "pane.stage.reading" });
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
          if (!own.signal.aborted) update({ kind: "running", stage, fraction, isCancelling: false });
        },
      });
      update({ kind: "done", outcome, asOfIso });
    } catch (error) {
      if (own.signal.aborted) update({ kind: "done", outcome: { status: "cancelled", problems: [] }, asOfIso });
      else update({ kind: "failed", message: messageOf(error) });
    }
  }, [port, addinVersion, now, firstStage]);

  const cancel = useCallback(() => {
    const own = controller.current;
    if (!own) return;
    own.abort();
    setState((s) => (s.kind === "running" ? { ...s, isCancelling: true } : s));
  }, []);

  return { state, run, cancel };
}
