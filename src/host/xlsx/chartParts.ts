/**
 * Native charts in the CLI's .xlsx (issue 15 item 6; ExcelJS cannot write them): the drawing
 * part that anchors each chart on its sheet and the chart part (DrawingML chart) that plots a
 * table's columns: `c:barChart` (columns or bars, stacked or clustered), `c:lineChart` (lines
 * with circle markers) or `c:pieChart`, each
 * series referring to the table's cells by A1 range (`'Aging'!$C$10:$C$14`), with the values
 * cached so that a reader that does not recalculate still draws them. The totals row is never
 * plotted.
 * @example chartXml(placement, "Aging") //=> '<?xml …?><c:chartSpace …><c:chart><c:title>…<c:barChart><c:barDir val="col"/><c:grouping val="stacked"/>…'
 */
import type { CellValue } from "../WorkbookPort";
import { numberFormatOf } from "../numberFormatOf";
import { columnLetters } from "./cellAddress";
import type { ChartPlacement } from "./renderSheetXml";
import { escapeXml } from "./xmlText";

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XDR_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const EMU_PER_POINT = 12700;
const DEFAULT_SIZE = { widthPt: 480, heightPt: 288 };
const CAT_AXIS = 500000001;
const VAL_AXIS = 500000002;

/** An absolute range of one column's rows on a sheet, as a chart formula. */
function rangeOf(sheet: string, column: number, top: number, bottom: number): string {
  const letters = columnLetters(column);
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  return top === bottom ? `${quoted}!$${letters}$${top + 1}` : `${quoted}!$${letters}$${top + 1}:$${letters}$${bottom + 1}`;
}

function strCache(values: readonly CellValue[]): string {
  const points = values.map((v, i) => (v === null || v === undefined ? "" : `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`)).join("");
  return `<c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache>`;
}

function numCache(values: readonly CellValue[], formatCode = "General"): string {
  const points = values.map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : "")).join("");
  return `<c:numCache><c:formatCode>${escapeXml(formatCode)}</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

/** The category axis's number format: a date column's own (LibreOffice ignores a linked one), else the source's. */
function categoryFormatXml(placement: ChartPlacement): string {
  const column = placement.spec.columns[placement.categoryColumn - placement.spec.firstColumn];
  if (column?.kind === "date") return `<c:numFmt formatCode="${escapeXml(numberFormatOf(column) ?? "yyyy-mm-dd")}" sourceLinked="0"/>`;
  return '<c:numFmt formatCode="General" sourceLinked="1"/>';
}

/** The categories: dates as numbers in their format (the axis shows 2025-06-30, not 45838), anything else as text. */
function categoriesXml(placement: ChartPlacement, formula: string, categories: readonly CellValue[]): string {
  const column = placement.spec.columns[placement.categoryColumn - placement.spec.firstColumn];
  if (column?.kind === "date") return `<c:cat><c:numRef><c:f>${escapeXml(formula)}</c:f>${numCache(categories, numberFormatOf(column) ?? "yyyy-mm-dd")}</c:numRef></c:cat>`;
  return `<c:cat><c:strRef><c:f>${escapeXml(formula)}</c:f>${strCache(categories)}</c:strRef></c:cat>`;
}

/**
 * What a series says between its name and its data, in the schema's order: a bar's
 * invertIfNegative; a line's marker (a circle at each point); nothing for a pie.
 */
function seriesLook(type: ChartPlacement["chart"]["type"]): string {
  if (type === "pie") return "";
  if (type === "line") return '<c:marker><c:symbol val="circle"/><c:size val="6"/></c:marker>';
  return '<c:invertIfNegative val="0"/>';
}

function seriesXml(placement: ChartPlacement, sheet: string): string {
  const { spec, headerRow, categoryColumn } = placement;
  const top = headerRow + 1;
  const bottom = headerRow + spec.rows.length;
  const categoryIndex = categoryColumn - spec.firstColumn;
  const categories = spec.rows.map((row) => row[categoryIndex] ?? null);
  return placement.seriesColumns
    .map((column, i) => {
      const index = column - spec.firstColumn;
      const values = spec.rows.map((row) => row[index] ?? null);
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${escapeXml(rangeOf(sheet, column, headerRow, headerRow))}</c:f>${strCache([spec.columns[index].header])}</c:strRef></c:tx>` +
        seriesLook(placement.chart.type) +
        categoriesXml(placement, rangeOf(sheet, categoryColumn, top, bottom), categories) +
        `<c:val><c:numRef><c:f>${escapeXml(rangeOf(sheet, column, top, bottom))}</c:f>${numCache(values)}</c:numRef></c:val>` +
        (placement.chart.type === "line" ? '<c:smooth val="0"/>' : "") +
        "</c:ser>"
      );
    })
    .join("");
}

function plotXml(placement: ChartPlacement, sheet: string): string {
  const series = seriesXml(placement, sheet);
  const type = placement.chart.type;
  if (type === "pie") return `<c:pieChart><c:varyColors val="1"/>${series}<c:firstSliceAng val="0"/></c:pieChart>`;
  const direction = type === "barClustered" ? "bar" : "col";
  const stacked = type === "columnStacked";
  const plot = type === "line"
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/><c:axId val="${CAT_AXIS}"/><c:axId val="${VAL_AXIS}"/></c:lineChart>`
    : `<c:barChart><c:barDir val="${direction}"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/>${stacked ? '<c:overlap val="100"/>' : ""}<c:axId val="${CAT_AXIS}"/><c:axId val="${VAL_AXIS}"/></c:barChart>`;
  const catPos = direction === "bar" ? "l" : "b";
  const valPos = direction === "bar" ? "b" : "l";
  const catAx = `<c:catAx><c:axId val="${CAT_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${catPos}"/>${categoryFormatXml(placement)}<c:tickLblPos val="nextTo"/><c:crossAx val="${VAL_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx = `<c:valAx><c:axId val="${VAL_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${valPos}"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="${CAT_AXIS}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return plot + catAx + valAx;
}

/** The chart part of one chart on sheet `sheet`. */
export function chartXml(placement: ChartPlacement, sheet: string): string {
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${escapeXml(placement.chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`;
  return (
    `${XML_HEADER}<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:plotArea><c:layout/>${plotXml(placement, sheet)}</c:plotArea>` +
    `<c:legend><c:legendPos val="${placement.chart.type === "pie" ? "r" : "b"}"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** The drawing part of a sheet: each chart anchored at its cell, its size in points; `chartRelIds`: the drawing's relationship to each chart part. */
export function drawingXml(placements: readonly ChartPlacement[], chartRelIds: readonly string[]): string {
  const anchors = placements.map((placement, i) => {
    const { row, column } = placement.chart.anchor;
    const size = placement.chart.size ?? DEFAULT_SIZE;
    const name = escapeXml(placement.chart.name);
    return (
      `<xdr:oneCellAnchor><xdr:from><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:ext cx="${Math.round(size.widthPt * EMU_PER_POINT)}" cy="${Math.round(size.heightPt * EMU_PER_POINT)}"/>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${name}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" r:id="${chartRelIds[i]}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>`
    );
  });
  return `${XML_HEADER}<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">${anchors.join("")}</xdr:wsDr>`;
}
