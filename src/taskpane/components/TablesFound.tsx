/**
 * Step 2: the input tables found by their headers, with missing tables and columns, and the
 * column-mapping dialog for headers the add-in did not recognise. A ledger without a Customers
 * table is reviewed all the same (its customers derived from it); with a port, the card offers the
 * Customers sheet pre-filled from the ledger (FromLedgerSection).
 */
import { Badge, Card, Text } from "@fluentui/react-components";
import { INPUT_TABLE_KINDS } from "../../app/headerAliases";
import { REQUIRED_TABLES } from "../../app/recogniseTables";
import type { ColumnMapping, Recognition } from "../../app/types";
import { CardTitle } from "./CardTitle";
import { ColumnMappingDialog } from "./ColumnMappingDialog";
import { FromLedgerSection } from "./SetupCard";
import { ledgerCustomers } from "../../app/deriveCustomers";
import type { WorkbookPort } from "../../host/WorkbookPort";
import { useCardStyles } from "./styles";
import { usePaneText } from "../usePaneText";

export interface TablesFoundProps {
  recognition: Recognition;
  mapping: ColumnMapping;
  onMappingChange: (mapping: ColumnMapping) => void;
  /** The workbook, for the Customers sheet from the ledger (offered when there is a ledger and no Customers table). */
  port?: WorkbookPort;
  /** Called after the card changed the workbook (the pane reads it again). */
  onWorkbookChanged?: () => void;
}

export function TablesFound({ recognition, mapping, onMappingChange, port, onWorkbookChanged }: TablesFoundProps) {
  const styles = useCardStyles();
  const t = usePaneText();
  const needsMapping = Object.values(recognition.tables).some(
    (t) => t.unrecognisedHeaders.length > 0 || t.missingRequired.length > 0,
  );
  const ledger = recognition.tables.receivables;
  const isLedgerOnly = ledger !== undefined && ledger.missingRequired.length === 0 && recognition.tables.customers === undefined;
  return (
    <Card className={styles.card} aria-labelledby="tables-title">
      <CardTitle id="tables-title" title={t("pane.tables.title")} />
      <ul className={styles.list} aria-label={t("pane.tables.list")}>
        {INPUT_TABLE_KINDS.map((kind) => {
          const table = recognition.tables[kind];
          // Without a Customers table the ledger's customers are used: not an error (issue 20).
          const isRequired = REQUIRED_TABLES.includes(kind) && !(kind === "customers" && isLedgerOnly);
          return (
            <li key={kind}>
              <Text weight="semibold">{t(`tableKind.${kind}`)}</Text>{" "}
              {table ? (
                <>
                  <Badge appearance="tint" color={table.missingRequired.length > 0 ? "danger" : "success"}>
                    {t(table.missingRequired.length > 0 ? "pane.tables.columnsMissing" : "pane.tables.found")}
                  </Badge>
                  <br />
                  <Text size={200}>
                    {t("pane.tables.source", { kind: table.source.kind === "table" ? "table" : "range", name: table.source.name, sheet: table.source.sheet, rows: t("pane.tables.rows", { count: table.source.rows.length }) })}
                  </Text>
                  {table.missingRequired.length > 0 && (
                    <Text size={200} block>{t("pane.tables.missingColumns", { columns: table.missingRequired.join(", ") })}</Text>
                  )}
                  {table.unrecognisedHeaders.length > 0 && (
                    <Text size={200} block className={styles.secondary}>
                      {t("pane.tables.unrecognised", { columns: table.unrecognisedHeaders.join(", ") })}
                    </Text>
                  )}
                </>
              ) : (
                <Badge appearance="tint" color={isRequired ? "danger" : kind === "customers" && isLedgerOnly ? "warning" : "informative"}>
                  {t(isRequired ? "pane.tables.notFoundRequired" : kind === "customers" && isLedgerOnly ? "ledger.customersFromLedger" : "pane.tables.notFoundOptional")}
                </Badge>
              )}
            </li>
          );
        })}
      </ul>
      {isLedgerOnly && port && (
        <FromLedgerSection port={port} customers={ledgerCustomers(ledger).nameOf.size} onWritten={() => onWorkbookChanged?.()} />
      )}
      {needsMapping && <ColumnMappingDialog recognition={recognition} mapping={mapping} onApply={onMappingChange} />}
    </Card>
  );
}
