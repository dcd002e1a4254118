/**
 * Yes/no from a cell value: TRUE/FALSE, 1/0, yes/no, y/n, 是/否; blank is no.
 * @example readBoolean("是", "KeyAccount") //=> ok(true)
 */
import { detail, err, type Field, invalidInput, ok, type Result } from "../errors";
import { isBlank } from "./isBlank";

const YES = ["true", "yes", "y", "1", "是"];
const NO = ["false", "no", "n", "0", "否", ""];

export function readBoolean(value: unknown, field: Field): Result<boolean> {
  if (typeof value === "boolean") return ok(value);
  if (typeof value === "number") return ok(value !== 0);
  if (typeof value === "string") {
    const t = value.trim().toLowerCase();
    if (YES.includes(t)) return ok(true);
    if (NO.includes(t)) return ok(false);
  }
  if (isBlank(value)) return ok(false);
  return err(invalidInput(field, detail("notYesNo", { text: String(value) })));
}
