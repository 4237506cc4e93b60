import { detached } from "./detached";
import type { MemPaper } from "./memory-types";

/**
 * The in-memory graph's papers by titleKey, without holding every titleKey in the heap. A paper whose id is its
 * titleKey (no DOI) shares the id's string; the others' titleKeys are in their payloads on disk (paper-payloads.ts):
 * at 1M generated dblp records they were 61 MiB of a 518 MiB graph.
 *
 *  - A titleKey with one paper (nearly all of them) is found by a 30-bit hash of it: the papers under that hash are
 *    compared with it exactly, reading each one's titleKey back (`titleKeyOf`, from disk when it is not in the heap).
 *    Other titleKeys share a hash with it about once in a hundred lookups at 8M papers; each costs a small read.
 *  - A titleKey with two papers or more (DOIs that share a title and year: "Editorial", "Preface") is kept as a string,
 *    with its papers: those are found without reading anything, however many they are.
 *
 * Every titleKey is in exactly one of the two, so a lookup is exact: the hash only narrows the comparisons.
 */
export class TitleIndex {
  /** Hash → the papers under it whose titleKey no other paper has (one paper held as itself, not in an array). */
  private readonly singles = new Map<number, MemPaper | MemPaper[]>();
  /** titleKey → its papers, for titleKeys of two papers or more. */
  private readonly shared = new Map<string, MemPaper[]>();

  /** `titleKeyOf` reads a paper's titleKey, from the paper or from its payload on disk; `hash` is for the tests. */
  constructor(
    private readonly titleKeyOf: (paper: MemPaper) => string,
    private readonly hash: (titleKey: string) => number = titleHash,
  ) {}

  /** The papers with this titleKey, in the order they were added ([] when none). */
  get(titleKey: string): readonly MemPaper[] {
    const many = this.shared.get(titleKey);
    if (many) return many;
    const single = this.single(this.hash(titleKey), titleKey);
    return single ? [single] : [];
  }

  add(titleKey: string, paper: MemPaper): void {
    const many = this.shared.get(titleKey);
    if (many) {
      many.push(paper);
      return;
    }
    const hash = this.hash(titleKey);
    const single = this.single(hash, titleKey);
    if (single) {
      // The titleKey's second paper: both leave the hashed papers for the strings (a copy of its own, not a slice
      // that would keep the parser's chunk alive: detached.ts).
      this.removeSingle(hash, single);
      this.shared.set(detached(titleKey), [single, paper]);
      return;
    }
    const held = this.singles.get(hash);
    if (held === undefined) this.singles.set(hash, paper);
    else if (Array.isArray(held)) held.push(paper);
    else this.singles.set(hash, [held, paper]);
  }

  /** Distinct titleKeys held as strings (for the tests and the bench). */
  get sharedTitleKeys(): number {
    return this.shared.size;
  }

  /** The one paper with this titleKey among the hashed ones, or undefined. */
  private single(hash: number, titleKey: string): MemPaper | undefined {
    const held = this.singles.get(hash);
    if (held === undefined) return undefined;
    if (!Array.isArray(held)) return this.titleKeyOf(held) === titleKey ? held : undefined;
    return held.find((paper) => this.titleKeyOf(paper) === titleKey);
  }

  private removeSingle(hash: number, paper: MemPaper): void {
    const held = this.singles.get(hash);
    if (!Array.isArray(held)) {
      this.singles.delete(hash);
      return;
    }
    const left = held.filter((p) => p !== paper);
    this.singles.set(hash, left.length === 1 ? left[0] : left);
  }
}

/**
 * A 30-bit hash of the string's UTF-16 code units (FNV-1a, then murmur3's final mix so that the low bits depend on
 * every unit); 30 bits so that it is a small integer in V8 whatever the build, and a Map keeps it without a box.
 */
export function titleHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 2;
}
