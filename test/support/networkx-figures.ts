import { rmSync, writeFileSync } from "node:fs";
import { NETWORKX_PAGERANK, pythonWithNetworkx, runPython } from "./python";

/*
 * Whole-graph figures by networkx, the independent reference for src/figures: connected components, weighted
 * PageRank (α 0.85, tolerance 1e-13 per node) and, when asked, exact normalised betweenness on hop distances.
 */
export interface NetworkxFigures {
  componentSizes: number[];
  pagerank: number[];
  betweenness: number[] | null;
}

const SCRIPT = `
import json, sys, networkx as nx
${NETWORKX_PAGERANK}
data = json.load(open(sys.argv[1]))
G = nx.Graph()
G.add_nodes_from(range(data["n"]))
for a, b, w in data["edges"]:
    G.add_edge(a, b, weight=w)
sizes = sorted((len(c) for c in nx.connected_components(G)), reverse=True)
pr = pagerank(G, 1e-13)
bc = nx.betweenness_centrality(G, normalized=True) if data["betweenness"] else None
print(json.dumps({"componentSizes": sizes, "pagerank": [pr[i] for i in range(data["n"])],
                  "betweenness": None if bc is None else [bc[i] for i in range(data["n"])]}))
`;

export function networkxFigures(
  n: number,
  edges: ReadonlyArray<readonly [number, number, number]>,
  options: { betweenness: boolean; file: string },
): NetworkxFigures {
  // The edge list can be large: handed over in a file, not on the command line; removed once python has answered.
  writeFileSync(options.file, JSON.stringify({ n, edges, betweenness: options.betweenness }));
  try {
    return runPython<NetworkxFigures>(pythonWithNetworkx(), SCRIPT, [options.file]);
  } finally {
    rmSync(options.file, { force: true });
  }
}

/** Spearman's rank correlation (average ranks for ties). */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const rank = (v: ArrayLike<number>) => {
    const idx = Array.from({ length: v.length }, (_, i) => i).sort((a, b) => v[a] - v[b]);
    const r = new Float64Array(v.length);
    for (let i = 0; i < idx.length;) {
      let j = i;
      while (j + 1 < idx.length && v[idx[j + 1]] === v[idx[i]]) j++;
      for (let k = i; k <= j; k++) r[idx[k]] = (i + j) / 2;
      i = j + 1;
    }
    return r;
  };
  const rx = rank(x);
  const ry = rank(y);
  const mean = (rx.length - 1) / 2;
  let num = 0;
  let dx = 0;
  let dy = 0;
  for (let i = 0; i < rx.length; i++) {
    num += (rx[i] - mean) * (ry[i] - mean);
    dx += (rx[i] - mean) ** 2;
    dy += (ry[i] - mean) ** 2;
  }
  return num / Math.sqrt(dx * dy);
}

/** How many of the top k by `x` are among the top k by `y`. */
export function topOverlap(x: ArrayLike<number>, y: ArrayLike<number>, k: number): number {
  const top = (v: ArrayLike<number>) =>
    new Set(
      Array.from({ length: v.length }, (_, i) => i)
        .sort((a, b) => v[b] - v[a] || a - b)
        .slice(0, k),
    );
  const a = top(x);
  return [...top(y)].filter((i) => a.has(i)).length;
}
