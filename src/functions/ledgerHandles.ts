/**
 * The ledgers CREDIT.LEDGER holds, each under a handle: a text cell such as
 * "Ledger · 1,000,000 invoices · #k3f9a2x0" whose tag (after "#") is a fingerprint of the ledger's
 * content. The ledger functions (PAYMENTRECORD, DAYSLATE, POSITION, EXPOSURE) given that cell in
 * place of their ledger ranges take the held ledger, with no million-row range marshalled into
 * them nor compared with a kept copy (issue 14: the what-if chain under 250 ms).
 *
 * Why a fingerprint and not a counter: Excel recalculates CREDIT.LEDGER only when a ledger cell
 * changes, and its dependents whenever the handle cell changes; a changed ledger must give a new
 * handle (a new text), and the same ledger read again after the functions' runtime restarted
 * gives the same handle, so a stale cell never names a different ledger (a counter restarting at
 * 1 could). The held ledgers live in this module, that is as long as the functions' runtime (the
 * shared runtime of the task pane page, for the workbook's session); a handle from an earlier
 * session is unknown here and its dependents say to recalculate (ledgerHandleText.ts).
 * Only the last HELD ledgers are held (a user trying several ledgers does not pile up memory).
 */
import type { Ledger } from "../engine/receivables/Ledger";
import { withDerived, type CachedLedger } from "./ledgerCache";

/** How many ledgers are held at most, the last used first. */
export const HELD = 4;

interface Held {
  readonly tag: string;
  readonly cached: CachedLedger;
}

const held: Held[] = [];

/** 32-bit words of a typed array (no copy). */
const wordsOf = (a: Float64Array | Int32Array | Uint8Array | Uint32Array): Int32Array | Uint8Array =>
  a instanceof Uint8Array ? a : new Int32Array(a.buffer, a.byteOffset, (a.byteLength / 4) | 0);

/** Two independent 32-bit lanes (multiply-rotate over each word), enough for a handful of held ledgers and stale cells. */
class Fingerprint {
  h1 = 0x811c9dc5 | 0;
  h2 = 0x1b873593 | 0;

  word(w: number): void {
    const a = Math.imul(this.h1 ^ w, 0x9e3779b1);
    this.h1 = (a << 13) | (a >>> 19);
    const b = Math.imul(this.h2 ^ w, 0x85ebca77);
    this.h2 = (b << 17) | (b >>> 15);
  }

  words(a: Int32Array | Uint8Array): void {
    this.word(a.length);
    for (let i = 0; i < a.length; i++) this.word(a[i]);
  }

  texts(list: readonly string[]): void {
    this.word(list.length);
    for (let i = 0; i < list.length; i++) {
      const s = list[i];
      for (let j = 0; j < s.length; j++) this.word(s.charCodeAt(j));
      this.word(-1);
    }
  }

  /** 8 base-36 characters (41 bits). */
  tag(): string {
    const hi = (this.h1 >>> 0) * 512 + ((this.h2 >>> 0) & 511);
    return hi.toString(36).padStart(8, "0").slice(-8);
  }
}

/**
 * The fingerprint of a ledger's content: every column it holds, its customers in order and its
 * invoice ids; equal ledgers have equal tags.
 * @example ledgerTag(ledgerOf([{ invoiceId: "I1", customerId: "C", invoiceDate: 0, dueDate: 30, amount: 100 }])) //=> an 8-character tag such as "0k3f9a2x"
 */
export function ledgerTag(ledger: Ledger): string {
  const f = new Fingerprint();
  f.word(ledger.length);
  f.texts(ledger.customerIds);
  f.words(wordsOf(ledger.customer));
  f.texts(ledger.invoiceId);
  for (const column of [ledger.invoiceDate, ledger.dueDate, ledger.settledDate, ledger.amount, ledger.paidAmount, ledger.openAmount]) f.words(wordsOf(column));
  f.words(wordsOf(ledger.disputed));
  f.texts(ledger.currencies);
  f.words(wordsOf(ledger.currency));
  return f.tag();
}

/** Hold a ledger under its tag (the one already held under that tag, with its derived figures, when the same ledger is read again). */
export function holdLedger(ledger: Ledger): { tag: string; cached: CachedLedger } {
  const tag = ledgerTag(ledger);
  const found = heldLedger(tag);
  if (found !== undefined) return { tag, cached: found };
  const entry: Held = { tag, cached: withDerived(ledger) };
  held.unshift(entry);
  if (held.length > HELD) held.pop();
  return entry;
}

/** The ledger held under a tag (now the last used), or undefined: never held in this runtime, or dropped for newer ones. */
export function heldLedger(tag: string): CachedLedger | undefined {
  const k = held.findIndex((h) => h.tag === tag);
  if (k < 0) return undefined;
  if (k > 0) held.unshift(...held.splice(k, 1));
  return held[0].cached;
}

const TAG = /#([0-9a-z]{8})\s*$/;

/** The tag of a handle text (its last "#" and 8 letters or digits), or undefined. */
export function tagOfHandle(text: string): string | undefined {
  return TAG.exec(text)?.[1];
}

/** Forget the held ledgers (tests; a runtime restart does the same). */
export function clearHeldLedgers(): void {
  held.length = 0;
}
