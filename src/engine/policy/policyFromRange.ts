/**
 * Reads the Policy sheet (信用政策, credit-method.md §1) back into a Policy: the key/value rows
 * written by `policyToRows`, over a base policy (default DEFAULT_POLICY) whose values stand for
 * every key the range leaves out.
 *
 * - Column 1 is the key (dotted, case-insensitive), column 2 the value; further columns (a
 *   description, say) are ignored. A header row whose first cell is "Key" (or 参数) is skipped,
 *   and so are blank rows.
 * - Numbers may be typed as text with thousands separators ("1,000,000"). Percent parameters are
 *   percent numbers (25 for 25 %): text such as "25%" is refused rather than guessed.
 * - Lists of numbers are one cell of comma- or semicolon-separated numbers ("0,30,60"); a single
 *   number cell is a list of one. Lists of texts (`collectionActions.N`) are one row per entry;
 *   when any entry is given, the list is exactly the entries given (indices 0..n-1, no gaps).
 * - Yes/no parameters accept TRUE/FALSE, 1/0, yes/no, y/n, 是/否.
 * - An unknown key is an invalidInput error naming the key, never silently ignored (with
 *   `allowUnknownKeys` it is returned in `unknownKeys` instead, for a caller that reports it).
 *   A key given twice is an error. Then the whole policy is checked with `validatePolicy`; the
 *   first problem is returned, naming its field.
 * @example policyFromRange([["Key", "Value"], ["roundingUnit", "500"]]) //=> ok({ policy: { ...DEFAULT_POLICY, roundingUnit: 500 }, unknownKeys: [] })
 */
import { at, detail, type DomainError, err, invalidInput, ok, type Result } from "../errors";
import { DEFAULT_POLICY } from "./defaultPolicy";
import type { Policy } from "./Policy";
import { validatePolicy } from "./validatePolicy";
import { isBlank } from "../values/isBlank";

type SlotKind = "number" | "string" | "boolean" | "numberList";

interface Slot {
  key: string;
  path: string[];
  kind: SlotKind;
}

export interface PolicyFromRangeOptions {
  /** Collect unknown keys in `unknownKeys` instead of failing (default false: an unknown key is an error). */
  allowUnknownKeys?: boolean;
}

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const HEADER_KEYS = new Set(["key", "参数"]);

/** Every settable key of a policy, derived from the base policy's shape. */
function slotsOf(base: Policy): { scalars: Map<string, Slot>; textLists: Map<string, Slot> } {
  const scalars = new Map<string, Slot>();
  const textLists = new Map<string, Slot>();
  const walk = (path: string[], value: unknown): void => {
    const key = path.join(".");
    if (typeof value === "number") scalars.set(key.toLowerCase(), { key, path, kind: "number" });
    else if (typeof value === "string") scalars.set(key.toLowerCase(), { key, path, kind: "string" });
    else if (typeof value === "boolean") scalars.set(key.toLowerCase(), { key, path, kind: "boolean" });
    else if (Array.isArray(value)) {
      const isTextList = value.length > 0 && value.every((v) => typeof v === "string");
      (isTextList ? textLists : scalars).set(key.toLowerCase(), { key, path, kind: isTextList ? "string" : "numberList" });
    } else if (value !== null && typeof value === "object") {
      for (const [k, child] of Object.entries(value)) walk([...path, k], child);
    }
  };
  walk([], base);
  return { scalars, textLists };
}

function parseNumberText(text: string, key: string): Result<number> {
  const t = text.trim().replace(/[,\s]/g, "");
  if (t.endsWith("%")) {
    return err(invalidInput(key, detail("percentAsNumber", { text: text.trim() })));
  }
  if (!NUMBER_TEXT.test(t)) return err(invalidInput(key, detail("notNumberText", { text: text.trim() })));
  return ok(Number(t));
}

function readValue(kind: SlotKind, value: unknown, key: string): Result<number | string | boolean | number[]> {
  switch (kind) {
    case "number":
      if (typeof value === "number") return Number.isFinite(value) ? ok(value) : err(invalidInput(key, detail("notFinite")));
      if (typeof value === "string") return parseNumberText(value, key);
      return err(invalidInput(key, detail("notNumber")));
    case "string":
      if (typeof value === "string") return ok(value.trim());
      if (typeof value === "number" && Number.isFinite(value)) return ok(String(value));
      return err(invalidInput(key, detail("notText")));
    case "boolean": {
      if (typeof value === "boolean") return ok(value);
      if (value === 1 || value === 0) return ok(value === 1);
      const t = typeof value === "string" ? value.trim().toLowerCase() : "";
      if (["true", "yes", "y", "1", "是"].includes(t)) return ok(true);
      if (["false", "no", "n", "0", "否"].includes(t)) return ok(false);
      return err(invalidInput(key, detail("notBooleanGot", { got: JSON.stringify(value) ?? String(value) })));
    }
    case "numberList": {
      if (typeof value === "number") return Number.isFinite(value) ? ok([value]) : err(invalidInput(key, detail("notFinite")));
      if (typeof value !== "string") return err(invalidInput(key, detail("numberList")));
      if (value.trim() === "") return ok([]);
      const out: number[] = [];
      for (const part of value.split(/[,;]/)) {
        const n = parseNumberText(part, key);
        if (!n.ok) return err(invalidInput(key, detail("numberListText", { text: value.trim() })));
        out.push(n.value);
      }
      return ok(out);
    }
    default: {
      const never: never = kind;
      throw new Error(`unhandled slot kind ${String(never)}`);
    }
  }
}

/** A copy of `node` with the value at `path` replaced; the shape is otherwise unchanged. */
function replaceAt(node: unknown, path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (node === null || typeof node !== "object" || Array.isArray(node)) {
    throw new Error(`policy path ${path.join(".")} does not lead to an object`);
  }
  const copy: Record<string, unknown> = { ...node };
  copy[head] = replaceAt(copy[head], rest, value);
  return copy;
}

function firstProblem(errors: DomainError[]): DomainError {
  const [first] = errors;
  if (errors.length === 1 || first.kind === "notAvailable" || first.kind === "divideByZero") return first;
  return { ...first, more: errors.length - 1 };
}

export function policyFromRange(
  rows: unknown[][],
  base: Policy = DEFAULT_POLICY,
  options: PolicyFromRangeOptions = {},
): Result<{ policy: Policy; unknownKeys: string[] }> {
  const { scalars, textLists } = slotsOf(base);
  const seen = new Map<string, number>();
  const textEntries = new Map<string, Map<number, string>>();
  const unknownKeys: string[] = [];
  let draft: unknown = base;
  let isFirstContentRow = true;

  for (let r = 0; r < rows.length; r++) {
    const row = Array.isArray(rows[r]) ? rows[r] : [rows[r]];
    const keyCell = row[0];
    const valueCell = row[1];
    if (isBlank(keyCell) && isBlank(valueCell)) continue;
    const rowNo = r + 1;
    if (typeof keyCell !== "string" || keyCell.trim() === "") {
      return err(invalidInput(at("Policy", { row: rowNo }), detail("valueWithoutKey")));
    }
    const rawKey = keyCell.trim();
    const lower = rawKey.toLowerCase();
    if (isFirstContentRow && HEADER_KEYS.has(lower)) {
      isFirstContentRow = false;
      continue;
    }
    isFirstContentRow = false;

    const previous = seen.get(lower);
    if (previous !== undefined) return err(invalidInput(rawKey, detail("givenTwice", { first: previous, second: rowNo })));
    seen.set(lower, rowNo);

    const scalar = scalars.get(lower);
    const listMatch = /^(.*)\.(\d+)$/.exec(lower);
    const textList = listMatch ? textLists.get(listMatch[1]) : undefined;
    if (scalar === undefined && (textList === undefined || listMatch === null)) {
      if (options.allowUnknownKeys) {
        unknownKeys.push(rawKey);
        continue;
      }
      return err(invalidInput(at(rawKey, { row: rowNo }), detail("unknownKey")));
    }
    if (isBlank(valueCell) && !(scalar && (scalar.kind === "numberList" || scalar.kind === "string"))) {
      return err(invalidInput(at(scalar?.key ?? rawKey, { row: rowNo }), detail("noValue")));
    }
    if (scalar !== undefined) {
      const v = readValue(scalar.kind, isBlank(valueCell) ? "" : valueCell, scalar.key);
      if (!v.ok) return v;
      draft = replaceAt(draft, scalar.path, v.value);
    } else if (textList !== undefined && listMatch !== null) {
      const index = Number(listMatch[2]);
      const field = `${textList.key}.${index}`;
      const v = readValue("string", valueCell, field);
      if (!v.ok) return v;
      const entries = textEntries.get(textList.key) ?? new Map<number, string>();
      entries.set(index, String(v.value));
      textEntries.set(textList.key, entries);
    }
  }

  for (const [listKey, entries] of textEntries) {
    const slot = textLists.get(listKey.toLowerCase());
    if (slot === undefined) continue;
    const list: string[] = [];
    for (let i = 0; i < entries.size; i++) {
      const entry = entries.get(i);
      if (entry === undefined) return err(invalidInput(`${slot.key}.${i}`, detail("entryGap")));
      list.push(entry);
    }
    draft = replaceAt(draft, slot.path, list);
  }

  // Only leaves were replaced, each by a value of the kind the base policy holds there, so the
  // draft has the Policy shape; validatePolicy checks the values.
  const policy = draft as Policy;
  const problems = validatePolicy(policy);
  if (problems.length > 0) return err(firstProblem(problems));
  return ok({ policy, unknownKeys });
}
