/**
 * The Policy editor (信用政策): shows the Policy sheet's parameters, lets the user change a value,
 * checks the whole policy with the engine (policyFromRange / validatePolicy) and writes the Policy
 * sheet back through the port only on Save, and only when the policy is valid. Shows the policy
 * fingerprint of the audit trail (§11).
 */
import {
  Button, Card, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select, Spinner, Text,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import { DEFAULT_POLICY } from "../../engine/policy/defaultPolicy";
import { policyToRows } from "../../engine/policy/policyToRows";
import type { WorkbookPort } from "../../host/WorkbookPort";
import type { ColumnMapping } from "../../app/types";
import { messageOf } from "../hooks/useWorkbookScan";
import { checkPolicyRows, policySheetOf, policySourceOf, policyTableRowsOf, problemText, type PolicyDraftRow, type PolicySource } from "../policyDraft";
import { CardTitle } from "./CardTitle";
import { useCardStyles } from "./styles";

export interface PolicyEditorProps {
  port: WorkbookPort;
  mapping: ColumnMapping;
  /** Called after the Policy sheet was written. */
  onSaved?: () => void;
}

type Notice = { intent: "success" | "error"; title: string; text: string };

const DEFAULTS = new Map(policyToRows(DEFAULT_POLICY).map(([k, v]) => [k.toLowerCase(), String(v)]));

export function PolicyEditor({ port, mapping, onSaved }: PolicyEditorProps) {
  const styles = useCardStyles();
  const [source, setSource] = useState<PolicySource | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const [draft, setDraft] = useState<PolicyDraftRow[]>([]);
  const [selected, setSelected] = useState<string>("");
  const [notice, setNotice] = useState<Notice | undefined>();
  const [isSaving, setSaving] = useState(false);

  const load = useCallback(async () => {
    try {
      const read = policySourceOf(await port.readWorkbook(), mapping);
      setSource(read);
      setDraft(read.rows);
      setSelected((s) => (s !== "" && read.rows.some((r) => r.key === s) ? s : read.rows[0]?.key ?? ""));
      setLoadError(undefined);
    } catch (error) {
      setLoadError(messageOf(error));
    }
  }, [port, mapping]);

  useEffect(() => { void load(); }, [load]);

  const saved = useMemo(() => (source ? checkPolicyRows(source.rows) : undefined), [source]);
  const check = useMemo(() => checkPolicyRows(draft), [draft]);
  const changed = useMemo(
    () => draft.filter((r, i) => source !== undefined && r.value !== source.rows[i]?.value),
    [draft, source],
  );

  if (loadError !== undefined) {
    return (
      <MessageBar intent="error">
        <MessageBarBody><MessageBarTitle>Could not read the Policy sheet</MessageBarTitle>{loadError}. Reopen the Policy tab to try again.</MessageBarBody>
      </MessageBar>
    );
  }
  if (!source) return <Spinner label="Reading the Policy sheet…" />;

  const row = draft.find((r) => r.key === selected);
  const problem = problemText(check);
  const isProblemHere = !check.ok && "field" in check.error && row !== undefined &&
    (check.error.field.toLowerCase() === row.key.toLowerCase() || check.error.field.toLowerCase().startsWith(`${row.key.toLowerCase()}.`));

  const setValue = (value: string): void => {
    setNotice(undefined);
    setDraft((rows) => rows.map((r) => (r.key === selected ? { ...r, value } : r)));
  };

  const save = async (): Promise<void> => {
    if (!check.ok) {
      setNotice({ intent: "error", title: "Policy not saved", text: `${problem}. Nothing was written: correct the value and save again.` });
      return;
    }
    setSaving(true);
    try {
      const table = source.table;
      if (table && table.source.kind === "table") {
        // In place: the Policy sheet and table stay, so formulas like =Policy!B2 keep working.
        await port.updateTableRows(table.source.name, policyTableRowsOf(draft, table));
      } else if (table) {
        setNotice({ intent: "error", title: "Policy not saved", text: `The policy on sheet “${table.source.sheet}” is a plain range, not an Excel table: select it and press Ctrl+T to make it a table, then save again.` });
        return;
      } else {
        await port.writeSheets([{ ...policySheetOf(draft, undefined), role: "input" }]);
      }
      setNotice({ intent: "success", title: "Policy saved", text: `Fingerprint ${check.value.fingerprint}. Run the review again to apply it.` });
      onSaved?.();
      await load();
    } catch (error) {
      setNotice({ intent: "error", title: "Policy not saved", text: `${messageOf(error)}. Press Esc if a cell is being edited, then save again.` });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card className={styles.card} aria-labelledby="policy-title">
      <CardTitle id="policy-title" title="Credit policy" chinese="信用政策" />
      <Text size={200} className={styles.secondary}>
        {source.table ? `From table “${source.table.source.name}” on sheet “${source.table.source.sheet}”.` : "No Policy sheet yet: showing the defaults. Save creates the Policy sheet."}
      </Text>
      <Text size={200}>
        Fingerprint (指纹): <code>{saved?.ok ? saved.value.fingerprint : "invalid policy"}</code>
        {check.ok && changed.length > 0 && saved?.ok && check.value.fingerprint !== saved.value.fingerprint && (
          <> → <code>{check.value.fingerprint}</code> after saving</>
        )}
      </Text>
      {saved && !saved.ok && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>The Policy sheet has a problem</MessageBarTitle>
            {problemText(saved)}. Reviews use the defaults until it is fixed.
          </MessageBarBody>
        </MessageBar>
      )}
      <Field label="Parameter (参数)">
        <Select value={selected} onChange={(_, data) => setSelected(data.value)}>
          {draft.map((r) => <option key={r.key} value={r.key}>{r.key}</option>)}
        </Select>
      </Field>
      {row && (
        <Field
          label={`Value (取值) of ${row.key}`}
          hint={isProblemHere ? undefined : [row.description, DEFAULTS.has(row.key.toLowerCase()) ? `Default: ${DEFAULTS.get(row.key.toLowerCase())}` : undefined].filter(Boolean).join(" · ") || undefined}
          validationState={isProblemHere ? "error" : "none"}
          validationMessage={isProblemHere ? problem : undefined}
        >
          <Input value={row.value} onChange={(_, data) => setValue(data.value)} />
        </Field>
      )}
      {changed.length > 0 && (
        <ul className={styles.list} aria-label="Changed parameters">
          {changed.map((r) => {
            const before = source.rows.find((s) => s.key === r.key)?.value ?? "";
            return (
              <li key={r.key}>
                <Text size={200}>{r.key}: {before} → {r.value}</Text>{" "}
                <Button size="small" appearance="subtle" aria-label={`Undo change of ${r.key}`}
                  onClick={() => setDraft((rows) => rows.map((x) => (x.key === r.key ? { ...x, value: before } : x)))}>
                  Undo
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={isSaving || (changed.length === 0 && source.table !== undefined)} onClick={() => void save()}>
          {isSaving ? "Saving…" : "Save policy"}
        </Button>
      </div>
      {notice && (
        <MessageBar intent={notice.intent}>
          <MessageBarBody><MessageBarTitle>{notice.title}</MessageBarTitle>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
    </Card>
  );
}
