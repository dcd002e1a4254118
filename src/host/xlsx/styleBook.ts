/**
 * The cell formats and differential formats (conditional formats' styles) the streamed output
 * sheets use, each written once: `xf(style)` answers a cell format's index, `dxf(fill, font)` a
 * differential format's, and `stylesXml()` a small styles.xml holding them, which mergeStyles
 * merges into the workbook's own styles (reusing identical entries) and maps the indices.
 * Index 0 is Excel's default cell format.
 * @example const book = new StyleBook(); book.xf({ bold: true }) //=> 1; book.xf({}) //=> 0
 */
import { escapeXml } from "./xmlText";

export interface CellStyle {
  numFmt?: string;
  bold?: boolean;
  italic?: boolean;
  /** Font size in points (11 when absent). */
  size?: number;
  /** Font colour, ARGB ("FF666666"). */
  color?: string;
  /** A thin line above and a double line below (a totals row). */
  border?: "totals";
  horizontal?: "left" | "center" | "right";
  vertical?: "top";
  wrap?: boolean;
}

const FIRST_CUSTOM_NUMFMT = 164;
/** Excel's built-in number formats that have no numFmt entry of their own. */
const BUILT_IN_FORMATS: Readonly<Record<string, number>> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10 };

function fontXml(style: CellStyle): string {
  return `<font>${style.bold ? "<b/>" : ""}${style.italic ? "<i/>" : ""}<sz val="${style.size ?? 11}"/>${style.color ? `<color rgb="${style.color}"/>` : '<color theme="1"/>'}<name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`;
}

const PLAIN_BORDER = "<border><left/><right/><top/><bottom/><diagonal/></border>";
const TOTALS_BORDER = '<border><left/><right/><top style="thin"><color auto="1"/></top><bottom style="double"><color auto="1"/></bottom><diagonal/></border>';

export class StyleBook {
  private readonly styles: CellStyle[] = [{}];
  private readonly byKey = new Map<string, number>([["{}", 0]]);
  private readonly dxfs: string[] = [];
  private readonly dxfByXml = new Map<string, number>();

  /** The index of a cell format (added once). */
  xf(style: CellStyle): number {
    const normal: CellStyle = {};
    for (const key of Object.keys(style).sort() as (keyof CellStyle)[]) {
      const value = style[key];
      if (value !== undefined && value !== false) Object.assign(normal, { [key]: value });
    }
    const key = JSON.stringify(normal);
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.styles.length;
      this.styles.push(normal);
      this.byKey.set(key, index);
    }
    return index;
  }

  /** The index of a differential format: a solid fill and/or a font colour, ARGB. */
  dxf(fill: string | undefined, fontColor: string | undefined): number {
    const xml = `<dxf>${fontColor ? `<font><color rgb="${fontColor}"/></font>` : ""}${fill ? `<fill><patternFill patternType="solid"><bgColor rgb="${fill}"/></patternFill></fill>` : ""}</dxf>`;
    let index = this.dxfByXml.get(xml);
    if (index === undefined) {
      index = this.dxfs.length;
      this.dxfs.push(xml);
      this.dxfByXml.set(xml, index);
    }
    return index;
  }

  stylesXml(): string {
    const formats = new Map<string, number>();
    const fonts = new Map<string, number>([[fontXml({}), 0]]);
    const xfs = this.styles.map((style) => {
      let numFmtId = 0;
      if (style.numFmt !== undefined) {
        numFmtId = BUILT_IN_FORMATS[style.numFmt] ?? formats.get(style.numFmt) ?? FIRST_CUSTOM_NUMFMT + formats.size;
        if (BUILT_IN_FORMATS[style.numFmt] === undefined) formats.set(style.numFmt, numFmtId);
      }
      const font = fontXml(style);
      const fontId = fonts.get(font) ?? fonts.size;
      fonts.set(font, fontId);
      const borderId = style.border === "totals" ? 1 : 0;
      const alignment = style.horizontal || style.vertical || style.wrap ? `<alignment${style.horizontal ? ` horizontal="${style.horizontal}"` : ""}${style.vertical ? ` vertical="${style.vertical}"` : ""}${style.wrap ? ' wrapText="1"' : ""}/>` : "";
      const applies = `${numFmtId !== 0 ? ' applyNumberFormat="1"' : ""}${fontId !== 0 ? ' applyFont="1"' : ""}${borderId !== 0 ? ' applyBorder="1"' : ""}${alignment ? ' applyAlignment="1"' : ""}`;
      return alignment ? `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="${borderId}" xfId="0"${applies}>${alignment}</xf>` : `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="${borderId}" xfId="0"${applies}/>`;
    });
    const numFmts = [...formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
      numFmts.length > 0 ? `<numFmts count="${numFmts.length}">${numFmts.join("")}</numFmts>` : "",
      `<fonts count="${fonts.size}">${[...fonts.keys()].join("")}</fonts>`,
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>',
      `<borders count="2">${PLAIN_BORDER}${TOTALS_BORDER}</borders>`,
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
      `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>`,
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
      `<dxfs count="${this.dxfs.length}">${this.dxfs.join("")}</dxfs>`,
      "</styleSheet>",
    ].join("");
  }
}
