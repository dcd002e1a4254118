/**
 * Issue 15 item 6 in the CLI's .xlsx: native charts (drawing part, chart part with c:barChart
 * stacked/clustered or c:pieChart, series referring to the table's ranges, relationships and
 * content types), checked in the XML and by LibreOffice headless: it opens the file and keeps
 * the chart when it converts it back to .xlsx, and renders it to PNG.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { errorInEnglish } from "../../support/errorInEnglish";
import type { ChartSpec, SheetSpec } from "../../../src/host/WorkbookPort";
import { chartXml, drawingXml } from "../../../src/host/xlsx/chartParts";
import { renderSheetXml } from "../../../src/host/xlsx/renderSheetXml";
import { StyleBook } from "../../../src/host/xlsx/styleBook";
import { XlsxWorkbook } from "../../../src/host/xlsx/XlsxWorkbook";
import { zipEntry, zipEntryNames } from "./zipEntry";

const SOFFICE = "/usr/bin/soffice";
const PDFTOPPM = "/usr/bin/pdftoppm";

function agingSpec(type: ChartSpec["type"], name = "Aging"): SheetSpec {
  return {
    name,
    title: "Aging",
    tables: [
      {
        name: "AgingByCustomer",
        headerRow: 3,
        firstColumn: 1,
        columns: [
          { header: "Customer", kind: "text" },
          { header: "Current", kind: "money" },
          { header: "1–30", kind: "money" },
        ],
        rows: [
          ["Acme & Co", 100, 20],
          ["Bolt", 50, 0],
          ["Crane", 10, 70],
        ],
        totals: ["Total", 160, 90],
      },
    ],
    charts: [{ name: "AgingChart", title: "Receivables by bucket", type, table: "AgingByCustomer", categoryColumn: "Customer", seriesColumns: ["Current", "1–30"], anchor: { row: 10, column: 1 }, size: { widthPt: 400, heightPt: 240 } }],
  };
}

/** The review trend as the Changes sheet holds it: dates, and ratios on one line chart. */
function trendSpec(): SheetSpec {
  return {
    name: "Changes",
    tables: [{
      name: "ReviewTrend", headerRow: 1, firstColumn: 0,
      columns: [{ header: "As of", kind: "date", numberFormat: "yyyy-mm-dd" }, { header: "Overdue ratio", kind: "percent" }, { header: "CEI", kind: "number" }],
      rows: [[45382, 0.31, 0.72], [45473, 0.27, 0.78], [45838, 0.22, 0.84]],
    }],
    charts: [{ name: "Trend", title: "Overdue ratio and CEI across reviews", type: "line", table: "ReviewTrend", categoryColumn: "As of", seriesColumns: ["Overdue ratio", "CEI"], anchor: { row: 6, column: 0 }, size: { widthPt: 400, heightPt: 240 } }],
  };
}

function placementOf(spec: SheetSpec) {
  const sheet = renderSheetXml(spec, new StyleBook(), new Set(), undefined, true);
  expect(sheet.charts).toHaveLength(1);
  return sheet.charts[0];
}

async function loadOk(source: Buffer): Promise<XlsxWorkbook> {
  const loaded = await XlsxWorkbook.load(source);
  if (!loaded.ok) throw new Error(`expected the workbook to load: ${errorInEnglish(loaded.error)}`);
  return loaded.value;
}

async function withChart(spec: SheetSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Customers").addRow(["Id"]);
  const book = await loadOk(Buffer.from(await wb.xlsx.writeBuffer()));
  await book.writeSheets([spec], { activate: spec.name });
  return book.toBuffer();
}

describe("chartXml", () => {
  it.each([
    ["columnStacked", "col", "stacked", true],
    ["columnClustered", "col", "clustered", false],
    ["barClustered", "bar", "clustered", false],
  ] as const)("a %s chart is a c:barChart of direction %s, grouping %s", (type, direction, grouping, overlap) => {
    const xml = chartXml(placementOf(agingSpec(type)), "Aging");
    expect(xml).toContain(`<c:barDir val="${direction}"/><c:grouping val="${grouping}"/>`);
    expect(xml.includes('<c:overlap val="100"/>')).toBe(overlap);
    expect(xml).toContain("<c:catAx>");
    expect(xml).toContain("<c:valAx>");
  });

  it("a line is a c:lineChart with a circle marker on every series, no bar attributes, and axes", () => {
    const xml = chartXml(placementOf(agingSpec("line")), "Aging");
    expect(xml).toContain('<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>');
    expect(xml.match(/<c:marker><c:symbol val="circle"\/><c:size val="6"\/><\/c:marker>/g)).toHaveLength(2);
    expect(xml.match(/<c:smooth val="0"\/><\/c:ser>/g)).toHaveLength(2);
    expect(xml).toContain('<c:marker val="1"/><c:axId val="500000001"/><c:axId val="500000002"/></c:lineChart>');
    expect(xml).not.toContain("invertIfNegative");
    expect(xml).not.toContain("<c:barChart>");
    expect(xml).toContain("<c:catAx>");
    expect(xml).toContain("<c:valAx>");
    // A line series in the schema's order (CT_LineSer): idx, order, tx, marker, cat, val, smooth.
    expect(xml).toMatch(/<c:ser><c:idx val="0"\/><c:order val="0"\/><c:tx>.*<\/c:tx><c:marker>.*<\/c:marker><c:cat>.*<\/c:cat><c:val>.*<\/c:val><c:smooth val="0"\/><\/c:ser>/);
  });

  it("date categories are numbers in their format (the axis reads dates), text categories text", () => {
    const spec = trendSpec();
    const xml = chartXml(placementOf(spec), "Changes");
    expect(xml).toContain('<c:cat><c:numRef><c:f>\'Changes\'!$A$3:$A$5</c:f><c:numCache><c:formatCode>yyyy-mm-dd</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>45382</c:v></c:pt>');
    expect(xml).toContain('<c:numFmt formatCode="yyyy-mm-dd" sourceLinked="0"/>');
    expect(chartXml(placementOf(agingSpec("line")), "Aging")).toContain("<c:cat><c:strRef>");
  });

  it("a pie is a c:pieChart without axes", () => {
    const xml = chartXml(placementOf(agingSpec("pie")), "Aging");
    expect(xml).toContain("<c:pieChart><c:varyColors val=\"1\"/>");
    expect(xml).not.toContain("<c:catAx>");
  });

  it("each series refers to its header cell and the data rows (never the totals row), values cached", () => {
    const xml = chartXml(placementOf(agingSpec("columnStacked", "O'Brien Aging")), "O'Brien Aging");
    const formulas = [...xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1].replace(/&apos;/g, "'"));
    expect(formulas).toEqual(["'O''Brien Aging'!$C$4", "'O''Brien Aging'!$B$5:$B$7", "'O''Brien Aging'!$C$5:$C$7", "'O''Brien Aging'!$D$4", "'O''Brien Aging'!$B$5:$B$7", "'O''Brien Aging'!$D$5:$D$7"]);
    expect(xml).toContain('<c:pt idx="0"><c:v>Acme &amp; Co</c:v></c:pt>');
    expect(xml).toContain('<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>100</c:v></c:pt><c:pt idx="1"><c:v>50</c:v></c:pt><c:pt idx="2"><c:v>10</c:v></c:pt></c:numCache>');
  });

  it("the drawing anchors the chart at its cell with its size in EMU", () => {
    const xml = drawingXml([placementOf(agingSpec("columnStacked"))], ["rId1"]);
    expect(xml).toContain("<xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>10</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>");
    expect(xml).toContain(`<xdr:ext cx="${400 * 12700}" cy="${240 * 12700}"/>`);
    expect(xml).toContain('r:id="rId1"');
  });
});

describe("charts in a reviewed workbook", () => {
  it("writes the drawing and chart parts with their relationships and content types; no note in the chart's place", async () => {
    const zip = await withChart(agingSpec("columnStacked"));
    const names = zipEntryNames(zip);
    expect(names).toEqual(expect.arrayContaining(["xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels", "xl/charts/chart1.xml"]));
    const types = zipEntry(zip, "[Content_Types].xml");
    expect(types).toContain('PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"');
    expect(types).toContain('PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"');
    expect(zipEntry(zip, "xl/drawings/_rels/drawing1.xml.rels")).toContain('Target="../charts/chart1.xml"');
    const sheetRels = zipEntry(zip, "xl/worksheets/_rels/sheet2.xml.rels");
    const drawingId = /Id="(rId\d+)"[^>]*relationships\/drawing"/.exec(sheetRels)?.[1];
    expect(drawingId).toBeDefined();
    const sheet = zipEntry(zip, "xl/worksheets/sheet2.xml");
    expect(sheet).toContain(`<drawing r:id="${drawingId}"/>`);
    expect(sheet).not.toContain("drawn by the Excel add-in");
    // A second review replaces the chart (no leftover parts).
    const again = await loadOk(zip);
    await again.writeSheets([agingSpec("columnClustered")]);
    const second = await again.toBuffer();
    expect(zipEntryNames(second).filter((n) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(n))).toHaveLength(2);
    expect(zipEntryNames(second).filter((n) => n.startsWith("xl/charts/")).map((n) => zipEntry(second, n)).join("")).toContain('<c:grouping val="clustered"/>');
  });

  it("a chart whose table has no rows gets its note instead", async () => {
    const spec = agingSpec("columnStacked");
    const zip = await withChart({ ...spec, tables: [{ ...spec.tables[0], rows: [], totals: undefined }] });
    expect(zipEntryNames(zip).some((n) => n.startsWith("xl/charts/"))).toBe(false);
    expect(zipEntry(zip, "xl/worksheets/sheet2.xml")).toContain("drawn by the Excel add-in");
  });

  const withLibreOffice = existsSync(SOFFICE) ? it : it.skip;
  withLibreOffice(
    "LibreOffice headless opens the chart: it keeps it when converting back to .xlsx and renders it to PNG",
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "credit-desk-chart-"));
      try {
        const file = path.join(dir, "aging.xlsx");
        writeFileSync(file, await withChart(agingSpec("columnStacked")));
        const profile = `-env:UserInstallation=file://${path.join(dir, "profile")}`;
        const back = spawnSync(SOFFICE, ["--headless", profile, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", path.join(dir, "back"), file], { encoding: "utf8", timeout: 240_000 });
        expect(back.status).toBe(0);
        const converted = readFileSync(path.join(dir, "back", "aging.xlsx"));
        const charts = zipEntryNames(converted).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
        expect(charts).toHaveLength(1);
        const chart = zipEntry(converted, charts[0]);
        expect(chart).toMatch(/<c:barChart>[\s\S]*<c:grouping val="stacked"\/>/);
        expect(chart).toContain("$C$5:$C$7");
        expect(chart).toContain("$D$5:$D$7");
        const pdf = spawnSync(SOFFICE, ["--headless", profile, "--convert-to", "pdf", "--outdir", dir, file], { encoding: "utf8", timeout: 240_000 });
        expect(pdf.status).toBe(0);
        if (existsSync(PDFTOPPM)) {
          const png = spawnSync(PDFTOPPM, ["-png", "-r", "40", "-f", "1", "-l", "1", path.join(dir, "aging.pdf"), path.join(dir, "page")], { encoding: "utf8" });
          expect(png.status).toBe(0);
          const page = ["page-1.png", "page-01.png"].map((p) => path.join(dir, p)).find((p) => existsSync(p));
          expect(page === undefined ? 0 : statSync(page).size).toBeGreaterThan(0);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    300_000,
  );

  withLibreOffice(
    "LibreOffice headless opens the line chart: it keeps a line chart with markers and the date axis, and renders it to PNG",
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "credit-desk-line-"));
      try {
        const file = path.join(dir, "trend.xlsx");
        writeFileSync(file, await withChart(trendSpec()));
        const profile = `-env:UserInstallation=file://${path.join(dir, "profile")}`;
        const back = spawnSync(SOFFICE, ["--headless", profile, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", path.join(dir, "back"), file], { encoding: "utf8", timeout: 240_000 });
        expect(back.status).toBe(0);
        const converted = readFileSync(path.join(dir, "back", "trend.xlsx"));
        const charts = zipEntryNames(converted).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
        expect(charts).toHaveLength(1);
        const chart = zipEntry(converted, charts[0]);
        expect(chart).toContain("<c:lineChart>");
        expect(chart).not.toContain("<c:barChart>");
        expect(chart).toMatch(/<c:symbol val="circle"\/>/);
        expect(chart).toContain("$B$3:$B$5");
        expect(chart).toContain("$C$3:$C$5");
        const pdf = spawnSync(SOFFICE, ["--headless", profile, "--convert-to", "pdf", "--outdir", dir, file], { encoding: "utf8", timeout: 240_000 });
        expect(pdf.status).toBe(0);
        if (existsSync(PDFTOPPM)) {
          // The chart's sheet prints after the user's Customers sheet: its page is the last one.
          const last = spawnSync("pdfinfo", [path.join(dir, "trend.pdf")], { encoding: "utf8" }).stdout.match(/Pages:\s+(\d+)/)?.[1] ?? "1";
          const png = spawnSync(PDFTOPPM, ["-png", "-r", "60", "-f", last, "-l", last, "-singlefile", path.join(dir, "trend.pdf"), path.join(dir, "chart")], { encoding: "utf8" });
          expect(png.status).toBe(0);
          // A drawn chart (title, axes, two lines with markers) is far more than a blank page's few hundred bytes.
          expect(statSync(path.join(dir, "chart.png")).size).toBeGreaterThan(5000);
          if (process.env.CHART_PNG) writeFileSync(process.env.CHART_PNG, readFileSync(path.join(dir, "chart.png")));
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    300_000,
  );
});
