/** Test helper: one part of an .xlsx package as text, read without ExcelJS (see readZipEntries). */
import { readZipEntries, zipEntryNames } from "../../../src/host/xlsx/readZipEntries";

export { zipEntryNames };

export function zipEntry(zip: Buffer, name: string): string {
  const text = readZipEntries(zip, (n) => n === name).get(name);
  if (text === undefined) throw new Error(`no ${name} in the zip`);
  return text;
}
