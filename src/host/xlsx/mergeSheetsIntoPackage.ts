/**
 * Put worksheets into a package (the user's workbook) without rewriting it: the output sheets
 * as rendered by renderSheetXml (writeSheetsIntoPackage, streamed), or those of a small .xlsx
 * package written by ExcelJS (mergeSheetsIntoPackage). Either way every part of the user's workbook
 * is copied as stored (byte-identical, not even re-compressed) except workbook.xml, its
 * relationships, [Content_Types].xml and styles.xml, which are edited; calcChain.xml is dropped
 * (Excel rebuilds it). A sheet whose name is already in the workbook (case-insensitive) is
 * replaced in its tab position, and the parts only it used (its tables, drawings, comments) are
 * dropped; other sheets are appended as the last tabs, and then, when asked, the added output
 * sheets are grouped in the order given, one made the active tab and given its print titles.
 *
 * The added sheets' shared strings become inline strings (the workbook's sharedStrings.xml is
 * left as it was); their cell formats, number formats and conditional-format styles are merged into the workbook's styles
 * (mergeStyles) and their `s` / `style` / `dxfId` indices rewritten; their tables are renumbered
 * to unused part names and ids. Table names must already be unique in the workbook (the caller
 * renders the sheets knowing the workbook's table names: packageTableNames).
 *
 * Throws for a package it does not understand (zip64, prefixed XML, a missing part), so the
 * caller can fall back to ExcelJS.
 * @example mergeSheetsIntoPackage(ledgerBytes, outputBytes) //=> Buffer (ledger + Credit Review, Aging, …)
 */
import { mergeStyles, type MergedStyles } from "./mergeStyles";
import { setOutputMarks } from "./outputMarks";
import { groupedOrder, reorderSheets, setSheetNames, withActiveTab, withTabSelected } from "./sheetOrder";
import { packageSheetsOf, relationshipsOf, relsPathOf, sheetEntriesOf, workbookPartOf, type PackageSheet, type Relationship } from "./packageParts";
import { centralDirectory, compressedBytesOf, entryText, entryTextHead, type ZipDirectoryEntry } from "./readZipEntries";
import { tablePartFacts } from "./repairLoadedTables";
import { writeZipTo, type ZipEntryToWrite } from "./writeZip";
import { attributeOf, escapeXml } from "./xmlText";

const WORKSHEET_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const TABLE_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table";
const WORKSHEET_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const TABLE_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface MergeOptions {
  /** Make this sheet (one of the added ones) the active tab. */
  activeSheet?: string;
  /**
   * The output marker of each added sheet (outputMarks): sheet name → output name, or null for a
   * sheet that must carry none (an input sheet). Added sheets not listed keep what they had.
   */
  outputMarks?: ReadonlyMap<string, string | null>;
  /** Added sheets placed together as one group of tabs, in this order (sheetOrder groupedOrder). */
  group?: readonly string[];
  /** The `_xlnm.Print_Titles` formula of each added sheet, or null for none (an old one is removed). */
  printTitles?: ReadonlyMap<string, string | null>;
}

interface Package {
  bytes: Buffer;
  entries: Map<string, ZipDirectoryEntry>;
  text(name: string): string | undefined;
  need(name: string): string;
}

function openPackage(bytes: Buffer): Package {
  const entries = new Map(centralDirectory(bytes).map((e) => [e.name, e]));
  const text = (name: string): string | undefined => {
    const entry = entries.get(name);
    return entry ? entryText(bytes, entry) : undefined;
  };
  return {
    bytes,
    entries,
    text,
    need(name) {
      const t = text(name);
      if (t === undefined) throw new Error(`package part ${name} is missing`);
      return t;
    },
  };
}

/** The table names used by the package's worksheets, except those of the sheets named (lower case). */
export function packageTableNames(bytes: Buffer, exceptSheets: readonly string[] = []): Set<string> {
  const pkg = openPackage(bytes);
  const workbookPart = workbookPartOf(pkg.text("_rels/.rels"));
  const sheets = packageSheetsOf(pkg.need(workbookPart), relationshipsOf(pkg.text(relsPathOf(workbookPart)), workbookPart));
  const except = new Set(exceptSheets.map((s) => s.toLowerCase()));
  const names = new Set<string>();
  for (const sheet of sheets) {
    if (except.has(sheet.name.toLowerCase())) continue;
    for (const rel of relationshipsOf(pkg.text(relsPathOf(sheet.part)), sheet.part)) {
      if (rel.kind !== "table" || rel.external) continue;
      const facts = tablePartFacts(pkg.text(rel.target) ?? "");
      if (facts) names.add(facts.name.toLowerCase());
    }
  }
  return names;
}

/** Every part reachable through relationships from the package root, skipping the parts given. */
function reachableParts(pkg: Package, relsOverride: Map<string, Relationship[]>): Set<string> {
  const seen = new Set<string>();
  const visit = (owner: string): void => {
    const rels = relsOverride.get(owner) ?? relationshipsOf(pkg.text(relsPathOf(owner)), owner);
    for (const rel of rels) {
      if (rel.external || seen.has(rel.target)) continue;
      seen.add(rel.target);
      visit(rel.target);
    }
  };
  visit("");
  return seen;
}

function partName(part: string): string {
  return `/${part}`;
}

function unusedName(taken: Set<string>, make: (n: number) => string): string {
  for (let n = 1; ; n++) {
    const name = make(n);
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/** A relative target from one part to another ("xl/worksheets/sheet1.xml" → "xl/tables/table2.xml" = "../tables/table2.xml"). */
function relativeTarget(from: string, to: string): string {
  const a = from.split("/").slice(0, -1);
  const b = to.split("/");
  let common = 0;
  while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => ".."), ...b.slice(common)].join("/");
}

function relsXml(rels: { id: string; type: string; target: string; external?: boolean }[]): string {
  const items = rels.map((r) => `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`);
  return `${XML_HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join("")}</Relationships>`;
}

/** The tags of an added sheet that refer to shared strings or styles (one pass over the sheet's XML). */
const SHEET_REFERENCES = /<c\b([^>]*?)\st="s"([^>]*)><v>(\d+)<\/v><\/c>|(<(?:c|row)\b[^>]*?\ss=")(\d+)"|(<col\b[^>]*?\sstyle=")(\d+)"|(<cfRule\b[^>]*?\sdxfId=")(\d+)"/g;

/** An added sheet with its shared strings inlined and its style indices rewritten to the merged styles. */
function restyledSheet(xml: string, styles: MergedStyles, sharedItems: readonly string[]): string {
  const cellStyle = (attributes: string): string => attributes.replace(/(\ss=")(\d+)"/, (_, head: string, i: string) => `${head}${styles.cellXf(Number(i))}"`);
  const rewritten = xml.replace(SHEET_REFERENCES, (whole: string, ...groups: (string | undefined)[]) => {
    const [before, after, index, styled, styleIndex, col, colIndex, rule, dxfIndex] = groups;
    if (index !== undefined) {
      const item = sharedItems[Number(index)];
      if (item === undefined) throw new Error(`shared string ${index} is missing`);
      return `<c${cellStyle(before ?? "")} t="inlineStr"${cellStyle(after ?? "")}><is>${item}</is></c>`;
    }
    if (styled !== undefined) return `${styled}${styles.cellXf(Number(styleIndex))}"`;
    if (col !== undefined) return `${col}${styles.cellXf(Number(colIndex))}"`;
    if (rule !== undefined) return `${rule}${styles.dxf(Number(dxfIndex))}"`;
    return whole;
  });
  if (/<c\b[^>]*\st="s"/.test(rewritten)) throw new Error("a shared-string cell could not be inlined");
  return rewritten;
}

/** How far into a worksheet part its <sheetViews> can be: only sheetPr and dimension come before it. */
const SHEET_HEAD_CHARS = 1_000_000;
const TAB_SELECTED = /<sheetView\b[^>]*\stabSelected="(?:1|true)"/;

function withoutTabSelected(xml: string): string {
  return xml.replace(/(<sheetView\b[^>]*?)\s+tabSelected="(?:1|true)"/, "$1");
}

/** A sheet to put into a package (see writeSheetsIntoPackage). */
export interface AddedSheetParts {
  name: string;
  /** Its table parts, each under the relationship id the sheet's XML refers to. */
  tables: { relId: string; xml(id: number, styles: MergedStyles): string }[];
  /** External relationships of the sheet (hyperlinks), kept as they are. */
  externalRels: Relationship[];
  /** A drawing holding charts: its relationship id in the sheet, its XML (given the charts' relationship ids) and the charts' parts. */
  drawing?: { relId: string; xml(chartRelIds: string[]): string; charts: string[] };
  /** The worksheet XML in pieces; `selected`: set or clear tabSelected (undefined: as rendered). */
  pieces(styles: MergedStyles, selected: boolean | undefined): Iterable<string>;
}

/** The sheets to put into a package, with a styles.xml holding the formats they use (merged by mergeStyles). */
export interface AddedParts {
  stylesXml: string;
  sheets: AddedSheetParts[];
}

const DRAWING_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const CHART_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
const DRAWING_CONTENT = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CHART_CONTENT = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

/** The sheets of a small package written by ExcelJS as AddedParts: shared strings inlined, styles remapped (restyledSheet). */
function addedPartsOf(addedBytes: Buffer): AddedParts {
  const added = openPackage(addedBytes);
  const addedWorkbookPart = workbookPartOf(added.text("_rels/.rels"));
  const addedWorkbookRels = relationshipsOf(added.text(relsPathOf(addedWorkbookPart)), addedWorkbookPart);
  const addedSheets = packageSheetsOf(added.need(addedWorkbookPart), addedWorkbookRels);
  // The added package's shared strings (each <si>'s content is also valid content of an inline <is>).
  const addedShared = addedWorkbookRels.find((r) => r.kind === "sharedStrings");
  const sharedItems = [...(addedShared ? added.need(addedShared.target) : "").matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => m[1] ?? "");
  const addedStylesRel = addedWorkbookRels.find((r) => r.kind === "styles");
  if (!addedStylesRel) throw new Error("a package has no styles part");
  return {
    stylesXml: added.need(addedStylesRel.target),
    sheets: addedSheets.map((addedSheet) => {
      const tables: AddedSheetParts["tables"] = [];
      const externalRels: Relationship[] = [];
      for (const rel of relationshipsOf(added.text(relsPathOf(addedSheet.part)), addedSheet.part)) {
        if (rel.external) {
          externalRels.push(rel);
          continue;
        }
        if (rel.kind !== "table") throw new Error(`added sheet ${addedSheet.name} has a ${rel.kind} part, which cannot be merged`);
        const tableXml = added.need(rel.target);
        tables.push({
          relId: rel.id,
          xml: (id, styles) => tableXml.replace(/(<table\b[^>]*?\sid=")(\d+)"/, (_, head: string) => `${head}${id}"`).replace(/(\s\w*DxfId=")(\d+)"/g, (_, head: string, i: string) => `${head}${styles.dxf(Number(i))}"`),
        });
      }
      const sheetXml = added.need(addedSheet.part);
      return {
        name: addedSheet.name,
        tables,
        externalRels,
        pieces: (styles, selected) => {
          const xml = restyledSheet(sheetXml, styles, sharedItems);
          return [selected === undefined ? xml : withTabSelected(xml, selected)];
        },
      };
    }),
  };
}

/** Merge the worksheets of a small package written by ExcelJS into a workbook package (see the file comment). */
export function mergeSheetsIntoPackage(sourceBytes: Buffer, addedBytes: Buffer, options: MergeOptions = {}): Buffer {
  const added = addedPartsOf(addedBytes);
  const chunks: Uint8Array[] = [];
  const length = writeSheetsIntoPackage(sourceBytes, added, options, (chunk) => chunks.push(chunk));
  return Buffer.concat(chunks, length);
}

/**
 * Put the added sheets into the workbook package, writing the result to `write` chunk by chunk
 * (each added sheet's XML deflated piece by piece as it is rendered); answers the bytes written.
 */
export function writeSheetsIntoPackage(sourceBytes: Buffer, added: AddedParts, options: MergeOptions, write: (chunk: Uint8Array) => void): number {
  const source = openPackage(sourceBytes);
  const changed = new Map<string, string>();
  const streamed = new Map<string, () => Iterable<string>>();

  const workbookPart = workbookPartOf(source.text("_rels/.rels"));
  let workbookXml = source.need(workbookPart);
  if (!/<workbook[\s>]/.test(workbookXml)) throw new Error("workbook part is not unprefixed SpreadsheetML");
  const workbookRelsPart = relsPathOf(workbookPart);
  const workbookRels = relationshipsOf(source.text(workbookRelsPart), workbookPart);
  const sheets = packageSheetsOf(workbookXml, workbookRels);
  let contentTypes = source.need("[Content_Types].xml");

  // Styles.
  const stylesRel = workbookRels.find((r) => r.kind === "styles" && !r.external);
  if (!stylesRel) throw new Error("a package has no styles part");
  const styles = mergeStyles(source.need(stylesRel.target), added.stylesXml);
  changed.set(stylesRel.target, styles.xml);

  // Names taken: every entry of the source; replaced sheets keep their part name.
  const taken = new Set(source.entries.keys());
  const newRels: Relationship[] = workbookRels.filter((r) => r.kind !== "calcChain");
  const sheetRelsOverride = new Map<string, Relationship[]>();
  const newParts = new Map<string, string>(); // part → content type, for overrides
  const finalSheets: PackageSheet[] = [...sheets];
  let nextSheetId = Math.max(0, ...sheets.map((s) => s.sheetId)) + 1;
  let nextRelId = 1;
  const relIdTaken = new Set(workbookRels.map((r) => r.id));
  const newRelId = (): string => {
    while (relIdTaken.has(`rId${nextRelId}`)) nextRelId++;
    relIdTaken.add(`rId${nextRelId}`);
    return `rId${nextRelId}`;
  };

  // Table ids must be unique in the workbook: above every id the kept tables use.
  let nextTableId = 1;
  for (const name of source.entries.keys()) {
    if (!/^xl\/tables\/[^/]+\.xml$/.test(name)) continue;
    const id = Number(attributeOf(/<table\b([^>]*)>/.exec(source.text(name) ?? "")?.[1] ?? "", "id") ?? 0);
    if (Number.isInteger(id)) nextTableId = Math.max(nextTableId, id + 1);
  }

  const active = options.activeSheet?.toLowerCase();
  for (const addedSheet of added.sheets) {
    const existing = finalSheets.findIndex((s) => s.name.toLowerCase() === addedSheet.name.toLowerCase());
    let part: string;
    if (existing >= 0) {
      part = finalSheets[existing].part;
      // The old sheet's relationships part is replaced (or dropped) below; its targets become unreachable.
    } else {
      part = unusedName(taken, (n) => `xl/worksheets/sheet${n}.xml`);
      const relId = newRelId();
      newRels.push({ id: relId, type: WORKSHEET_TYPE, kind: "worksheet", target: part, external: false });
      finalSheets.push({ name: addedSheet.name, sheetId: nextSheetId++, relId, part, state: "visible" });
      newParts.set(part, WORKSHEET_CONTENT);
    }

    // The sheet's own relationships: its tables renumbered, its drawing and charts named; external links kept.
    const rels: Relationship[] = [...addedSheet.externalRels];
    for (const table of addedSheet.tables) {
      const tablePart = unusedName(taken, (n) => `xl/tables/table${n}.xml`);
      changed.set(tablePart, table.xml(nextTableId++, styles));
      newParts.set(tablePart, TABLE_CONTENT);
      rels.push({ id: table.relId, type: TABLE_TYPE, kind: "table", target: tablePart, external: false });
    }
    if (addedSheet.drawing) {
      const drawingPart = unusedName(taken, (n) => `xl/drawings/drawing${n}.xml`);
      const chartRels = addedSheet.drawing.charts.map((chartXml, i) => {
        const chartPart = unusedName(taken, (n) => `xl/charts/chart${n}.xml`);
        changed.set(chartPart, chartXml);
        newParts.set(chartPart, CHART_CONTENT);
        return { id: `rId${i + 1}`, type: CHART_TYPE, kind: "chart", target: chartPart, external: false };
      });
      changed.set(drawingPart, addedSheet.drawing.xml(chartRels.map((r) => r.id)));
      newParts.set(drawingPart, DRAWING_CONTENT);
      const drawingRels = relsPathOf(drawingPart);
      taken.add(drawingRels);
      changed.set(drawingRels, relsXml(chartRels.map((r) => ({ ...r, target: relativeTarget(drawingPart, r.target) }))));
      rels.push({ id: addedSheet.drawing.relId, type: DRAWING_TYPE, kind: "drawing", target: drawingPart, external: false });
    }
    sheetRelsOverride.set(part, rels);
    const selected = active === undefined ? undefined : addedSheet.name.toLowerCase() === active;
    changed.delete(part);
    streamed.set(part, () => addedSheet.pieces(styles, selected));
    const relsPart = relsPathOf(part);
    if (rels.length > 0) {
      changed.set(relsPart, relsXml(rels.map((r) => ({ ...r, target: r.external ? r.target : relativeTarget(part, r.target) }))));
      if (!source.entries.has(relsPart)) taken.add(relsPart);
    } else {
      changed.delete(relsPart);
      taken.delete(relsPart);
    }
  }

  // Parts only the replaced sheets used (and calcChain) are no longer reachable: drop them.
  const workbookRelsOverride = new Map<string, Relationship[]>([[workbookPart, newRels], ...sheetRelsOverride]);
  const before = reachableParts(source, new Map());
  const after = reachableParts(source, workbookRelsOverride);
  const dropped = new Set<string>();
  for (const part of before) {
    if (after.has(part) || changed.has(part) || streamed.has(part)) continue;
    dropped.add(part);
    dropped.add(relsPathOf(part));
  }
  for (const [part, rels] of sheetRelsOverride) if (rels.length === 0) dropped.add(relsPathOf(part));

  // workbook.xml: new sheets appended to <sheets>, then grouped, marked, titled and activated.
  const appended = finalSheets.slice(sheets.length).map((s) => `<sheet name="${escapeXml(s.name)}" sheetId="${s.sheetId}" r:id="${s.relId}"/>`);
  if (appended.length > 0) {
    if (!/<\/sheets>/.test(workbookXml)) throw new Error("workbook part has no sheets list");
    workbookXml = workbookXml.replace("</sheets>", () => `${appended.join("")}</sheets>`);
  }
  // The output tabs as one group; every sheet-scoped name follows its sheet (reorderSheets).
  if (options.group && options.group.length > 0) workbookXml = reorderSheets(workbookXml, groupedOrder(sheetEntriesOf(workbookXml).map((s) => s.name), options.group));
  if (options.outputMarks) workbookXml = setOutputMarks(workbookXml, options.outputMarks);
  if (options.printTitles) workbookXml = setSheetNames(workbookXml, "_xlnm.Print_Titles", options.printTitles);
  if (options.activeSheet !== undefined && sheetEntriesOf(workbookXml).some((s) => s.name.toLowerCase() === options.activeSheet?.toLowerCase())) {
    workbookXml = withActiveTab(workbookXml, options.activeSheet);
    // Only the active tab may be selected (several selected tabs are a group in Excel).
    for (const sheet of sheets) {
      if (changed.has(sheet.part) || streamed.has(sheet.part)) continue;
      // <sheetViews> comes before the rows: only a selected sheet's whole part is read (to be rewritten).
      const entry = source.entries.get(sheet.part);
      const head = entry ? entryTextHead(source.bytes, entry, (text) => text.length > SHEET_HEAD_CHARS || /<sheetData\b|<\/sheetViews>/.test(text)) : undefined;
      if (head === undefined || !TAB_SELECTED.test(head)) continue;
      const xml = source.text(sheet.part);
      if (xml !== undefined) changed.set(sheet.part, withoutTabSelected(xml));
    }
  }
  changed.set(workbookPart, workbookXml);
  changed.set(workbookRelsPart, relsXml(newRels.map((r) => ({ ...r, target: r.external ? r.target : relativeTarget(workbookPart, r.target) }))));

  // [Content_Types].xml: overrides of dropped parts removed, new parts added.
  for (const part of dropped) {
    contentTypes = contentTypes.replace(new RegExp(`<Override\\s[^>]*PartName="${partName(part).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`, "g"), "");
  }
  const overrides = [...newParts].filter(([part]) => !contentTypes.includes(`PartName="${partName(part)}"`)).map(([part, type]) => `<Override PartName="${escapeXml(partName(part))}" ContentType="${type}"/>`);
  contentTypes = contentTypes.replace("</Types>", () => `${overrides.join("")}</Types>`);
  changed.set("[Content_Types].xml", contentTypes);

  // The zip: source entries in their order (copied as stored unless changed), then new parts.
  function* entries(): Generator<ZipEntryToWrite> {
    for (const [name, entry] of source.entries) {
      const pieces = streamed.get(name);
      if (pieces) {
        yield { name, pieces };
        streamed.delete(name);
        continue;
      }
      if (dropped.has(name) && !changed.has(name)) continue;
      const text = changed.get(name);
      if (text !== undefined) {
        yield { name, content: Buffer.from(text, "utf8") };
        changed.delete(name);
      } else {
        yield { name, method: entry.method, crc32: entry.crc32, uncompressedSize: entry.uncompressedSize, compressed: compressedBytesOf(source.bytes, entry) };
      }
    }
    for (const [name, pieces] of streamed) yield { name, pieces };
    for (const [name, text] of changed) yield { name, content: Buffer.from(text, "utf8") };
  }
  return writeZipTo(entries(), write);
}
