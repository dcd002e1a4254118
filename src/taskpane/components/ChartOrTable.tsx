/**
 * A bar chart of labelled figures (Fluent VerticalBarChart) with a plain table as its fallback:
 * while the chart library loads, where it cannot load, or if the chart fails to render.
 */
import { Component, type ReactNode } from "react";
import { Text } from "@fluentui/react-components";
import { useChartsModule } from "../hooks/useChartsModule";
import { useElementWidth } from "../hooks/useElementWidth";
import { useCardStyles } from "./styles";

export interface ChartPoint {
  label: string;
  value: number;
  color?: string;
}

export interface ChartOrTableProps {
  title: string;
  valueHeader: string;
  points: readonly ChartPoint[];
  format: (value: number) => string;
}

class ChartBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { hasFailed: boolean }> {
  override state = { hasFailed: false };
  static getDerivedStateFromError(): { hasFailed: boolean } {
    return { hasFailed: true };
  }
  override render(): ReactNode {
    return this.state.hasFailed ? this.props.fallback : this.props.children;
  }
}

function FigureTable({ title, valueHeader, points, format }: ChartOrTableProps) {
  return (
    <table aria-label={title} style={{ width: "100%", borderCollapse: "collapse" }}>
      <thead>
        <tr><th scope="col" style={{ textAlign: "left" }}>{title}</th><th scope="col" style={{ textAlign: "right" }}>{valueHeader}</th></tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr key={p.label}><th scope="row" style={{ textAlign: "left", fontWeight: "normal" }}>{p.label}</th><td style={{ textAlign: "right" }}>{format(p.value)}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

export function ChartOrTable(props: ChartOrTableProps) {
  const styles = useCardStyles();
  const charts = useChartsModule();
  const [figure, width] = useElementWidth<HTMLElement>(260);
  const table = <FigureTable {...props} />;
  return (
    <figure ref={figure} style={{ margin: 0, minWidth: 0 }}>
      <figcaption><Text weight="semibold">{props.title}</Text></figcaption>
      {charts.status === "ready" ? (
        <ChartBoundary fallback={table}>
          <charts.charts.VerticalBarChart
            chartTitle={props.title}
            data={props.points.map((p) => ({ x: p.label, y: p.value, legend: p.label, color: p.color, yAxisCalloutData: props.format(p.value) }))}
            height={200}
            width={width}
            hideLegend
            wrapXAxisLables
          />
          <details>
            <summary className={styles.secondary}>Figures</summary>
            {table}
          </details>
        </ChartBoundary>
      ) : table}
    </figure>
  );
}
