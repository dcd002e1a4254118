/**
 * What a spreadsheet hands over as "nothing": null/undefined (an omitted value) or text of
 * only whitespace (a blank cell). Shared by the custom functions and the host readers.
 * @example isBlank("  ") //=> true
 */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}
