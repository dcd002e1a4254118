/**
 * After a review that found customers the Approved Limits register does not list (issue 15: the
 * review never writes into the register once it exists), the pane says how many and offers to
 * add them: one row each, ID and name, the committee's columns blank, every other row as it was
 * (app/reviewHistory addMissingApprovals). Nothing is added without the click.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { useState } from "react";
import { addMissingApprovals } from "../../app/reviewHistory";
import type { WorkbookPort } from "../../host/WorkbookPort";
import { usePaneText } from "../usePaneText";

export interface RegisterGapProps {
  port: WorkbookPort;
  customers: readonly { customerId: string; name: string }[];
}

export function RegisterGap({ port, customers }: RegisterGapProps) {
  const t = usePaneText();
  const [state, setState] = useState<{ kind: "idle" | "busy" } | { kind: "added"; count: number } | { kind: "failed"; message: string }>({ kind: "idle" });
  if (state.kind === "added") {
    return (
      <MessageBar intent="success">
        <MessageBarBody>{t("approved.gap.added", { count: state.count })}</MessageBarBody>
      </MessageBar>
    );
  }
  const add = async (): Promise<void> => {
    setState({ kind: "busy" });
    try {
      setState({ kind: "added", count: await addMissingApprovals(port, await port.readWorkbook(), customers) });
    } catch (e) {
      setState({ kind: "failed", message: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <MessageBar intent={state.kind === "failed" ? "error" : "info"}>
      <MessageBarBody>
        {state.kind === "failed" ? t("approved.gap.failed", { message: state.message }) : t("approved.gap.found", { count: customers.length })}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" disabled={state.kind === "busy"} onClick={() => void add()}>
          {t("approved.gap.add", { count: customers.length })}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
