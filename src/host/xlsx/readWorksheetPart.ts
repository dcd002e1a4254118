/**
 * The cells of a worksheet part and the strings of a shared-strings part, parsed as a stream
 * (saxes) from text handed over piece by piece (entryTextChunks), so that a sheet of a million
 * rows is never one string: memory grows with the values kept, not with the part's XML.
 *
 * Values are read as ExcelJS + toCellValue read them: shared and inline strings (rich-text runs
 * joined, phonetic runs `<rPh>` left out, `_xHHHH_` escapes decoded), numbers as stored (dates
 * are serials already), booleans, error texts, formulas' cached values (none: no value), ISO
 * dates (`t="d"`) as serials. Formula cells without a cached value are listed (uncachedFormulas). Each shared string is one JS string, which every cell that uses
 * it shares (interned once). Merged areas are filled with their top-left cell's value.
 *
 * Throws for what it does not expect (a root that is not an unprefixed `<worksheet>`, a bad
 * cell reference, a missing shared string, malformed XML); the package reader's caller then
 * reads the file with ExcelJS instead.
 * @example readWorksheetPart((write) => write('<worksheet><sheetData><row r="1"><c r="B1"><v>7</v></c></row></sheetData></worksheet>'), [], "1900").grid[0]?.[1] //=> 7
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import type { DateSystem } from "../../engine/dates/dayNumber";
import type { CellValue } from "../WorkbookPort";
import { parseA1, parseA1Range } from "./cellAddress";
import { dateToSerial } from "./toCellValue";

/** Rows of cell values, 0-based; holes where there is no value. */
export type Grid = (CellValue[] | undefined)[];

/** What the package reader needs of a worksheet part. */
export interface WorksheetPart {
  grid: Grid;
  /** The `r:id` of each `<tablePart>`, in order. */
  tablePartIds: string[];
  /**
   * Cells holding a formula without a cached value (a `<c>` with `<f>` and no `<v>`), as A1
   * references in sheet order, at most MAX_UNCACHED_LISTED of them; generators write such
   * files and set fullCalcOnLoad, leaving the values to Excel. The cells read as blank.
   */
  uncachedFormulas: string[];
  /** How many such cells the part has (the list above stops at MAX_UNCACHED_LISTED). */
  uncachedFormulaCount: number;
}

/** Uncached formula cells listed per sheet; the rest are counted. */
export const MAX_UNCACHED_LISTED = 1000;

/** A1 reference of a 0-based cell. @example a1Of(1, 2) //=> "C2" */
function a1Of(row: number, column: number): string {
  let letters = "";
  for (let c = column + 1; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

/** A source of a part's text: calls `write` with each piece, in order. */
export type TextFeed = (write: (text: string) => void) => void;

/** Merged areas larger than this are left to ExcelJS (which fills every cell of them too). */
const MAX_MERGED_CELLS = 1_000_000;

const ESCAPE = /_x([0-9A-F]{4})_/g;

function unescapeRun(text: string): string {
  return text.includes("_x") ? text.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

function parserOver(feed: TextFeed, setUp: (parser: SaxesParser<{ xmlns: false; position: false }>) => void): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  setUp(parser);
  parser.on("error", (e) => {
    throw e;
  });
  feed((text) => parser.write(text));
  parser.close();
}

/**
 * Collects the visible text of string items (`<si>`, `<is>`): the `<t>` runs, phonetic runs
 * left out. `open`/`close` are fed every tag; `text` every text node.
 */
class StringItemText {
  private runDepth = 0;
  private phoneticDepth = 0;
  private run = "";
  value = "";

  reset(): void {
    this.value = "";
    this.runDepth = 0;
    this.phoneticDepth = 0;
  }

  open(name: string, isSelfClosing: boolean): void {
    if (name === "rPh") this.phoneticDepth++;
    else if (name === "t" && !isSelfClosing) {
      this.runDepth++;
      this.run = "";
    }
  }

  text(text: string): void {
    if (this.runDepth > 0 && this.phoneticDepth === 0) this.run += text;
  }

  close(name: string): void {
    if (name === "rPh") this.phoneticDepth--;
    else if (name === "t" && this.runDepth > 0) {
      this.runDepth--;
      if (this.phoneticDepth === 0) this.value += unescapeRun(this.run);
      this.run = "";
    }
  }
}

/** The shared strings of a sharedStrings part, in index order. */
export function readSharedStrings(feed: TextFeed): string[] {
  const strings: string[] = [];
  const item = new StringItemText();
  let inItem = false;
  parserOver(feed, (parser) => {
    parser.on("opentag", (tag) => {
      if (tag.name === "si") {
        inItem = true;
        item.reset();
      } else if (inItem) item.open(tag.name, tag.isSelfClosing);
    });
    const onText = (text: string): void => {
      if (inItem) item.text(text);
    };
    parser.on("text", onText);
    parser.on("cdata", onText);
    parser.on("closetag", (tag) => {
      if (tag.name === "si") {
        inItem = false;
        strings.push(item.value);
      } else if (inItem) item.close(tag.name);
    });
  });
  return strings;
}

/**
 * The value of one cell from its type (`t`), its first `<v>` text and its inline string, as
 * ExcelJS + toCellValue read them.
 */
export function cellValueFrom(type: string, v: string | undefined, inline: string | undefined, shared: readonly string[], system: DateSystem): CellValue {
  if (type === "inlineStr") {
    // ExcelJS reads an empty inline string as no value.
    return inline === undefined || inline === "" ? null : inline;
  }
  if (v === undefined) return null;
  switch (type) {
    case "s": {
      const text = shared[Number(v)];
      if (text === undefined) throw new Error(`shared string ${v} is missing`);
      return text;
    }
    case "str":
    case "e":
      return v;
    case "b":
      return Number(v) !== 0;
    case "d":
      return dateToSerial(new Date(v), system);
    default: {
      const n = parseFloat(v);
      return Number.isFinite(n) ? n : null;
    }
  }
}

function setCell(grid: Grid, row: number, column: number, value: CellValue): void {
  let cells = grid[row];
  if (!cells) {
    cells = [];
    grid[row] = cells;
  }
  cells[column] = value;
}

function fillMerged(grid: Grid, refs: readonly string[]): void {
  for (const ref of refs) {
    const rect = parseA1Range(ref);
    if (!rect) continue;
    if ((rect.bottom - rect.top + 1) * (rect.right - rect.left + 1) > MAX_MERGED_CELLS) throw new Error("merged area too large");
    const master = grid[rect.top]?.[rect.left];
    if (master === undefined || master === null) continue;
    for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) if (r !== rect.top || c !== rect.left) setCell(grid, r, c, master);
  }
}

function attribute(tag: SaxesTagPlain, name: string): string | undefined {
  return tag.attributes[name];
}

/** The non-null cell values of a worksheet part (merged areas filled) and its table parts' ids. */
export function readWorksheetPart(feed: TextFeed, shared: readonly string[], system: DateSystem): WorksheetPart {
  const grid: Grid = [];
  const tablePartIds: string[] = [];
  const merges: string[] = [];
  let isRootSeen = false;
  let inSheetData = false;
  let row = -1;
  let column = -1;
  // The cell being read.
  let inCell = false;
  let cellRow = -1;
  let cellType = "n";
  let v: string | undefined;
  let inV = false;
  let vText = "";
  let inInline = false;
  let inline: string | undefined;
  let hasFormula = false;
  const uncachedFormulas: string[] = [];
  let uncachedFormulaCount = 0;
  const item = new StringItemText();
  parserOver(feed, (parser) => {
    parser.on("opentag", (tag) => {
      const name = tag.name;
      if (!isRootSeen) {
        if (name !== "worksheet") throw new Error(`not a worksheet part: <${name}>`);
        isRootSeen = true;
        return;
      }
      if (inCell) {
        if (inInline) item.open(name, tag.isSelfClosing);
        else if (name === "v" && v === undefined && !tag.isSelfClosing) {
          inV = true;
          vText = "";
        } else if (name === "is") {
          inInline = true;
          item.reset();
        } else if (name === "f") hasFormula = true;
        return;
      }
      switch (name) {
        case "sheetData":
          inSheetData = !tag.isSelfClosing;
          break;
        case "row": {
          if (!inSheetData) break;
          const r = attribute(tag, "r");
          row = r !== undefined ? Number(r) - 1 : row + 1;
          column = -1;
          break;
        }
        case "c": {
          if (!inSheetData) break;
          const ref = attribute(tag, "r");
          const at = ref !== undefined ? parseA1(ref) : undefined;
          if (ref !== undefined && !at) throw new Error(`bad cell reference ${ref}`);
          column = at ? at.column : column + 1;
          cellRow = at ? at.row : row;
          if (tag.isSelfClosing) break;
          inCell = true;
          cellType = attribute(tag, "t") ?? "n";
          v = undefined;
          inline = undefined;
          hasFormula = false;
          break;
        }
        case "mergeCell": {
          const ref = attribute(tag, "ref");
          if (ref !== undefined) merges.push(ref);
          break;
        }
        case "tablePart": {
          const id = attribute(tag, "r:id");
          if (id !== undefined) tablePartIds.push(id);
          break;
        }
      }
    });
    const onText = (text: string): void => {
      if (inV) vText += text;
      else if (inInline) item.text(text);
    };
    parser.on("text", onText);
    parser.on("cdata", onText);
    parser.on("closetag", (tag) => {
      const name = tag.name;
      if (inCell) {
        if (inV && name === "v") {
          inV = false;
          v = vText;
        } else if (inInline) {
          if (name === "is") {
            inInline = false;
            inline = item.value;
          } else item.close(name);
        } else if (name === "c") {
          inCell = false;
          if (hasFormula && v === undefined && inline === undefined) {
            if (uncachedFormulaCount++ < MAX_UNCACHED_LISTED) uncachedFormulas.push(a1Of(cellRow, column));
          }
          const value = cellValueFrom(cellType, v, inline, shared, system);
          if (value !== null) setCell(grid, cellRow, column, value);
        }
        return;
      }
      if (name === "sheetData") inSheetData = false;
    });
  });
  if (!isRootSeen) throw new Error("empty worksheet part");
  fillMerged(grid, merges);
  return { grid, tablePartIds, uncachedFormulas, uncachedFormulaCount };
}
