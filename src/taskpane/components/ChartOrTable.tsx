/**
 * A bar chart of labelled figures (Fluent VerticalBarChart) with a plain table as its fallback:
 * while the chart library loads, where it cannot load, or if the chart fails to render. The
 * table is always available under "Figures" and may carry rows the chart does not draw (the
 * aging's unapplied cash and its total). The y axis uses short (compact) figures in the pane's
 * locale, with a left margin measured from the longest of them, so its labels are never clipped.
 */
import { Component, type ReactNode } from "react";
import { Text } from "@fluentui/react-components";
import { useIntl } from "react-intl";
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
  /** Rows shown in the table after the points and not drawn (e.g. unapplied cash, a total). */
  extraRows?: readonly ChartPoint[];
  /** A line under the chart (e.g. what the bars add up to). */
  note?: string;
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

function FigureTable({ title, valueHeader, points, format, extraRows = [] }: ChartOrTableProps) {
  return (
    <table aria-label={title} style={{ width: "100%", borderCollapse: "collapse" }}>
      <thead>
        <tr><th scope="col" style={{ textAlign: "left" }}>{title}</th><th scope="col" style={{ textAlign: "right" }}>{valueHeader}</th></tr>
      </thead>
      <tbody>
        {[...points, ...extraRows].map((p) => (
          <tr key={p.label}>
            <th scope="row" style={{ textAlign: "left", fontWeight: "normal" }}>{p.label}</th>
            <td style={{ textAlign: "right", whiteSpace: "nowrap" }}>{format(p.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Approximate width in px of an axis label (Latin digits ~7 px, CJK characters ~12 px at 12 px type). */
export function axisLabelWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 12 : 7;
  return width;
}

export function ChartOrTable(props: ChartOrTableProps) {
  const styles = useCardStyles();
  const intl = useIntl();
  const charts = useChartsModule();
  const [figure, width] = useElementWidth<HTMLElement>(260);
  const table = <FigureTable {...props} />;
  const compact = (v: number): string => intl.formatNumber(v, { notation: "compact", maximumFractionDigits: 1 });
  const maxValue = Math.max(0, ...props.points.map((p) => p.value));
  const leftMargin = Math.max(40, axisLabelWidth(compact(maxValue)) + 20);
  return (
    <figure ref={figure} style={{ margin: 0, minWidth: 0, maxWidth: "100%" }}>
      <figcaption><Text weight="semibold">{props.title}</Text></figcaption>
      {charts.status === "ready" ? (
        <ChartBoundary fallback={table}>
          <charts.charts.VerticalBarChart
            chartTitle={props.title}
            culture={intl.locale}
            data={props.points.map((p) => ({ x: p.label, y: p.value, legend: p.label, color: p.color, yAxisCalloutData: props.format(p.value) }))}
            height={width < 420 ? 240 : 200}
            width={width}
            margins={{ left: leftMargin, right: 12 }}
            yAxisTickFormat={compact}
            hideLegend
            {...(width < 420 ? { rotateXAxisLables: true } : { wrapXAxisLables: true })}
          />
          {props.note !== undefined && <Text size={200} block className={styles.secondary}>{props.note}</Text>}
          <details>
            <summary className={styles.secondary}>{intl.formatMessage({ id: "pane.results.figures" })}</summary>
            {table}
          </details>
        </ChartBoundary>
      ) : (
        <>
          {table}
          {props.note !== undefined && <Text size={200} block className={styles.secondary}>{props.note}</Text>}
        </>
      )}
    </figure>
  );
}
