import type { BatchRows } from "./batch-rows";
import type { PaperResolution } from "./paper-resolution";

/** A pair's joint papers gained in one batch, oriented from the smaller author id to the larger. */
export interface PairIncrement {
  low: string;
  high: string;
  papers: number;
  firstYear: number | null;
  lastYear: number | null;
}

export interface BatchPairEffects {
  /** Authors who gain an AUTHORED edge in this batch (their stats change, and their pairs). */
  authorsWithNewEdges: string[];
  /** What those new edges add to each coauthor pair. */
  pairs: PairIncrement[];
}

/**
 * What a batch's new authorships add to the coauthor pairs, computed from the batch and from what the resolution
 * read saw of the papers it touches (their year and current authors). An authorship is new when its author is not
 * yet on the paper; every pair with at least one new end on a paper gains that paper once (it cannot have been
 * counted: one of the two was not on it). Pairs of two new authors are counted from the smaller id only.
 * Exact as long as the batch is the only writer of these papers' authorships between the read and its commit,
 * which holds for one importer (a concurrent import can double-count; README). Mentions that the name pass later
 * moves are recomputed from scratch by that pass (PairsStale), so their increments here are provisional.
 */
export function batchPairEffects(rows: BatchRows, resolution: Pick<PaperResolution, "before">): BatchPairEffects {
  const yearOf = new Map(rows.papers.map((p) => [p.id, resolution.before.get(p.id)?.year ?? p.year]));
  const bylines = new Map<string, string[]>();
  for (const a of rows.authorships) {
    const list = bylines.get(a.paperId);
    if (list) list.push(a.authorId);
    else bylines.set(a.paperId, [a.authorId]);
  }
  const newAuthors = new Set<string>();
  const pairs = new Map<string, PairIncrement>();
  for (const [paperId, byline] of bylines) {
    const present = new Set(resolution.before.get(paperId)?.authorIds ?? []);
    const added = byline.filter((id) => !present.has(id));
    if (added.length === 0) continue;
    const everyone = [...present, ...added];
    const addedSet = new Set(added);
    const year = yearOf.get(paperId) ?? null;
    for (const a of added) {
      newAuthors.add(a);
      for (const b of everyone) {
        if (b === a || (addedSet.has(b) && b < a)) continue;
        const [low, high] = a < b ? [a, b] : [b, a];
        const key = `${low}\u0000${high}`;
        const pair = pairs.get(key);
        if (!pair) pairs.set(key, { low, high, papers: 1, firstYear: year, lastYear: year });
        else {
          pair.papers += 1;
          if (year !== null) {
            if (pair.firstYear === null || year < pair.firstYear) pair.firstYear = year;
            if (pair.lastYear === null || year > pair.lastYear) pair.lastYear = year;
          }
        }
      }
    }
  }
  return { authorsWithNewEdges: [...newAuthors], pairs: [...pairs.values()] };
}
