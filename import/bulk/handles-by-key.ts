import { detached } from "./detached";
import { HandleIndex, stringHash } from "./handle-index";

/**
 * The in-memory graph's papers by titleKey and authors by nameKey: a key to the handles under it (in the order they
 * were added), without holding each key as a string of its own. The caller gives each handle's key back (`keyOf`):
 * an author's nameKey, a paper's id when it is its titleKey, or the titleKey read back from the paper's payload on disk
 * (at 1M generated dblp records the titleKeys were 61 MiB of a 518 MiB graph).
 *
 *  - A key with one handle (nearly every titleKey and nameKey) is found through a hash index (handle-index.ts) that
 *    compares it exactly with `keyOf` under an equal 32-bit hash only: another key shares its hash about once in a
 *    thousand lookups at 8M papers, so a key on disk is read about once a lookup.
 *  - A key with two handles or more ("Editorial|2019" of many DOIs, "wei wang" of the numbered homonyms) is kept as a
 *    string with its handles: those are found without reading anything, however many they are.
 *
 * Every key is in exactly one of the two, so a lookup is exact: the hash only narrows the comparisons.
 */
export class HandlesByKey {
  /** Keys of one handle. */
  private readonly singles: HandleIndex;
  /** Key → its handles, for keys of two handles or more. */
  private readonly shared = new Map<string, number[]>();

  /** `hash` is for the tests. */
  constructor(keyOf: (handle: number) => string, hash: (key: string) => number = stringHash) {
    this.singles = new HandleIndex(keyOf, hash);
  }

  /** The handles under this key, in the order they were added ([] when none). */
  get(key: string): readonly number[] {
    const many = this.shared.get(key);
    if (many) return many;
    const single = this.singles.get(key);
    return single < 0 ? [] : [single];
  }

  add(key: string, handle: number): void {
    const many = this.shared.get(key);
    if (many) {
      many.push(handle);
      return;
    }
    const single = this.singles.get(key);
    if (single < 0) {
      this.singles.add(key, handle);
      return;
    }
    // The key's second handle: both leave the hash index for the strings (a copy of its own, not a slice that would
    // keep the parser's chunk alive: detached.ts).
    this.singles.delete(key);
    this.shared.set(detached(key), [single, handle]);
  }

  /** Takes the handle out from under the key; `keyOf(handle)` must still give the key. */
  remove(key: string, handle: number): void {
    const many = this.shared.get(key);
    if (!many) {
      if (this.singles.get(key) === handle) this.singles.delete(key);
      return;
    }
    const left = many.filter((h) => h !== handle);
    if (left.length > 1) this.shared.set(key, left);
    else {
      this.shared.delete(key);
      // keyOf(left[0]) gives the key: it is one of the key's handles.
      if (left.length === 1) this.singles.add(key, left[0]);
    }
  }

  /** Bytes of the hash index, outside the collected heap (the shared keys are in the heap). */
  get indexBytes(): number {
    return this.singles.bytes;
  }

  /** Distinct keys held as strings (for the tests and the bench). */
  get sharedKeys(): number {
    return this.shared.size;
  }
}
