/**
 * The Policy editor (信用政策): the Policy sheet's parameters grouped by what they set (scoring,
 * grades, limits, aging, collections, warnings, orders, models), each with its description in the
 * user's language and its default, and a search over keys and descriptions. A change is checked
 * with the engine at once (policyFromRange / validatePolicy, the problem shown under the field);
 * the Policy sheet is written back through the port only on Save, and only when the policy is
 * valid. Shows the policy fingerprint of the audit trail (§11), before and after the change.
 */
import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Card, Field, Input, MessageBar, MessageBarBody,
  MessageBarTitle, SearchBox, Spinner, Text, makeStyles, tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useIntl } from "react-intl";
import { errorText } from "../../app/errorText";
import type { ColumnMapping } from "../../app/types";
import type { Result } from "../../engine/errors";
import { DEFAULT_POLICY } from "../../engine/policy/defaultPolicy";
import { policyToRows } from "../../engine/policy/policyToRows";
import type { WorkbookPort } from "../../host/WorkbookPort";
import { DEFAULT_LOCALE, isLocale } from "../../i18n/locale";
import { createTranslator } from "../../i18n/translator";
import { messageOf } from "../hooks/useWorkbookScan";
import { checkPolicyRows, policySheetOf, policySourceOf, policyTableRowsOf, type PolicyDraftRow, type PolicySource } from "../policyDraft";
import { matchesSearch, POLICY_SECTIONS, policySectionOf, type PolicySection } from "../policySections";
import { CardTitle } from "./CardTitle";
import { useCardStyles } from "./styles";
import type { MessageId } from "../../i18n/messages";
import { usePaneText } from "../usePaneText";

export interface PolicyEditorProps {
  port: WorkbookPort;
  mapping: ColumnMapping;
  /** Called after the Policy sheet was written. */
  onSaved?: () => void;
}

type Notice = { intent: "success" | "error"; title: string; text: string };

const DEFAULTS = new Map(policyToRows(DEFAULT_POLICY).map(([k, v]) => [k.toLowerCase(), String(v)]));

const useStyles = makeStyles({
  fields: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  key: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
  sectionHeader: { display: "flex", flexDirection: "column", alignItems: "flex-start" },
});

/** The field whose value the problem names: `gradeBands.A`, or `agingEdges` for `agingEdges.2`. */
function isProblemOf(check: Result<unknown>, key: string): boolean {
  if (check.ok || !("field" in check.error)) return false;
  const field = check.error.field.toLowerCase();
  const k = key.toLowerCase();
  return field === k || field.startsWith(`${k}.`);
}

export function PolicyEditor({ port, mapping, onSaved }: PolicyEditorProps) {
  const styles = useCardStyles();
  const own = useStyles();
  const intl = useIntl();
  const t = usePaneText();
  const translator = createTranslator(isLocale(intl.locale) ? intl.locale : DEFAULT_LOCALE);
  const [source, setSource] = useState<PolicySource | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const [draft, setDraft] = useState<PolicyDraftRow[]>([]);
  const [query, setQuery] = useState("");
  const [openSections, setOpenSections] = useState<PolicySection[]>(["general"]);
  const [notice, setNotice] = useState<Notice | undefined>();
  const [isSaving, setSaving] = useState(false);

  const load = useCallback(async () => {
    try {
      const read = policySourceOf(await port.readWorkbook(), mapping);
      setSource(read);
      setDraft(read.rows);
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
        <MessageBarBody><MessageBarTitle>{t("policyEditor.loadFailed")}</MessageBarTitle>{t("policyEditor.loadFailedText", { message: loadError })}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!source) return <Spinner label={t("policyEditor.loading")} />;

  const problem = check.ok ? undefined : errorText(translator, check.error);
  const descriptionOf = (row: PolicyDraftRow): string | undefined => {
    const id = `policy.${row.key}.description`;
    return Object.prototype.hasOwnProperty.call(intl.messages, id) ? t(id as MessageId) : row.description ?? undefined;
  };
  const sectionName = (section: PolicySection): string => t(`policyEditor.section.${section}`);
  const visible = draft.filter((r) => matchesSearch(query, r.key, descriptionOf(r), sectionName(policySectionOf(r.key))));
  const bySection = POLICY_SECTIONS
    .map((section) => ({ section, rows: visible.filter((r) => policySectionOf(r.key) === section) }))
    .filter((s) => s.rows.length > 0);
  const isSearching = query.trim() !== "";
  const open = isSearching ? bySection.map((s) => s.section) : openSections;

  const setValue = (key: string, value: string): void => {
    setNotice(undefined);
    setDraft((rows) => rows.map((r) => (r.key === key ? { ...r, value } : r)));
  };

  const save = async (): Promise<void> => {
    if (!check.ok) {
      setNotice({ intent: "error", title: t("policyEditor.notSaved"), text: t("policyEditor.notSavedInvalid", { problem: problem ?? "" }) });
      const bad = draft.find((r) => isProblemOf(check, r.key));
      if (bad) setOpenSections((sections) => [...new Set([...sections, policySectionOf(bad.key)])]);
      return;
    }
    setSaving(true);
    try {
      const table = source.table;
      if (table && table.source.kind === "table") {
        // In place: the Policy sheet and table stay, so formulas like =Policy!B2 keep working.
        await port.updateTableRows(table.source.name, policyTableRowsOf(draft, table));
      } else if (table) {
        setNotice({ intent: "error", title: t("policyEditor.notSaved"), text: t("policyEditor.notSavedRange", { sheet: table.source.sheet }) });
        return;
      } else {
        await port.writeSheets([{ ...policySheetOf(draft, undefined), role: "input" }]);
      }
      setNotice({ intent: "success", title: t("policyEditor.saved"), text: t("policyEditor.savedText", { fingerprint: check.value.fingerprint }) });
      onSaved?.();
      await load();
    } catch (error) {
      setNotice({ intent: "error", title: t("policyEditor.notSaved"), text: t("policyEditor.notSavedError", { message: messageOf(error) }) });
    } finally {
      setSaving(false);
    }
  };

  const field = (row: PolicyDraftRow) => {
    const isProblemHere = isProblemOf(check, row.key);
    const fallback = DEFAULTS.get(row.key.toLowerCase());
    const hint = [descriptionOf(row), fallback === undefined ? undefined : t("policyEditor.default", { value: fallback })].filter(Boolean).join(" · ");
    return (
      <Field
        key={row.key}
        label={{ children: row.key, className: own.key }}
        hint={isProblemHere || hint === "" ? undefined : hint}
        validationState={isProblemHere ? "error" : "none"}
        validationMessage={isProblemHere ? problem : undefined}
      >
        <Input value={row.value} onChange={(_, data) => setValue(row.key, data.value)} />
      </Field>
    );
  };

  return (
    <Card className={styles.card} aria-labelledby="policy-title">
      <CardTitle id="policy-title" title={t("policyEditor.title")} />
      <Text size={200} className={styles.secondary}>
        {source.table ? t("policyEditor.fromTable", { table: source.table.source.name, sheet: source.table.source.sheet }) : t("policyEditor.noSheet")}
      </Text>
      <Text size={200}>
        {t("policyEditor.fingerprint")}: <code>{saved?.ok ? saved.value.fingerprint : t("policyEditor.invalidPolicy")}</code>
        {check.ok && changed.length > 0 && saved?.ok && check.value.fingerprint !== saved.value.fingerprint && (
          <> → <code>{check.value.fingerprint}</code> ({t("policyEditor.afterSaving")})</>
        )}
      </Text>
      {saved && !saved.ok && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{t("policyEditor.sheetProblem")}</MessageBarTitle>
            {t("policyEditor.sheetProblemText", { problem: errorText(translator, saved.error) })}
          </MessageBarBody>
        </MessageBar>
      )}
      <Field label={t("policyEditor.search")} hint={t("policyEditor.searchHint")}>
        <SearchBox value={query} onChange={(_, data) => setQuery(data.value)} />
      </Field>
      {isSearching && <Text size={200} role="status">{t("policyEditor.matches", { count: visible.length })}</Text>}
      <Accordion
        multiple
        collapsible
        openItems={open}
        onToggle={(_, data) => { if (!isSearching) setOpenSections(data.openItems as PolicySection[]); }}
      >
        {bySection.map(({ section, rows }) => (
          <AccordionItem key={section} value={section}>
            <AccordionHeader>
              <span className={own.sectionHeader}>
                <span>{sectionName(section)}</span>
                <Text size={200} className={styles.secondary}>
                  {t("policyEditor.sectionCount", { count: rows.length, changed: changed.filter((r) => policySectionOf(r.key) === section).length })}
                </Text>
              </span>
            </AccordionHeader>
            <AccordionPanel><div className={own.fields}>{rows.map(field)}</div></AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
      {changed.length > 0 && (
        <ul className={styles.list} aria-label={t("policyEditor.changed")}>
          {changed.map((r) => {
            const before = source.rows.find((s) => s.key === r.key)?.value ?? "";
            return (
              <li key={r.key}>
                <Text size={200}>{t("policyEditor.changeLine", { key: r.key, before, after: r.value })}</Text>{" "}
                <Button size="small" appearance="subtle" aria-label={t("policyEditor.undoLabel", { key: r.key })}
                  onClick={() => setDraft((rows) => rows.map((x) => (x.key === r.key ? { ...x, value: before } : x)))}>
                  {t("policyEditor.undo")}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {problem !== undefined && !draft.some((r) => isProblemOf(check, r.key) && open.includes(policySectionOf(r.key))) && (
        <MessageBar intent="error"><MessageBarBody>{problem}</MessageBarBody></MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={isSaving || (changed.length === 0 && source.table !== undefined)} onClick={() => void save()}>
          {isSaving ? t("policyEditor.saving") : t("policyEditor.save")}
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
