/**
 * The Credit Desk task pane: set up the workbook → tables found (with column mapping) →
 * problems with "Go to cell" → run the review at an as-of date (progress, Cancel) → results;
 * plus the Policy editor and the order check. It reaches the workbook only through the injected
 * WorkbookPort and the workflow functions.
 */
import {
  MessageBar, MessageBarBody, Spinner, Tab, TabList, Text, makeStyles, tokens,
} from "@fluentui/react-components";
import { useCallback, useState } from "react";
import { describeError } from "../engine/errors";
import { DEFAULT_POLICY } from "../engine/policy/defaultPolicy";
import type { WorkbookPort, WrittenSheet } from "../host/WorkbookPort";
import { setUpWorkbook } from "../app/setUpWorkbook";
import type { ColumnMapping, CriticalWarning, ReviewOutcome, SetUpOutcome } from "../app/types";
import { parseAsOf } from "./asOfDate";
import { OrderCheck } from "./components/OrderCheck";
import { PolicyEditor } from "./components/PolicyEditor";
import { ProblemsList } from "./components/ProblemsList";
import { ResultsView } from "./components/ResultsView";
import { ReviewCard } from "./components/ReviewCard";
import { SetupCard, type SetupStatus } from "./components/SetupCard";
import { TablesFound } from "./components/TablesFound";
import { useReview } from "./hooks/useReview";
import { messageOf, useWorkbookScan } from "./hooks/useWorkbookScan";

export interface AppProps {
  port: WorkbookPort;
  /** Today as YYYY-MM-DD: the default as-of date (passed in so tests are deterministic). */
  today: string;
  addinVersion: string;
  /** ISO timestamp for the audit trail's "generated" stamp. */
  now?: () => string;
}

type TabValue = "review" | "policy" | "orders";
const TABS: readonly TabValue[] = ["review", "policy", "orders"];
const isTab = (value: unknown): value is TabValue => TABS.some((t) => t === value);

const useStyles = makeStyles({
  root: {
    display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM,
    boxSizing: "border-box", width: "100%", maxWidth: "100%", minWidth: "280px",
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  secondary: { color: tokens.colorNeutralForeground3 },
  tabs: { flexWrap: "wrap" },
});

function setupStatusOf(result: SetUpOutcome, withSample: boolean): SetupStatus {
  switch (result.status) {
    case "written":
      return { intent: "success", title: "Input sheets created", text: withSample ? "With sample data: run the review below." : "Fill in Customers and Receivables, then run the review." };
    case "refused": {
      const [first] = result.problems;
      const more = result.problems.length > 1 ? ` (and ${result.problems.length - 1} more)` : "";
      return { intent: "error", title: "Nothing was written", text: `${first?.message ?? "The workbook already has input sheets"}${more}. Rename or remove those sheets, or use the tables already there.` };
    }
    case "cancelled":
      return { intent: "error", title: "Set-up cancelled", text: "Nothing was written." };
    default: {
      const never: never = result.status;
      throw new Error(`unhandled set-up status ${String(never)}`);
    }
  }
}

const defaultNow = (): string => new Date().toISOString();

/** The sheet an output was written to (its logical name when the outcome does not say). */
export function writtenNameOf(outcome: ReviewOutcome, output: string): string {
  return outcome.written?.find((w) => w.requested.toLowerCase() === output.toLowerCase())?.written ?? output;
}

/** "Your sheet 'Summary' was left as it is; the summary is in 'Summary (2)'." */
export function redirectNotice(sheet: WrittenSheet): string {
  return `Your sheet “${sheet.requested}” was left as it is; the ${sheet.requested.toLowerCase()} is in “${sheet.written}”.`;
}

export function App({ port, today, addinVersion, now = defaultNow }: AppProps) {
  const styles = useStyles();
  const [tab, setTab] = useState<TabValue>("review");
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [asOf, setAsOf] = useState(today);
  const [setup, setSetup] = useState<{ isBusy: boolean; status?: SetupStatus }>({ isBusy: false });
  const [notice, setNotice] = useState<string | undefined>();
  const { scan, rescan } = useWorkbookScan(port, mapping);
  const review = useReview(port, addinVersion, now);

  const select = useCallback((sheet: string, row: number, column: number) => {
    setNotice(undefined);
    port.select(sheet, row, column).catch((error: unknown) => setNotice(`Could not select the cell: ${messageOf(error)}. Press Esc if a cell is being edited, then try again.`));
  }, [port]);

  const runSetUp = async (withSample: boolean): Promise<void> => {
    const day = parseAsOf(asOf);
    const at = day.ok ? day : parseAsOf(today);
    if (!at.ok) {
      setSetup({ isBusy: false, status: { intent: "error", title: "Nothing was written", text: `${describeError(at.error)}.` } });
      return;
    }
    setSetup({ isBusy: true });
    try {
      const result = await setUpWorkbook(port, { withSample, asOf: at.value });
      setSetup({ isBusy: false, status: setupStatusOf(result, withSample) });
      setMapping({});
      rescan();
    } catch (error) {
      setSetup({ isBusy: false, status: { intent: "error", title: "Set-up failed", text: `${messageOf(error)}. Press Esc if a cell is being edited, then try again.` } });
    }
  };

  const runReview = (): void => {
    const day = parseAsOf(asOf);
    if (!day.ok) return;
    void review.run({ asOf: day.value, asOfIso: asOf.trim(), mapping }).then(rescan);
  };

  const outcome = review.state.kind === "done" ? review.state.outcome : undefined;
  const ready = scan.status === "ready" ? scan : undefined;
  const problems = outcome && outcome.status !== "cancelled" ? outcome.problems : ready?.reading.problems ?? [];
  const hasInputTables = ready !== undefined && Object.keys(ready.recognition.tables).some((k) => k !== "policy");
  const lastWritten = review.state.kind === "done" && review.state.outcome.status === "written" ? review.state : undefined;

  return (
    <main className={styles.root}>
      <header>
        <h1 className={styles.title}>Credit Desk <span lang="zh">信用管理</span></h1>
        <Text size={200} className={styles.secondary}>Version {addinVersion}</Text>
      </header>
      <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_, data) => { if (isTab(data.value)) setTab(data.value); }} size="small">
        <Tab value="review">Review 评审</Tab>
        <Tab value="policy">Policy 政策</Tab>
        <Tab value="orders">Order check 订单</Tab>
      </TabList>
      {notice && (
        <MessageBar intent="error"><MessageBarBody>{notice}</MessageBarBody></MessageBar>
      )}
      {tab === "review" && (
        <>
          {scan.status === "loading" && <Spinner size="small" label="Reading the workbook…" />}
          {scan.status === "failed" && (
            <MessageBar intent="error">
              <MessageBarBody>Could not read the workbook: {scan.message}. Press Esc if a cell is being edited, then reopen the pane.</MessageBarBody>
            </MessageBar>
          )}
          {scan.status !== "loading" && (!hasInputTables || setup.status !== undefined) && (
            <SetupCard isBusy={setup.isBusy} onSetUp={(w) => void runSetUp(w)} status={setup.status} />
          )}
          {ready && hasInputTables && (
            <TablesFound recognition={ready.recognition} mapping={mapping} onMappingChange={setMapping} />
          )}
          {ready && hasInputTables && <ProblemsList problems={problems} onGoTo={select} />}
          {(hasInputTables || outcome) && (
            <ReviewCard asOf={asOf} onAsOfChange={setAsOf} state={review.state} onRun={runReview} onCancel={review.cancel} />
          )}
          {lastWritten && (lastWritten.outcome.redirected ?? []).length > 0 && (
            <MessageBar intent="info">
              <MessageBarBody>
                {(lastWritten.outcome.redirected ?? []).map((r) => (
                  <div key={r.requested}>{redirectNotice(r)}</div>
                ))}
              </MessageBarBody>
            </MessageBar>
          )}
          {lastWritten && (
            <ResultsView
              outcome={lastWritten.outcome}
              asOfIso={lastWritten.asOfIso}
              onSelectWarning={(w: CriticalWarning) => select(writtenNameOf(lastWritten.outcome, w.reviewSheet ?? "Credit Review"), w.reviewRow, 0)}
            />
          )}
        </>
      )}
      {tab === "policy" && <PolicyEditor port={port} mapping={mapping} onSaved={rescan} />}
      {tab === "orders" && (
        <OrderCheck customers={lastWritten?.outcome.customers} policy={ready?.reading.policy ?? DEFAULT_POLICY} asOfIso={lastWritten?.asOfIso} />
      )}
    </main>
  );
}
