/**
 * The Policy table (信用政策, credit-method.md §1) → a Policy, through the engine's
 * `policyFromRange`. Unknown keys and invalid values become Problems on the row of the key
 * (value column for a bad value, key column for an unknown key). No Policy table: the defaults.
 */
import type { DateSystem } from "../engine/dates/dayNumber";
import { createTranslator } from "../i18n/translator";
import { errorText } from "./errorText";
import { DEFAULT_POLICY } from "../engine/policy/defaultPolicy";
import type { Policy } from "../engine/policy/Policy";
import { policyFromRange } from "../engine/policy/policyFromRange";
import { isBlank } from "../engine/values";
import { cellPosition } from "./rowReader";
import type { Problem, RecognisedTable } from "./types";

export interface PolicyReading {
  policy: Policy;
  policySource: "sheet" | "default";
}

export function readPolicySheet(table: RecognisedTable | undefined, _dateSystem: DateSystem, problems: Problem[]): PolicyReading {
  if (!table || table.missingRequired.length > 0) return { policy: DEFAULT_POLICY, policySource: "default" };
  const keyIndex = table.columns.key;
  const valueIndex = table.columns.value;
  const rows = table.source.rows.map((row) => [row[keyIndex] ?? null, row[valueIndex] ?? null]);
  const rowOfKey = (key: string): number => {
    const wanted = key.trim().toLowerCase();
    return rows.findIndex(([k]) => !isBlank(k) && String(k).trim().toLowerCase() === wanted);
  };
  const at = (field: "key" | "value", dataIndex: number): { row: number; column: number } =>
    dataIndex < 0
      ? { row: table.source.headerRow, column: table.source.firstColumn + table.columns[field] }
      : cellPosition(table, dataIndex, field);
  const push = (field: "key" | "value", dataIndex: number, key: string, message: string): void => {
    problems.push({ severity: "error", table: table.source.name, sheet: table.source.sheet, ...at(field, dataIndex), field: key, message });
  };

  const read = policyFromRange(rows, DEFAULT_POLICY, { allowUnknownKeys: true });
  if (!read.ok) {
    const error = read.error;
    const key = error.kind === "invalidInput" || error.kind === "outOfRange" || error.kind === "divideByZero" ? error.field : "policy";
    // A Policy-row error names the row (a value without a key) rather than a key.
    const row = error.kind === "notAvailable" ? undefined : key === "Policy" ? error.at?.row : undefined;
    const dataIndex = row !== undefined ? row - 1 : rowOfKey(key);
    push(row !== undefined ? "key" : "value", dataIndex, key, `Policy: ${errorText(createTranslator("en-US"), error)}`);
    return { policy: DEFAULT_POLICY, policySource: "default" };
  }
  const unknown = read.value.unknownKeys;
  for (const key of unknown) push("key", rowOfKey(key), key, `Policy: unknown key "${key}"`);
  if (unknown.length > 0) return { policy: DEFAULT_POLICY, policySource: "default" };
  return { policy: read.value.policy, policySource: "sheet" };
}
