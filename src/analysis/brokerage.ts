import type Graph from "graphology";

/*
 * Burt's structural-hole measures and the local clustering coefficient, written here because graphology-metrics
 * has none of them. Definitions follow networkx (structuralholes.py, cluster.py), which the tests check against:
 * in an undirected graph with tie weights w, p_ij = w_ij / Σ_k w_ik is the share of i's tie weight on j.
 */

export type WeightOf = (edge: string) => number;

/** Each node's ties as a map from neighbour to weight, with Σ_k w_ik and max_k w_ik: built once, read O(1) per lookup. */
export interface TieIndex {
  ties: Map<string, Map<string, number>>;
  sum: Map<string, number>;
  max: Map<string, number>;
}

export function tieIndex(graph: Graph, weightOf: WeightOf): TieIndex {
  const ties = new Map<string, Map<string, number>>();
  const sum = new Map<string, number>();
  const max = new Map<string, number>();
  graph.forEachNode((node) => ties.set(node, new Map()));
  graph.forEachEdge((edge, _attributes, source, target) => {
    const w = weightOf(edge);
    ties.get(source)!.set(target, w);
    ties.get(target)!.set(source, w);
  });
  for (const [node, around] of ties) {
    let s = 0;
    let m = 0;
    for (const w of around.values()) {
      s += w;
      if (w > m) m = w;
    }
    sum.set(node, s);
    max.set(node, m);
  }
  return { ties, sum, max };
}

/**
 * Burt's constraint: c_i = Σ_{j∈N(i)} (p_ij + Σ_{q∈N(i), q≠j} p_iq·p_qj)², how much i's ties lead into one closed
 * group (R. S. Burt, Structural Holes, 1992). Null for an author without ties (undefined there).
 */
export function constraint({ ties, sum }: TieIndex): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const [i, around] of ties) {
    if (around.size === 0) {
      out.set(i, null);
      continue;
    }
    const si = sum.get(i)!;
    let c = 0;
    for (const [j, wij] of around) {
      const toJ = ties.get(j)!;
      let indirect = 0;
      // p_iq·p_qj is non-zero only for q tied to both: walk the smaller of the two neighbourhoods.
      const [small, other] = around.size <= toJ.size ? [around, toJ] : [toJ, around];
      for (const q of small.keys()) {
        if (q === j || q === i || !other.has(q)) continue;
        indirect += (around.get(q)! / si) * (ties.get(q)!.get(j)! / sum.get(q)!);
      }
      c += (wij / si + indirect) ** 2;
    }
    out.set(i, c);
  }
  return out;
}

/**
 * Burt's effective size: e_i = Σ_{j∈N(i)} (1 − Σ_{q∈N(i)} p_iq·m_jq), m_jq = w_jq / max_k w_jk: the number of i's
 * contacts minus their redundancy (Burt 1992; networkx's weighted form). Null for an author without ties.
 */
export function effectiveSize({ ties, sum, max }: TieIndex): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const [i, around] of ties) {
    if (around.size === 0) {
      out.set(i, null);
      continue;
    }
    const si = sum.get(i)!;
    let e = 0;
    for (const j of around.keys()) {
      const toJ = ties.get(j)!;
      const mj = max.get(j)!;
      let redundancy = 0;
      const [small, other] = around.size <= toJ.size ? [around, toJ] : [toJ, around];
      for (const q of small.keys()) {
        if (q === j || q === i || !other.has(q)) continue;
        redundancy += (around.get(q)! / si) * (mj > 0 ? toJ.get(q)! / mj : 0);
      }
      e += 1 - redundancy;
    }
    out.set(i, e);
  }
  return out;
}

/** Local clustering coefficient (unweighted): 2·T_i / (k_i(k_i − 1)), T_i the ties among i's k_i neighbours; 0 when k_i < 2. */
export function clustering({ ties }: TieIndex): Map<string, number> {
  const out = new Map<string, number>();
  for (const [i, around] of ties) {
    const k = around.size;
    if (k < 2) {
      out.set(i, 0);
      continue;
    }
    let links = 0;
    for (const j of around.keys()) {
      const toJ = ties.get(j)!;
      const [small, other] = around.size <= toJ.size ? [around, toJ] : [toJ, around];
      for (const q of small.keys()) if (q !== i && q !== j && other.has(q)) links += 1;
    }
    // Each tie among the neighbours was seen from both ends.
    out.set(i, links / (k * (k - 1)));
  }
  return out;
}
