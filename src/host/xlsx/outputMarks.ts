/**
 * The add-in's output marker in workbook.xml (WorkbookPort OUTPUT_MARKER_NAME): a hidden,
 * sheet-scoped defined name per output sheet,
 * `<definedName name="CreditDesk.Output" localSheetId="N" hidden="1">"Summary"</definedName>`,
 * whose value is the output's logical name as a text constant and whose localSheetId is the
 * sheet's 0-based index in `<sheets>` (chart sheets count). Excel keeps such a name through save
 * and reopen and moves it with the sheet when the sheet is renamed or moved, so the add-in can
 * tell its own sheets from a user's sheet of the same name. Every other defined name is kept
 * as it is. Reading and writing are a pair here so that both stay in step.
 * @example outputMarksOf('<sheets><sheet name="Summary (2)" sheetId="3" r:id="rId3"/></sheets><definedNames><definedName name="CreditDesk.Output" localSheetId="0" hidden="1">"Summary"</definedName></definedNames>')
 *   //=> [{ sheet: "Summary (2)", output: "Summary" }]
 */
import { OUTPUT_MARKER_NAME, type OutputSheetMark } from "../WorkbookPort";
import { sheetEntriesOf } from "./packageParts";
import { attributeOf, decodeXml, elementsOf, escapeXml } from "./xmlText";

const DEFINED_NAMES = /<definedNames\b[^>]*>([\s\S]*?)<\/definedNames>|<definedNames\b[^>]*\/>/;

function isMarker(attributes: string): boolean {
  return (attributeOf(attributes, "name") ?? "").toLowerCase() === OUTPUT_MARKER_NAME.toLowerCase();
}

/** The text of a formula that is one string constant ("Summary", quotes doubled inside), else undefined. */
function textConstantOf(formula: string): string | undefined {
  const m = /^\s*=?\s*"((?:[^"]|"")*)"\s*$/.exec(formula);
  return m ? m[1].replace(/""/g, '"') : undefined;
}

/** The marked sheets of a workbook part, in the order the markers appear (one per sheet). */
export function outputMarksOf(workbookXml: string): OutputSheetMark[] {
  const block = DEFINED_NAMES.exec(workbookXml)?.[1];
  if (block === undefined) return [];
  const sheets = sheetEntriesOf(workbookXml);
  const marks: OutputSheetMark[] = [];
  const seen = new Set<number>();
  for (const { attributes, inner } of elementsOf(block, "definedName")) {
    if (!isMarker(attributes)) continue;
    const index = Number(attributeOf(attributes, "localSheetId"));
    const sheet = Number.isInteger(index) ? sheets[index] : undefined;
    const output = textConstantOf(decodeXml(inner));
    if (!sheet || output === undefined || output === "" || seen.has(index)) continue;
    seen.add(index);
    marks.push({ sheet: sheet.name, output });
  }
  return marks;
}

function markerXml(index: number, output: string): string {
  return `<definedName name="${OUTPUT_MARKER_NAME}" localSheetId="${index}" hidden="1">${escapeXml(`"${output.replace(/"/g, '""')}"`)}</definedName>`;
}

/**
 * workbook.xml with the markers of the sheets named set: `marks` maps a sheet name (as in
 * `<sheets>`, case-insensitive) to its output name, or to null to remove its marker. Markers
 * of other sheets and every other defined name are left as they are.
 */
export function setOutputMarks(workbookXml: string, marks: ReadonlyMap<string, string | null>): string {
  if (marks.size === 0) return workbookXml;
  const sheets = sheetEntriesOf(workbookXml);
  const indexes = new Map<number, string | null>();
  for (const [sheet, output] of marks) {
    const index = sheets.findIndex((s) => s.name.toLowerCase() === sheet.toLowerCase());
    if (index < 0) throw new Error(`setOutputMarks: no sheet ${sheet}`);
    indexes.set(index, output);
  }
  const added = [...indexes].flatMap(([index, output]) => (output === null ? [] : [markerXml(index, output)])).join("");
  const existing = DEFINED_NAMES.exec(workbookXml);
  if (existing) {
    const kept = elementsOf(existing[1] ?? "", "definedName")
      .filter(({ attributes }) => !(isMarker(attributes) && indexes.has(Number(attributeOf(attributes, "localSheetId")))))
      .map((e) => e.whole)
      .join("");
    const names = kept + added;
    const replacement = names === "" ? "" : `<definedNames>${names}</definedNames>`;
    return workbookXml.replace(DEFINED_NAMES, () => replacement);
  }
  if (added === "") return workbookXml;
  // Schema order: sheets, functionGroups?, externalReferences?, definedNames.
  const after = /<\/externalReferences>|<externalReferences\b[^>]*\/>/.exec(workbookXml) ?? /<\/sheets>(?:\s*<functionGroups\b[^>]*(?:\/>|>[\s\S]*?<\/functionGroups>))?/.exec(workbookXml);
  if (!after) throw new Error("workbook part has no sheets list");
  const at = after.index + after[0].length;
  return `${workbookXml.slice(0, at)}<definedNames>${added}</definedNames>${workbookXml.slice(at)}`;
}
