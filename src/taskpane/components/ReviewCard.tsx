/**
 * Steps 4–5: the as-of date (default today, editable), the Run review button, progress with
 * Cancel, and what happened: written, invalid (nothing written), cancelled (nothing written) or
 * failed.
 */
import {
  Button, Card, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text,
} from "@fluentui/react-components";
import { OUTPUT_SHEETS } from "../../app/types";
import { asOfMessage } from "../asOfDate";
import { formatCount } from "../format";
import type { ReviewState } from "../hooks/useReview";
import { CardTitle } from "./CardTitle";
import { useCardStyles } from "./styles";

export interface ReviewCardProps {
  asOf: string;
  onAsOfChange: (text: string) => void;
  state: ReviewState;
  onRun: () => void;
  onCancel: () => void;
}

function Outcome({ state }: { state: ReviewState }) {
  if (state.kind === "failed") {
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>The review stopped</MessageBarTitle>
          {state.message}. Check that the workbook is not being edited (press Esc to leave a cell), then run the review again.
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
            <MessageBarTitle>Review written</MessageBarTitle>
            Sheets {OUTPUT_SHEETS.join(", ")} as of {state.asOfIso}
            {outcome.policyFingerprint ? `, policy ${outcome.policyFingerprint}` : ""}.
          </MessageBarBody>
        </MessageBar>
      );
    case "invalid": {
      const errors = outcome.problems.filter((p) => p.severity === "error").length;
      return (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Nothing was written</MessageBarTitle>
            {formatCount(errors)} {errors === 1 ? "problem" : "problems"} in the input tables must be fixed first: use “Go to cell” in the list of problems, correct the cells, then run the review again.
          </MessageBarBody>
        </MessageBar>
      );
    }
    case "cancelled":
      return (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Review cancelled</MessageBarTitle>
            Nothing was written. Run the review again when ready.
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
  const dateMessage = asOfMessage(asOf);
  const isRunning = state.kind === "running";
  return (
    <Card className={styles.card} aria-labelledby="review-title">
      <CardTitle id="review-title" title="Credit Review" chinese="信用评审" />
      <Field
        label="As-of date (评审基准日)"
        hint={dateMessage === undefined ? "YYYY-MM-DD. Items dated after it are ignored." : undefined}
        validationState={dateMessage === undefined ? "none" : "error"}
        validationMessage={dateMessage}
      >
        <Input value={asOf} onChange={(_, data) => onAsOfChange(data.value)} placeholder="YYYY-MM-DD" disabled={isRunning} />
      </Field>
      {state.kind === "running" ? (
        <>
          <Field validationMessage={state.isCancelling ? "Cancelling…" : state.stage} validationState="none">
            <ProgressBar value={state.fraction} max={1} aria-label="Review progress" />
          </Field>
          <div className={styles.actions}>
            <Button appearance="secondary" onClick={onCancel} disabled={state.isCancelling}>Cancel</Button>
          </div>
        </>
      ) : (
        <div className={styles.actions}>
          <Button appearance="primary" onClick={onRun} disabled={dateMessage !== undefined}>Run review</Button>
          <Text size={200} className={styles.secondary}>Writes {OUTPUT_SHEETS.join(", ")}.</Text>
        </div>
      )}
      <Outcome state={state} />
    </Card>
  );
}
