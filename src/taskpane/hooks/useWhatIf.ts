/**
 * The What-if view's comparisons: the base (the portfolio already read by the pane's scan, at the
 * as-of date) is built once per reading and date, and each scenario is compared from it when its
 * draft changes (only that scenario); the workbook is never read again.
 */
import { useMemo } from "react";
import type { DayNumber } from "../../engine/dates/dayNumber";
import type { Result } from "../../engine/errors";
import { runScenario, whatIfBase, type ScenarioComparison, type ScenarioDraft, type WhatIfBase } from "../../engine/scenarios";
import type { PortfolioReading } from "../../app/readPortfolio";

export interface WhatIfResults {
  base?: Result<WhatIfBase>;
  results: Result<ScenarioComparison>[];
}

export function useWhatIf(reading: PortfolioReading | undefined, asOf: DayNumber | undefined, drafts: readonly ScenarioDraft[]): WhatIfResults {
  const base = useMemo(
    () => (reading === undefined || asOf === undefined ? undefined : whatIfBase(reading.portfolio, reading.policy, asOf)),
    [reading, asOf],
  );
  // One comparison per draft object, kept while the base stands: editing one scenario does not
  // compare the others again.
  const cache = useMemo(() => new WeakMap<ScenarioDraft, Result<ScenarioComparison>>(), [base]);
  const results = useMemo(() => {
    if (!base?.ok) return [];
    return drafts.map((d) => {
      let r = cache.get(d);
      if (r === undefined) {
        r = runScenario(base.value, d);
        cache.set(d, r);
      }
      return r;
    });
  }, [base, cache, drafts]);
  return { base, results };
}
