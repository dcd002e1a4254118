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

/** Rows [start, end) of block `block`, with their summed size: one write of a group. */
export interface BlockSlice extends RowChunk {
  block: number;
}

/**
 * Pack the rows of several blocks, in order, into groups (one sync each) within the budget,
 * cutting a block where a group fills up, so that every group but the last carries close to the
 * budget: one sync per budget's worth of data (issue 19 §4), where whole chunks packed by
 * packGroups left a gap at the end of each table. A row larger than the budget gets a group of its own.
 * @example packRows([[3, 3], [3, 3]], 7) //=> [[{ block: 0, start: 0, end: 2, bytes: 6 }], [{ block: 1, start: 0, end: 2, bytes: 6 }]]
 * @example packRows([[2, 2, 2], [2, 2]], 6) //=> [[{ block: 0, start: 0, end: 3, bytes: 6 }], [{ block: 1, start: 0, end: 2, bytes: 4 }]]
 */
export function packRows(blocks: readonly (readonly number[])[], budget: number): BlockSlice[][] {
  const groups: BlockSlice[][] = [];
  let current: BlockSlice[] = [];
  let left = budget;
  const close = (): void => {
    if (current.length === 0) return;
    groups.push(current);
    current = [];
    left = budget;
  };
  blocks.forEach((rows, block) => {
    let start = 0;
    while (start < rows.length) {
      let end = start;
      let bytes = 0;
      while (end < rows.length && bytes + rows[end] <= left) bytes += rows[end++];
      if (end === start) {
        if (current.length > 0) {
          close();
          continue;
        }
        bytes = rows[end++];
      }
      current.push({ block, start, end, bytes });
      left -= bytes;
      start = end;
      if (start < rows.length) close();
    }
  });
  close();
  return groups;
}
