/** The review's headline figures as tiles (Summary sheet in small): counts, balances, DSO, CEI. */
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ReviewKpis } from "../../app/types";
import { useIntl } from "react-intl";
import { engineWord } from "../engineWords";
import { usePaneFormat, type PaneFormat } from "../usePaneFormat";
import { usePaneText, type PaneText } from "../usePaneText";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 150px), 1fr))", gap: tokens.spacingHorizontalS },
  tile: {
    display: "flex", flexDirection: "column", padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  label: { color: tokens.colorNeutralForeground3 },
  value: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
});

interface Tile {
  label: string;
  value: string;
  note?: string;
}

type T = PaneText;

export function tilesOf(k: ReviewKpis, t: T, f: PaneFormat, word: (text: string) => string = (text) => text): Tile[] {
  return [
    { label: t("pane.kpi.customers"), value: f.count(k.customers) },
    { label: t("pane.kpi.openBalance"), value: f.amount(k.openBalance) },
    {
      label: t("pane.kpi.overdue"), value: f.amount(k.overdue),
      note: k.overdueRatioPercent !== undefined
        ? t("pane.kpi.overdueNote", { percent: f.percentNumber(k.overdueRatioPercent), hasRating: k.otcRating ? "yes" : "no", rating: k.otcRating === undefined ? "" : word(k.otcRating) })
        : undefined,
    },
    { label: t("pane.kpi.recommendedLimits"), value: f.amount(k.totalRecommendedLimit) },
    {
      label: t("pane.kpi.dso"), value: f.orNotAvailable(k.dso, f.oneDecimal),
      note: k.bestPossibleDso !== undefined ? t("pane.kpi.dsoNote", { best: f.oneDecimal(k.bestPossibleDso), add: f.orNotAvailable(k.add, f.oneDecimal) }) : undefined,
    },
    { label: t("pane.kpi.cei"), value: f.orNotAvailable(k.cei, f.percentNumber) },
    { label: t("pane.kpi.allowance"), value: f.amount(k.allowance) },
    { label: t("pane.kpi.warnings"), value: t("pane.kpi.warningsValue", { count: f.count(k.criticalWarnings) }), note: t("pane.kpi.warningsNote", { count: f.count(k.warnings) }) },
  ];
}

export function KpiTiles({ kpis }: { kpis: ReviewKpis }) {
  const styles = useStyles();
  const intl = useIntl();
  const format = usePaneFormat();
  const t = usePaneText();
  return (
    <div className={styles.grid}>
      {tilesOf(kpis, t, format, (text) => engineWord(text, intl)).map((tile) => (
        <div key={tile.label} role="group" aria-label={tile.label} className={styles.tile}>
          <Text size={200} className={styles.label}>{tile.label}</Text>
          <Text className={styles.value}>{tile.value}</Text>
          {tile.note !== undefined && <Text size={200} className={styles.label}>{tile.note}</Text>}
        </div>
      ))}
    </div>
  );
}
