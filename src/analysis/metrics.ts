import Graph from "graphology";
import betweennessCentrality from "graphology-metrics/centrality/betweenness";
import closenessCentrality from "graphology-metrics/centrality/closeness";
import pagerank from "graphology-metrics/centrality/pagerank";
import { clustering, constraint, effectiveSize, tieIndex } from "./brokerage";

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

export const weightOf = (graph: Graph) => (edge: string) => graph.getEdgeAttribute(edge, "weight") as number;

/**
 * Every per-author metric of one network. Degree, betweenness, closeness and clustering are topological (hops);
 * weighted degree, PageRank, constraint and effective size use the tie weights.
 */
export function nodeMetrics(graph: Graph): Map<string, NodeMetrics> {
  const weight = weightOf(graph);
  const between = betweennessCentrality(graph, { normalized: true, getEdgeWeight: null });
  const close = closenessCentrality(graph, { wassermanFaust: true });
  const rank =
    graph.order > 0
      ? pagerank(graph, {
          alpha: PAGERANK_ALPHA,
          tolerance: PAGERANK_TOLERANCE,
          maxIterations: PAGERANK_MAX_ITERATIONS,
          getEdgeWeight: "weight",
        })
      : {};
  const index = tieIndex(graph, weight);
  const clusters = clustering(index);
  const constraints = constraint(index);
  const sizes = effectiveSize(index);
  const out = new Map<string, NodeMetrics>();
  graph.forEachNode((node) => {
    let weighted = 0;
    graph.forEachEdge(node, (edge) => void (weighted += weight(edge)));
    out.set(node, {
      degree: graph.degree(node),
      weightedDegree: weighted,
      betweenness: between[node] ?? 0,
      closeness: close[node] ?? 0,
      pagerank: rank[node] ?? 0,
      clustering: clusters.get(node) ?? 0,
      constraint: constraints.get(node) ?? null,
      effectiveSize: sizes.get(node) ?? null,
    });
  });
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
