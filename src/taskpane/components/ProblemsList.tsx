/**
 * Step 3: the problems found in the input tables, errors first, each with its location and a
 * "Go to cell" button that selects the cell in Excel (WorkbookPort.select).
 */
import { Badge, Button, Card, Text } from "@fluentui/react-components";
import { useIntl } from "react-intl";
import type { Problem } from "../../app/types";
import { cellLocation } from "../format";
import { CardTitle } from "./CardTitle";
import { useCardStyles } from "./styles";

export interface ProblemsListProps {
  problems: readonly Problem[];
  onGoTo: (sheet: string, row: number, column: number) => void;
  /** At most this many are listed (the count says how many there are). */
  limit?: number;
}

export function ProblemsList({ problems, onGoTo, limit = 100 }: ProblemsListProps) {
  const styles = useCardStyles();
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>): string => intl.formatMessage({ id }, values);
  const errors = problems.filter((p) => p.severity === "error");
  const warnings = problems.filter((p) => p.severity === "warning");
  const ordered = [...errors, ...warnings];
  const shown = ordered.slice(0, limit);
  return (
    <Card className={styles.card} aria-labelledby="problems-title">
      <CardTitle id="problems-title" title={t("pane.problems.title")} />
      <Text size={200}>
        {problems.length === 0 ? t("pane.problems.none") : t("pane.problems.summary", { errors: t("pane.problems.errors", { count: errors.length }), warnings: t("pane.problems.warnings", { count: warnings.length }) })}
      </Text>
      {shown.length > 0 && (
        <ul className={styles.list} aria-label={t("pane.problems.list")}>
          {shown.map((p, i) => {
            const hasCell = p.sheet !== "" && p.row >= 0 && p.column >= 0;
            const where = hasCell ? cellLocation(p.sheet, p.row, p.column) : p.sheet || p.table;
            return (
              <li key={`${i}-${p.sheet}-${p.row}-${p.column}`}>
                <Badge appearance="tint" color={p.severity === "error" ? "danger" : "warning"}>{t(p.severity === "error" ? "pane.problems.error" : "pane.problems.warning")}</Badge>{" "}
                <Text size={200}>{p.message}</Text>
                <div className={styles.actions}>
                  <Text size={200} className={styles.secondary}>{where}</Text>
                  {hasCell && (
                    <Button size="small" appearance="subtle" aria-label={t("pane.problems.goToCell", { cell: where })} onClick={() => onGoTo(p.sheet, p.row, p.column)}>
                      {t("pane.problems.goTo")}
                    </Button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {ordered.length > shown.length && (
        <Text size={200}>{t("pane.problems.more", { count: intl.formatNumber(ordered.length - shown.length) })}</Text>
      )}
    </Card>
  );
}
