/**
 * Step 1: set up the workbook: the input sheets (Customers, Financials, Receivables, Orders,
 * Policy) as Excel tables, optionally with sample data. The set-up flow never overwrites: when
 * the workbook already holds one of those tables or sheets it writes nothing and says why.
 */
import { Button, Card, Checkbox, MessageBar, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import { useState } from "react";
import { CardTitle } from "./CardTitle";
import { useCardStyles } from "./styles";

export interface SetupStatus {
  intent: "success" | "error";
  title: string;
  text: string;
}

export interface SetupCardProps {
  isBusy: boolean;
  onSetUp: (withSample: boolean) => void;
  /** Result of the last set-up, if any. */
  status?: SetupStatus;
}

export function SetupCard({ isBusy, onSetUp, status }: SetupCardProps) {
  const styles = useCardStyles();
  const [withSample, setWithSample] = useState(true);
  return (
    <Card className={styles.card} aria-labelledby="setup-title">
      <CardTitle id="setup-title" title="Set up workbook" chinese="建立工作簿" />
      <Text size={200} className={styles.secondary}>
        Creates the sheets Customers, Financials, Receivables, Orders and Policy as Excel tables with the right headers. Existing sheets are never overwritten.
      </Text>
      <Checkbox
        label="Include sample data (示例数据)"
        checked={withSample}
        onChange={(_, data) => setWithSample(data.checked === true)}
      />
      <div className={styles.actions}>
        <Button appearance="primary" disabled={isBusy} onClick={() => onSetUp(withSample)}>
          {isBusy ? "Setting up…" : "Create input sheets"}
        </Button>
      </div>
      {status && (
        <MessageBar intent={status.intent}>
          <MessageBarBody><MessageBarTitle>{status.title}</MessageBarTitle>{status.text}</MessageBarBody>
        </MessageBar>
      )}
    </Card>
  );
}
