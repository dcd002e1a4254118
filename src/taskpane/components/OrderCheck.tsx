/**
 * The order credit check (赊销订单评审, credit-method.md §8): pick a customer of the last review in
 * a searchable list, type the new order's amount, and see the decision (approve / hold / refuse /
 * refer) with the step of the method's approval chain that must release it, worded as one
 * sentence so the two never seem to contradict (issue 16), and the reasons. The limit is the
 * committee's approved limit when the Approved Limits register holds one in force, else the
 * recommended limit, and the pane says which. With a workbook (`port`), "Confirm and log" appends
 * the check to the Order Log sheet (app/orderLog.ts); nothing is written otherwise.
 */
import { Badge, Button, Card, Combobox, Field, Input, MessageBar, MessageBarBody, Option, Text } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { useIntl } from "react-intl";
import { appendOrderLog, approvalSummary } from "../../app/orderLog";
import { messageText } from "../../app/reviewText";
import type { DayNumber } from "../../engine/dates/dayNumber";
import { errorText } from "../../app/errorText";
import type { Result } from "../../engine/errors";
import { checkOrder, type OrderCheck as OrderCheckResult, type OrderDecision } from "../../engine/orders/checkOrder";
import type { Policy } from "../../engine/policy/Policy";
import { readNumber } from "../../engine/values";
import type { WorkbookPort } from "../../host/WorkbookPort";
import { resolveLocale } from "../../i18n/locale";
import type { MessageId } from "../../i18n/messages";
import { createTranslator } from "../../i18n/translator";
import { formatAmount } from "../format";
import { customerLabel as label, filterCustomers, orderInputOf, type OrderCustomer } from "../orderInputOf";
import { CardTitle } from "./CardTitle";
import { useCardStyles } from "./styles";

export interface OrderCheckProps {
  /** Per-customer results of the last review (undefined before a review ran). */
  customers?: readonly Record<string, unknown>[];
  policy: Pick<Policy, "orderHoldDays" | "creditManagerExcessPercent" | "approvalChain">;
  asOfIso?: string;
  /** The workbook, to log a confirmed check in the Order Log; without it nothing is written. */
  port?: WorkbookPort;
  /** The review's as-of date and policy fingerprint, written with each logged check. */
  asOf?: DayNumber;
  policyFingerprint?: string;
  /** The clock for the log's time stamp (default: now). */
  now?: () => string;
}

const DECISION_COLOURS: Record<OrderDecision, "success" | "warning" | "danger" | "important"> = {
  approve: "success",
  hold: "warning",
  refuse: "danger",
  refer: "important",
};

export function OrderCheck({ customers, policy, asOfIso, port, asOf, policyFingerprint, now = () => new Date().toISOString() }: OrderCheckProps) {
  const styles = useCardStyles();
  const intl = useIntl();
  const t = useMemo(() => createTranslator(resolveLocale(intl.locale)), [intl.locale]);
  const options = useMemo(
    () => (customers ?? []).map(orderInputOf).filter((r): r is { ok: true; value: OrderCustomer } => r.ok).map((r) => r.value),
    [customers],
  );
  const [customerId, setCustomerId] = useState("");
  const [query, setQuery] = useState<string | undefined>();
  const [amount, setAmount] = useState("");
  const [result, setResult] = useState<{ customer: OrderCustomer; order: number; check: Result<OrderCheckResult> } | undefined>();
  const [amountError, setAmountError] = useState<string | undefined>();
  const [logged, setLogged] = useState<{ ok: boolean; text: string } | undefined>();

  if (options.length === 0) {
    return (
      <Card className={styles.card} aria-labelledby="order-title">
        <CardTitle id="order-title" title={t.t("orderCheck.title")} />
        <MessageBar intent="info">
          <MessageBarBody>{t.t("orderCheck.needsReview")}</MessageBarBody>
        </MessageBar>
      </Card>
    );
  }

  const selected = options.find((c) => c.customerId === customerId) ?? options[0]!;
  const shown = filterCustomers(options, query);
  const basis = t.t(`approved.basis.${selected.limitSource}` as MessageId);

  const run = (): void => {
    const n = readNumber(amount, "newOrder");
    setLogged(undefined);
    if (!n.ok || n.value <= 0) {
      setAmountError(t.t("orderCheck.amountError"));
      setResult(undefined);
      return;
    }
    setAmountError(undefined);
    setResult({ customer: selected, order: n.value, check: checkOrder({ ...selected.input, newOrder: n.value }, policy) });
  };

  const confirm = async (): Promise<void> => {
    if (port === undefined || result === undefined || !result.check.ok) return;
    const c = result.customer;
    try {
      const done = await appendOrderLog(port, {
        time: now(), asOf, customerId: c.customerId, name: c.name, order: result.order,
        exposureBefore: c.input.openReceivables - Math.abs(c.input.unapplied) + c.input.openOrders,
        limitUsed: c.input.limit, limitBasis: c.limitSource, check: result.check.value, fingerprint: policyFingerprint ?? "",
      }, t.locale);
      setLogged({ ok: true, text: t.format("orderLog.logged", { sheet: done.sheet }) });
    } catch (e) {
      setLogged({ ok: false, text: t.format("orderLog.failed", { message: e instanceof Error ? e.message : String(e) }) });
    }
  };

  return (
    <Card className={styles.card} aria-labelledby="order-title">
      <CardTitle id="order-title" title={t.t("orderCheck.title")} />
      <Text size={200} className={styles.secondary}>
        {asOfIso === undefined ? t.t("orderCheck.usesLastReview") : t.t("orderCheck.usesReviewAsOf", { asOf: asOfIso })}
        {port === undefined ? ` ${t.t("orderCheck.nothingWritten")}` : ""}
      </Text>
      <Field label={t.t("orderCheck.customer")}>
        <Combobox
          value={query ?? label(selected)}
          selectedOptions={[selected.customerId]}
          onChange={(e) => setQuery(e.target.value)}
          onOptionSelect={(_, data) => { if (data.optionValue) setCustomerId(data.optionValue); setQuery(undefined); setResult(undefined); setLogged(undefined); }}
          onBlur={() => setQuery(undefined)}
          style={{ minWidth: 0, maxWidth: "100%" }}
          listbox={{ style: { maxWidth: "100%" } }}
        >
          {shown.map((c) => <Option key={c.customerId} value={c.customerId} text={label(c)}>{label(c)}</Option>)}
        </Combobox>
      </Field>
      <Text size={200}>
        {t.format("orderCheck.position", {
          grade: selected.input.grade,
          isR: selected.input.isR ? "true" : "false",
          limitLine: t.format("orderLog.limitLine", { limit: formatAmount(selected.input.limit), basis }),
          open: formatAmount(selected.input.openReceivables + selected.input.unapplied),
          orders: formatAmount(selected.input.openOrders),
        })}
      </Text>
      <Field label={t.t("orderCheck.amount")} validationState={amountError ? "error" : "none"} validationMessage={amountError}>
        <Input value={amount} inputMode="decimal" onChange={(_, data) => setAmount(data.value)} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={run}>{t.t("orderCheck.check")}</Button>
      </div>
      {result && !result.check.ok && (
        <MessageBar intent="error"><MessageBarBody>{errorText(t, result.check.error)}</MessageBarBody></MessageBar>
      )}
      {result && result.check.ok && (
        <section aria-label={t.t("orderCheck.decisionRegion")} className={styles.card}>
          <div className={styles.actions}>
            <Badge size="large" appearance="filled" color={DECISION_COLOURS[result.check.value.decision]}>
              {t.t(`approval.decision.${result.check.value.decision}`)}
            </Badge>
          </div>
          <Text weight="semibold">{approvalSummary(t, result.check.value)}</Text>
          <ul className={styles.list} aria-label={t.t("orderCheck.reasons")}>
            {[...result.check.value.reasons.map((r) => messageText(t, "orderReason.", r)), ...result.check.value.approvalReasons.map((r) => messageText(t, "approval.reason.", r))]
              .map((r) => <li key={r}><Text size={200}>{r}</Text></li>)}
          </ul>
          {port !== undefined && (
            <div className={styles.actions}>
              <Button onClick={() => void confirm()} disabled={logged?.ok === true}>{t.t("orderLog.confirm")}</Button>
            </div>
          )}
          {logged && (
            <MessageBar intent={logged.ok ? "success" : "error"}><MessageBarBody>{logged.text}</MessageBarBody></MessageBar>
          )}
        </section>
      )}
    </Card>
  );
}
