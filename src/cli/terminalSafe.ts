/**
 * Text from a workbook made safe to print on a terminal (issue 13 item 4): a customer name or a
 * sheet name could otherwise carry escape sequences that recolour, retitle or clear the
 * terminal, move the cursor to overwrite earlier lines, or ring the bell. Removed: ESC sequences
 * (CSI `ESC [ … final`, OSC `ESC ] … BEL/ST`, DCS/SOS/PM/APC strings, two-character escapes), the
 * 8-bit CSI/OSC/DCS forms (U+009B, U+009D, U+0090 …), every other C0 and C1 control and DEL, and
 * the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) that reorder what is
 * shown. Tab, line feed and carriage return become a space, so one value stays on one line.
 * Everything else (CJK, accents, ordinary punctuation, emoji) is kept as it is.
 * @example terminalSafe("ACME\x1b[31m 有限公司\x07") //=> "ACME 有限公司"
 */
/* eslint-disable no-control-regex -- matching control characters is what this file is for */

/** String-type escapes (OSC, DCS, SOS, PM, APC) run to BEL or ST (ESC \ or U+009C). */
const STRING_ESCAPE = /(?:\x1b[\]P^_X]|[\u0090\u0098\u009d\u009e\u009f])[\s\S]*?(?:\x07|\x1b\\|\u009c|$)/g;
/** CSI: ESC [ or U+009B, parameter and intermediate bytes, one final byte. */
const CSI = /(?:\x1b\[|\u009b)[\x20-\x3f]*[\x40-\x7e]?/g;
/** Any other escape: ESC, intermediate bytes, one final byte. */
const OTHER_ESCAPE = /\x1b[\x20-\x2f]*[\x30-\x7e]?/g;
const WHITESPACE_CONTROLS = /[\t\n\r\v\f]/g;
const CONTROLS = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(STRING_ESCAPE, "").replace(CSI, "").replace(OTHER_ESCAPE, "").replace(WHITESPACE_CONTROLS, " ").replace(CONTROLS, "");
}

/** JSON text with the C1 controls and DEL escaped as \u00XX (JSON.stringify escapes only C0), and the bidi controls too. */
export function terminalSafeJson(json: string): string {
  return json.replace(/[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
