import ExcelJS from "exceljs";
import fc from "fast-check";
import { deflateRawSync } from "zlib";
import { zipBomb } from "../../../scripts/badWorkbooks";
import { fileProblemOf } from "../../../src/host/xlsx/fileProblemOf";
import { MAX_INFLATED_MB, MAX_ZIP_ENTRIES, centralDirectory, entryText, entryTextHead, readZipEntries, zipProblemOf, ZipInflateLimitError } from "../../../src/host/xlsx/readZipEntries";
import { writeZip, type ZipEntryToWrite } from "../../../src/host/xlsx/writeZip";

const CAP = MAX_INFLATED_MB * 1_000_000;

/** An entry that declares `size` inflated bytes but holds a deflated "x" (the directory check never inflates). */
const declaring = (name: string, size: number): ZipEntryToWrite => ({ name, method: 8, crc32: 0, uncompressedSize: size, compressed: deflateRawSync(Buffer.from("x")) });

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Customers").addRow(["CustomerId", "Name"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("zipProblemOf: judged from the central directory, before anything is inflated", () => {
  it("passes a real workbook", async () => {
    expect(zipProblemOf(await workbook())).toBeUndefined();
  });

  it.each([0.1, 0.5, 0.9, 0.999])("calls a workbook cut at %p of its length damaged or truncated", async (fraction) => {
    const whole = await workbook();
    expect(zipProblemOf(whole.subarray(0, Math.floor(whole.length * fraction)))).toMatch(/^the file is damaged or truncated: /);
  });

  it.each([
    [[CAP], undefined],
    [[CAP + 1], `not a workbook Credit Desk can read: its parts would inflate to more than ${MAX_INFLATED_MB} MB`],
    [[CAP / 2, CAP / 2], undefined],
    [[CAP / 2, CAP / 2 + 1], `not a workbook Credit Desk can read: its parts would inflate to more than ${MAX_INFLATED_MB} MB`],
  ])("declared sizes %j in all: %s", (sizes, problem) => {
    expect(zipProblemOf(writeZip(sizes.map((size, i) => declaring(`part${i}.xml`, size))))).toBe(problem);
  });

  it(`refuses more than ${MAX_ZIP_ENTRIES} parts, accepts that many`, () => {
    const entries = (n: number): ZipEntryToWrite[] => Array.from({ length: n }, (_, i) => ({ name: `p${i}`, method: 0, crc32: 0, uncompressedSize: 0, compressed: Buffer.alloc(0) }));
    expect(zipProblemOf(writeZip(entries(MAX_ZIP_ENTRIES)))).toBeUndefined();
    expect(zipProblemOf(writeZip(entries(MAX_ZIP_ENTRIES + 1)))).toBe(`not a workbook Credit Desk can read: it has ${MAX_ZIP_ENTRIES + 1} parts (more than ${MAX_ZIP_ENTRIES})`);
  });

  it("refuses a 1 GiB bomb by its declared size, and one that lies about it by its impossible sizes", () => {
    expect(zipProblemOf(zipBomb(1024))).toMatch(/would inflate to more than/);
    expect(zipProblemOf(zipBomb(1024, 4096))).toMatch(/^not a workbook Credit Desk can read: part xl\/worksheets\/sheet1\.xml claims to inflate to 4096 bytes, fewer than its \d+ compressed bytes make$/);
  });
});

describe("entryText: never inflates past an entry's declared size", () => {
  it("stops a part that declares 20000 bytes but holds 10 MiB, which the directory check cannot see", () => {
    const zip = zipBomb(10, 20_000);
    expect(zipProblemOf(zip)).toBeUndefined();
    const part = centralDirectory(zip).find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    expect(() => entryText(zip, part)).toThrow(new ZipInflateLimitError("zip entry xl/worksheets/sheet1.xml inflates to more than its declared 20000 bytes"));
    expect(() => entryText(zip, part)).toThrow(ZipInflateLimitError);
  });

  it("property: what writeZip stores, zipProblemOf passes and readZipEntries gives back", () => {
    fc.assert(fc.property(fc.uniqueArray(fc.record({ name: fc.stringMatching(/^[a-z]{1,8}\.xml$/), text: fc.fullUnicodeString({ maxLength: 200 }) }), { selector: (e) => e.name, maxLength: 6 }), (parts) => {
      const zip = writeZip(parts.map((p) => ({ name: p.name, content: Buffer.from(p.text, "utf8") })));
      expect(zipProblemOf(zip)).toBeUndefined();
      expect(Object.fromEntries(readZipEntries(zip, () => true))).toEqual(Object.fromEntries(parts.map((p) => [p.name, p.text])));
    }));
  });
});

describe("fileProblemOf: one sentence for every file that is not a readable workbook", () => {
  const ole = (stream: string): Buffer => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from(stream, "utf16le")]);
  it.each([
    ["an empty file", Buffer.alloc(0), "the file is empty"],
    ["a CSV", Buffer.from("CustomerId,Name\n"), "not an .xlsx file"],
    ["an empty zip", Buffer.from([0x50, 0x4b, 0x05, 0x06, ...Array<number>(18).fill(0)]), "not an .xlsx file (an empty zip archive)"],
    ["an encrypted workbook", ole("EncryptionInfo"), "the workbook is password-protected (encrypted); save an unprotected copy"],
    ["a bare OLE header", ole(""), "the workbook is password-protected (encrypted); save an unprotected copy"],
    ["a legacy .xls", ole("Workbook"), "a legacy .xls workbook (Excel 97-2003); save it as .xlsx"],
    ["a zip bomb", zipBomb(1024), `not a workbook Credit Desk can read: its parts would inflate to more than ${MAX_INFLATED_MB} MB`],
  ])("%s", (_what, bytes, problem) => {
    expect(fileProblemOf(bytes)).toBe(problem);
  });

  it("passes a real workbook and calls a truncated one damaged", async () => {
    const whole = await workbook();
    expect(fileProblemOf(whole)).toBeUndefined();
    expect(fileProblemOf(whole.subarray(0, 100))).toBe("the file is damaged or truncated: its zip directory cannot be read");
  });
});

describe("entryTextHead: the beginning of a part, not the whole of it", () => {
  const rows = Array.from({ length: 200_000 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${i}</v></c></row>`).join("");
  const sheet = `<?xml version="1.0"?><worksheet><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetData>${rows}</sheetData></worksheet>`;
  const zip = writeZip([{ name: "xl/worksheets/sheet1.xml", content: Buffer.from(sheet) }]);
  const [entry] = centralDirectory(zip);

  it("stops inflating once it has read enough", () => {
    const head = entryTextHead(zip, entry, (text) => text.includes("<sheetData"));
    expect(sheet.startsWith(head)).toBe(true);
    expect(head).toContain('tabSelected="1"');
    // Far less than the part: a few inflated pieces at most.
    expect(head.length).toBeLessThan(sheet.length / 10);
  });

  it("gives the whole text when it never has enough", () => {
    expect(entryTextHead(zip, entry, () => false)).toBe(sheet);
  });
});
