/**
 * Tab order, the active tab and sheet-scoped defined names in a package's workbook.xml, for the
 * writers of output sheets (WorkbookPort WriteOptions.activate and the grouped output tabs):
 * - `groupedOrder`: the output sheets of a write placed together, in the order given, where the
 *   first of them stood (at the end when all are new); every other sheet keeps its relative order.
 * - `reorderSheets`: workbook.xml with its `<sheet>` entries in that order and every defined
 *   name's localSheetId (and the workbook view's activeTab/firstSheet) following its sheet.
 * - `setSheetNames`: sheet-scoped names such as `_xlnm.Print_Titles` set or removed per sheet.
 * - `withActiveTab`: the workbook view's activeTab on a sheet.
 * @example groupedOrder(["Customers", "Aging", "Ledger", "Summary"], ["Summary", "Aging"]) //=> [0, 3, 1, 2]
 */
import { sheetEntriesOf } from "./packageParts";
import { attributeOf, elementsOf, escapeXml } from "./xmlText";

const DEFINED_NAMES = /<definedNames\b[^>]*>([\s\S]*?)<\/definedNames>|<definedNames\b[^>]*\/>/;
const SHEETS = /(<sheets\b[^>]*>)([\s\S]*?)(<\/sheets>)/;

/** The new tab order as old indexes (see the file comment); sheets of `group` not in `names` are ignored. */
export function groupedOrder(names: readonly string[], group: readonly string[]): number[] {
  const indexOf = (name: string): number => names.findIndex((n) => n.toLowerCase() === name.toLowerCase());
  const grouped: number[] = [];
  for (const name of group) {
    const i = indexOf(name);
    if (i >= 0 && !grouped.includes(i)) grouped.push(i);
  }
  if (grouped.length === 0) return names.map((_, i) => i);
  const first = Math.min(...grouped);
  const inGroup = new Set(grouped);
  const others = names.map((_, i) => i).filter((i) => !inGroup.has(i));
  const at = others.filter((i) => i < first).length;
  return [...others.slice(0, at), ...grouped, ...others.slice(at)];
}

function setAttribute(tag: string, name: string, value: string | undefined): string {
  const without = tag.replace(new RegExp(`\\s${name}="[^"]*"`), "");
  return value === undefined ? without : without.replace(/(\/?>)$/, ` ${name}="${value}"$1`);
}

/** workbook.xml with its sheets in the order given (old indexes, as groupedOrder answers). */
export function reorderSheets(workbookXml: string, order: readonly number[]): string {
  const block = SHEETS.exec(workbookXml);
  if (!block) throw new Error("workbook part has no sheets list");
  const entries = elementsOf(block[2], "sheet");
  if (order.length !== entries.length || order.every((old, i) => old === i)) return workbookXml;
  const newIndex = new Map<number, number>(order.map((old, i) => [old, i]));
  const moved = (value: string | undefined): string | undefined => (value === undefined ? undefined : String(newIndex.get(Number(value)) ?? value));
  let xml = workbookXml.replace(SHEETS, () => `${block[1]}${order.map((i) => entries[i].whole).join("")}${block[3]}`);
  xml = xml.replace(DEFINED_NAMES, (whole: string) => whole.replace(/<definedName\b[^>]*>/g, (tag: string) => setAttribute(tag, "localSheetId", moved(attributeOf(tag.slice(12, -1), "localSheetId")))));
  xml = xml.replace(/<workbookView\b[^>]*>/, (tag: string) => {
    const attributes = tag.slice(13, -1);
    let out = tag;
    for (const name of ["activeTab", "firstSheet"]) {
      const value = attributeOf(attributes, name);
      if (value !== undefined) out = setAttribute(out, name, moved(value));
    }
    return out;
  });
  return xml;
}

/**
 * workbook.xml with the sheet-scoped defined name `name` set for each sheet of `values` (sheet
 * name → formula, or null to remove it); other names are left as they are.
 */
export function setSheetNames(workbookXml: string, name: string, values: ReadonlyMap<string, string | null>): string {
  if (values.size === 0) return workbookXml;
  const sheets = sheetEntriesOf(workbookXml);
  const byIndex = new Map<number, string | null>();
  for (const [sheet, formula] of values) {
    const index = sheets.findIndex((s) => s.name.toLowerCase() === sheet.toLowerCase());
    if (index >= 0) byIndex.set(index, formula);
  }
  const added = [...byIndex].flatMap(([index, formula]) => (formula === null ? [] : [`<definedName name="${escapeXml(name)}" localSheetId="${index}">${escapeXml(formula)}</definedName>`])).join("");
  const existing = DEFINED_NAMES.exec(workbookXml);
  if (existing) {
    const kept = elementsOf(existing[1] ?? "", "definedName")
      .filter(({ attributes }) => !((attributeOf(attributes, "name") ?? "").toLowerCase() === name.toLowerCase() && byIndex.has(Number(attributeOf(attributes, "localSheetId")))))
      .map((e) => e.whole)
      .join("");
    const names = kept + added;
    return workbookXml.replace(DEFINED_NAMES, () => (names === "" ? "" : `<definedNames>${names}</definedNames>`));
  }
  if (added === "") return workbookXml;
  // Schema order: sheets, functionGroups?, externalReferences?, definedNames.
  const after = /<\/externalReferences>|<externalReferences\b[^>]*\/>/.exec(workbookXml) ?? /<\/sheets>(?:\s*<functionGroups\b[^>]*(?:\/>|>[\s\S]*?<\/functionGroups>))?/.exec(workbookXml);
  if (!after) throw new Error("workbook part has no sheets list");
  const at = after.index + after[0].length;
  return `${workbookXml.slice(0, at)}<definedNames>${added}</definedNames>${workbookXml.slice(at)}`;
}

/** workbook.xml whose workbook view opens on the sheet named (unchanged when there is no such sheet). */
export function withActiveTab(workbookXml: string, sheet: string): string {
  const index = sheetEntriesOf(workbookXml).findIndex((s) => s.name.toLowerCase() === sheet.toLowerCase());
  if (index < 0) return workbookXml;
  if (/<workbookView\b/.test(workbookXml)) {
    return workbookXml.replace(/<workbookView\b[^>]*>/, (tag: string) => {
      const active = setAttribute(tag, "activeTab", String(index));
      // The first tab shown in the tab bar must not lie past the active one.
      const first = Number(attributeOf(tag.slice(13, -1), "firstSheet") ?? 0);
      return first > index ? setAttribute(active, "firstSheet", undefined) : active;
    });
  }
  return workbookXml.replace(/<sheets\b/, () => `<bookViews><workbookView activeTab="${index}"/></bookViews><sheets`);
}

/** A worksheet's XML with tabSelected set or cleared on its sheet view. */
export function withTabSelected(sheetXml: string, selected: boolean): string {
  if (/<sheetView\b/.test(sheetXml)) return sheetXml.replace(/<sheetView\b[^>]*>/, (tag: string) => setAttribute(tag, "tabSelected", selected ? "1" : undefined));
  if (!selected) return sheetXml;
  // Schema order: sheetPr?, dimension?, sheetViews?, sheetFormatPr?, cols?, sheetData.
  const at = /<(?:sheetFormatPr|cols|sheetData)\b/.exec(sheetXml);
  if (!at) throw new Error("worksheet part has no sheetData");
  return `${sheetXml.slice(0, at.index)}<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>${sheetXml.slice(at.index)}`;
}
