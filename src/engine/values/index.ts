/** Pure readers for spreadsheet cell values, shared by the custom functions and the host workflow. */
export { isBlank } from "./isBlank";
export { readNumber } from "./readNumber";
export { readText } from "./readText";
export { readBoolean } from "./readBoolean";
export { firstNonFinite } from "./firstNonFinite";
