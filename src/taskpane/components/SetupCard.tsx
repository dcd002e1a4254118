/**
 * Step 1: set up the workbook: the input sheets (Customers, Financials, Receivables, Orders,
 * Policy) as Excel tables, optionally with sample data. The set-up flow never overwrites: when
 * the workbook already holds one of those tables or sheets it writes nothing and says why.
 */
import { Button, Card, Checkbox, MessageBar, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import { useState } from "react";
import { useIntl } from "react-intl";
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
  const intl = useIntl();
  const t = (id: string): string => intl.formatMessage({ id });
  const [withSample, setWithSample] = useState(true);
  // A completed set-up does not offer to run again: the workbook now has its input tables.
  const isDone = status?.intent === "success";
  return (
    <Card className={styles.card} aria-labelledby="setup-title">
      <CardTitle id="setup-title" title={t("pane.setup.title")} />
      {!isDone && (
        <>
          <Text size={200} className={styles.secondary}>{t("pane.setup.intro")}</Text>
          <Checkbox
            label={t("pane.setup.withSample")}
            checked={withSample}
            onChange={(_, data) => setWithSample(data.checked === true)}
          />
          <div className={styles.actions}>
            <Button appearance="primary" disabled={isBusy} onClick={() => onSetUp(withSample)}>
              {t(isBusy ? "pane.setup.busy" : "pane.setup.create")}
            </Button>
          </div>
        </>
      )}
      {status && (
        <MessageBar intent={status.intent}>
          <MessageBarBody><MessageBarTitle>{status.title}</MessageBarTitle>{status.text}</MessageBarBody>
        </MessageBar>
      )}
    </Card>
  );
}
