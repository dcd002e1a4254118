/**
 * The order credit check (赊销订单评审, credit-method.md §8): pick a customer of the last review,
 * type the new order's amount, and see the decision (approve / hold / refuse / refer), the
 * approval level for an excess over the limit, the exposure and the reasons. Nothing is written.
 */
import { Badge, Button, Card, Field, Input, MessageBar, MessageBarBody, Select, Text } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { messageText } from "../../app/reviewText";
import { describeError, type Result } from "../../engine/errors";
import { checkOrder, type OrderCheck as OrderCheckResult, type OrderDecision } from "../../engine/orders/checkOrder";
import type { Policy } from "../../engine/policy/Policy";
import { readNumber } from "../../engine/values";
import { formatAmount } from "../format";
import { orderInputOf, type OrderCustomer } from "../orderInputOf";
import { createTranslator } from "../../i18n/translator";
import { CardTitle } from "./CardTitle";
import { useCardStyles } from "./styles";

export interface OrderCheckProps {
  /** Per-customer results of the last review (undefined before a review ran). */
  customers?: readonly Record<string, unknown>[];
  policy: Pick<Policy, "orderHoldDays" | "creditManagerExcessPercent" | "approvalChain">;
  asOfIso?: string;
}

/** The engine's reasons rendered in en-US until the pane has a locale. */
const PANE_TRANSLATOR = createTranslator("en-US");

const DECISION_LABELS: Record<OrderDecision, { text: string; color: "success" | "warning" | "danger" | "important" }> = {
  approve: { text: "Approve 批准", color: "success" },
  hold: { text: "Hold 暂停", color: "warning" },
  refuse: { text: "Refuse 拒绝", color: "danger" },
  refer: { text: "Refer to committee 提交委员会", color: "important" },
};

export function OrderCheck({ customers, policy, asOfIso }: OrderCheckProps) {
  const styles = useCardStyles();
  const options = useMemo(
    () => (customers ?? []).map(orderInputOf).filter((r): r is { ok: true; value: OrderCustomer } => r.ok).map((r) => r.value),
    [customers],
  );
  const [customerId, setCustomerId] = useState("");
  const [amount, setAmount] = useState("");
  const [result, setResult] = useState<{ customer: OrderCustomer; check: Result<OrderCheckResult> } | undefined>();
  const [amountError, setAmountError] = useState<string | undefined>();

  if (options.length === 0) {
    return (
      <Card className={styles.card} aria-labelledby="order-title">
        <CardTitle id="order-title" title="Order check" chinese="赊销订单评审" />
        <MessageBar intent="info">
          <MessageBarBody>Run a review first: the order check uses the last review’s grades, limits and balances.</MessageBarBody>
        </MessageBar>
      </Card>
    );
  }

  const selected = options.find((c) => c.customerId === customerId) ?? options[0];

  const run = (): void => {
    const n = readNumber(amount, "New order amount");
    if (!n.ok || n.value <= 0) {
      setAmountError("Enter the order amount as a number above 0, e.g. 25,000");
      setResult(undefined);
      return;
    }
    setAmountError(undefined);
    setResult({ customer: selected, check: checkOrder({ ...selected.input, newOrder: n.value }, policy) });
  };

  return (
    <Card className={styles.card} aria-labelledby="order-title">
      <CardTitle id="order-title" title="Order check" chinese="赊销订单评审" />
      <Text size={200} className={styles.secondary}>Uses the review as of {asOfIso ?? "the last run"}. Nothing is written.</Text>
      <Field label="Customer (客户)">
        <Select value={selected.customerId} onChange={(_, data) => { setCustomerId(data.value); setResult(undefined); }}>
          {options.map((c) => <option key={c.customerId} value={c.customerId}>{c.customerId} {c.name}</option>)}
        </Select>
      </Field>
      <Text size={200}>
        Grade {selected.input.grade}{selected.input.isR ? " (R)" : ""} · limit {formatAmount(selected.input.limit)}
        {selected.limitSource === "current" ? " (current)" : selected.limitSource === "none" ? " (none)" : ""} · open {formatAmount(selected.input.openReceivables + selected.input.unapplied)} · orders {formatAmount(selected.input.openOrders)}
      </Text>
      <Field label="New order amount (新订单金额)" validationState={amountError ? "error" : "none"} validationMessage={amountError}>
        <Input value={amount} inputMode="decimal" onChange={(_, data) => setAmount(data.value)} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={run}>Check order</Button>
      </div>
      {result && !result.check.ok && (
        <MessageBar intent="error"><MessageBarBody>{describeError(result.check.error)}</MessageBarBody></MessageBar>
      )}
      {result && result.check.ok && (
        <section aria-label="Order decision" className={styles.card}>
          <div className={styles.actions}>
            <Badge size="large" appearance="filled" color={DECISION_LABELS[result.check.value.decision].color}>
              {DECISION_LABELS[result.check.value.decision].text}
            </Badge>
            {result.check.value.approvalStep && <Text>Approval: {PANE_TRANSLATOR.format(`approval.step.${result.check.value.approvalStep}`)}</Text>}
          </div>
          <Text size={200}>
            Exposure {formatAmount(result.check.value.exposure)} against limit {formatAmount(result.customer.input.limit)}
          </Text>
          <ul className={styles.list} aria-label="Reasons">
            {result.check.value.reasons.map((r) => messageText(PANE_TRANSLATOR, "orderReason.", r)).map((r) => <li key={r}><Text size={200}>{r}</Text></li>)}
          </ul>
        </section>
      )}
    </Card>
  );
}
