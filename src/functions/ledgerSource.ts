/**
 * The ledger a review function reads (CREDIT.PAYMENTRECORD, DAYSLATE, POSITION, EXPOSURE): either
 * its columns of the Receivables table, kept between calls while their cells stay the same
 * (ledgerCache.ts), or a CREDIT.LEDGER handle cell given in the first ledger argument with the
 * other ledger arguments left empty (ledgerHandles.ts): then no ledger range is handed to the
 * function at all. The first ledger argument is read with LEDGER_SOURCE, the others with
 * LEDGER_PART, and `ledgerFrom` resolves them.
 * @example =CREDIT.POSITION(A2#, Ledger!A1, , , , , , Params!B1) with Ledger!A1 =CREDIT.LEDGER(Receivables[InvoiceId], …)
 */
import { detail, err, invalidInput, notAvailable, ok, type Result } from "../engine/errors";
import { readRequiredRange, type Cell } from "./args";
import { LEDGER_COLUMN, type ArgReader } from "./argSpec";
import { columnCells, type ColumnCells } from "./columnCells";
import type { LedgerCells } from "./ledgerArgs";
import { cachedLedger, type CachedLedger } from "./ledgerCache";
import { heldLedger, tagOfHandle } from "./ledgerHandles";

/** A CREDIT.LEDGER handle given in place of the ledger's columns. */
export interface LedgerHandle {
  readonly handle: string;
  readonly tag: string;
}

/** The text of a one-cell argument (a cell, or a 1×1 range), else undefined. */
function oneText(value: Cell): string | undefined {
  let cell: unknown = value;
  while (Array.isArray(cell) && cell.length === 1) cell = cell[0];
  return typeof cell === "string" ? cell : undefined;
}

export const isHandle = (source: ColumnCells | LedgerHandle): source is LedgerHandle => "tag" in source;

/** The first ledger argument: a CREDIT.LEDGER handle (one cell of text ending in "#" and its tag), else a required ledger column (LEDGER_COLUMN). */
export const LEDGER_SOURCE: ArgReader<ColumnCells | LedgerHandle> = {
  read(value, field) {
    const text = oneText(value);
    const tag = text === undefined ? undefined : tagOfHandle(text);
    return text !== undefined && tag !== undefined ? ok({ handle: text, tag }) : LEDGER_COLUMN.read(value, field);
  },
};

/** Another ledger argument: a column, or undefined when omitted (required only without a handle: ledgerFrom checks). */
export const LEDGER_PART: ArgReader<ColumnCells | undefined> = {
  read(value, field) {
    return readRequiredRange(value, field).ok ? columnCells(value, field) : ok(undefined);
  },
};

type Name = keyof LedgerCells;

/**
 * The ledger of a call: the held one of its handle, or the one of its columns (cachedLedger, `exact`
 * for the position functions). `first` names the first ledger argument; `parts` are the others,
 * those in `required` needed without a handle and all of them empty with one.
 */
export function ledgerFrom(
  source: ColumnCells | LedgerHandle,
  first: Name,
  parts: Partial<Record<Name, ColumnCells | undefined>>,
  required: readonly Name[],
  exact: boolean,
): Result<CachedLedger> {
  const names = Object.keys(parts) as Name[];
  if (isHandle(source)) {
    const given = names.find((name) => parts[name] !== undefined);
    if (given !== undefined) return err(invalidInput(given, detail("emptyWithHandle", { first })));
    const held = heldLedger(source.tag);
    return held === undefined ? err(notAvailable(detail("unknownHandle", { handle: source.handle.trim() }))) : ok(held);
  }
  const missing = required.find((name) => parts[name] === undefined);
  if (missing !== undefined) {
    if (source.length === 1 && names.every((name) => parts[name] === undefined)) {
      return err(invalidInput(first, detail("notHandle")));
    }
    return LEDGER_COLUMN.read(null, missing) as Result<never>;
  }
  return cachedLedger({ ...parts, [first]: source } as LedgerCells, exact);
}
