/**
 * The column-mapping dialog: for each header the add-in did not recognise, the user picks the
 * field it holds (or leaves it ignored). The mapping is applied to recognition, passed to the
 * review and saved in the workbook (the CreditDeskMapping table, see app/savedMapping: the pane's
 * scan writes it), so the pane and the CLI use it next time. Ignoring a header records an empty
 * field, which also clears a mapping saved for it earlier.
 */
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, Field, Select, Text,
} from "@fluentui/react-components";
import { useState } from "react";
import { INPUT_TABLE_KINDS, TABLE_FIELDS } from "../../app/headerAliases";
import type { ColumnMapping, InputTableKind, Recognition } from "../../app/types";
import type { MessageId } from "../../i18n/messages";
import { usePaneText } from "../usePaneText";
import { useCardStyles } from "./styles";

export interface ColumnMappingDialogProps {
  recognition: Recognition;
  mapping: ColumnMapping;
  onApply: (mapping: ColumnMapping) => void;
}

const IGNORE = "";

/** Headers the user may map: unrecognised ones, plus those already mapped by the user. */
function mappableHeaders(recognition: Recognition, mapping: ColumnMapping): [InputTableKind, string[]][] {
  const out: [InputTableKind, string[]][] = [];
  for (const kind of INPUT_TABLE_KINDS) {
    const table = recognition.tables[kind];
    if (!table) continue;
    const headers = new Set([...table.unrecognisedHeaders, ...Object.keys(mapping[kind] ?? {})]);
    if (headers.size > 0) out.push([kind, [...headers]]);
  }
  return out;
}

export function ColumnMappingDialog({ recognition, mapping, onApply }: ColumnMappingDialogProps) {
  const styles = useCardStyles();
  const t = usePaneText();
  const [isOpen, setOpen] = useState(false);
  const [draft, setDraft] = useState<ColumnMapping>(mapping);
  const groups = mappableHeaders(recognition, mapping);

  const choose = (kind: InputTableKind, header: string, field: string): void => {
    setDraft((d) => {
      const forKind = { ...(d[kind] ?? {}) };
      forKind[header] = field;
      return { ...d, [kind]: forKind };
    });
  };

  return (
    <Dialog open={isOpen} onOpenChange={(_, data) => { setOpen(data.open); if (data.open) setDraft(mapping); }}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="secondary">{t("mapping.open")}</Button>
      </DialogTrigger>
      <DialogSurface aria-describedby="mapping-help">
        <DialogBody>
          <DialogTitle>{t("mapping.title")}</DialogTitle>
          <DialogContent className={styles.card}>
            <Text id="mapping-help" size={200}>
              {t("mapping.help")}
            </Text>
            {groups.map(([kind, headers]) => {
              const table = recognition.tables[kind];
              const taken = new Set(Object.keys(table?.columns ?? {}));
              const missing = new Set(table?.missingRequired ?? []);
              const fields = TABLE_FIELDS[kind].fields.filter((f) => !taken.has(f.field) || Object.values(draft[kind] ?? {}).includes(f.field));
              return (
                <fieldset key={kind} className={styles.card}>
                  <legend>{t(`tableKind.${kind}` as MessageId)}</legend>
                  {headers.map((header) => (
                    <Field key={header} label={t("mapping.column", { header })}>
                      <Select value={draft[kind]?.[header] ?? IGNORE} onChange={(_, data) => choose(kind, header, data.value)}>
                        <option value={IGNORE}>{t("mapping.ignore")}</option>
                        {fields.map((f) => (
                          <option key={f.field} value={f.field}>
                            {missing.has(f.field) ? t("mapping.requiredMissing", { field: f.header }) : f.header}
                          </option>
                        ))}
                      </Select>
                    </Field>
                  ))}
                </fieldset>
              );
            })}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{t("mapping.close")}</Button>
            </DialogTrigger>
            <Button appearance="primary" onClick={() => { onApply(draft); setOpen(false); }}>{t("mapping.apply")}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
