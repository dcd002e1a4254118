/**
 * The What-if view (情景分析, issue 14 §2): up to three scenarios, each the current policy plus a
 * draft of changed values (any Policy key) and optionally one customer's scores or figures,
 * compared side by side and, for the selected one, in detail: the grade migration matrix
 * (customers or exposure), the recommended limit before/after by grade, the customers whose limit
 * or decision changes most with their reason before and after, and the change in warnings and
 * expected allowance. Nothing is written until Apply (the Policy sheet, in place, as the policy
 * editor saves it) or Write scenario sheet (the What-if output sheet with both fingerprints).
 * The comparisons come from the portfolio the pane already read; the workbook is not read again.
 */
import {
  Button, Card, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select, Tab, TabList, Text, makeStyles, mergeClasses, tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { useIntl } from "react-intl";
import { decisionText, reasonsText } from "../../app/reviewText";
import type { PortfolioReading } from "../../app/readPortfolio";
import type { ColumnMapping } from "../../app/types";
import { whatIfStamp, writeWhatIfSheet } from "../../app/whatIf";
import { errorText } from "../../app/errorText";
import { CHARACTERISTIC_KEYS } from "../../engine/policy/characteristics";
import { policyToRows } from "../../engine/policy/policyToRows";
import { GRADE_CLASSES, type CustomerOverride, type PolicyChange, type ScenarioComparison, type ScenarioDraft } from "../../engine/scenarios";
import type { WorkbookPort, WorkbookSnapshot } from "../../host/WorkbookPort";
import { isLocale } from "../../i18n/locale";
import { createTranslator } from "../../i18n/translator";
import { parseAsOf } from "../asOfDate";
import { useWhatIf } from "../hooks/useWhatIf";
import { messageOf } from "../hooks/useWorkbookScan";
import { checkPolicyRows, policySheetOf, policySourceOf, policyTableRowsOf, rowsWithChanges } from "../policyDraft";
import { usePaneFormat } from "../usePaneFormat";
import { CardTitle } from "./CardTitle";
import { useCardStyles } from "./styles";
import type { MessageId } from "../../i18n/messages";
import { usePaneText } from "../usePaneText";

export interface WhatIfViewProps {
  port: WorkbookPort;
  /** The workbook as the pane's scan read it, and the portfolio read from it (undefined while loading). */
  snapshot?: WorkbookSnapshot;
  reading?: PortfolioReading;
  mapping: ColumnMapping;
  /** The as-of date typed on the Review tab (YYYY-MM-DD). */
  asOfIso: string;
  addinVersion: string;
  now: () => string;
  /** Called after the policy was applied to the Policy sheet (the pane reads the workbook again). */
  onApplied?: () => void;
}

/** Scenarios kept side by side. */
export const MAX_SCENARIOS = 3;

interface Scenario {
  id: number;
  draft: ScenarioDraft;
}

type Notice = { intent: "success" | "error"; title: string; text: string };

/** Customer figures a scenario may suppose besides the 18 scores. */
const FIGURES = ["annualCreditSales", "grossMargin", "collateral", "potential"] as const;
const FINANCIALS = ["revenue", "netProfit", "currentAssets", "currentLiabilities", "totalLiabilities", "equity"] as const;

const useStyles = makeStyles({
  table: { width: "100%", tableLayout: "fixed", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  cell: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXXS}`, textAlign: "right", overflowWrap: "anywhere", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  head: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXXS}`, textAlign: "left", fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere", borderBottom: `1px solid ${tokens.colorNeutralStroke1}` },
  diagonal: { backgroundColor: tokens.colorNeutralBackground3 },
  moved: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, alignItems: "flex-end" },
  grow: { flexGrow: 1, minWidth: "0", maxWidth: "100%" },
  // A native select is as wide as its longest option (a 40-character policy key) unless told otherwise.
  fill: { width: "100%", minWidth: "0", maxWidth: "100%" },
  tabs: { flexWrap: "nowrap", overflowX: "auto", maxWidth: "100%" },
  mover: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  wrap: { overflowWrap: "anywhere" },
});

export function WhatIfView({ port, snapshot, reading, mapping, asOfIso, addinVersion, now, onApplied }: WhatIfViewProps) {
  const styles = useStyles();
  const card = useCardStyles();
  const intl = useIntl();
  const format = usePaneFormat();
  const t = usePaneText();
  const translator = createTranslator(isLocale(intl.locale) ? intl.locale : "en-US");
  const whole = (v: number): string => intl.formatNumber(v, { maximumFractionDigits: 0 });
  const compact = (v: number): string => intl.formatNumber(v, { notation: "compact", maximumFractionDigits: 2 });
  const signed = (v: number, f: (x: number) => string): string => (v > 0 ? "+" : "") + f(v);

  const [scenarios, setScenarios] = useState<Scenario[]>([{ id: 1, draft: { changes: [] } }]);
  const [selected, setSelected] = useState(1);
  const [key, setKey] = useState("gradeBands.A");
  const [value, setValue] = useState<string | undefined>();
  const [customerId, setCustomerId] = useState("");
  const [field, setField] = useState<string>(CHARACTERISTIC_KEYS[0]);
  const [fieldValue, setFieldValue] = useState("");
  const [view, setView] = useState<"customers" | "exposure">("customers");
  const [busy, setBusy] = useState<"apply" | "write" | undefined>();
  const [notice, setNotice] = useState<Notice | undefined>();

  const asOf = parseAsOf(asOfIso);
  const drafts = useMemo(() => scenarios.map((s) => s.draft), [scenarios]);
  const { base, results } = useWhatIf(reading, asOf.ok ? asOf.value : undefined, drafts);
  const currentRows = useMemo(() => (reading ? policyToRows(reading.policy).map(([k, v]) => [k, String(v)] as const) : []), [reading]);

  const title = <CardTitle id="whatif-title" title={t("whatIf.title")} />;
  const errors = reading?.problems.filter((p) => p.severity === "error") ?? [];
  if (!reading || reading.portfolio.customers.length === 0 || !asOf.ok || errors.length > 0 || !base?.ok) {
    const text = !reading || reading.portfolio.customers.length === 0 ? t("whatIf.noPortfolio")
      : errors.length > 0 ? t("whatIf.invalidInputs", { count: errors.length })
        : !asOf.ok ? t("whatIf.badAsOf")
          : base && !base.ok ? t("whatIf.problem", { message: errorText(translator, base.error) }) : t("whatIf.noPortfolio");
    return (
      <Card className={card.card} aria-labelledby="whatif-title">
        {title}
        <MessageBar intent="info"><MessageBarBody>{text}</MessageBarBody></MessageBar>
        {notice && (
          <MessageBar intent={notice.intent}>
            <MessageBarBody className={styles.wrap}><MessageBarTitle>{notice.title}</MessageBarTitle>{notice.text}</MessageBarBody>
          </MessageBar>
        )}
      </Card>
    );
  }

  const index = Math.max(0, scenarios.findIndex((s) => s.id === selected));
  const scenario = scenarios[index];
  const result = results[index];
  const comparison = result?.ok ? result.value : undefined;
  const current = currentRows.find(([k]) => k === key)?.[1] ?? "";
  const drafted = scenario.draft.changes.find((c) => c.key === key);
  const shownValue = value ?? (drafted ? String(drafted.value) : current);

  const updateDraft = (draft: ScenarioDraft): void => {
    setNotice(undefined);
    setScenarios((list) => list.map((s) => (s.id === scenario.id ? { ...s, draft } : s)));
  };
  const setChange = (): void => {
    const rest = scenario.draft.changes.filter((c) => c.key !== key);
    const text = shownValue.trim();
    updateDraft({ ...scenario.draft, changes: text === current ? rest : [...rest, { key, value: text }] });
    setValue(undefined);
  };
  const removeChange = (change: PolicyChange): void => updateDraft({ ...scenario.draft, changes: scenario.draft.changes.filter((c) => c !== change) });
  const suppose = (): void => {
    const n = Number(fieldValue.trim());
    if (customerId === "" || fieldValue.trim() === "") return;
    const previous: CustomerOverride = scenario.draft.customer?.customerId === customerId ? scenario.draft.customer : { customerId };
    const next: CustomerOverride = (CHARACTERISTIC_KEYS as readonly string[]).includes(field)
      ? { ...previous, scores: { ...previous.scores, [field]: n } }
      : (FIGURES as readonly string[]).includes(field)
        ? { ...previous, figures: { ...previous.figures, [field]: n } }
        : { ...previous, financials: { ...previous.financials, [field]: n } };
    updateDraft({ ...scenario.draft, customer: next });
    setFieldValue("");
  };
  const addScenario = (): void => {
    const id = Math.max(...scenarios.map((s) => s.id)) + 1;
    setScenarios((list) => [...list, { id, draft: { changes: [] } }]);
    setSelected(id);
  };
  const removeScenario = (): void => {
    const rest = scenarios.filter((s) => s.id !== scenario.id);
    setScenarios(rest);
    setSelected(rest[0]?.id ?? 1);
  };
  const nameOf = (s: Scenario): string => t("whatIf.scenario.name", { number: s.id });

  const apply = async (): Promise<void> => {
    if (!comparison || !snapshot) return;
    setBusy("apply");
    setNotice(undefined);
    try {
      const source = policySourceOf(snapshot, mapping);
      const rows = rowsWithChanges(source.rows, scenario.draft.changes);
      const check = checkPolicyRows(rows);
      if (!check.ok) throw new Error(errorText(translator, check.error));
      const table = source.table;
      if (table && table.source.kind !== "table") {
        setNotice({ intent: "error", title: t("whatIf.notApplied"), text: t("whatIf.plainRange", { sheet: table.source.sheet }) });
        return;
      }
      if (table) await port.updateTableRows(table.source.name, policyTableRowsOf(rows, table));
      else await port.writeSheets([{ ...policySheetOf(rows, undefined), role: "input" }]);
      updateDraft({ changes: [], customer: scenario.draft.customer });
      setNotice({ intent: "success", title: t("whatIf.applied"), text: t("whatIf.appliedText", { fingerprint: check.value.fingerprint }) });
      onApplied?.();
    } catch (error) {
      setNotice({ intent: "error", title: t("whatIf.notApplied"), text: t("whatIf.notAppliedText", { message: messageOf(error) }) });
    } finally {
      setBusy(undefined);
    }
  };

  const writeSheet = async (): Promise<void> => {
    if (!comparison || !asOf.ok) return;
    setBusy("write");
    setNotice(undefined);
    try {
      const stamp = whatIfStamp(comparison, { asOf: asOf.value, generatedAt: now(), addinVersion, dateSystem: snapshot?.dateSystem, outputLanguage: reading.policy.outputLanguage });
      const written = await writeWhatIfSheet(port, comparison, stamp);
      setNotice({ intent: "success", title: t("whatIf.written"), text: t("whatIf.writtenText", { sheet: written[0]?.written ?? "", base: comparison.baseFingerprint, draft: comparison.draftFingerprint }) });
    } catch (error) {
      setNotice({ intent: "error", title: t("whatIf.notWritten"), text: t("whatIf.notAppliedText", { message: messageOf(error) }) });
    } finally {
      setBusy(undefined);
    }
  };

  const metrics: { id: string; current: (c: ScenarioComparison) => string; after: (c: ScenarioComparison) => string }[] = [
    { id: "whatIf.metric.limit", current: (c) => compact(c.totalLimit.before), after: (c) => compact(c.totalLimit.after) },
    { id: "whatIf.metric.limitChange", current: () => compact(0), after: (c) => signed(c.totalLimit.change, compact) },
    { id: "whatIf.metric.changedCustomers", current: () => format.count(0), after: (c) => format.count(c.changedCustomers) },
    { id: "whatIf.metric.critical", current: (c) => format.count(c.warnings.critical.before), after: (c) => format.count(c.warnings.critical.after) },
    { id: "whatIf.metric.other", current: (c) => format.count(c.warnings.other.before), after: (c) => format.count(c.warnings.other.after) },
    { id: "whatIf.metric.allowance", current: (c) => compact(c.allowance.before), after: (c) => compact(c.allowance.after) },
  ];
  const anyComparison = results.find((r) => r.ok);
  const cellOf = (c: ScenarioComparison, from: number, to: number): number => (view === "customers" ? c.migration[from][to].customers : c.migration[from][to].exposure);
  const show = (v: number): string => (view === "customers" ? format.count(v) : compact(v));

  return (
    <Card className={card.card} aria-labelledby="whatif-title">
      {title}
      <Text size={200} className={card.secondary}>{t("whatIf.intro")}</Text>
      <Text size={200} className={styles.wrap}>{t("whatIf.asOf", { asOf: asOfIso.trim(), fingerprint: base.value.fingerprint })}</Text>

      <TabList className={styles.tabs} size="small" aria-label={t("whatIf.scenarios")} selectedValue={scenario.id}
        onTabSelect={(_, data) => { if (typeof data.value === "number") { setSelected(data.value); setValue(undefined); } }}>
        {scenarios.map((s) => <Tab key={s.id} value={s.id}>{nameOf(s)}</Tab>)}
      </TabList>
      <div className={card.actions}>
        <Button size="small" disabled={scenarios.length >= MAX_SCENARIOS} onClick={addScenario}>{t("whatIf.scenario.add")}</Button>
        <Button size="small" appearance="subtle" disabled={scenarios.length <= 1} onClick={removeScenario}>{t("whatIf.scenario.remove")}</Button>
      </div>

      <div className={styles.row}>
        <Field label={t("whatIf.parameter")} className={styles.grow}>
          <Select className={styles.fill} select={{ className: styles.fill }} value={key} onChange={(_, data) => { setKey(data.value); setValue(undefined); }}>
            {currentRows.map(([k]) => <option key={k} value={k}>{k}</option>)}
          </Select>
        </Field>
        <Field label={t("whatIf.value")} hint={t("whatIf.currentValue", { value: current })} className={styles.grow}>
          <Input value={shownValue} onChange={(_, data) => setValue(data.value)} onKeyDown={(e) => { if (e.key === "Enter") setChange(); }} />
        </Field>
        <Button onClick={setChange}>{t("whatIf.addChange")}</Button>
      </div>
      {scenario.draft.changes.length === 0 ? (
        <Text size={200} className={card.secondary}>{t("whatIf.noChanges")}</Text>
      ) : (
        <ul className={card.list} aria-label={t("whatIf.changes")}>
          {scenario.draft.changes.map((c) => (
            <li key={c.key}>
              <Text size={200} className={styles.wrap}>{c.key}: {currentRows.find(([k]) => k === c.key)?.[1] ?? ""} → {String(c.value)}</Text>{" "}
              <Button size="small" appearance="subtle" aria-label={t("whatIf.removeChange", { key: c.key })} onClick={() => removeChange(c)}>×</Button>
            </li>
          ))}
        </ul>
      )}

      <details>
        <summary><Text size={200}>{t("whatIf.customer.title")}</Text></summary>
        <div className={styles.row}>
          <Field label={t("whatIf.customer.customer")} className={styles.grow}>
            <Select className={styles.fill} select={{ className: styles.fill }} value={customerId} onChange={(_, data) => setCustomerId(data.value)}>
              <option value="">{t("whatIf.customer.none")}</option>
              {reading.portfolio.customers.map((c) => <option key={c.customerId} value={c.customerId}>{c.customerId} {c.name ?? ""}</option>)}
            </Select>
          </Field>
          <Field label={t("whatIf.customer.field")} className={styles.grow}>
            <Select className={styles.fill} select={{ className: styles.fill }} value={field} onChange={(_, data) => setField(data.value)}>
              {[...CHARACTERISTIC_KEYS, ...FIGURES, ...FINANCIALS].map((f) => <option key={f} value={f}>{f}</option>)}
            </Select>
          </Field>
          <Field label={t("whatIf.customer.value")} className={styles.grow}>
            <Input value={fieldValue} onChange={(_, data) => setFieldValue(data.value)} />
          </Field>
          <Button disabled={customerId === ""} onClick={suppose}>{t("whatIf.customer.set")}</Button>
        </div>
        {scenario.draft.customer && (
          <Text size={200} className={styles.wrap}>
            {t("whatIf.customer.supposed", {
              customer: scenario.draft.customer.customerId,
              fields: Object.entries({ ...scenario.draft.customer.scores, ...scenario.draft.customer.figures, ...scenario.draft.customer.financials }).map(([k, v]) => `${k} = ${String(v)}`).join(", "),
            })}{" "}
            <Button size="small" appearance="subtle" aria-label={t("whatIf.customer.clear")} onClick={() => updateDraft({ changes: scenario.draft.changes })}>×</Button>
          </Text>
        )}
      </details>

      {result && !result.ok && (
        <MessageBar intent="error"><MessageBarBody>{t("whatIf.problem", { message: errorText(translator, result.error) })}</MessageBarBody></MessageBar>
      )}

      {anyComparison?.ok && (
        <section aria-labelledby="whatif-compare">
          <CardTitle id="whatif-compare" level={3} title={t("whatIf.compare.title")} />
          <table className={styles.table} aria-labelledby="whatif-compare" data-testid="whatif-compare">
            <thead>
              <tr>
                <th className={styles.head} scope="col">{t("whatIf.compare.figure")}</th>
                <th className={styles.head} scope="col">{t("whatIf.compare.current")}</th>
                {scenarios.map((s) => <th key={s.id} className={styles.head} scope="col">{nameOf(s)}</th>)}
              </tr>
            </thead>
            <tbody>
              {metrics.map((m) => (
                <tr key={m.id}>
                  <th className={styles.head} scope="row">{t(m.id as MessageId)}</th>
                  <td className={styles.cell}>{m.current(anyComparison.value)}</td>
                  {results.map((r, i) => <td key={scenarios[i]?.id ?? i} className={styles.cell}>{r.ok ? m.after(r.value) : "—"}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {comparison && (
        <>
          <section aria-labelledby="whatif-migration">
            <CardTitle id="whatif-migration" level={3} title={t("whatIf.migration.title")} />
            <div className={styles.row}>
              <Text size={200} className={mergeClasses(card.secondary, styles.grow)}>{t("whatIf.migration.caption")}</Text>
              <Select size="small" aria-label={t("whatIf.migration.show")} value={view} onChange={(_, data) => setView(data.value === "exposure" ? "exposure" : "customers")}>
                <option value="customers">{t("whatIf.migration.customers")}</option>
                <option value="exposure">{t("whatIf.migration.exposure")}</option>
              </Select>
            </div>
            <table className={styles.table} aria-label={t("whatIf.migration.title")} data-testid="whatif-migration" data-view={view}>
              <thead>
                <tr>
                  <th className={styles.head} scope="col">{t("whatIf.column.from")}</th>
                  {GRADE_CLASSES.map((g) => <th key={g} className={styles.head} scope="col">{g}</th>)}
                </tr>
              </thead>
              <tbody>
                {GRADE_CLASSES.map((from, f) => (
                  <tr key={from}>
                    <th className={styles.head} scope="row">{from}</th>
                    {GRADE_CLASSES.map((to, k) => {
                      const v = cellOf(comparison, f, k);
                      return (
                        <td key={to} data-from={from} data-to={to} data-value={v} className={mergeClasses(styles.cell, f === k && styles.diagonal, f !== k && v !== 0 && styles.moved)}>
                          {show(v)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section aria-labelledby="whatif-limits">
            <CardTitle id="whatif-limits" level={3} title={t("whatIf.limits.title")} />
            <Text size={200} block className={styles.wrap} data-testid="whatif-limit-change"
              data-before={comparison.totalLimit.before} data-after={comparison.totalLimit.after} data-change={comparison.totalLimit.change}>
              {t("whatIf.metric.limit")}: {whole(comparison.totalLimit.before)} → {whole(comparison.totalLimit.after)} ({signed(comparison.totalLimit.change, whole)})
            </Text>
            <table className={styles.table} aria-label={t("whatIf.limits.title")} data-testid="whatif-limits">
              <thead>
                <tr>
                  <th className={styles.head} scope="col">{t("whatIf.column.grade")}</th>
                  <th className={styles.head} scope="col">{t("whatIf.column.before")}</th>
                  <th className={styles.head} scope="col">{t("whatIf.column.after")}</th>
                  <th className={styles.head} scope="col">{t("whatIf.column.change")}</th>
                </tr>
              </thead>
              <tbody>
                {comparison.limitsByGrade.map((l) => (
                  <tr key={l.grade} data-grade={l.grade} data-before={l.before} data-after={l.after} data-change={l.change}>
                    <th className={styles.head} scope="row">{l.grade}</th>
                    <td className={styles.cell}>{whole(l.before)}</td>
                    <td className={styles.cell}>{whole(l.after)}</td>
                    <td className={styles.cell}>{signed(l.change, whole)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Text size={200} block className={styles.wrap}>
              {t("whatIf.metric.critical")}: {comparison.warnings.critical.before} → {comparison.warnings.critical.after} · {t("whatIf.metric.other")}: {comparison.warnings.other.before} → {comparison.warnings.other.after}
            </Text>
            <Text size={200} block className={styles.wrap}>
              {t("whatIf.metric.allowance")}: {format.amount(comparison.allowance.before)} → {format.amount(comparison.allowance.after)}
            </Text>
            <Text size={200} block className={mergeClasses(card.secondary, styles.wrap)}>{t("whatIf.metric.fingerprint")}: {comparison.baseFingerprint} → {comparison.draftFingerprint}</Text>
          </section>

          <section aria-labelledby="whatif-movers">
            <CardTitle id="whatif-movers" level={3} title={t("whatIf.movers.title")} />
            {comparison.movers.length === 0 ? (
              <Text size={200} className={card.secondary}>{t("whatIf.movers.none")}</Text>
            ) : (
              <ol className={card.list} aria-labelledby="whatif-movers" data-testid="whatif-movers">
                {comparison.movers.map((m) => (
                  <li key={m.customerId} className={styles.mover} data-customer={m.customerId}>
                    <Text size={200} weight="semibold" className={styles.wrap}>{m.customerId} {m.name}</Text>
                    <Text size={200} className={styles.wrap}>
                      {m.before.grade} → {m.after.grade} · {t("whatIf.movers.limits", {
                        before: m.before.limit === undefined ? t("whatIf.noLimit") : whole(m.before.limit),
                        after: m.after.limit === undefined ? t("whatIf.noLimit") : whole(m.after.limit),
                        change: signed(m.limitChange, whole),
                      })}
                    </Text>
                    <details>
                      <summary><Text size={200}>{decisionText(translator, m.after.decision)}</Text></summary>
                      <Text size={200} block className={styles.wrap}>{t("whatIf.movers.now")}: {decisionText(translator, m.before.decision)}. {reasonsText(translator, m.before)}</Text>
                      <Text size={200} block className={styles.wrap}>{t("whatIf.movers.draft")}: {decisionText(translator, m.after.decision)}. {reasonsText(translator, m.after)}</Text>
                    </details>
                  </li>
                ))}
              </ol>
            )}
          </section>

          <div className={card.actions}>
            <Button appearance="primary" disabled={busy !== undefined || scenario.draft.changes.length === 0} onClick={() => void apply()}>
              {busy === "apply" ? t("whatIf.applying") : t("whatIf.apply")}
            </Button>
            <Button disabled={busy !== undefined} onClick={() => void writeSheet()}>
              {busy === "write" ? t("whatIf.writing") : t("whatIf.writeSheet")}
            </Button>
          </div>
        </>
      )}
      {notice && (
        <MessageBar intent={notice.intent}>
          <MessageBarBody className={styles.wrap}><MessageBarTitle>{notice.title}</MessageBarTitle>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
    </Card>
  );
}
