import type Graph from "graphology";

/*
 * Burt's structural-hole measures and the local clustering coefficient, written here because graphology-metrics
 * has none of them. Definitions follow networkx (structuralholes.py, cluster.py), which the tests check against:
 * in an undirected graph with tie weights w, p_ij = w_ij / Σ_k w_ik is the share of i's tie weight on j.
 */

export type WeightOf = (edge: string) => number;

/** Σ_k w_ik for every node, and max_k w_ik (effective size's normalisation). */
function strengths(graph: Graph, weightOf: WeightOf): { sum: Map<string, number>; max: Map<string, number> } {
  const sum = new Map<string, number>();
  const max = new Map<string, number>();
  graph.forEachNode((node) => {
    let s = 0;
    let m = 0;
    graph.forEachEdge(node, (edge) => {
      const w = weightOf(edge);
      s += w;
      if (w > m) m = w;
    });
    sum.set(node, s);
    max.set(node, m);
  });
  return { sum, max };
}

/** w_ij, 0 when i and j are not tied. */
function tieWeight(graph: Graph, weightOf: WeightOf, i: string, j: string): number {
  const edge = graph.edge(i, j);
  return edge === undefined ? 0 : weightOf(edge);
}

/**
 * Burt's constraint: c_i = Σ_{j∈N(i)} (p_ij + Σ_{q∈N(i), q≠j} p_iq·p_qj)², how much i's ties lead into one closed
 * group (R. S. Burt, Structural Holes, 1992). Null for an author without ties (undefined there).
 */
export function constraint(graph: Graph, weightOf: WeightOf): Map<string, number | null> {
  const { sum } = strengths(graph, weightOf);
  const p = (i: string, j: string) => {
    const s = sum.get(i)!;
    return s > 0 ? tieWeight(graph, weightOf, i, j) / s : 0;
  };
  const out = new Map<string, number | null>();
  graph.forEachNode((i) => {
    const neighbours = graph.neighbors(i);
    if (neighbours.length === 0) return out.set(i, null);
    let c = 0;
    for (const j of neighbours) {
      let indirect = 0;
      for (const q of neighbours) if (q !== j) indirect += p(i, q) * p(q, j);
      c += (p(i, j) + indirect) ** 2;
    }
    out.set(i, c);
  });
  return out;
}

/**
 * Burt's effective size: e_i = Σ_{j∈N(i)} (1 − Σ_{q∈N(i)} p_iq·m_jq), m_jq = w_jq / max_k w_jk: the number of i's
 * contacts minus their redundancy (Burt 1992; networkx's weighted form). Null for an author without ties.
 */
export function effectiveSize(graph: Graph, weightOf: WeightOf): Map<string, number | null> {
  const { sum, max } = strengths(graph, weightOf);
  const out = new Map<string, number | null>();
  graph.forEachNode((i) => {
    const neighbours = graph.neighbors(i);
    if (neighbours.length === 0) return out.set(i, null);
    const si = sum.get(i)!;
    let e = 0;
    for (const j of neighbours) {
      const mj = max.get(j)!;
      let redundancy = 0;
      for (const q of neighbours) {
        if (q === j) continue;
        redundancy += (tieWeight(graph, weightOf, i, q) / si) * (mj > 0 ? tieWeight(graph, weightOf, j, q) / mj : 0);
      }
      e += 1 - redundancy;
    }
    out.set(i, e);
  });
  return out;
}

/** Local clustering coefficient (unweighted): 2·T_i / (k_i(k_i − 1)), T_i the ties among i's k_i neighbours; 0 when k_i < 2. */
export function clustering(graph: Graph): Map<string, number> {
  const out = new Map<string, number>();
  graph.forEachNode((i) => {
    const neighbours = graph.neighbors(i);
    const k = neighbours.length;
    if (k < 2) return out.set(i, 0);
    const set = new Set(neighbours);
    let links = 0;
    for (const j of neighbours) graph.forEachNeighbor(j, (q) => void (set.has(q) && (links += 1)));
    // Each tie among the neighbours was seen from both ends.
    out.set(i, links / (k * (k - 1)));
  });
  return out;
}
