/**
 * Text from a cell value, trimmed; numbers become their text, booleans TRUE/FALSE.
 * @example readText(1042, "CustomerId") //=> ok("1042")
 */
import { detail, err, type Field, invalidInput, ok, type Result } from "../errors";

export function readText(value: unknown, field: Field): Result<string> {
  if (typeof value === "string") return ok(value.trim());
  if (typeof value === "number" && Number.isFinite(value)) return ok(String(value));
  if (typeof value === "boolean") return ok(value ? "TRUE" : "FALSE");
  return err(invalidInput(field, detail("missing")));
}
