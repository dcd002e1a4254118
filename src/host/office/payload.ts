/**
 * Payload sizing for Office.js batches. Excel on the web rejects a request or a response above
 * 5 MB; Credit Desk keeps every batch under PAYLOAD_BUDGET_BYTES (4 MB) so that the number of
 * `context.sync()` calls depends on the data only through that cap.
 */

export const PAYLOAD_BUDGET_BYTES = 4 * 1024 * 1024;

/**
 * UTF-8 length of a string (what travels on the wire), without Node's Buffer.
 * @example utf8Length("é") //=> 2
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Size of a value once serialised as JSON (UTF-8 bytes).
 * @example jsonBytes([[1, "a"]]) //=> 9
 */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "null");
}

/** A half-open slice [start, end) of a list of rows, with its estimated size. */
export interface RowChunk {
  start: number;
  end: number;
  bytes: number;
}

/**
 * Cut rows into consecutive chunks whose summed size stays within the budget (a single row
 * larger than the budget gets a chunk of its own).
 * @example chunkRows([3, 3, 3], 6) //=> [{ start: 0, end: 2, bytes: 6 }, { start: 2, end: 3, bytes: 3 }]
 */
export function chunkRows(rowBytes: readonly number[], budget: number): RowChunk[] {
  const chunks: RowChunk[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < rowBytes.length; i++) {
    if (i > start && bytes + rowBytes[i] > budget) {
      chunks.push({ start, end: i, bytes });
      start = i;
      bytes = 0;
    }
    bytes += rowBytes[i];
  }
  if (rowBytes.length > start) chunks.push({ start, end: rowBytes.length, bytes });
  return chunks;
}

/**
 * Cut `rowCount` rows of equal estimated size into chunks within the budget.
 * @example chunkUniformRows(5, 10, 25) //=> [{ start: 0, end: 2, bytes: 20 }, { start: 2, end: 4, bytes: 20 }, { start: 4, end: 5, bytes: 10 }]
 */
export function chunkUniformRows(rowCount: number, bytesPerRow: number, budget: number): RowChunk[] {
  const perChunk = Math.max(1, Math.floor(budget / Math.max(1, bytesPerRow)));
  const chunks: RowChunk[] = [];
  for (let start = 0; start < rowCount; start += perChunk) {
    const end = Math.min(rowCount, start + perChunk);
    chunks.push({ start, end, bytes: (end - start) * bytesPerRow });
  }
  return chunks;
}

/**
 * Pack sized items, in order, into groups whose total stays within the budget (one sync each).
 * @example packGroups([{ bytes: 3 }, { bytes: 3 }, { bytes: 5 }], 6).length //=> 2
 */
export function packGroups<T extends { bytes: number }>(items: readonly T[], budget: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let total = 0;
  for (const item of items) {
    if (current.length > 0 && total + item.bytes > budget) {
      groups.push(current);
      current = [];
      total = 0;
    }
    current.push(item);
    total += item.bytes;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
