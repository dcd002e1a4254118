/**
 * The Credit Desk task pane: set up the workbook → tables found (with column mapping) →
 * problems with "Go to cell" → run the review at an as-of date (progress, Cancel) → results;
 * plus the Policy editor, the What-if scenarios and the order check. It reaches the workbook only through the injected
 * WorkbookPort and the workflow functions.
 */
import {
  MessageBar, MessageBarBody, Select, Spinner, Tab, TabList, Text, makeStyles, tokens,
} from "@fluentui/react-components";
import { useCallback, useState } from "react";
import { useIntl, type IntlShape } from "react-intl";
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, isLocale, type Locale } from "../i18n/locale";
import { errorText } from "../app/errorText";
import { createTranslator } from "../i18n/translator";
import { resolveLocale } from "../i18n/locale";
import { DEFAULT_POLICY } from "../engine/policy/defaultPolicy";
import type { WorkbookPort, WrittenSheet } from "../host/WorkbookPort";
import { setUpWorkbook } from "../app/setUpWorkbook";
import type { ColumnMapping, CriticalWarning, ReviewOutcome, SetUpOutcome } from "../app/types";
import { parseAsOf } from "./asOfDate";
import { ModelView } from "./components/ModelView";
import { OrderCheck } from "./components/OrderCheck";
import { PolicyEditor } from "./components/PolicyEditor";
import { ProblemsList } from "./components/ProblemsList";
import { ResultsView } from "./components/ResultsView";
import { RegisterGap } from "./components/RegisterGap";
import { ReviewCard } from "./components/ReviewCard";
import { SetupCard, type SetupStatus } from "./components/SetupCard";
import { TablesFound } from "./components/TablesFound";
import { WhatIfView } from "./components/WhatIfView";
import { useReview } from "./hooks/useReview";
import { messageOf, useWorkbookScan } from "./hooks/useWorkbookScan";
import { usePaneText } from "./usePaneText";

export interface AppProps {
  port: WorkbookPort;
  /** Today as YYYY-MM-DD: the default as-of date (passed in so tests are deterministic). */
  today: string;
  addinVersion: string;
  /** ISO timestamp for the audit trail's "generated" stamp. */
  now?: () => string;
  /** The pane's language and its switch (PaneRoot holds it); without them the switch is not shown. */
  locale?: Locale;
  onLocaleChange?: (locale: Locale) => void;
}

type TabValue = "review" | "policy" | "whatif" | "orders" | "model";
const TABS: readonly TabValue[] = ["review", "policy", "whatif", "orders", "model"];
const isTab = (value: unknown): value is TabValue => TABS.some((t) => t === value);

const useStyles = makeStyles({
  root: {
    display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM,
    boxSizing: "border-box", width: "100%", maxWidth: "100%", minWidth: "280px",
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  secondary: { color: tokens.colorNeutralForeground3 },
  header: { display: "flex", flexWrap: "wrap", alignItems: "flex-start", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  tabs: { flexWrap: "wrap", maxWidth: "100%" },
  language: { minWidth: "0", maxWidth: "160px" },
});

function setupStatusOf(result: SetUpOutcome, withSample: boolean, intl: IntlShape): SetupStatus {
  const t = (id: string, values?: Record<string, string | number>): string => intl.formatMessage({ id }, values);
  switch (result.status) {
    case "written":
      return { intent: "success", title: t("pane.setup.written"), text: t(withSample ? "pane.setup.writtenSample" : "pane.setup.writtenEmpty") };
    case "refused": {
      const [first] = result.problems;
      return {
        intent: "error", title: t("pane.setup.refused"),
        text: [
          t("pane.setup.refusedText", { first: first?.message ?? t("pane.setup.refusedDefault") }),
          ...(result.problems.length > 1 ? [t("pane.setup.refusedMore", { count: result.problems.length - 1 })] : []),
        ].join(" "),
      };
    }
    case "cancelled":
      return { intent: "error", title: t("pane.setup.cancelled"), text: t("pane.setup.nothingWritten") };
    default: {
      const never: never = result.status;
      throw new Error(`unhandled set-up status ${String(never)}`);
    }
  }
}

/** Each language named in itself, so a reader of either finds their own. */
const LANGUAGE_NAMES: Record<Locale, string> = { "en-US": "English", "zh-CN": "简体中文" };

const defaultNow = (): string => new Date().toISOString();

/** The sheet an output was written to (its logical name when the outcome does not say). */
export function writtenNameOf(outcome: ReviewOutcome, output: string): string {
  return outcome.written?.find((w) => w.requested.toLowerCase() === output.toLowerCase())?.written ?? output;
}

/** "Your sheet 'Summary' was left as it is; the summary is in 'Summary (2)'." */
export function redirectNotice(sheet: WrittenSheet, intl: IntlShape): string {
  return intl.formatMessage({ id: "pane.redirect" }, { requested: sheet.requested, written: sheet.written });
}

export function App({ port, today, addinVersion, now = defaultNow, locale, onLocaleChange }: AppProps) {
  const styles = useStyles();
  const intl = useIntl();
  const t = usePaneText();
  const [tab, setTab] = useState<TabValue>("review");
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [asOf, setAsOf] = useState(today);
  const [setup, setSetup] = useState<{ isBusy: boolean; status?: SetupStatus }>({ isBusy: false });
  const [notice, setNotice] = useState<string | undefined>();
  // Policy saves so far, and how many there had been when the shown review ran: results computed
  // under an older policy say so.
  const [policySaves, setPolicySaves] = useState(0);
  const [reviewedAfterSaves, setReviewedAfterSaves] = useState(0);
  const { scan, rescan } = useWorkbookScan(port, mapping);
  const review = useReview(port, addinVersion, now);

  const select = useCallback((sheet: string, row: number, column: number) => {
    setNotice(undefined);
    port.select(sheet, row, column).catch((error: unknown) => setNotice(intl.formatMessage({ id: "pane.select.failed" }, { message: messageOf(error) })));
  }, [port, intl]);

  const runSetUp = async (withSample: boolean): Promise<void> => {
    const day = parseAsOf(asOf);
    const at = day.ok ? day : parseAsOf(today);
    if (!at.ok) {
      setSetup({ isBusy: false, status: { intent: "error", title: t("pane.setup.refused"), text: t("pane.setup.badDate", { message: errorText(createTranslator(resolveLocale(intl.locale)), at.error) }) } });
      return;
    }
    setSetup({ isBusy: true });
    try {
      const result = await setUpWorkbook(port, { withSample, asOf: at.value });
      setSetup({ isBusy: false, status: setupStatusOf(result, withSample, intl) });
      setMapping({});
      rescan();
    } catch (error) {
      setSetup({ isBusy: false, status: { intent: "error", title: t("pane.setup.failed"), text: t("pane.setup.failedText", { message: messageOf(error) }) } });
    }
  };

  /** The Policy sheet was written (editor's Save or a what-if's Apply): results of an earlier review are stale. */
  const policySaved = (): void => {
    setPolicySaves((n) => n + 1);
    rescan();
  };

  const runReview = (): void => {
    const day = parseAsOf(asOf);
    if (!day.ok) return;
    const saves = policySaves;
    void review.run({ asOf: day.value, asOfIso: asOf.trim(), mapping }).then(() => {
      setReviewedAfterSaves(saves);
      // A set-up error belongs to the past once a review has run on the workbook.
      setSetup((s) => (s.status?.intent === "error" ? { isBusy: false } : s));
      rescan();
    });
  };

  const outcome = review.state.kind === "done" ? review.state.outcome : undefined;
  const ready = scan.status === "ready" ? scan : undefined;
  const problems = outcome && outcome.status !== "cancelled" ? outcome.problems : ready?.reading.problems ?? [];
  const hasInputTables = ready !== undefined && Object.keys(ready.recognition.tables).some((k) => k !== "policy");
  const lastWritten = review.state.kind === "done" && review.state.outcome.status === "written" ? review.state : undefined;
  const reviewedOn = lastWritten ? parseAsOf(lastWritten.asOfIso) : undefined;
  const reviewedDay = reviewedOn?.ok ? reviewedOn.value : undefined;

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <div>
          <h1 className={styles.title}>{t("pane.title")}</h1>
          <Text size={200} className={styles.secondary}>{t("pane.version", { version: addinVersion })}</Text>
        </div>
        {onLocaleChange && (
          <Select
            className={styles.language}
            size="small"
            aria-label={t("pane.language")}
            value={locale ?? DEFAULT_LOCALE}
            onChange={(_, data) => { if (isLocale(data.value)) onLocaleChange(data.value); }}
          >
            {SUPPORTED_LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>{LANGUAGE_NAMES[l]}</option>
            ))}
          </Select>
        )}
      </header>
      <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_, data) => { if (isTab(data.value)) setTab(data.value); }} size="small">
        <Tab value="review">{t("pane.tab.review")}</Tab>
        <Tab value="policy">{t("pane.tab.policy")}</Tab>
        <Tab value="whatif">{t("whatIf.tab")}</Tab>
        <Tab value="orders">{t("pane.tab.orders")}</Tab>
        <Tab value="model">{t("model.pane.tab")}</Tab>
      </TabList>
      {notice && (
        <MessageBar intent="error"><MessageBarBody>{notice}</MessageBarBody></MessageBar>
      )}
      {tab === "review" && (
        <>
          {scan.status === "loading" && <Spinner size="small" label={t("pane.scan.loading")} />}
          {scan.status === "failed" && (
            <MessageBar intent="error">
              <MessageBarBody>{t("pane.scan.failed", { message: scan.message })}</MessageBarBody>
            </MessageBar>
          )}
          {scan.status !== "loading" && (!hasInputTables || setup.status !== undefined) && (
            <SetupCard isBusy={setup.isBusy} onSetUp={(w) => void runSetUp(w)} status={setup.status} />
          )}
          {ready && hasInputTables && (
            <TablesFound recognition={ready.recognition} mapping={mapping} onMappingChange={setMapping} port={port} onWorkbookChanged={rescan} />
          )}
          {ready && hasInputTables && <ProblemsList problems={problems} onGoTo={select} />}
          {(hasInputTables || outcome) && (
            <ReviewCard asOf={asOf} onAsOfChange={setAsOf} state={review.state} onRun={runReview} onCancel={review.cancel} />
          )}
          {lastWritten && (lastWritten.outcome.redirected ?? []).length > 0 && (
            <MessageBar intent="info">
              <MessageBarBody>
                {(lastWritten.outcome.redirected ?? []).map((r) => (
                  <div key={r.requested}>{redirectNotice(r, intl)}</div>
                ))}
              </MessageBarBody>
            </MessageBar>
          )}
          {lastWritten && (lastWritten.asOfIso !== asOf.trim() || reviewedAfterSaves !== policySaves) && (
            <MessageBar intent="warning">
              <MessageBarBody>
                {t("pane.review.stale", { reason: lastWritten.asOfIso !== asOf.trim() ? "asOf" : "policy", asOf: asOf.trim() })}
              </MessageBarBody>
            </MessageBar>
          )}
          {lastWritten && (lastWritten.outcome.notInRegister ?? []).length > 0 && (
            <RegisterGap key={lastWritten.asOfIso + String(reviewedAfterSaves)} port={port} customers={lastWritten.outcome.notInRegister ?? []} />
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
      {tab === "policy" && <PolicyEditor port={port} mapping={mapping} onSaved={policySaved} />}
      {tab === "whatif" && (
        <WhatIfView port={port} snapshot={ready?.snapshot} reading={ready?.reading} mapping={mapping} asOfIso={asOf} addinVersion={addinVersion} now={now} onApplied={policySaved} />
      )}
      {tab === "model" && <ModelView port={port} asOf={asOf} mapping={mapping} addinVersion={addinVersion} now={now} />}
      {tab === "orders" && (
        <OrderCheck
          customers={lastWritten?.outcome.customers}
          policy={ready?.reading.policy ?? DEFAULT_POLICY}
          asOfIso={lastWritten?.asOfIso}
          port={port}
          asOf={reviewedDay}
          policyFingerprint={lastWritten?.outcome.policyFingerprint}
          now={now}
        />
      )}
    </main>
  );
}
