/**
 * Step 2: the input tables found by their headers, with missing tables and columns, and the
 * column-mapping dialog for headers the add-in did not recognise.
 */
import { Badge, Card, Text } from "@fluentui/react-components";
import { INPUT_TABLE_KINDS } from "../../app/headerAliases";
import { REQUIRED_TABLES } from "../../app/recogniseTables";
import type { ColumnMapping, Recognition } from "../../app/types";
import { formatCount } from "../format";
import { CardTitle } from "./CardTitle";
import { ColumnMappingDialog } from "./ColumnMappingDialog";
import { useCardStyles } from "./styles";
import { TABLE_LABELS } from "./tableLabels";

export interface TablesFoundProps {
  recognition: Recognition;
  mapping: ColumnMapping;
  onMappingChange: (mapping: ColumnMapping) => void;
}

export function TablesFound({ recognition, mapping, onMappingChange }: TablesFoundProps) {
  const styles = useCardStyles();
  const needsMapping = Object.values(recognition.tables).some(
    (t) => t.unrecognisedHeaders.length > 0 || t.missingRequired.length > 0,
  );
  return (
    <Card className={styles.card} aria-labelledby="tables-title">
      <CardTitle id="tables-title" title="Tables found" chinese="已识别的表" />
      <ul className={styles.list} aria-label="Input tables">
        {INPUT_TABLE_KINDS.map((kind) => {
          const table = recognition.tables[kind];
          const label = TABLE_LABELS[kind];
          const isRequired = REQUIRED_TABLES.includes(kind);
          return (
            <li key={kind}>
              <Text weight="semibold">{label.en}</Text>{" "}
              <Text size={200} className={styles.secondary} lang="zh">{label.zh}</Text>{" "}
              {table ? (
                <>
                  <Badge appearance="tint" color={table.missingRequired.length > 0 ? "danger" : "success"}>
                    {table.missingRequired.length > 0 ? "columns missing" : "found"}
                  </Badge>
                  <br />
                  <Text size={200}>
                    {table.source.kind === "table" ? "Table" : "Range"} “{table.source.name}” on sheet “{table.source.sheet}”,{" "}
                    {formatCount(table.source.rows.length)} {table.source.rows.length === 1 ? "row" : "rows"}
                  </Text>
                  {table.missingRequired.length > 0 && (
                    <Text size={200} block>Missing columns: {table.missingRequired.join(", ")}</Text>
                  )}
                  {table.unrecognisedHeaders.length > 0 && (
                    <Text size={200} block className={styles.secondary}>
                      Not recognised (ignored): {table.unrecognisedHeaders.join(", ")}
                    </Text>
                  )}
                </>
              ) : (
                <Badge appearance="tint" color={isRequired ? "danger" : "informative"}>
                  {isRequired ? "not found (required)" : "not found (optional)"}
                </Badge>
              )}
            </li>
          );
        })}
      </ul>
      {needsMapping && <ColumnMappingDialog recognition={recognition} mapping={mapping} onApply={onMappingChange} />}
    </Card>
  );
}
