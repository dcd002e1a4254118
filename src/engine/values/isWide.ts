/**
 * Whether a code point is East Asian Wide or Fullwidth (Unicode UAX #11): two columns on screen.
 * The one rule the column widths (app/output/fitColumnWidths) and the wrapped-line estimate of
 * the .xlsx writer (host/xlsx/wrappedLines) count CJK characters by.
 * @example isWide("信".codePointAt(0)!) //=> true
 */
export function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf && codePoint !== 0x303f) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  );
}
