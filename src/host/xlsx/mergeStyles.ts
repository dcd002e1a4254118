/**
 * Merge the styles of one styles.xml (the sheets being added) into another (the workbook they
 * are added to): number formats, fonts, fills, borders, cell formats (cellXfs) and differential
 * formats (dxfs, used by conditional formats) of the added part are appended to the target's,
 * reusing an identical entry where the target already has one, and the added part's indices are
 * mapped to their new places. Custom number formats (id ≥ 164) get ids above the target's;
 * built-in ones keep theirs. Every added cell format is based on the target's Normal style.
 * @example const m = mergeStyles(targetXml, addedXml); m.cellXf(3) //=> 17 (the added xf 3 is the merged file's xf 17)
 */
import { attributeOf, elementsOf, escapeXml } from "./xmlText";

export interface MergedStyles {
  /** The merged styles.xml. */
  xml: string;
  /** Index in the merged cellXfs of the added part's cellXfs[index]. */
  cellXf(index: number): number;
  /** Index in the merged dxfs of the added part's dxfs[index]. */
  dxf(index: number): number;
}

/** Children of styleSheet in schema order (a missing list is inserted at its place). */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
const FIRST_CUSTOM_NUMFMT = 164;

interface Section {
  children: string[];
}

function sectionPattern(list: string): RegExp {
  return new RegExp(`<${list}(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</${list}>)`);
}

function sectionOf(xml: string, list: string, item: string): Section {
  const m = sectionPattern(list).exec(xml);
  return { children: m ? elementsOf(m[2] ?? "", item).map((e) => e.whole) : [] };
}

/** The styles.xml with one list replaced (or inserted at its schema place), its count updated. */
function withSection(xml: string, list: string, children: string[]): string {
  const pattern = sectionPattern(list);
  const existing = pattern.exec(xml);
  if (existing) {
    const attributes = existing[1].replace(/\scount="\d+"/, "");
    return xml.replace(pattern, () => `<${list}${attributes} count="${children.length}">${children.join("")}</${list}>`);
  }
  const block = `<${list} count="${children.length}">${children.join("")}</${list}>`;
  for (const later of ORDER.slice(ORDER.indexOf(list) + 1)) {
    const at = new RegExp(`<${later}(?=[\\s/>])`).exec(xml);
    if (at) return xml.slice(0, at.index) + block + xml.slice(at.index);
  }
  const close = xml.lastIndexOf("</styleSheet>");
  if (close < 0) throw new Error("styles part has no styleSheet element");
  return xml.slice(0, close) + block + xml.slice(close);
}

function setAttribute(element: string, name: string, value: string): string {
  const pattern = new RegExp(`(\\s${name}=")[^"]*"`);
  if (pattern.test(element)) return element.replace(pattern, `$1${value}"`);
  return element.replace(/^<(\w+)/, `<$1 ${name}="${value}"`);
}

/** Append the added entries to the target list (reusing identical ones); index map of the added list. */
function appendDistinct(target: string[], added: string[]): number[] {
  const index = new Map(target.map((e, i) => [e, i]));
  return added.map((e) => {
    const found = index.get(e);
    if (found !== undefined) return found;
    target.push(e);
    index.set(e, target.length - 1);
    return target.length - 1;
  });
}

function mapped(map: number[], index: number, what: string): number {
  const to = map[index];
  if (to === undefined) throw new Error(`styles refer to ${what} ${index}, which does not exist`);
  return to;
}

export function mergeStyles(target: string, added: string): MergedStyles {
  if (!/<styleSheet[\s>]/.test(target) || !/<styleSheet[\s>]/.test(added)) throw new Error("styles part is not unprefixed SpreadsheetML");

  // Number formats: by format code; custom ids above every id the target uses.
  const targetFormats = sectionOf(target, "numFmts", "numFmt").children;
  const codeToId = new Map<string, number>();
  let nextId = FIRST_CUSTOM_NUMFMT;
  for (const f of targetFormats) {
    const id = Number(attributeOf(f, "numFmtId") ?? NaN);
    const code = attributeOf(f, "formatCode");
    if (Number.isInteger(id) && code !== undefined && !codeToId.has(code)) codeToId.set(code, id);
    if (Number.isInteger(id)) nextId = Math.max(nextId, id + 1);
  }
  const formatIdMap = new Map<number, number>();
  for (const f of sectionOf(added, "numFmts", "numFmt").children) {
    const id = Number(attributeOf(f, "numFmtId") ?? NaN);
    const code = attributeOf(f, "formatCode");
    if (!Number.isInteger(id) || code === undefined) continue;
    let to = codeToId.get(code);
    if (to === undefined) {
      to = nextId++;
      codeToId.set(code, to);
      targetFormats.push(`<numFmt numFmtId="${to}" formatCode="${escapeXml(code)}"/>`);
    }
    formatIdMap.set(id, to);
  }

  const lists: Record<string, number[]> = {};
  let xml = target;
  for (const [list, item] of [["fonts", "font"], ["fills", "fill"], ["borders", "border"]] as const) {
    const children = sectionOf(target, list, item).children;
    lists[item] = appendDistinct(children, sectionOf(added, list, item).children);
    xml = withSection(xml, list, children);
  }

  const targetXfs = sectionOf(target, "cellXfs", "xf").children;
  if (targetXfs.length === 0) throw new Error("styles part has no cell formats");
  const addedXfs = sectionOf(added, "cellXfs", "xf").children.map((xf) => {
    const open = /^<xf\b[^>]*>/.exec(xf)?.[0] ?? "";
    let tag = open;
    const numFmtId = Number(attributeOf(open, "numFmtId") ?? 0);
    tag = setAttribute(tag, "numFmtId", String(numFmtId >= FIRST_CUSTOM_NUMFMT ? (formatIdMap.get(numFmtId) ?? 0) : numFmtId));
    tag = setAttribute(tag, "fontId", String(mapped(lists.font, Number(attributeOf(open, "fontId") ?? 0), "font")));
    tag = setAttribute(tag, "fillId", String(mapped(lists.fill, Number(attributeOf(open, "fillId") ?? 0), "fill")));
    tag = setAttribute(tag, "borderId", String(mapped(lists.border, Number(attributeOf(open, "borderId") ?? 0), "border")));
    tag = setAttribute(tag, "xfId", "0");
    return tag + xf.slice(open.length);
  });
  const xfMap = appendDistinct(targetXfs, addedXfs);
  xml = withSection(xml, "cellXfs", targetXfs);

  const targetDxfs = sectionOf(target, "dxfs", "dxf").children;
  const dxfMap = appendDistinct(targetDxfs, sectionOf(added, "dxfs", "dxf").children);
  xml = withSection(xml, "dxfs", targetDxfs);
  if (targetFormats.length > 0) xml = withSection(xml, "numFmts", targetFormats);

  return {
    xml,
    cellXf: (index) => mapped(xfMap, index, "cell format"),
    dxf: (index) => mapped(dxfMap, index, "differential format"),
  };
}
