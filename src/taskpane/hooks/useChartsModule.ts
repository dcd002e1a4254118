/**
 * Loads @fluentui/react-charts on demand. Where it cannot load (jest's jsdom cannot run its
 * ES-module d3 dependencies), the pane shows the same figures as an accessible table instead.
 */
import { useEffect, useState } from "react";

export type ChartsModule = typeof import("@fluentui/react-charts");
export type ChartsState = { status: "loading" } | { status: "ready"; charts: ChartsModule } | { status: "unavailable" };

let loading: Promise<ChartsModule | undefined> | undefined;

function loadCharts(): Promise<ChartsModule | undefined> {
  loading ??= import("@fluentui/react-charts").then(
    (charts) => charts,
    () => undefined,
  );
  return loading;
}

export function useChartsModule(): ChartsState {
  const [state, setState] = useState<ChartsState>({ status: "loading" });
  useEffect(() => {
    let isCurrent = true;
    void loadCharts().then((charts) => {
      if (isCurrent) setState(charts ? { status: "ready", charts } : { status: "unavailable" });
    });
    return () => { isCurrent = false; };
  }, []);
  return state;
}
