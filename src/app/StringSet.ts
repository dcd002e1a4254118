/**
 * A set of strings for telling a repeated invoice id among a million (issue 6). A JavaScript Set
 * took ~0.8 µs an id at 1M receivable rows on the benchmark machine (a chain of entries per bucket,
 * each compared through its string's hash, far apart in memory); this table keeps each entry's
 * 32-bit hash next to its slot (open addressing, linear probing, at most half full), so adding an
 * id touches one slot and compares strings only when the hashes agree: ~0.35 µs.
 * @example const ids = new StringSet(2); [ids.add("I1"), ids.add("I2"), ids.add("I1")] //=> [true, true, false]
 */
export class StringSet {
  /** Pairs of (hash, 1 + index in `keys`); 0 in the second place marks an empty slot. */
  private slots: Int32Array;
  private mask: number;
  private readonly keys: string[] = [];

  /** `capacity` is a hint: the number of strings expected. */
  constructor(capacity: number) {
    let size = 16;
    while (size < 2 * capacity) size *= 2;
    this.slots = new Int32Array(2 * size);
    this.mask = size - 1;
  }

  /** Adds a string; false when it was in the set already. */
  add(key: string): boolean {
    const hash = hashOf(key);
    const slots = this.slots;
    for (let i = hash & this.mask; ; i = (i + 1) & this.mask) {
      const entry = slots[2 * i + 1];
      if (entry === 0) break;
      if (slots[2 * i] === hash && this.keys[entry - 1] === key) return false;
    }
    this.keys.push(key);
    if (2 * this.keys.length > this.mask + 1) this.rehash();
    else this.place(hash, this.keys.length);
    return true;
  }

  private place(hash: number, entry: number): void {
    let i = hash & this.mask;
    while (this.slots[2 * i + 1] !== 0) i = (i + 1) & this.mask;
    this.slots[2 * i] = hash;
    this.slots[2 * i + 1] = entry;
  }

  /** Twice the slots, every key placed again (only when more strings come than the hint said). */
  private rehash(): void {
    this.slots = new Int32Array(2 * this.slots.length);
    this.mask = 2 * this.mask + 1;
    for (let k = 0; k < this.keys.length; k++) this.place(hashOf(this.keys[k]), k + 1);
  }
}

/** FNV-1a over the UTF-16 code units, then MurmurHash3's finaliser so that the low bits (the slot) mix. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
