import type { Csr } from "../kernel/csr";
import { normaliseBetweenness, pageRank, type Reach } from "../kernel/graph-algorithms";
import { nextTurn } from "../util/time-slice";
import { brokerage } from "./brokerage";
import type { SearchesUnderWay } from "./hop-search-thread";
import { everyAuthor, hopSearches } from "./hop-searches";

/** A network as the analysis sees it: author ids, and ties with a weight (the tie strength scheme's). */
export interface WeightedNetwork {
  nodes: readonly string[];
  edges: ReadonlyArray<{ source: string; target: string; weight: number }>;
}

export interface NodeMetrics {
  degree: number;
  weightedDegree: number;
  betweenness: number;
  closeness: number;
  pagerank: number;
  clustering: number;
  constraint: number | null;
  effectiveSize: number | null;
}

/** PageRank's settings: the usual damping, and a tolerance far below what anyone reads. */
export const PAGERANK_ALPHA = 0.85;
export const PAGERANK_TOLERANCE = 1e-12;
export const PAGERANK_MAX_ITERATIONS = 1000;

/** A network as compressed sparse rows in its node order: `ids[k]` is author k. */
export interface IndexedNetwork {
  csr: Csr;
  ids: string[];
}

/**
 * The network as compressed sparse rows in its node order, straight from its edge list (no graph object in between):
 * each tie stored at both ends with its weight in full precision, the form the metrics below loop over without a hash
 * lookup per step. A tie listed twice counts once, with its last weight; self-ties are left out. `weightOf` reads an
 * edge's weight (the network's own edges need no copy). Typed arrays only, past the id index: a 27,555-tie network
 * leaves the garbage collector almost nothing.
 */
export function indexed<E extends { source: string; target: string }>(
  network: { nodes: readonly string[]; edges: readonly E[] },
  weightOf: (edge: E) => number = (edge) => (edge as unknown as { weight: number }).weight,
): IndexedNetwork {
  const ids = [...network.nodes];
  const n = ids.length;
  const index = new Map(ids.map((id, k) => [id, k]));
  if (index.size < n) throw new Error("an author is listed twice among the network's nodes");
  const { edges } = network;
  const ends = new Int32Array(2 * edges.length);
  const degree = new Int32Array(n + 1);
  edges.forEach((e, t) => {
    const a = index.get(e.source);
    const b = index.get(e.target);
    if (a === undefined || b === undefined) throw new Error(`a tie ${e.source}–${e.target} names an author outside the network`);
    ends[2 * t] = a;
    ends[2 * t + 1] = b;
    if (a !== b) {
      degree[a + 1]++;
      degree[b + 1]++;
    }
  });
  for (let k = 0; k < n; k++) degree[k + 1] += degree[k];
  const fill = degree.slice(0, n);
  const targets = new Int32Array(degree[n]);
  const weights = new Float64Array(degree[n]);
  edges.forEach((e, t) => {
    const [a, b] = [ends[2 * t], ends[2 * t + 1]];
    if (a === b) return;
    const w = weightOf(e);
    targets[fill[a]] = b;
    weights[fill[a]++] = w;
    targets[fill[b]] = a;
    weights[fill[b]++] = w;
  });
  // A tie listed twice: keep its first place in each row with the last weight (rows were filled in edge order).
  const offsets = new Int32Array(n + 1);
  const placeOf = new Int32Array(n);
  const rowOf = new Int32Array(n).fill(-1);
  let kept = 0;
  for (let a = 0; a < n; a++) {
    for (let t = degree[a]; t < degree[a + 1]; t++) {
      const b = targets[t];
      if (rowOf[b] === a) weights[placeOf[b]] = weights[t];
      else {
        rowOf[b] = a;
        placeOf[b] = kept;
        targets[kept] = b;
        weights[kept++] = weights[t];
      }
    }
    offsets[a + 1] = kept;
  }
  return {
    csr: {
      n,
      m: kept / 2,
      offsets,
      targets: kept < targets.length ? targets.slice(0, kept) : targets,
      weights: kept < weights.length ? weights.slice(0, kept) : weights,
    },
    ids,
  };
}

/**
 * Closeness in hops with Wasserman and Faust's correction for graphs in pieces (networkx's wf_improved=True):
 * C(v) = ((r − 1)/(N − 1))·((r − 1)/Σ_u d(v, u)), r the authors v reaches (itself included); 0 when it reaches none.
 * From the breadth-first searches betweenness makes anyway (one per author, in order).
 */
function closeness({ reached, distanceSums }: Reach): Float64Array {
  const n = reached.length;
  return Float64Array.from(reached, (r, v) => (distanceSums[v] > 0 && n > 1 ? (r / (n - 1)) * (r / distanceSums[v]) : 0));
}

/**
 * Every per-author metric of one network. Degree, betweenness, closeness and clustering are topological (hops);
 * weighted degree, PageRank, constraint and effective size use the tie weights. All are loops over the network's
 * typed arrays (indexed()); betweenness and PageRank are the whole-graph figures' own (src/kernel/graph-algorithms.ts).
 * `searches`: the breadth-first searches and brokerage measures when they are under way already (on the search thread,
 * started before the communities): PageRank is computed first, then this thread helps finish them.
 */
export async function nodeMetrics({ csr, ids }: IndexedNetwork, searches?: SearchesUnderWay): Promise<Map<string, NodeMetrics>> {
  const { n, offsets, weights } = csr;
  const rank =
    n > 0
      ? (await pageRank(csr, { alpha: PAGERANK_ALPHA, tolerance: PAGERANK_TOLERANCE, maxIterations: PAGERANK_MAX_ITERATIONS })).scores
      : [];
  await nextTurn();
  // Exact betweenness: every author a source, in order, so the searches' reach is each author's own. The brokerage
  // measures after the searches: the search thread starts with them, and this thread computes them only if it has not.
  const { dependencySums, reach } = await (searches ? searches.finish() : hopSearches(csr));
  const broker = searches ? await searches.brokerage() : brokerage(csr);
  // A copy: the searches' sums are shared by every analysis of the network, and the scaling works in place.
  const between = normaliseBetweenness(Float64Array.from(dependencySums), everyAuthor(n), true);
  const close = closeness(reach);
  const out = new Map<string, NodeMetrics>();
  for (let k = 0; k < n; k++) {
    let weighted = 0;
    for (let t = offsets[k]; t < offsets[k + 1]; t++) weighted += weights[t];
    out.set(ids[k], {
      degree: offsets[k + 1] - offsets[k],
      weightedDegree: weighted,
      betweenness: between.scores[k],
      closeness: close[k],
      pagerank: rank[k],
      clustering: broker.clustering[k],
      constraint: Number.isNaN(broker.constraint[k]) ? null : broker.constraint[k],
      effectiveSize: Number.isNaN(broker.effectiveSize[k]) ? null : broker.effectiveSize[k],
    });
  }
  return out;
}

/** Author k's strongest ties, heaviest first (then by neighbour id): the evidence behind its centralities. */
export function strongestTies({ csr, ids }: IndexedNetwork, k: number, limit: number): Array<{ neighbour: string; weight: number }> {
  const ties: Array<{ neighbour: string; weight: number }> = [];
  for (let t = csr.offsets[k]; t < csr.offsets[k + 1]; t++) ties.push({ neighbour: ids[csr.targets[t]], weight: csr.weights[t] });
  return ties.sort((a, b) => b.weight - a.weight || (a.neighbour < b.neighbour ? -1 : 1)).slice(0, limit);
}
