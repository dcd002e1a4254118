/**
 * Step 3: the problems found in the input tables, errors first, each with its location and a
 * "Go to cell" button that selects the cell in Excel (WorkbookPort.select).
 */
import { Badge, Button, Card, Text } from "@fluentui/react-components";
import type { Problem } from "../../app/types";
import { cellLocation, formatCount } from "../format";
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
  const errors = problems.filter((p) => p.severity === "error");
  const warnings = problems.filter((p) => p.severity === "warning");
  const ordered = [...errors, ...warnings];
  const shown = ordered.slice(0, limit);
  return (
    <Card className={styles.card} aria-labelledby="problems-title">
      <CardTitle id="problems-title" title="Problems" chinese="数据问题" />
      <Text size={200}>
        {problems.length === 0
          ? "No problems found in the input tables."
          : `${formatCount(errors.length)} ${errors.length === 1 ? "error" : "errors"} (must be fixed before a review is written), ${formatCount(warnings.length)} ${warnings.length === 1 ? "warning" : "warnings"}.`}
      </Text>
      {shown.length > 0 && (
        <ul className={styles.list} aria-label="Problems">
          {shown.map((p, i) => {
            const hasCell = p.sheet !== "" && p.row >= 0 && p.column >= 0;
            const where = hasCell ? cellLocation(p.sheet, p.row, p.column) : p.sheet || p.table;
            return (
              <li key={`${i}-${p.sheet}-${p.row}-${p.column}`}>
                <Badge appearance="tint" color={p.severity === "error" ? "danger" : "warning"}>{p.severity}</Badge>{" "}
                <Text size={200}>{p.message}</Text>
                <div className={styles.actions}>
                  <Text size={200} className={styles.secondary}>{where}</Text>
                  {hasCell && (
                    <Button size="small" appearance="subtle" aria-label={`Go to cell ${where}`} onClick={() => onGoTo(p.sheet, p.row, p.column)}>
                      Go to cell
                    </Button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {ordered.length > shown.length && (
        <Text size={200}>…and {formatCount(ordered.length - shown.length)} more. Fix these and run again to see the rest.</Text>
      )}
    </Card>
  );
}
