/**
 * The review's results: KPI tiles, grade distribution and aging charts, and the critical
 * warnings, each of which jumps to the customer's row in the Credit Review sheet.
 */
import { Card, Text, tokens } from "@fluentui/react-components";
import type { CriticalWarning, ReviewOutcome } from "../../app/types";
import { formatAmount, formatCount } from "../format";
import { CardTitle } from "./CardTitle";
import { ChartOrTable, type ChartPoint } from "./ChartOrTable";
import { CriticalWarnings } from "./CriticalWarnings";
import { KpiTiles } from "./KpiTiles";
import { useCardStyles } from "./styles";

export interface ResultsViewProps {
  outcome: ReviewOutcome;
  asOfIso: string;
  onSelectWarning: (warning: CriticalWarning) => void;
}

const GRADE_ORDER = ["A", "B", "C", "D", "R"];
const GRADE_COLORS: Record<string, string> = {
  A: tokens.colorPaletteGreenBackground3,
  B: tokens.colorPaletteTealBackground2,
  C: tokens.colorPaletteMarigoldBackground3,
  D: tokens.colorPaletteRedBackground3,
  R: tokens.colorPaletteBerryBackground3,
};

function gradePoints(counts: Record<string, number>): ChartPoint[] {
  const grades = [...GRADE_ORDER.filter((g) => g in counts), ...Object.keys(counts).filter((g) => !GRADE_ORDER.includes(g))];
  return grades.map((g) => ({ label: g, value: counts[g] ?? 0, color: GRADE_COLORS[g] }));
}

export function ResultsView({ outcome, asOfIso, onSelectWarning }: ResultsViewProps) {
  const styles = useCardStyles();
  const { kpis } = outcome;
  if (!kpis) return null;
  const aging = kpis.bucketLabels.map((label, i) => ({ label, value: kpis.bucketTotals[i] ?? 0 }));
  return (
    <Card className={styles.card} aria-labelledby="results-title">
      <CardTitle id="results-title" title="Results" chinese="评审结果" />
      <Text size={200} className={styles.secondary}>
        As of {asOfIso}{outcome.policyFingerprint ? ` · policy ${outcome.policyFingerprint}` : ""}
      </Text>
      <KpiTiles kpis={kpis} />
      <ChartOrTable title="Grade distribution (信用等级分布)" valueHeader="Customers" points={gradePoints(kpis.gradeCounts)} format={formatCount} />
      <ChartOrTable title="Aging (账龄分析)" valueHeader="Open amount" points={aging} format={formatAmount} />
      <section aria-labelledby="critical-title" className={styles.card}>
        <CardTitle id="critical-title" title="Critical warnings" chinese="严重预警" level={3} />
        <CriticalWarnings warnings={outcome.critical ?? []} onSelect={onSelectWarning} />
      </section>
    </Card>
  );
}
