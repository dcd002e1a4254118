/**
 * Step 1: set up the workbook: the input sheets (Customers, Financials, Receivables, Orders,
 * Policy) as Excel tables, optionally with sample data. The set-up flow never overwrites: when
 * the workbook already holds one of those tables or sheets it writes nothing and says why.
 * A workbook with a ledger and no Customers table is offered a Customers sheet pre-filled from
 * the ledger's customers instead (FromLedgerSection, issue 20).
 */
import { Button, Card, Checkbox, MessageBar, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import { useState } from "react";
import { setUpCustomersFromLedger } from "../../app/setUpWorkbook";
import type { WorkbookPort } from "../../host/WorkbookPort";
import { CardTitle } from "./CardTitle";
import { useCardStyles } from "./styles";
import { usePaneText } from "../usePaneText";

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
  const t = usePaneText();
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

export interface FromLedgerSectionProps {
  port: WorkbookPort;
  /** The number of customers the ledger names. */
  customers: number;
  /** Called after the sheet was written (the pane reads the workbook again). */
  onWritten: () => void;
}

/**
 * "Customers sheet from the ledger": one click writes a Customers input sheet pre-filled with
 * the ledger's customers (setUpCustomersFromLedger: never replacing a sheet), for the user to
 * add scores, financials and current limits.
 */
export function FromLedgerSection({ port, customers, onWritten }: FromLedgerSectionProps) {
  const styles = useCardStyles();
  const t = usePaneText();
  const [isBusy, setBusy] = useState(false);
  const [status, setStatus] = useState<SetupStatus | undefined>();
  const create = async (): Promise<void> => {
    setBusy(true);
    try {
      const outcome = await setUpCustomersFromLedger(port);
      if (outcome.status === "written") {
        setStatus({ intent: "success", title: t("setup.fromLedger.written"), text: t("setup.fromLedger.writtenText", { count: outcome.customers }) });
        onWritten();
      } else {
        const first = outcome.problems[0];
        setStatus({ intent: "error", title: t("setup.fromLedger.refused"), text: first?.id ? t(first.id, first.params) : first?.message ?? "" });
      }
    } catch (error) {
      setStatus({ intent: "error", title: t("pane.setup.failed"), text: t("pane.setup.failedText", { message: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="from-ledger">
      {status?.intent !== "success" && (
        <>
          <Text size={200} block className={styles.secondary}>{t("setup.fromLedger.intro")}</Text>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={isBusy || customers === 0} onClick={() => void create()}>
              {t(isBusy ? "setup.fromLedger.busy" : "setup.fromLedger.button")}
            </Button>
          </div>
        </>
      )}
      {status && (
        <MessageBar intent={status.intent}>
          <MessageBarBody><MessageBarTitle>{status.title}</MessageBarTitle>{status.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
