/**
 * Steps 4–5: the as-of date (default today, editable), the Run review button, progress with
 * Cancel, and what happened: written, invalid (nothing written), cancelled (nothing written) or
 * failed.
 */
import {
  Button, Card, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text,
} from "@fluentui/react-components";
import { OUTPUT_SHEETS } from "../../app/types";
import { parseAsOf } from "../asOfDate";
import type { ReviewState } from "../hooks/useReview";
import { CardTitle } from "./CardTitle";
import { useCardStyles } from "./styles";
import { usePaneText, type PaneText } from "../usePaneText";

export interface ReviewCardProps {
  asOf: string;
  onAsOfChange: (text: string) => void;
  state: ReviewState;
  onRun: () => void;
  onCancel: () => void;
}

type T = PaneText;

/** Why the as-of text is not a date (wrong form, or no such day), or undefined when it is one. */
function asOfProblem(text: string, t: T): string | undefined {
  if (parseAsOf(text).ok) return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? t("pane.review.asOfNotADate", { date: text.trim() }) : t("pane.review.asOfInvalid");
}

function Outcome({ state }: { state: ReviewState }) {
  const t = usePaneText();
  if (state.kind === "failed") {
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>{t("pane.review.stopped")}</MessageBarTitle>
          {t("pane.review.stoppedText", { message: state.message })}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (state.kind !== "done") return null;
  const { outcome } = state;
  switch (outcome.status) {
    case "written":
      return (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>{t("pane.review.written")}</MessageBarTitle>
            {t("pane.review.writtenText", {
              sheets: OUTPUT_SHEETS.join(", "), asOf: state.asOfIso,
              hasPolicy: outcome.policyFingerprint ? "yes" : "no", fingerprint: outcome.policyFingerprint ?? "",
            })}
          </MessageBarBody>
        </MessageBar>
      );
    case "invalid": {
      const errors = outcome.problems.filter((p) => p.severity === "error").length;
      return (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t("pane.review.invalid")}</MessageBarTitle>
            {t("pane.review.invalidText", { count: errors })}
          </MessageBarBody>
        </MessageBar>
      );
    }
    case "cancelled":
      return (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{t("pane.review.cancelled")}</MessageBarTitle>
            {t("pane.review.cancelledText")}
          </MessageBarBody>
        </MessageBar>
      );
    default: {
      const never: never = outcome.status;
      throw new Error(`unhandled review status ${String(never)}`);
    }
  }
}

export function ReviewCard({ asOf, onAsOfChange, state, onRun, onCancel }: ReviewCardProps) {
  const styles = useCardStyles();
  const t = usePaneText();
  const dateMessage = asOfProblem(asOf, t);
  const isRunning = state.kind === "running";
  return (
    <Card className={styles.card} aria-labelledby="review-title">
      <CardTitle id="review-title" title={t("pane.review.title")} />
      <Field
        label={t("pane.review.asOf")}
        hint={dateMessage === undefined ? t("pane.review.asOfHint") : undefined}
        validationState={dateMessage === undefined ? "none" : "error"}
        validationMessage={dateMessage}
      >
        <Input value={asOf} onChange={(_, data) => onAsOfChange(data.value)} placeholder="YYYY-MM-DD" disabled={isRunning} />
      </Field>
      {state.kind === "running" ? (
        <>
          <Field validationMessage={state.isCancelling ? t("pane.review.cancelling") : state.stage} validationState="none">
            <ProgressBar value={state.fraction} max={1} aria-label={t("pane.review.progress")} />
          </Field>
          <div className={styles.actions}>
            <Button appearance="secondary" onClick={onCancel} disabled={state.isCancelling}>{t("pane.review.cancel")}</Button>
          </div>
        </>
      ) : (
        <div className={styles.actions}>
          <Button appearance="primary" onClick={onRun} disabled={dateMessage !== undefined}>{t("pane.review.run")}</Button>
          <Text size={200} className={styles.secondary}>{t("pane.review.writes", { sheets: OUTPUT_SHEETS.join(", ") })}</Text>
        </div>
      )}
      <Outcome state={state} />
    </Card>
  );
}
