/** Critical early warnings (§7), one per customer line; clicking selects the customer's row in Credit Review. */
import { Button, Text } from "@fluentui/react-components";
import { useIntl } from "react-intl";
import type { CriticalWarning } from "../../app/types";
import { useCardStyles } from "./styles";

export interface CriticalWarningsProps {
  warnings: readonly CriticalWarning[];
  onSelect: (warning: CriticalWarning) => void;
}

export function CriticalWarnings({ warnings, onSelect }: CriticalWarningsProps) {
  const styles = useCardStyles();
  const intl = useIntl();
  if (warnings.length === 0) return <Text size={200}>{intl.formatMessage({ id: "pane.critical.none" })}</Text>;
  return (
    <ul className={styles.list} aria-label={intl.formatMessage({ id: "pane.results.critical" })}>
      {warnings.map((w, i) => (
        <li key={`${w.customerId}-${i}`}>
          <Button
            appearance="subtle"
            size="small"
            aria-label={intl.formatMessage({ id: "pane.critical.show" }, { customer: `${w.customerId} ${w.name}`, sheet: "Credit Review" })}
            onClick={() => onSelect(w)}
          >
            {w.customerId} {w.name}
          </Button>
          <Text size={200} block>{w.message}</Text>
        </li>
      ))}
    </ul>
  );
}
