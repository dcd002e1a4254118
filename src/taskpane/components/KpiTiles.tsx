/** The review's headline figures as tiles (Summary sheet in small): counts, balances, DSO, CEI. */
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ReviewKpis } from "../../app/types";
import { formatAmount, formatCount, formatOneDecimal, orNotAvailable } from "../format";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(130px, 1fr))", gap: tokens.spacingHorizontalS },
  tile: {
    display: "flex", flexDirection: "column", padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  label: { color: tokens.colorNeutralForeground3 },
  value: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
});

interface Tile {
  label: string;
  zh: string;
  value: string;
  note?: string;
}

export function tilesOf(k: ReviewKpis): Tile[] {
  const tiles: Tile[] = [
    { label: "Customers", zh: "客户数", value: formatCount(k.customers) },
    { label: "Open balance", zh: "应收余额", value: formatAmount(k.openBalance) },
    {
      label: "Overdue", zh: "逾期金额", value: formatAmount(k.overdue),
      note: k.overdueRatioPercent !== undefined ? `${formatOneDecimal(k.overdueRatioPercent)} % of balance${k.otcRating ? ` · ${k.otcRating}` : ""}` : undefined,
    },
    { label: "Recommended limits", zh: "建议额度合计", value: formatAmount(k.totalRecommendedLimit) },
    {
      label: "DSO", zh: "应收账款周转天数", value: orNotAvailable(k.dso, formatOneDecimal),
      note: k.bestPossibleDso !== undefined ? `Best possible ${formatOneDecimal(k.bestPossibleDso)} · ADD ${orNotAvailable(k.add, formatOneDecimal)} days` : undefined,
    },
    { label: "CEI", zh: "催收效率指数", value: orNotAvailable(k.cei, (v) => `${formatOneDecimal(v)} %`) },
    { label: "Allowance", zh: "坏账准备", value: formatAmount(k.allowance) },
    { label: "Warnings", zh: "风险预警", value: `${formatCount(k.criticalWarnings)} critical`, note: `${formatCount(k.warnings)} other warnings` },
  ];
  return tiles;
}

export function KpiTiles({ kpis }: { kpis: ReviewKpis }) {
  const styles = useStyles();
  return (
    <div className={styles.grid}>
      {tilesOf(kpis).map((t) => (
        <div key={t.label} role="group" aria-label={t.label} className={styles.tile}>
          <Text size={200} className={styles.label}>{t.label} <span lang="zh">{t.zh}</span></Text>
          <Text className={styles.value}>{t.value}</Text>
          {t.note !== undefined && <Text size={200} className={styles.label}>{t.note}</Text>}
        </div>
      ))}
    </div>
  );
}
