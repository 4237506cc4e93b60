/**
 * How a figure was computed, so that a reader can check it and a dashboard can trace and re-run it.
 * Every analysis result (tie strength, centrality, communities, timelines, namesake flags) carries one.
 * Evidence (the papers behind a tie, the ties behind a centrality, …) is typed on each result itself;
 * this is the part every result shares. Plain data: services build it, `explanation.type.ts` declares it.
 */
export interface Explanation {
  /** What the figure is, e.g. "tieStrength", "pagerank", "louvain", "timeline", "possibleHomonym". */
  method: string;
  /** What computed it, with versions, e.g. "coauthor-graph 0.1.0 (graphology-layout-forceatlas2 0.10.1)". */
  implementation: string;
  /** The formula or the algorithm in words, with its source (paper or documentation). */
  formula: string;
  /** Every parameter the computation used, defaults and seeds included, so the same call reproduces it. */
  parameters: Record<string, unknown>;
  /** The graph version it was computed on (stats.snapshotId); the same snapshot, parameters and seed give the same figure. */
  snapshotId: string;
  /** What else a reader needs to judge the figure: sampling, truncation, thresholds and why they were chosen. */
  notes: string[];
}
