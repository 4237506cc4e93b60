import { PAGERANK_ALPHA, PAGERANK_TOLERANCE } from "./metrics";

/**
 * What each per-author figure of a network analysis is, with its source: the schema's field descriptions and the
 * explanations quote the same text. Topological figures count hops; the weighted ones read the tie strength scheme.
 */
export const METRIC_FORMULAS = {
  degree: "Degree k_i: the number of the author's ties in this network.",
  weightedDegree:
    "Weighted degree (strength) s_i = Σ_j w_ij: the sum of the author's tie weights in this network, under its tie strength scheme.",
  betweenness:
    "Betweenness centrality, normalised: B_i = Σ_{s<t; s,t≠i} σ_st(i)/σ_st × 2/((n−1)(n−2)), σ_st the number of shortest paths (in hops) from s to t and σ_st(i) those through i; the share of shortest paths between other authors that pass through the author (Freeman 1977; Brandes' algorithm, 2001). Unweighted.",
  closeness:
    "Closeness centrality with Wasserman & Faust's correction for disconnected networks: C_i = ((r−1)/(n−1)) × ((r−1)/Σ_j d_ij), r the number of authors reachable from i (i included) and d_ij hops; 0 for an author without ties (Wasserman & Faust 1994, p. 201; networkx's default).",
  pagerank: `PageRank with damping α = ${PAGERANK_ALPHA} on tie weights: PR_i = (1−α)/n + α Σ_j PR_j w_ji / s_j, an author without ties spreading its rank evenly (Brin & Page 1998); power iteration to tolerance ${PAGERANK_TOLERANCE}. Sums to 1 over the network.`,
  clustering:
    "Local clustering coefficient: 2T_i/(k_i(k_i−1)), T_i the ties among the author's k_i coauthors in this network; 0 when k_i < 2 (Watts & Strogatz 1998). Unweighted.",
  constraint:
    "Burt's constraint: c_i = Σ_j (p_ij + Σ_{q≠i,j} p_iq p_qj)², p_ij = w_ij / Σ_k w_ik the share of i's tie weight on j: high when the author's coauthors all know each other, low for a broker between groups (Burt 1992, Structural Holes). Null for an author without ties.",
  effectiveSize:
    "Burt's effective size: e_i = Σ_j (1 − Σ_{q≠j} p_iq m_jq), m_jq = w_jq / max_k w_jk: the number of the author's coauthors minus how redundant they are with each other (Burt 1992; networkx's weighted form). Null for an author without ties.",
} as const;

export type MetricName = keyof typeof METRIC_FORMULAS;

export const LOUVAIN_FORMULA =
  "Louvain community detection (Blondel, Guillaume, Lambiotte & Lefebvre 2008) on tie weights, maximising modularity at resolution γ: Q = Σ_c [L_c/m − γ (d_c/2m)²], L_c the tie weight inside community c, d_c its members' weighted degree, m the network's total tie weight (Newman & Girvan 2004; γ: Reichardt & Bornholdt 2006). Larger γ gives more, smaller communities.";
