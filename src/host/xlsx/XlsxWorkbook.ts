/**
 * WorkbookPort over an ExcelJS workbook: the adapter the CLI (and scripts) use for .xlsx files.
 *
 * - `XlsxWorkbook.load(path | bytes)` checks the file's signature first and answers a
 *   `Result`: "not an .xlsx file", "the workbook is password-protected", "the file is damaged …".
 * - `readWorkbook()` returns every Excel table and the used range of table-less sheets
 *   (snapshotOf); dates as serials in the workbook's 1900 or 1904 system.
 * - `writeSheets()` replaces each named sheet in place (same tab position) or appends it at the
 *   end, leaving every other sheet untouched, and renders it with writeSheet.
 * - `toBuffer()` / `save(path)` write the .xlsx file (save writes a temporary file and renames it,
 *   so a failed save never leaves a half-written workbook behind).
 *
 * Loaded tables are repaired where ExcelJS misreads them (repairLoadedTables), so a user's
 * Excel-made table is written back with its header row and filter buttons.
 *
 * ExcelJS limits worth knowing: it cannot write native charts (writeSheet leaves a note and the
 * chart's data table instead), and a workbook it re-saves loses pivot tables, slicers and charts
 * that were in the original file, which is why the CLI writes to a new file by default.
 * @example const book = await XlsxWorkbook.load("ledger.xlsx"); if (book.ok) await book.value.readWorkbook();
 */
import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { DateSystem } from "../../engine/dates/dayNumber";
import { err, invalidInput, notAvailable, ok, type Result } from "../../engine/errors";
import type { SheetSpec, WorkbookPort, WorkbookSnapshot, WriteOptions } from "../WorkbookPort";
import { a1 } from "./cellAddress";
import { orderNoOf, setOrderNo, tableModelsOf } from "./excelJsInternals";
import { fileProblemOf } from "./fileProblemOf";
import { repairLoadedTables } from "./repairLoadedTables";
import { dateSystemOf, snapshotOf } from "./snapshotOf";
import { writeSheet } from "./writeSheet";

function errnoCode(e: unknown): string | undefined {
  if (typeof e === "object" && e !== null && "code" in e && typeof e.code === "string") return e.code;
  return undefined;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class XlsxWorkbook implements WorkbookPort {
  private constructor(readonly workbook: ExcelJS.Workbook) {}

  /** A new, empty workbook (for `init`): no sheets until writeSheets adds them. */
  static create(options: { dateSystem?: DateSystem } = {}): XlsxWorkbook {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = "Credit Desk";
    if (options.dateSystem === "1904") workbook.properties.date1904 = true;
    return new XlsxWorkbook(workbook);
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
        if (code === "ENOENT") return err(notAvailable(`${source}: no such file`));
        if (code === "EISDIR") return err(invalidInput(label, "is a folder, not an .xlsx file"));
        if (code === "EACCES" || code === "EPERM") return err(invalidInput(label, "cannot be read (permission denied)"));
        return err(invalidInput(label, `cannot be read (${messageOf(e)})`));
      }
    } else {
      bytes = Buffer.from(source.buffer, source.byteOffset, source.byteLength);
    }
    const problem = fileProblemOf(bytes);
    if (problem) return err(invalidInput(label, problem));

    const workbook = new ExcelJS.Workbook();
    try {
      // ExcelJS types its input as an ArrayBuffer (JSZip reads either); a copy gives it one.
      await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    } catch (e) {
      return err(invalidInput(label, `the file is damaged and cannot be opened as .xlsx (${messageOf(e)})`));
    }
    if (workbook.worksheets.length === 0) return err(invalidInput(label, "not an .xlsx file (a zip archive with no worksheets)"));
    repairLoadedTables(workbook, bytes);
    return ok(new XlsxWorkbook(workbook));
  }

  get dateSystem(): DateSystem {
    return dateSystemOf(this.workbook);
  }

  async readWorkbook(): Promise<WorkbookSnapshot> {
    return snapshotOf(this.workbook);
  }

  async writeSheets(sheets: SheetSpec[], options: WriteOptions = {}): Promise<void> {
    const totalRows = sheets.reduce((n, s) => n + s.tables.reduce((m, t) => m + t.rows.length, 0), 0);
    let rowsDone = 0;
    const report = (rows: number): void => {
      rowsDone += rows;
      options.onProgress?.(totalRows === 0 ? 1 : Math.min(1, rowsDone / totalRows));
    };
    options.onProgress?.(0);
    for (const spec of sheets) {
      const worksheet = this.replaceSheet(spec.name);
      writeSheet(worksheet, spec, { usedTableNames: this.tableNamesOutside(worksheet), onRows: report });
    }
    options.onProgress?.(1);
  }

  /** Makes the sheet the active tab and the cell the active cell when the file is opened. */
  async select(sheet: string, row: number, column: number): Promise<void> {
    const worksheets = this.workbook.worksheets;
    const index = worksheets.findIndex((ws) => ws.name.toLowerCase() === sheet.toLowerCase());
    if (index < 0) return;
    const worksheet = worksheets[index];
    const base = this.workbook.views[0] ?? { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, visibility: "visible" };
    this.workbook.views = [{ ...base, activeTab: index }];
    const address = a1(Math.max(0, row), Math.max(0, column));
    const view = worksheet.views[0];
    worksheet.views = [{ ...(view ?? {}), activeCell: address }];
  }

  async toBuffer(): Promise<Buffer> {
    const written = await this.workbook.xlsx.writeBuffer();
    return Buffer.from(written);
  }

  /** Write the workbook to a file (replacing it); a temporary file is renamed into place. */
  async save(filePath: string): Promise<Result<void>> {
    const label = path.basename(filePath);
    const temporary = path.join(path.dirname(filePath), `.${label}.${process.pid}.tmp`);
    try {
      await fs.writeFile(temporary, await this.toBuffer());
      await fs.rename(temporary, filePath);
      return ok(undefined);
    } catch (e) {
      await fs.rm(temporary, { force: true }).catch(() => undefined);
      const code = errnoCode(e);
      if (code === "ENOENT") return err(invalidInput(label, `cannot be written: folder ${path.dirname(filePath)} does not exist`));
      if (code === "EACCES" || code === "EPERM") return err(invalidInput(label, "cannot be written (permission denied; is it open in Excel?)"));
      return err(invalidInput(label, `cannot be written (${messageOf(e)})`));
    }
  }

  /** An empty worksheet named `name`: a fresh one in the old sheet's tab position, or a new last tab. */
  private replaceSheet(name: string): ExcelJS.Worksheet {
    const existing = this.workbook.worksheets.find((ws) => ws.name.toLowerCase() === name.toLowerCase());
    if (!existing) return this.workbook.addWorksheet(name);
    const orderNo = orderNoOf(existing);
    this.workbook.removeWorksheet(existing.id);
    const worksheet = this.workbook.addWorksheet(name);
    setOrderNo(worksheet, orderNo);
    return worksheet;
  }

  private tableNamesOutside(worksheet: ExcelJS.Worksheet): Set<string> {
    const names = new Set<string>();
    for (const ws of this.workbook.worksheets) {
      if (ws === worksheet) continue;
      for (const table of tableModelsOf(ws)) names.add(table.name.toLowerCase());
    }
    return names;
  }
}
