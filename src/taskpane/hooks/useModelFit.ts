/**
 * Fits the default model of the workbook's ledger through the workflow (app/fitModel) and keeps
 * what happened: idle, fitting, done (the outcome: written, too few defaults, invalid, failed) or
 * failed (the workbook could not be read or written).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { DayNumber } from "../../engine/dates/dayNumber";
import type { WorkbookPort } from "../../host/WorkbookPort";
import { fitModel, type ModelFitOutcome } from "../../app/fitModel";
import type { ColumnMapping } from "../../app/types";
import { messageOf } from "./useWorkbookScan";

export type ModelFitState =
  | { kind: "idle" }
  | { kind: "fitting" }
  | { kind: "done"; outcome: ModelFitOutcome; asOfIso: string }
  | { kind: "failed"; message: string };

export function useModelFit(port: WorkbookPort, addinVersion: string, now: () => string): { state: ModelFitState; fit: (asOf: DayNumber, asOfIso: string, mapping: ColumnMapping) => Promise<void> } {
  const [state, setState] = useState<ModelFitState>({ kind: "idle" });
  const isMounted = useRef(true);
  useEffect(() => {
    isMounted.current = true;
    return () => {
      isMounted.current = false;
    };
  }, []);
  const fit = useCallback(async (asOf: DayNumber, asOfIso: string, mapping: ColumnMapping) => {
    const update = (next: ModelFitState): void => {
      if (isMounted.current) setState(next);
    };
    update({ kind: "fitting" });
    try {
      // Let the spinner paint before the fit takes the thread.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const outcome = await fitModel(port, { asOf, generatedAt: now(), addinVersion, mapping });
      update({ kind: "done", outcome, asOfIso });
    } catch (error) {
      update({ kind: "failed", message: messageOf(error) });
    }
  }, [port, addinVersion, now]);
  return { state, fit };
}
