import Graph from "graphology";
import type { Csr } from "../kernel/csr";
import { dependencySums, normaliseBetweenness, pageRank, type Reach } from "../kernel/graph-algorithms";
import { brokerage } from "./brokerage";

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

/** An undirected simple graph in the network's node order (the order decides nothing but makes runs repeatable). */
export function toGraph(network: WeightedNetwork): Graph {
  const graph = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  for (const id of network.nodes) graph.addNode(id);
  for (const e of network.edges) if (e.source !== e.target) graph.mergeEdge(e.source, e.target, { weight: e.weight });
  return graph;
}

/**
 * The graph as compressed sparse rows in its node order (`ids[k]` is author k), each tie stored at both ends with its
 * weight in full precision: the form the metrics below loop over, without a hash lookup per step.
 */
export function indexed(graph: Graph): { csr: Csr; ids: string[] } {
  const ids = graph.nodes();
  const index = new Map(ids.map((id, k) => [id, k]));
  const n = ids.length;
  const offsets = new Int32Array(n + 1);
  graph.forEachEdge((_edge, _attributes, source, target) => {
    offsets[index.get(source)! + 1]++;
    offsets[index.get(target)! + 1]++;
  });
  for (let k = 0; k < n; k++) offsets[k + 1] += offsets[k];
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(offsets[n]);
  const weights = new Float64Array(offsets[n]);
  graph.forEachEdge((_edge, attributes, source, target) => {
    const [a, b] = [index.get(source)!, index.get(target)!];
    const w = attributes.weight as number;
    targets[fill[a]] = b;
    weights[fill[a]++] = w;
    targets[fill[b]] = a;
    weights[fill[b]++] = w;
  });
  return { csr: { n, m: graph.size, offsets, targets, weights }, ids };
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
 */
export async function nodeMetrics(graph: Graph): Promise<Map<string, NodeMetrics>> {
  const { csr, ids } = indexed(graph);
  const { n, offsets, weights } = csr;
  // Exact betweenness: every author a source, in order, so the searches' reach is each author's own.
  const sources = Int32Array.from({ length: n }, (_, v) => v);
  const reach: Reach = { reached: new Int32Array(n), distanceSums: new Float64Array(n) };
  const between = normaliseBetweenness(await dependencySums(csr, sources, undefined, undefined, reach), sources, true);
  const close = closeness(reach);
  const rank =
    n > 0
      ? (await pageRank(csr, { alpha: PAGERANK_ALPHA, tolerance: PAGERANK_TOLERANCE, maxIterations: PAGERANK_MAX_ITERATIONS })).scores
      : [];
  const broker = brokerage(csr);
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

/** A node's strongest ties, heaviest first (then neighbour id), as the evidence behind its centralities. */
export function strongestTies(graph: Graph, node: string, limit: number): Array<{ neighbour: string; weight: number }> {
  const ties: Array<{ neighbour: string; weight: number }> = [];
  graph.forEachEdge(node, (edge, attributes, source, target) => {
    ties.push({ neighbour: source === node ? target : source, weight: attributes.weight as number });
  });
  return ties.sort((a, b) => b.weight - a.weight || (a.neighbour < b.neighbour ? -1 : 1)).slice(0, limit);
}
