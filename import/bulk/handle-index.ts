/**
 * A map from a string key to a small integer handle that does not hold the keys: the caller gives each handle's key
 * back (`keyOf`, from a column of the graph or from disk), and the index keeps only a hash of it and the handle, in two
 * typed arrays (open addressing, linear probing). 8 bytes a slot at most 70% full, about 11 bytes a key, where a Map
 * from the string costs about 48 (its entry, its bucket and its spare room; the key's own string aside): 300 MB less
 * at 8M dblp papers, and arrays outside the collected heap, which the collector never marks.
 *
 * A key is compared with `keyOf(handle)` only under an equal 32-bit hash, so a key that is read from disk is read about
 * once a lookup. Each key names at most one handle.
 */
export class HandleIndex {
  /** handle + 1 in a used slot, 0 in a free one. */
  private slots: Int32Array;
  private hashes: Int32Array;
  private mask: number;
  private used = 0;

  constructor(
    private readonly keyOf: (handle: number) => string,
    private readonly hash: (key: string) => number = stringHash,
    initialSlots = 1024,
  ) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(16, initialSlots)));
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
  }

  get size(): number {
    return this.used;
  }

  /** Bytes of its two arrays, outside the collected heap. */
  get bytes(): number {
    return this.slots.byteLength + this.hashes.byteLength;
  }

  /** The handle under the key, or -1. */
  get(key: string): number {
    const slot = this.find(key, this.hash(key) | 0);
    return slot < 0 ? -1 : this.slots[slot] - 1;
  }

  /** Puts the handle under the key, which must not be in the index (the caller looked it up first). */
  add(key: string, handle: number): void {
    if (handle < 0 || handle >= 2 ** 31 - 1) throw new Error(`handle index: handle ${handle} is out of range`);
    if ((this.used + 1) * 10 > this.slots.length * 7) this.grow();
    this.place(this.hash(key) | 0, handle);
    this.used += 1;
  }

  /** Takes the key out (nothing when it is not in). Later keys of its run move up, so that no lookup stops short. */
  delete(key: string): void {
    let hole = this.find(key, this.hash(key) | 0);
    if (hole < 0) return;
    this.used -= 1;
    const { slots, hashes, mask } = this;
    slots[hole] = 0;
    for (let at = (hole + 1) & mask; slots[at] !== 0; at = (at + 1) & mask) {
      const home = hashes[at] & mask;
      // The entry at `at` may fill the hole unless its home lies strictly between the hole and it (cyclically).
      const between = hole <= at ? home > hole && home <= at : home > hole || home <= at;
      if (between) continue;
      slots[hole] = slots[at];
      hashes[hole] = hashes[at];
      slots[at] = 0;
      hole = at;
    }
  }

  private find(key: string, hash: number): number {
    const { slots, hashes, mask } = this;
    for (let at = hash & mask; slots[at] !== 0; at = (at + 1) & mask) {
      if (hashes[at] === hash && this.keyOf(slots[at] - 1) === key) return at;
    }
    return -1;
  }

  private place(hash: number, handle: number): void {
    const { slots, hashes, mask } = this;
    let at = hash & mask;
    while (slots[at] !== 0) at = (at + 1) & mask;
    slots[at] = handle + 1;
    hashes[at] = hash;
  }

  private grow(): void {
    const { slots, hashes } = this;
    this.slots = new Int32Array(slots.length * 2);
    this.hashes = new Int32Array(slots.length * 2);
    this.mask = this.slots.length - 1;
    for (let at = 0; at < slots.length; at++) if (slots[at] !== 0) this.place(hashes[at], slots[at] - 1);
  }
}

/** A 32-bit hash of the string's UTF-16 code units (FNV-1a, then murmur3's final mix so that the low bits depend on every unit). */
export function stringHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
