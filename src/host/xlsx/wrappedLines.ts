/**
 * How tall a row of wrapped text is (issue 15): Excel grows a row that has no stored height to fit
 * its wrapped cells when it lays the sheet out, but LibreOffice does not, and neither does Excel
 * for a row written with a height. So the .xlsx writers store an estimated height for every row
 * with wrapped text: the lines its widest-wrapping cell takes in its column's width, at the
 * default font's line height.
 *
 * A text wraps at spaces (a line break starts a new line); a word wider than the line is broken
 * across lines, as Excel and LibreOffice break it; East Asian wide and fullwidth characters take
 * two columns (UAX #11), so Chinese text, which has no spaces, breaks anywhere at twice the width;
 * Latin letters take their proportional width (charWidth), so an English line holds a few more
 * letters than the column's width in digits.
 * @example wrappedLines("Payment record below 60 and overdue items", 15) //=> 3
 * @example wrappedLines("客户逾期超过九十天", 10) //=> 2
 * @example rowHeightOf(3) //=> 45
 */
import { isWide } from "../../engine/values/isWide";

/** Height of one line of the default font (Calibri 11): Excel's default row height, in points. */
export const LINE_HEIGHT_PT = 15;
/** Excel's tallest row, in points. */
export const MAX_ROW_HEIGHT_PT = 409;

/** The width of the space between two words. */
const SPACE = 0.5;
/** Narrow letters and punctuation of a proportional font (Calibri): about half a digit. */
const NARROW = new Set(" ijlftr.,;:'!|()[]-/".split(""));
/** Wide Latin letters: about 1.4 digits. */
const BROAD = new Set("mwMW%@".split(""));

/**
 * A character's width in the column width's unit (the default font's digit): East Asian wide
 * characters 2; Latin text by its shape in a proportional font (narrow letters, punctuation and
 * spaces about half a digit, capitals 1.2, m and w 1.4); digits, other letters and the rest 1.
 * These fit Calibri, Excel's default, with room to spare, and DejaVu Sans, which stands in for it
 * where Calibri and Carlito are not installed (LibreOffice on a bare Debian).
 */
function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x1100) return isWide(code) ? 2 : 1;
  if (NARROW.has(ch)) return 0.5;
  if (BROAD.has(ch)) return 1.4;
  if (code >= 0x61 && code <= 0x7a) return 1;
  if (code >= 0x41 && code <= 0x5a) return 1.2;
  return 1;
}

/** Lines one word takes alone, broken at `width`, and the width of its last line. */
function brokenWord(word: string, width: number): { lines: number; last: number } {
  let lines = 1;
  let used = 0;
  for (const ch of word) {
    const w = charWidth(ch);
    if (used > 0 && used + w > width) {
      lines += 1;
      used = w;
    } else used += w;
  }
  return { lines, last: used };
}

/**
 * Lines a text takes when wrapped into a line `width` characters wide (at least one line; an empty
 * text takes one).
 */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, width);
  // The common case, a short text, without splitting it.
  if (text.length * 2 <= room && !text.includes("\n")) return 1;
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    lines += 1;
    let used = 0;
    for (const word of paragraph.split(/\s+/)) {
      if (word.length === 0) continue;
      const { lines: extra, last } = brokenWord(word, room);
      const single = extra === 1 ? last : room + 1;
      if (used > 0 && used + SPACE + single > room) {
        // The word starts a new line (and may run over several).
        lines += extra;
        used = last;
      } else if (used === 0) {
        lines += extra - 1;
        used = last;
      } else used += SPACE + single;
    }
  }
  return lines;
}

/** The stored height of a row whose cells take `lines` lines, in points (Excel's cap of 409). */
export function rowHeightOf(lines: number): number {
  return Math.min(MAX_ROW_HEIGHT_PT, Math.max(1, lines) * LINE_HEIGHT_PT);
}
