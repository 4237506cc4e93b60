import { detached } from "./detached";
import { HandleIndex, stringHash } from "./handle-index";
import type { PaperHandle } from "./memory-types";

/**
 * The in-memory graph's papers by titleKey, without holding every titleKey in the heap. A paper whose id is its
 * titleKey (no DOI) shares the id's string; the others' titleKeys are in their payloads on disk (paper-payloads.ts):
 * at 1M generated dblp records they were 61 MiB of a 518 MiB graph.
 *
 *  - A titleKey with one paper (nearly all of them) is found through a hash index (handle-index.ts) that compares it
 *    exactly with the titleKey read back (`titleKeyOf`, from disk when it is not the id) under an equal 32-bit hash
 *    only: another titleKey shares its hash about once in a thousand lookups at 8M papers.
 *  - A titleKey with two papers or more (DOIs that share a title and year: "Editorial", "Preface") is kept as a string,
 *    with its papers: those are found without reading anything, however many they are.
 *
 * Every titleKey is in exactly one of the two, so a lookup is exact: the hash only narrows the comparisons.
 */
export class TitleIndex {
  /** titleKeys that no other paper has. */
  private readonly singles: HandleIndex;
  /** titleKey → its papers, for titleKeys of two papers or more. */
  private readonly shared = new Map<string, PaperHandle[]>();

  /** `titleKeyOf` reads a paper's titleKey, from its id or from its payload on disk; `hash` is for the tests. */
  constructor(titleKeyOf: (paper: PaperHandle) => string, hash: (titleKey: string) => number = stringHash) {
    this.singles = new HandleIndex(titleKeyOf, hash);
  }

  /** The papers with this titleKey, in the order they were added ([] when none). */
  get(titleKey: string): readonly PaperHandle[] {
    const many = this.shared.get(titleKey);
    if (many) return many;
    const single = this.singles.get(titleKey);
    return single < 0 ? [] : [single];
  }

  add(titleKey: string, paper: PaperHandle): void {
    const many = this.shared.get(titleKey);
    if (many) {
      many.push(paper);
      return;
    }
    const single = this.singles.get(titleKey);
    if (single < 0) {
      this.singles.add(titleKey, paper);
      return;
    }
    // The titleKey's second paper: both leave the hashed papers for the strings (a copy of its own, not a slice
    // that would keep the parser's chunk alive: detached.ts).
    this.singles.delete(titleKey);
    this.shared.set(detached(titleKey), [single, paper]);
  }

  /** Bytes of the hash index, outside the collected heap (the shared titleKeys are in it). */
  get indexBytes(): number {
    return this.singles.bytes;
  }

  /** Distinct titleKeys held as strings (for the tests and the bench). */
  get sharedTitleKeys(): number {
    return this.shared.size;
  }
}
