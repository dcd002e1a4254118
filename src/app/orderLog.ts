/**
 * The Order Log (订单评审记录, issue 15): every order check the user confirms is appended to the
 * `OrderLog` table, created with its sheet by the first one: time, the review's as-of date,
 * customer, order, exposure before and after, the limit used and whether it was the committee's
 * approved limit or the recommended one, decision, the approval step that must release it, the
 * reasons and the policy fingerprint. Earlier rows are written back as read (updateTableRows),
 * never changed. The text is in the language given (the pane's).
 * @example await appendOrderLog(port, entry, "en-US") //=> { sheet: "Order Log", rows: 1 }
 */
import { toExcelSerial, type DateSystem, type DayNumber } from "../engine/dates/dayNumber";
import type { ApprovalStep } from "../engine/orders/approvalStep";
import type { OrderCheck } from "../engine/orders/checkOrder";
import type { ReviewMessage } from "../engine/review/ReviewMessage";
import type { CellValue, WorkbookPort } from "../host/WorkbookPort";
import type { Locale } from "../i18n/locale";
import type { MessageId } from "../i18n/messages";
import { createTranslator, type Translator } from "../i18n/translator";
import { ORDER_LOG_TABLE, orderLogSheet } from "./output/historySheets";
import { messageText } from "./reviewText";

export type LimitUsedBasis = "approved" | "recommended" | "current" | "none";

export interface OrderLogEntry {
  /** ISO timestamp of the confirmation (the caller's clock). */
  time: string;
  /** As-of date of the review the check used. */
  asOf?: DayNumber;
  customerId: string;
  name: string;
  order: number;
  exposureBefore: number;
  limitUsed: number;
  limitBasis: LimitUsedBasis;
  check: OrderCheck;
  fingerprint: string;
}

/** The decision and the step in words that cannot seem to contradict each other (issue 16). */
export function approvalSummary(t: Translator, check: Pick<OrderCheck, "decision" | "approvalStep">): string {
  const step = check.approvalStep === undefined ? "" : t.t(`approval.step.${check.approvalStep}` as MessageId);
  return t.format(`approval.summary.${check.decision}` as MessageId, { step });
}

/** Every reason of a check, the order's then the approval step's, rendered and joined. */
export function orderReasonsText(t: Translator, check: Pick<OrderCheck, "reasons" | "approvalReasons">): string {
  const order = check.reasons.map((r) => messageText(t, "orderReason.", r));
  const approval = check.approvalReasons.map((r: ReviewMessage) => messageText(t, "approval.reason.", r));
  return [...order, ...approval].join(t.format("warning.separator"));
}

export function orderLogRow(t: Translator, e: OrderLogEntry, system: DateSystem): CellValue[] {
  const step: ApprovalStep | undefined = e.check.approvalStep;
  return [
    e.time, e.asOf === undefined ? null : toExcelSerial(e.asOf, system), e.customerId, e.name, e.order, e.exposureBefore, e.check.exposure,
    e.limitUsed, t.t(`approved.basis.${e.limitBasis}` as MessageId), t.t(`approval.decision.${e.check.decision}` as MessageId),
    step === undefined ? null : t.t(`approval.step.${step}` as MessageId), orderReasonsText(t, e.check), e.fingerprint,
  ];
}

/** Appends one confirmed check to the Order Log, creating the log on the first. */
export async function appendOrderLog(port: WorkbookPort, entry: OrderLogEntry, language: Locale = "en-US"): Promise<{ sheet: string; rows: number }> {
  const t = createTranslator(language);
  const snapshot = await port.readWorkbook();
  const row = orderLogRow(t, entry, snapshot.dateSystem);
  const table = snapshot.tables.find((x) => x.kind === "table" && x.name.toLowerCase() === ORDER_LOG_TABLE.toLowerCase());
  if (table === undefined) {
    const result = await port.writeSheets([orderLogSheet(t, [row])]);
    return { sheet: result.sheets[0]?.written ?? t.t("orderLog.sheet"), rows: 1 };
  }
  const old = table.rows.map((r) => table.headers.map((_, i) => r[i] ?? null));
  await port.updateTableRows(table.name, [...old, row]);
  return { sheet: table.sheet, rows: old.length + 1 };
}
