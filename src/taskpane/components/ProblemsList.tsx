/**
 * Step 3: the problems found in the input tables, grouped by cause (issue 16: one renamed
 * customer is one group with its count and rows, not twelve errors), errors first. Each group
 * reads in the user's language when its problem carries a message id (problem.*), names its
 * rows as Excel numbers them, and has a "Go to cell" button that selects its first cell in Excel
 * (WorkbookPort.select). A problem on a hidden sheet is named as hidden and has no button: Excel
 * cannot select a cell on a sheet it does not show.
 */
import { Badge, Button, Card, Text } from "@fluentui/react-components";
import { useIntl } from "react-intl";
import { withDetail } from "../../app/errorText";
import { groupProblems, rowRanges, type DetailedProblem, type ProblemGroup } from "../../app/groupProblems";
import type { Problem } from "../../app/types";
import { cellLocation } from "../format";
import { CardTitle } from "./CardTitle";
import { useCardStyles } from "./styles";
import type { MessageId } from "../../i18n/messages";
import { usePaneText } from "../usePaneText";

export interface ProblemsListProps {
  problems: readonly Problem[];
  onGoTo: (sheet: string, row: number, column: number) => void;
  /** At most this many groups are listed (the count says how many problems there are). */
  limit?: number;
}

/** Errors before warnings, each in the order of its first problem. */
function ordered(groups: ProblemGroup[]): ProblemGroup[] {
  return [...groups.filter((g) => g.severity === "error"), ...groups.filter((g) => g.severity === "warning")];
}

export function ProblemsList({ problems, onGoTo, limit = 100 }: ProblemsListProps) {
  const styles = useCardStyles();
  const intl = useIntl();
  const t = usePaneText();
  const errors = problems.filter((p) => p.severity === "error");
  const warnings = problems.filter((p) => p.severity === "warning");
  const groups = ordered(groupProblems(problems));
  const shown = groups.slice(0, limit);
  const hiddenCount = groups.slice(limit).reduce((sum, g) => sum + g.count, 0);
  /** The problem in the pane's language when the catalogue has its id, else its own (English) message. */
  const textOf = (p: DetailedProblem): string =>
    p.messageId !== undefined && intl.messages[p.messageId] !== undefined ? t(p.messageId as MessageId, withDetail(t, { ...p.params })) : p.message;
  return (
    <Card className={styles.card} aria-labelledby="problems-title">
      <CardTitle id="problems-title" title={t("pane.problems.title")} />
      <Text size={200}>
        {problems.length === 0 ? t("pane.problems.none") : t("pane.problems.summary", { errors: t("pane.problems.errors", { count: errors.length }), warnings: t("pane.problems.warnings", { count: warnings.length }) })}
      </Text>
      {shown.length > 0 && (
        <ul className={styles.list} aria-label={t("pane.problems.list")}>
          {shown.map((g) => {
            const p = g.first;
            const hasCell = p.sheet !== "" && p.row >= 0 && p.column >= 0;
            const canGo = hasCell && !g.isSheetHidden;
            const where = g.isSheetHidden ? t("problem.hiddenSheet", { sheet: p.sheet }) : hasCell ? cellLocation(p.sheet, p.row, p.column) : p.sheet || p.table;
            return (
              <li key={`${p.severity}-${p.sheet}-${p.row}-${p.column}-${p.field}-${p.message}`}>
                <Badge appearance="tint" color={g.severity === "error" ? "danger" : "warning"}>{t(g.severity === "error" ? "pane.problems.error" : "pane.problems.warning")}</Badge>{" "}
                <Text size={200}>{textOf(p)}</Text>
                {g.count > 1 && (
                  <div>
                    <Text size={200} className={styles.secondary}>
                      {g.rows.length > 0 ? t("problem.group.rows", { count: g.rows.length, rows: rowRanges(g.rows) }) : t("problem.group.count", { count: g.count })}
                    </Text>
                  </div>
                )}
                <div className={styles.actions}>
                  <Text size={200} className={styles.secondary}>{where}</Text>
                  {canGo && (
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
      {hiddenCount > 0 && (
        <Text size={200}>{t("pane.problems.more", { count: intl.formatNumber(hiddenCount) })}</Text>
      )}
    </Card>
  );
}
