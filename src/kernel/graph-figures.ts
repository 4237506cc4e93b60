import type { Database } from "../db/database";

/*
 * Whole-graph figures are kept in two slots, A and B, so a computation never overwrites the figures being read: it
 * writes every author's values into the slot that is not current (a.pageRankB, a.betweennessB, a.componentB while A
 * is current), then one transaction makes that slot current together with its (:GraphFigures {slot}) summary. A
 * crash in between leaves the previous slot current, marked with the snapshot it was computed on. Readers pick the
 * property of the current slot by choosing one of two fixed statements, never by building Cypher from strings.
 */

export type FiguresSlot = "A" | "B";

export const READ_CURRENT_FIGURES = `
MATCH (f:GraphFigures {current: true})
RETURN f {.*} AS figures
LIMIT 1`;

/** The current figures' summary node as stored (distributions and parameters are JSON strings). */
export interface StoredFigures {
  slot: FiguresSlot;
  snapshotId: string;
  computedAt: string;
  durationMs: number;
  authors: number;
  ties: number;
  /** The COAUTHORED_WITH entries counted when the figures were computed (absent before this was kept). */
  storedTies?: number | null;
  components: number;
  giantSize: number;
  isolatedAuthors: number;
  componentSizes: string;
  degreeDistribution: string;
  teamSizeDistribution: string;
  algorithms: string;
}

/** What every answer built on the figures says about them: which snapshot they are of, and whether it is the graph's. */
export interface FiguresStamp {
  figuresSnapshotId: string;
  graphSnapshotId: string;
  stale: boolean;
  computedAt: string;
}

export async function readCurrentFigures(db: Database): Promise<StoredFigures | null> {
  const [record] = await db.read(READ_CURRENT_FIGURES);
  return record ? (record.get("figures") as StoredFigures) : null;
}

export function figuresStamp(figures: StoredFigures, graphSnapshotId: string): FiguresStamp {
  return {
    figuresSnapshotId: figures.snapshotId,
    graphSnapshotId,
    stale: figures.snapshotId !== graphSnapshotId,
    computedAt: figures.computedAt,
  };
}

/** The orders that whole-graph figures give authors. */
export enum FigureOrder {
  PAGERANK = "PAGERANK",
  BETWEENNESS = "BETWEENNESS",
}

export const FIGURE_FORMULAS = {
  components:
    "Connected components of the coauthor graph (authors, ties with at least one joint paper), by breadth-first search; the giant component's share = its authors / all authors. An author without coauthors is a component of one.",
  degreeDistribution:
    "Rows (degree k, authors with exactly k distinct coauthors), all time, every joint paper counted whatever its byline.",
  teamSizeDistribution: "Rows (n, papers with exactly n authors).",
  pagerank:
    "PageRank x_v = (1 − α)/N + α·Σ_u x_u·w_uv/W_u + α·D/N over the undirected coauthor graph, w_uv the tie's Newman weight Σ_p 1/(n_p − 1), W_u = Σ_v w_uv, D the score of authors without ties (spread uniformly); power iteration from x = 1/N until Σ|Δx| < N·tolerance (as networkx.pagerank). Scores sum to 1 over all authors (S. Brin & L. Page, 1998).",
  betweenness:
    "Betweenness b_v = Σ_{s≠v≠t} σ_st(v)/σ_st over shortest paths in hops (ties unweighted), normalised by (N − 1)(N − 2) so it lies in [0, 1], by Brandes' algorithm (U. Brandes, J. Math. Sociol. 25, 2001); above the pivot count, estimated from k sources drawn uniformly with the seed, each author's dependencies scaled by 1/(k(N − 2)) (1/((k − 1)(N − 2)) for a pivot), as networkx.betweenness_centrality(k=…) (Brandes & Pich, Int. J. Bifurcation and Chaos 17, 2007). Authors with the same coauthors, each other included (closed twins), are searched as one node counted once per author, which changes no value (Sariyüce et al., SDM 2013).",
} as const;

export type FigureMethod = keyof typeof FIGURE_FORMULAS;

/** The parameters each figure was computed with, from the stored record of the run. */
export function figureParameters(figures: StoredFigures, method: FigureMethod): Record<string, unknown> {
  const algorithms = JSON.parse(figures.algorithms) as Record<string, Record<string, unknown> | string>;
  const own = algorithms[method];
  return {
    algorithmVersion: algorithms.version,
    ...(typeof own === "object" ? own : {}),
    computedAt: figures.computedAt,
  };
}

/** Notes a reader needs: the sampling of betweenness with its error bound, staleness, and stored ties that drifted. */
export function figureNotes(figures: StoredFigures, method: FigureMethod, graphSnapshotId: string): string[] {
  const notes: string[] = [];
  if (figures.snapshotId !== graphSnapshotId)
    notes.push(
      `Stale: these figures are of snapshot ${figures.snapshotId}, the graph is now ${graphSnapshotId}; run \`coauthor-graph figures\` (import does it at its end). Values come from the older snapshot only, never mixed.`,
    );
  if (typeof figures.storedTies === "number" && figures.storedTies !== figures.ties)
    notes.push(
      `Check failed: the papers' bylines gave ${figures.ties} coauthor ties, the graph stored ${figures.storedTies} (COAUTHORED_WITH). These figures follow the bylines; coauthor lists and networks read the stored ties, so the two disagree. Import the sources into an empty database (import --bulk) to rebuild the ties.`,
    );
  if (method === "betweenness") {
    const b = figureParameters(figures, "betweenness");
    const bound = b.errorBound as { perAuthor: number; allAuthors: number; confidence: number } | null;
    if (bound)
      notes.push(
        `Sampled: ${String(b.pivots)} pivots of ${figures.authors} authors, seed ${String(b.seed)}. Hoeffding's bound: each author's value is within ${bound.perAuthor.toFixed(4)} of the exact one with probability ${bound.confidence}, every author's at once within ${bound.allAuthors.toFixed(4)}; loose for the small values most authors have, so read ranks among the top, not small differences.`,
      );
    else notes.push("Exact: every author is a source.");
  }
  return notes;
}
