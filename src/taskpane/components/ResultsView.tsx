/**
 * The review's results: KPI tiles, grade distribution (A–D, with the R flag as a count beside
 * them) and aging charts (buckets in fixed colours; the table adds unapplied cash and ties to
 * the open balance), and the critical warnings, each of which jumps to the customer's row in
 * the Credit Review sheet.
 */
import { Card, Text, tokens } from "@fluentui/react-components";
import { useIntl } from "react-intl";
import type { CriticalWarning, ReviewOutcome, ReviewKpis } from "../../app/types";
import { agingColours } from "../agingColours";
import { engineWord } from "../engineWords";
import { usePaneFormat } from "../usePaneFormat";
import { CardTitle } from "./CardTitle";
import { ChartOrTable, type ChartPoint } from "./ChartOrTable";
import { CriticalWarnings } from "./CriticalWarnings";
import { KpiTiles } from "./KpiTiles";
import { useCardStyles } from "./styles";
import { usePaneText } from "../usePaneText";

export interface ResultsViewProps {
  outcome: ReviewOutcome;
  asOfIso: string;
  onSelectWarning: (warning: CriticalWarning) => void;
}

const GRADE_ORDER = ["A", "B", "C", "D"];
const GRADE_COLORS: Record<string, string> = {
  A: tokens.colorPaletteGreenBackground3,
  B: tokens.colorPaletteTealBackground2,
  C: tokens.colorPaletteMarigoldBackground3,
  D: tokens.colorPaletteRedBackground3,
};

/** The grades A–D (every one, zero included) and any other grade but R, which is a flag, not a grade. */
export function gradePoints(counts: Readonly<Record<string, number>>): ChartPoint[] {
  const others = Object.keys(counts).filter((g) => !GRADE_ORDER.includes(g) && g !== "R");
  return [...GRADE_ORDER, ...others].map((g) => ({ label: g, value: counts[g] ?? 0, color: GRADE_COLORS[g] }));
}

/**
 * The aging buckets and the unapplied cash (negative: payments not yet matched to an invoice),
 * which with the buckets makes the open balance: computed in cents so the rows add up exactly.
 */
export function agingRows(kpis: Pick<ReviewKpis, "bucketLabels" | "bucketTotals" | "openBalance">): { buckets: ChartPoint[]; unapplied: number } {
  const colours = agingColours(kpis.bucketLabels.length);
  const buckets = kpis.bucketLabels.map((label, i) => ({ label, value: kpis.bucketTotals[i] ?? 0, color: colours[i] }));
  const bucketCents = buckets.reduce((sum, b) => sum + Math.round(b.value * 100), 0);
  return { buckets, unapplied: (Math.round(kpis.openBalance * 100) - bucketCents) / 100 };
}

export function ResultsView({ outcome, asOfIso, onSelectWarning }: ResultsViewProps) {
  const styles = useCardStyles();
  const intl = useIntl();
  const format = usePaneFormat();
  const t = usePaneText();
  const { kpis } = outcome;
  if (!kpis) return null;
  const aging = agingRows(kpis);
  const buckets = aging.buckets.map((b) => ({ ...b, label: engineWord(b.label, intl) }));
  const { unapplied } = aging;
  const agingExtra: ChartPoint[] = [
    { label: t("pane.results.unapplied"), value: unapplied },
    { label: t("pane.kpi.openBalance"), value: kpis.openBalance },
  ];
  return (
    <Card className={styles.card} aria-labelledby="results-title">
      <CardTitle id="results-title" title={t("pane.results.title")} />
      <Text size={200} className={styles.secondary}>
        {t("pane.results.asOf", { asOf: asOfIso, hasPolicy: outcome.policyFingerprint ? "yes" : "no", fingerprint: outcome.policyFingerprint ?? "" })}
      </Text>
      <KpiTiles kpis={kpis} />
      <ChartOrTable
        title={t("pane.results.grades")}
        valueHeader={t("pane.results.customers")}
        points={gradePoints(kpis.gradeCounts)}
        format={format.count}
        note={t("pane.results.rFlag", { count: kpis.gradeCounts.R ?? 0 })}
      />
      <ChartOrTable
        title={t("pane.results.aging")}
        valueHeader={t("pane.results.openAmount")}
        points={buckets}
        extraRows={agingExtra}
        format={format.amount}
        note={t("pane.results.agingTotal", { total: format.amount(kpis.openBalance) })}
      />
      <section aria-labelledby="critical-title" className={styles.card}>
        <CardTitle id="critical-title" title={t("pane.results.critical")} level={3} />
        <CriticalWarnings warnings={outcome.critical ?? []} onSelect={onSelectWarning} />
      </section>
    </Card>
  );
}
