/**
 * Navigation of an .xlsx package's parts without ExcelJS: relationships, the workbook part, and
 * its worksheets in tab order with the part each is stored in. Relationship targets are
 * resolved to zip entry names ("worksheets/sheet1.xml" from xl/workbook.xml → "xl/worksheets/sheet1.xml").
 * @example relsPathOf("xl/worksheets/sheet1.xml") //=> "xl/worksheets/_rels/sheet1.xml.rels"
 */
import { attributeOf, elementsOf } from "./xmlText";

export interface Relationship {
  id: string;
  /** The relationship type's last segment: "worksheet", "table", "styles", … */
  kind: string;
  type: string;
  /** Resolved zip entry name for internal targets; the raw target for external ones. */
  target: string;
  external: boolean;
}

export interface PackageSheet {
  name: string;
  sheetId: number;
  relId: string;
  /** Zip entry name of the worksheet part. */
  part: string;
  /** `<sheet state=…>`: absent means visible. */
  state: SheetState;
}

export type SheetState = "visible" | "hidden" | "veryHidden";

/** Every `<sheet>` of workbook.xml in order (worksheets, chart and dialog sheets alike): the list a defined name's localSheetId indexes. */
export function sheetEntriesOf(workbookXml: string): { name: string; state: SheetState; relId: string }[] {
  const sheetsBlock = /<sheets\b[^>]*>([\s\S]*?)<\/sheets>/.exec(workbookXml)?.[1] ?? "";
  return elementsOf(sheetsBlock, "sheet").map(({ attributes }) => {
    const state = attributeOf(attributes, "state");
    return { name: attributeOf(attributes, "name") ?? "", state: state === "hidden" || state === "veryHidden" ? state : "visible", relId: attributeOf(attributes, "r:id") ?? "" };
  });
}

/** The .rels part that holds a part's relationships. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against the part that owns the relationship. */
export function resolveTarget(ownerPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const segments = ownerPart.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "." && segment !== "") segments.push(segment);
  }
  return segments.join("/");
}

export function relationshipsOf(relsXml: string | undefined, ownerPart: string): Relationship[] {
  if (relsXml === undefined) return [];
  return elementsOf(relsXml, "Relationship").map(({ attributes }) => {
    const type = attributeOf(attributes, "Type") ?? "";
    const target = attributeOf(attributes, "Target") ?? "";
    const external = attributeOf(attributes, "TargetMode") === "External";
    return { id: attributeOf(attributes, "Id") ?? "", type, kind: type.slice(type.lastIndexOf("/") + 1), target: external ? target : resolveTarget(ownerPart, target), external };
  });
}

/** Zip entry name of the workbook part (from _rels/.rels; "xl/workbook.xml" when it names none). */
export function workbookPartOf(rootRels: string | undefined): string {
  const main = relationshipsOf(rootRels, "").find((r) => r.kind === "officeDocument");
  return main?.target ?? "xl/workbook.xml";
}

/** The workbook's worksheets in tab order (chart sheets and dialog sheets left out, as ExcelJS does). */
export function packageSheetsOf(workbookXml: string, workbookRels: Relationship[]): PackageSheet[] {
  const byId = new Map(workbookRels.map((r) => [r.id, r]));
  const sheetsBlock = /<sheets\b[^>]*>([\s\S]*?)<\/sheets>/.exec(workbookXml)?.[1] ?? "";
  const sheets: PackageSheet[] = [];
  for (const { attributes } of elementsOf(sheetsBlock, "sheet")) {
    const relId = attributeOf(attributes, "r:id") ?? "";
    const rel = byId.get(relId);
    if (!rel || rel.kind !== "worksheet" || rel.external) continue;
    const state = attributeOf(attributes, "state");
    sheets.push({
      name: attributeOf(attributes, "name") ?? "",
      sheetId: Number(attributeOf(attributes, "sheetId") ?? 0),
      relId,
      part: rel.target,
      state: state === "hidden" || state === "veryHidden" ? state : "visible",
    });
  }
  return sheets;
}

/** True when the workbook uses the 1904 date system (workbookPr date1904="1" or "true"). */
export function isDate1904(workbookXml: string): boolean {
  const pr = /<workbookPr\b([^>]*)>/.exec(workbookXml)?.[1] ?? "";
  const value = attributeOf(pr, "date1904");
  return value === "1" || value === "true";
}
