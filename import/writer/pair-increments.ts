import { codePointLess } from "../../src/util/code-point-order";
import type { BatchRows } from "./batch-rows";
import type { PaperResolution } from "./paper-resolution";

/**
 * A pair's joint papers gained in one batch, oriented from the smaller author id to the larger in code point order:
 * the order Cypher's `a.id < b.id` gives stored ids when the pair pass orients the same pairs (PAIRS_OF_AUTHOR).
 */
export type PairIncrement = {
  low: string;
  high: string;
  papers: number;
  firstYear: number | null;
  lastYear: number | null;
  /** Per new joint paper: its year (NO_PAPER_YEAR when it has none) and its byline size after the batch. */
  years: number[];
  sizes: number[];
};

/**
 * A pair whose joint papers gained authors in the batch (both ends were on them before): each change replaces one
 * entry (year, from) of the pair's paperSizes with `to`. The entries are a multiset, so any entry equal to (year, from)
 * may be the one replaced.
 */
export type PairResize = {
  low: string;
  high: string;
  changes: Array<{ year: number; from: number; to: number }>;
};

/**
 * The year a COAUTHORED_WITH.paperYears entry holds for a paper without one: Neo4j lists cannot hold null, and no
 * bibliographic year is 0. Readers must not take it for a year (a bounded window never matches it).
 */
export const NO_PAPER_YEAR = 0;

/** One paper of a batch that gains authorships: who was on it before the batch, who joins it, and its year. */
export interface PaperGain {
  year: number | null;
  present: string[];
  added: string[];
}

/** The paper's byline size after the batch: its authors before and the new ones, each once. */
export function sizeAfter(gain: PaperGain): number {
  return new Set([...gain.present, ...gain.added]).size;
}

/**
 * The papers of a batch that gain authorships, from the batch and from what the resolution read saw of the papers
 * it touches (their year and current authors). An authorship is new when its author is not yet on the paper.
 */
export function paperGains(rows: BatchRows, resolution: Pick<PaperResolution, "before">): PaperGain[] {
  // A paper already in the graph keeps the year it was created with, even none: a later record's year is not it.
  const yearOf = new Map(rows.papers.map((p) => [p.id, resolution.before.has(p.id) ? resolution.before.get(p.id)!.year : p.year]));
  const bylines = new Map<string, string[]>();
  for (const a of rows.authorships) {
    const list = bylines.get(a.paperId);
    if (list) list.push(a.authorId);
    else bylines.set(a.paperId, [a.authorId]);
  }
  const gains: PaperGain[] = [];
  for (const [paperId, byline] of bylines) {
    const present = resolution.before.get(paperId)?.authorIds ?? [];
    const before = new Set(present);
    const added = byline.filter((id) => !before.has(id));
    if (added.length > 0) gains.push({ year: yearOf.get(paperId) ?? null, present, added });
  }
  return gains;
}

/** Authors who gain an AUTHORED edge in the batch: their stats change, and their pairs. */
export function authorsGainingEdges(gains: readonly PaperGain[]): string[] {
  return [...new Set(gains.flatMap((g) => g.added))];
}

/**
 * What the new authorships add to the coauthor pairs: every pair with at least one new end on a paper gains that
 * paper once (it cannot have been counted: one of the two was not on it). Pairs of two new authors are counted from
 * the smaller id only. Exact as long as the batch is the only writer of these papers' authorships between the read
 * and its commit, which holds for one importer (a concurrent import can double-count; README). Mentions that the
 * name pass later moves are recomputed from scratch by that pass (PairsStale), so their increments are provisional.
 * Costs O(byline²) per paper, so it is only computed when the pairs are added in place (PairMode "add").
 */
export function jointPaperIncrements(gains: readonly PaperGain[]): PairIncrement[] {
  const pairs = new Map<string, PairIncrement>();
  for (const gain of gains) {
    const { year, present, added } = gain;
    const size = sizeAfter(gain);
    const storedYear = year ?? NO_PAPER_YEAR;
    const everyone = [...present, ...added];
    const addedSet = new Set(added);
    for (const a of added) {
      for (const b of everyone) {
        if (b === a || (addedSet.has(b) && codePointLess(b, a))) continue;
        const [low, high] = codePointLess(a, b) ? [a, b] : [b, a];
        const key = `${low}\u0000${high}`;
        const pair = pairs.get(key);
        if (!pair) pairs.set(key, { low, high, papers: 1, firstYear: year, lastYear: year, years: [storedYear], sizes: [size] });
        else {
          pair.papers += 1;
          pair.years.push(storedYear);
          pair.sizes.push(size);
          if (year !== null) {
            if (pair.firstYear === null || year < pair.firstYear) pair.firstYear = year;
            if (pair.lastYear === null || year > pair.lastYear) pair.lastYear = year;
          }
        }
      }
    }
  }
  return [...pairs.values()];
}

/**
 * Pairs whose byline sizes change: both ends were on a paper that gains authors in the batch, so the entry the pair
 * holds for that paper (its year, the old size) takes the new size. O(present²) per growing paper, which is rare (a
 * second source listing more authors of a known paper). Only in PairMode "add": the pair pass recomputes sizes.
 */
export function jointPaperResizes(gains: readonly PaperGain[]): PairResize[] {
  const pairs = new Map<string, PairResize>();
  for (const gain of gains) {
    const present = [...new Set(gain.present)];
    const from = present.length;
    const to = sizeAfter(gain);
    if (from < 2 || to === from) continue;
    const year = gain.year ?? NO_PAPER_YEAR;
    for (let i = 0; i < present.length; i++) {
      for (let j = i + 1; j < present.length; j++) {
        const [low, high] = codePointLess(present[i], present[j]) ? [present[i], present[j]] : [present[j], present[i]];
        const key = `${low}\u0000${high}`;
        const pair = pairs.get(key);
        if (pair) pair.changes.push({ year, from, to });
        else pairs.set(key, { low, high, changes: [{ year, from, to }] });
      }
    }
  }
  return [...pairs.values()];
}
