/**
 * WorkbookPort over an ExcelJS workbook: the adapter the CLI (and scripts) use for .xlsx files.
 *
 * - `XlsxWorkbook.load(path | bytes)` checks the file's signature first and answers a
 *   `Result`: "not an .xlsx file", "the workbook is password-protected", "the file is damaged …".
 * - `readWorkbook()` returns every Excel table and the used range of table-less sheets
 *   (snapshotOf); dates as serials in the workbook's 1900 or 1904 system.
 * - `writeSheets()` decides first where each sheet goes (sheetTargetsOf): an output sheet
 *   replaces, in its tab position, only the sheet marked as that output (the hidden sheet-scoped
 *   name `CreditDesk.Output`, outputMarks), else takes its name or the first free "Name (2)";
 *   a user's sheet is never touched, its XML copied byte for byte. Output sheets get the marker,
 *   input sheets (set-up) are only ever created. Then it renders them with writeSheet.
 * - `toBuffer()` / `save(path)` write the .xlsx file (save writes a temporary file and renames it,
 *   so a failed save never leaves a half-written workbook behind).
 *
 * A loaded workbook is kept as its package (the file's bytes), not as an ExcelJS model: it is
 * read with readPackageSnapshot; the sheets written are kept as their specs and, when the file is
 * saved, rendered straight to XML row by row (renderSheetXml, with native charts: chartParts) and
 * deflated into the package as it is written to disk (writeSheetsIntoPackage), so every other
 * part of the user's file (input sheets, their tables, validations, pivot tables, charts) is
 * written back byte for byte and no output sheet is ever an object model or one string
 * (issues 5 and 19: a 1,000,000-invoice review peaks under 0.7 GB). The layout follows the port:
 * wrap, alignment, frozen panes, page setup and print titles, the tab opened on, output tabs
 * grouped in the order given (sheetOrder). Where the package cannot be handled that way
 * (zip64, unusual XML, selecting an input sheet) the adapter falls back to ExcelJS for the whole
 * workbook, as `excelJs()` does: loaded tables are then repaired where ExcelJS misreads them
 * (repairLoadedTables), and the re-saved file loses what ExcelJS cannot write (pivot tables,
 * slicers, charts), which is why the CLI writes to a new file by default.
 *
 * ExcelJS cannot write native charts: on the ExcelJS path (a new workbook, the fallback) writeSheet
 * leaves a note and the chart's data table.
 * @example const book = await XlsxWorkbook.load("ledger.xlsx"); if (book.ok) await book.value.readWorkbook();
 */
import { randomBytes } from "crypto";
import { constants as fsConstants, promises as fs, writeSync, type Stats } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { DateSystem } from "../../engine/dates/dayNumber";
import { detail, err, invalidInput, notAvailable, ok, type Result } from "../../engine/errors";
import type { CellValue, OutputSheetMark, SheetSpec, WorkbookPort, WorkbookSnapshot, WriteOptions, WriteResult } from "../WorkbookPort";
import { a1 } from "./cellAddress";
import { orderNoOf, setOrderNo, tableModelsOf } from "./excelJsInternals";
import { fileProblemOf } from "./fileProblemOf";
import { packageTableNames, writeSheetsIntoPackage, type AddedParts, type AddedSheetParts } from "./mergeSheetsIntoPackage";
import { renderSheetXml, type RenderedSheet } from "./renderSheetXml";
import { StyleBook } from "./styleBook";
import { chartXml, drawingXml } from "./chartParts";
import { outputMarksOf } from "./outputMarks";
import { sheetEntriesOf, workbookPartOf } from "./packageParts";
import { readPackageSnapshot } from "./readPackageSnapshot";
import { readZipEntries, ZipInflateLimitError } from "./readZipEntries";
import { repairLoadedTables } from "./repairLoadedTables";
import { replaceTableRows } from "./replaceTableRows";
import { dateSystemOf, snapshotOf } from "./snapshotOf";
import { sheetTargetsOf, type SheetTarget } from "./sheetTargetsOf";
import { withOutputMarks } from "./withOutputMarks";
import { printTitlesFormula } from "./columnLayout";
import { groupedOrder } from "./sheetOrder";
import { writeSheet } from "./writeSheet";
import { checkSheetSpecs } from "../office/sheetLayout";

function errnoCode(e: unknown): string | undefined {
  if (typeof e === "object" && e !== null && "code" in e && typeof e.code === "string") return e.code;
  return undefined;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Whether an existing file may be replaced: some write bit set in its mode and write access for
 * this process. The mode bits matter on their own because root passes every access check.
 */
export async function isWritableFile(filePath: string, stats: Stats): Promise<boolean> {
  if ((stats.mode & 0o222) === 0) return false;
  return fs.access(filePath, fsConstants.W_OK).then(
    () => true,
    () => false,
  );
}

/** A loaded workbook kept as its package, with the sheets written since (see the file comment). */
interface PackageState {
  bytes: Buffer;
  dateSystem: DateSystem;
  /** The snapshot read at load, handed out by the first readWorkbook (then dropped). */
  snapshot: WorkbookSnapshot | undefined;
  /** Every writeSheets call (each spec named after the sheet it went to), replayed on ExcelJS if the workbook has to fall back to it. */
  writes: SheetSpec[][];
  /** Every sheet's name in tab order (chart sheets too), with the sheets written since load. */
  sheetNames: string[];
  /** The output marks, with those of the sheets written since load. */
  marks: OutputSheetMark[];
  /** The marker of each sheet written since load: output name, or null for an input sheet. */
  writtenMarks: Map<string, string | null>;
  /** The sheets written since load, by written name (lower case), in the order first written; rendered into the package as it is saved (streamed). */
  written: Map<string, SheetSpec>;
  /** The cell selected by select (on one of the written sheets). */
  selection: { sheet: string; row: number; column: number } | undefined;
  /** The output sheets of the last write, by written name, grouped in this tab order on save. */
  group: string[];
  /** The sheet the workbook opens on (WriteOptions.activate, by written name). */
  activate: string | undefined;
  /** The print titles of every sheet written since load (null: none). */
  printTitles: Map<string, string | null>;
}

/** The written names of a write's output sheets in the order given, and the sheet to activate. */
function arrangementOf(specs: readonly SheetSpec[], targets: readonly SheetTarget[], options: WriteOptions): { group: string[]; activate: string | undefined } {
  const group = specs.flatMap((spec, i) => ((spec.role ?? "output") === "output" ? [targets[i].written] : []));
  const wanted = options.activate?.toLowerCase();
  const index = wanted === undefined ? -1 : targets.findIndex((t) => t.requested.toLowerCase() === wanted);
  return { group, activate: index >= 0 ? targets[index].written : undefined };
}

/** A rendered sheet as the merge takes it. */
function addedSheetOf(sheet: RenderedSheet): AddedSheetParts {
  // The sheet's tables are rId1…rIdN (renderSheetXml); its drawing, when it has charts, follows.
  const drawingRelId = sheet.charts.length > 0 ? `rId${sheet.tables.length + 1}` : undefined;
  return {
    name: sheet.name,
    tables: sheet.tables.map((table, i) => ({ relId: `rId${i + 1}`, xml: (id, styles) => table.xml(id, styles) })),
    externalRels: [],
    ...(drawingRelId !== undefined ? { drawing: { relId: drawingRelId, xml: (ids: string[]) => drawingXml(sheet.charts, ids), charts: sheet.charts.map((c) => chartXml(c, sheet.name)) } } : {}),
    pieces: (styles, selected) => sheet.pieces(styles, selected === true, drawingRelId),
  };
}

/** Group the output tabs (sheetOrder groupedOrder) and open the workbook on `activate`. */
function arrangeTabs(workbook: ExcelJS.Workbook, group: readonly string[], activate: string | undefined): void {
  const worksheets = workbook.worksheets;
  const order = groupedOrder(worksheets.map((ws) => ws.name), group);
  const orderNos = worksheets.map(orderNoOf);
  order.forEach((old, i) => setOrderNo(worksheets[old], orderNos[i]));
  if (activate === undefined) return;
  const arranged = workbook.worksheets;
  const index = arranged.findIndex((ws) => ws.name.toLowerCase() === activate.toLowerCase());
  if (index < 0) return;
  const base = (workbook.views ?? [])[0] ?? { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, visibility: "visible" };
  workbook.views = [{ ...base, activeTab: index, firstSheet: Math.min(base.firstSheet ?? 0, index) }];
  arranged.forEach((ws, i) => {
    const view: Partial<ExcelJS.WorksheetView> = { ...((ws.views ?? [])[0] ?? {}) };
    // ExcelJS writes tabSelected from the view (its typings omit it): only the active tab is selected.
    Reflect.set(view, "tabSelected", i === index);
    ws.views = [view as ExcelJS.WorksheetView];
  });
}

async function loadExcelJs(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // ExcelJS types its input as an ArrayBuffer (JSZip reads either); a copy gives it one.
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  repairLoadedTables(workbook, bytes);
  return workbook;
}

/** Every sheet's name and the output marks of a package's workbook part (for a package the snapshot reader cannot read). */
function workbookFactsOf(bytes: Buffer): { sheetNames: string[]; marks: OutputSheetMark[] } {
  const root = readZipEntries(bytes, (n) => n === "_rels/.rels").get("_rels/.rels");
  const part = workbookPartOf(root);
  const xml = readZipEntries(bytes, (n) => n === part).get(part);
  if (xml === undefined) throw new Error(`package part ${part} is missing`);
  return { sheetNames: sheetEntriesOf(xml).map((s) => s.name), marks: outputMarksOf(xml) };
}

/** The marks after a write: the written sheets' marks replaced. */
function marksAfter(marks: readonly OutputSheetMark[], targets: readonly SheetTarget[]): OutputSheetMark[] {
  const written = new Set(targets.map((t) => t.written.toLowerCase()));
  const kept = marks.filter((m) => !written.has(m.sheet.toLowerCase()));
  return [...kept, ...targets.flatMap((t) => (t.output === undefined ? [] : [{ sheet: t.written, output: t.output }]))];
}

/** Decide where each sheet goes (or throw: an input sheet whose name is taken), and name each spec after its target. */
function resolvedSpecs(sheets: readonly SheetSpec[], sheetNames: readonly string[], marks: readonly OutputSheetMark[]): { specs: SheetSpec[]; targets: SheetTarget[] } {
  const targets = sheetTargetsOf(sheets, sheetNames, marks);
  if (!targets.ok) throw new Error(`writeSheets: ${targets.message}`);
  return { specs: sheets.map((spec, i) => ({ ...spec, name: targets.value[i].written })), targets: targets.value };
}

function findSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return workbook.worksheets.find((ws) => ws.name.toLowerCase() === name.toLowerCase());
}

/** An empty worksheet named `name`: a fresh one in the old sheet's tab position, or a new last tab. */
function replaceSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const existing = findSheet(workbook, name);
  if (!existing) return workbook.addWorksheet(name);
  const orderNo = orderNoOf(existing);
  workbook.removeWorksheet(existing.id);
  const worksheet = workbook.addWorksheet(name);
  setOrderNo(worksheet, orderNo);
  return worksheet;
}

function tableNamesOutside(workbook: ExcelJS.Workbook, worksheet: ExcelJS.Worksheet, base: Iterable<string> = []): Set<string> {
  const names = new Set<string>(base);
  for (const ws of workbook.worksheets) {
    if (ws === worksheet) continue;
    for (const table of tableModelsOf(ws)) names.add(table.name.toLowerCase());
  }
  return names;
}

/** Render sheets onto an ExcelJS workbook, replacing same-named sheets; `baseNames`: table names used elsewhere. */
function renderSheets(workbook: ExcelJS.Workbook, sheets: SheetSpec[], options: WriteOptions, baseNames: Iterable<string> = []): void {
  const totalRows = sheets.reduce((n, s) => n + s.tables.reduce((m, t) => m + t.rows.length, 0), 0);
  let rowsDone = 0;
  const report = (rows: number): void => {
    rowsDone += rows;
    options.onProgress?.(totalRows === 0 ? 1 : Math.min(1, rowsDone / totalRows));
  };
  options.onProgress?.(0);
  const base = [...baseNames];
  for (const spec of sheets) {
    const worksheet = replaceSheet(workbook, spec.name);
    writeSheet(worksheet, spec, { usedTableNames: tableNamesOutside(workbook, worksheet, base), onRows: report });
  }
  options.onProgress?.(1);
}

/** Make a sheet the active tab and a cell its active cell (ExcelJS views). */
function selectIn(workbook: ExcelJS.Workbook, sheet: string, row: number, column: number): void {
  const worksheets = workbook.worksheets;
  const index = worksheets.findIndex((ws) => ws.name.toLowerCase() === sheet.toLowerCase());
  if (index < 0) return;
  const worksheet = worksheets[index];
  // A loaded workbook without <bookViews> has no views array at all.
  const base = (workbook.views ?? [])[0] ?? { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, visibility: "visible" };
  workbook.views = [{ ...base, activeTab: index }];
  const address = a1(Math.max(0, row), Math.max(0, column));
  const view = (worksheet.views ?? [])[0];
  worksheet.views = [{ ...(view ?? {}), activeCell: address }];
}

export class XlsxWorkbook implements WorkbookPort {
  private constructor(
    private full: ExcelJS.Workbook | undefined,
    private pkg: PackageState | undefined,
    /** The output marks of the ExcelJS model (ExcelJS drops constant defined names; put back on save). */
    private fullMarks: OutputSheetMark[] = [],
  ) {}

  /** A new, empty workbook (for `init`): no sheets until writeSheets adds them. */
  static create(options: { dateSystem?: DateSystem } = {}): XlsxWorkbook {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = "Credit Desk";
    if (options.dateSystem === "1904") workbook.properties.date1904 = true;
    return new XlsxWorkbook(workbook, undefined);
  }

  /**
   * Open an .xlsx file (a path) or its bytes. Errors name the file and the problem in one line;
   * nothing is thrown for a bad file.
   */
  static async load(source: string | Uint8Array): Promise<Result<XlsxWorkbook>> {
    const label = typeof source === "string" ? path.basename(source) : "workbook";
    let bytes: Buffer;
    if (typeof source === "string") {
      try {
        bytes = await fs.readFile(source);
      } catch (e) {
        const code = errnoCode(e);
        if (code === "ENOENT") return err(notAvailable(detail("noSuchFile", { file: source })));
        if (code === "EISDIR") return err(invalidInput(label, detail("isFolder")));
        if (code === "EACCES" || code === "EPERM") return err(invalidInput(label, detail("permissionDenied")));
        return err(invalidInput(label, detail("cannotRead", { reason: messageOf(e) })));
      }
    } else {
      bytes = Buffer.from(source.buffer, source.byteOffset, source.byteLength);
    }
    const problem = fileProblemOf(bytes);
    if (problem) return err(invalidInput(label, detail("fileProblem", { reason: problem })));
    const noSheets = err(invalidInput(label, detail("notXlsx")));

    let snapshot: WorkbookSnapshot | undefined;
    try {
      snapshot = readPackageSnapshot(bytes);
    } catch (e) {
      // A part that inflates past its declared size or the cap is a zip bomb: ExcelJS would inflate it all.
      if (e instanceof ZipInflateLimitError) return err(invalidInput(label, detail("unreadableWorkbook", { reason: e.message })));
      snapshot = undefined; // not a package this reader handles: ExcelJS decides below
    }
    let facts: { sheetNames: string[]; marks: OutputSheetMark[] } | undefined;
    try {
      facts = workbookFactsOf(bytes);
    } catch {
      facts = undefined; // ExcelJS's sheet list is used below; the markers cannot be read (then outputs go to free names)
    }
    if (snapshot && facts) {
      if (snapshot.sheets.length === 0) return noSheets;
      const state: PackageState = { bytes, dateSystem: snapshot.dateSystem, snapshot, writes: [], sheetNames: facts.sheetNames, marks: snapshot.outputSheets, writtenMarks: new Map(), written: new Map(), selection: undefined, group: [], activate: undefined, printTitles: new Map() };
      return ok(new XlsxWorkbook(undefined, state));
    }

    // ExcelJS inflates every part whole, trusting no declared size: a part that inflates past the size it
    // declares (a zip bomb that understates) is refused first, its inflation stopped at that size.
    try {
      readZipEntries(bytes, () => true);
    } catch (e) {
      if (e instanceof ZipInflateLimitError) return err(invalidInput(label, detail("unreadableWorkbook", { reason: e.message })));
      // Anything else (a zip layout this reader does not handle): ExcelJS decides.
    }
    let workbook: ExcelJS.Workbook;
    try {
      workbook = await loadExcelJs(bytes);
    } catch (e) {
      return err(invalidInput(label, detail("damaged", { reason: messageOf(e) })));
    }
    if (workbook.worksheets.length === 0) return noSheets;
    return ok(new XlsxWorkbook(workbook, undefined, facts?.marks ?? []));
  }

  get dateSystem(): DateSystem {
    return this.pkg ? this.pkg.dateSystem : dateSystemOf(this.requireFull());
  }

  /**
   * The whole workbook as an ExcelJS model (loaded from the package and the writes replayed on
   * it when it was kept as a package); from then on the adapter saves through ExcelJS.
   */
  async excelJs(): Promise<ExcelJS.Workbook> {
    if (this.full) return this.full;
    const pkg = this.requirePackage();
    const workbook = await loadExcelJs(pkg.bytes);
    for (const sheets of pkg.writes) renderSheets(workbook, sheets, {});
    arrangeTabs(workbook, pkg.group, pkg.activate);
    if (pkg.selection) selectIn(workbook, pkg.selection.sheet, pkg.selection.row, pkg.selection.column);
    this.full = workbook;
    this.fullMarks = pkg.marks;
    this.pkg = undefined;
    return workbook;
  }

  async readWorkbook(): Promise<WorkbookSnapshot> {
    if (this.full) return snapshotOf(this.full, this.fullMarks);
    const pkg = this.requirePackage();
    if (pkg.snapshot) {
      const snapshot = pkg.snapshot;
      pkg.snapshot = undefined; // the caller holds it now; a second read parses the package again
      return snapshot;
    }
    if (pkg.written.size === 0) return readPackageSnapshot(pkg.bytes);
    const merged = await this.mergedPackage();
    return merged ? readPackageSnapshot(merged) : snapshotOf(await this.excelJs(), this.fullMarks);
  }

  /**
   * Replace a table's data rows in place (replaceTableRows). The cells of an input sheet change,
   * so the workbook is taken into ExcelJS for it (as `excelJs()` does) and saved by ExcelJS.
   * Throws when there is no such table or it cannot grow without covering a user's cells.
   */
  async updateTableRows(table: string, rows: CellValue[][]): Promise<void> {
    const workbook = await this.excelJs();
    const worksheet = workbook.worksheets.find((ws) => tableModelsOf(ws).some((t) => t.name.toLowerCase() === table.toLowerCase()));
    if (!worksheet) throw new Error(`updateTableRows: the workbook has no table ${table}`);
    const problem = replaceTableRows(worksheet, table, rows);
    if (problem !== undefined) throw new Error(`updateTableRows: ${problem}`);
  }

  async writeSheets(sheets: SheetSpec[], options: WriteOptions = {}): Promise<WriteResult> {
    // The same refusals as the other adapters (WorkbookPort contract), before anything is written,
    // so a bad spec never leaves half a write behind.
    checkSheetSpecs(sheets);
    if (this.full) {
      const { specs, targets } = resolvedSpecs(sheets, this.full.worksheets.map((ws) => ws.name), this.fullMarks);
      renderSheets(this.full, specs, options);
      const { group, activate } = arrangementOf(specs, targets, options);
      arrangeTabs(this.full, group, activate);
      this.fullMarks = marksAfter(this.fullMarks, targets);
      return { sheets: targets.map(({ requested, written }) => ({ requested, written })) };
    }
    const pkg = this.requirePackage();
    const { specs, targets } = resolvedSpecs(sheets, pkg.sheetNames, pkg.marks);
    const result: WriteResult = { sheets: targets.map(({ requested, written }) => ({ requested, written })) };
    // The package's table names must be readable (the sheets are rendered knowing them, on save); else ExcelJS writes.
    const replaced = [...[...pkg.written.values()].map((s) => s.name), ...specs.map((s) => s.name)];
    try {
      packageTableNames(pkg.bytes, replaced);
    } catch {
      const workbook = await this.excelJs();
      renderSheets(workbook, specs, options);
      const { group, activate } = arrangementOf(specs, targets, options);
      arrangeTabs(workbook, group, activate);
      this.fullMarks = marksAfter(this.fullMarks, targets);
      return result;
    }
    pkg.snapshot = undefined;
    pkg.writes.push(specs);
    for (const t of targets) {
      if (!pkg.sheetNames.some((n) => n.toLowerCase() === t.written.toLowerCase())) pkg.sheetNames.push(t.written);
      pkg.writtenMarks.set(t.written, t.output ?? null);
    }
    pkg.marks = marksAfter(pkg.marks, targets);
    const { group, activate } = arrangementOf(specs, targets, options);
    pkg.group = group;
    if (activate !== undefined) pkg.activate = activate;
    for (const spec of specs) pkg.printTitles.set(spec.name, spec.print ? (printTitlesFormula(spec.name, spec.print) ?? null) : null);
    // Rendered when the package is saved, row by row into the zip (renderSheetXml); table names are checked then.
    options.onProgress?.(0);
    for (const spec of specs) pkg.written.set(spec.name.toLowerCase(), spec);
    options.onProgress?.(1);

    return result;
  }

  /** Makes the sheet the active tab and the cell the active cell when the file is opened. */
  async select(sheet: string, row: number, column: number): Promise<void> {
    const pkg = this.pkg;
    if (pkg?.written.has(sheet.toLowerCase())) {
      pkg.selection = { sheet, row, column };
      return;
    }
    selectIn(await this.excelJs(), sheet, row, column);
  }

  async toBuffer(): Promise<Buffer> {
    if (this.pkg) {
      if (this.pkg.written.size === 0) return Buffer.from(this.pkg.bytes);
      const merged = await this.mergedPackage();
      if (merged) return merged;
    }
    const written = Buffer.from(await (await this.excelJs()).xlsx.writeBuffer());
    return withOutputMarks(written, this.fullMarks);
  }

  /**
   * Write the workbook to a file. It is written to a temporary file in the same folder and renamed
   * into place, so a failed save leaves the old file (or none) and no temporary file behind. An
   * existing file is replaced only when it is writable (by its mode bits as well as for this
   * process: root may write a mode-444 file, but the user made it read-only), and the new file
   * keeps its mode and, where the process may set them, its owner and group. A path that is a
   * symbolic link replaces the file it points to, and stays a link.
   */
  async save(requestedPath: string): Promise<Result<void>> {
    const label = path.basename(requestedPath);
    // A symbolic link stays a link: the file it points to is the one replaced.
    const filePath = await fs.realpath(requestedPath).catch(() => requestedPath);
    let existing: Stats | undefined;
    try {
      existing = await fs.stat(filePath);
    } catch (e) {
      if (errnoCode(e) !== "ENOENT") return err(invalidInput(label, detail("cannotWrite", { reason: messageOf(e) })));
    }
    if (existing && !existing.isFile()) return err(invalidInput(label, detail("notAFile")));
    if (existing && !(await isWritableFile(filePath, existing))) return err(invalidInput(label, detail("readOnly")));
    const temporary = path.join(path.dirname(filePath), `.${label}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
    try {
      const mode = existing ? existing.mode & 0o7777 : 0o666;
      await this.writeFile(temporary, mode);
      if (existing) {
        await fs.chmod(temporary, mode); // writeFile's mode is masked by the umask
        if (existing.uid !== process.getuid?.() || existing.gid !== process.getgid?.()) {
          await fs.chown(temporary, existing.uid, existing.gid).catch(() => undefined); // only root (or the owner, for a group) may
        }
      }
      await fs.rename(temporary, filePath);
      return ok(undefined);
    } catch (e) {
      // A partly written temporary file goes too; EEXIST alone means the name was not ours.
      if (errnoCode(e) !== "EEXIST") await fs.rm(temporary, { force: true }).catch(() => undefined);
      const code = errnoCode(e);
      if (code === "ENOENT") return err(invalidInput(label, detail("noFolder", { folder: path.dirname(filePath) })));
      if (code === "EACCES" || code === "EPERM") return err(invalidInput(label, detail("writeDenied")));
      return err(invalidInput(label, detail("cannotWrite", { reason: messageOf(e) })));
    }
  }

  /**
   * Write the workbook to a new file (flag wx): a package with written sheets streams into it
   * chunk by chunk, so a million-row output never sits in memory whole; else the bytes of toBuffer.
   */
  private async writeFile(file: string, mode: number): Promise<void> {
    if (!this.pkg || this.pkg.written.size === 0) {
      await fs.writeFile(file, await this.toBuffer(), { flag: "wx", mode });
      return;
    }
    const handle = await fs.open(file, "wx", mode);
    try {
      const fd = handle.fd;
      const streamed = this.streamPackage((chunk) => {
        for (let at = 0; at < chunk.length; ) at += writeSync(fd, chunk, at, chunk.length - at);
      });
      if (!streamed) {
        await handle.truncate(0);
        const bytes = await this.toBuffer();
        await handle.write(bytes, 0, bytes.length, 0);
      }
    } finally {
      await handle.close();
    }
  }

  /** The package with the written sheets merged in; undefined when it cannot be merged (then ExcelJS saves). */
  private async mergedPackage(): Promise<Buffer | undefined> {
    const pkg = this.requirePackage();
    if (pkg.written.size === 0) return pkg.bytes;
    const chunks: Uint8Array[] = [];
    let length = 0;
    const written = this.streamPackage((chunk) => {
      chunks.push(chunk);
      length += chunk.length;
    });
    return written ? Buffer.concat(chunks, length) : undefined;
  }

  /**
   * Write the package with the written sheets rendered into it, chunk by chunk (the output
   * sheets are never held whole: renderSheetXml, writeSheetsIntoPackage). False when the package
   * cannot be handled that way (then ExcelJS saves); `write` may have had some chunks by then.
   */
  private streamPackage(write: (chunk: Uint8Array) => void): boolean {
    const pkg = this.requirePackage();
    const specs = [...pkg.written.values()];
    let used: Set<string>;
    try {
      used = packageTableNames(pkg.bytes, specs.map((s) => s.name));
    } catch {
      return false;
    }
    const book = new StyleBook();
    const selection = pkg.selection;
    const sheets = specs.map((spec) => renderSheetXml(spec, book, used, selection && selection.sheet.toLowerCase() === spec.name.toLowerCase() ? a1(Math.max(0, selection.row), Math.max(0, selection.column)) : undefined, true));
    const added: AddedParts = { stylesXml: "", sheets: sheets.map((sheet) => addedSheetOf(sheet)) };
    added.stylesXml = book.stylesXml();
    try {
      writeSheetsIntoPackage(pkg.bytes, added, { activeSheet: pkg.selection?.sheet ?? pkg.activate, outputMarks: pkg.writtenMarks, group: pkg.group, printTitles: pkg.printTitles }, write);
      return true;
    } catch {
      return false;
    }
  }

  private requireFull(): ExcelJS.Workbook {
    if (!this.full) throw new Error("XlsxWorkbook: no ExcelJS workbook");
    return this.full;
  }

  private requirePackage(): PackageState {
    if (!this.pkg) throw new Error("XlsxWorkbook: no package");
    return this.pkg;
  }
}
