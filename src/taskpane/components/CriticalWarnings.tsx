/**
 * Critical early warnings (§7) grouped by customer: one entry, and one tab stop, per customer,
 * with that customer's warnings listed under it; the button selects the customer's row in the
 * Credit Review sheet. Customers come in the order of their first warning (the review's order).
 */
import { Button, Text } from "@fluentui/react-components";
import { useIntl } from "react-intl";
import type { CriticalWarning } from "../../app/types";
import { useCardStyles } from "./styles";

export interface CriticalWarningsProps {
  warnings: readonly CriticalWarning[];
  onSelect: (warning: CriticalWarning) => void;
}

export interface CustomerWarnings {
  first: CriticalWarning;
  messages: string[];
}

/** The warnings grouped by customer, in the order of each customer's first warning. */
export function warningsByCustomer(warnings: readonly CriticalWarning[]): CustomerWarnings[] {
  const groups = new Map<string, CustomerWarnings>();
  for (const w of warnings) {
    const group = groups.get(w.customerId);
    if (group) group.messages.push(w.message);
    else groups.set(w.customerId, { first: w, messages: [w.message] });
  }
  return [...groups.values()];
}

export function CriticalWarnings({ warnings, onSelect }: CriticalWarningsProps) {
  const styles = useCardStyles();
  const intl = useIntl();
  if (warnings.length === 0) return <Text size={200}>{intl.formatMessage({ id: "pane.critical.none" })}</Text>;
  return (
    <ul className={styles.list} aria-label={intl.formatMessage({ id: "pane.results.critical" })}>
      {warningsByCustomer(warnings).map(({ first, messages }) => (
        <li key={first.customerId}>
          <Button
            appearance="subtle"
            size="small"
            aria-label={intl.formatMessage({ id: "pane.critical.show" }, { customer: `${first.customerId} ${first.name}`, sheet: first.reviewSheet ?? "Credit Review" })}
            onClick={() => onSelect(first)}
          >
            {first.customerId} {first.name}
            {messages.length > 1 ? ` (${intl.formatNumber(messages.length)})` : ""}
          </Button>
          <ul className={styles.list} aria-label={`${first.customerId} ${first.name}`}>
            {messages.map((m, i) => <li key={i}><Text size={200}>{m}</Text></li>)}
          </ul>
        </li>
      ))}
    </ul>
  );
}
