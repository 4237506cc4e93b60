import { NETWORKX_PAGERANK, pythonWithNetworkx, runPython } from "./python";

/*
 * The independent implementation the analysis is checked against: networkx, run in the tests' venv on the same nodes
 * and weighted edges. It computes every metric, its own Louvain partition at the same resolution, and the modularity
 * of OUR partition, so that our figure and theirs are both judged by networkx's definition.
 */
const SCRIPT = `
import json, sys, math
import networkx as nx
data = json.load(open(sys.argv[1]))
G = nx.Graph()
G.add_nodes_from(data["nodes"])
for e in data["edges"]:
    G.add_edge(e["source"], e["target"], weight=e["weight"])
res = data["resolution"]
${NETWORKX_PAGERANK}
def clean(d):
    return {k: (None if (v is None or (isinstance(v, float) and math.isnan(v))) else v) for k, v in d.items()}
out = {
  "degree": dict(G.degree()),
  "weightedDegree": dict(G.degree(weight="weight")),
  "betweenness": nx.betweenness_centrality(G, normalized=True),
  "closeness": nx.closeness_centrality(G),
  "pagerank": pagerank(G, 1e-13) if G.number_of_nodes() else {},
  "clustering": nx.clustering(G),
  # nodes= given: with scipy installed and no nodes, networkx 3.6 takes a sparse-matrix shortcut whose weighted
  # effective size disagrees with its own per-node formula (Burt's, the one we follow) by up to 0.2 on small graphs.
  "constraint": clean(nx.constraint(G, nodes=list(G), weight="weight")),
  "effectiveSize": clean(nx.effective_size(G, nodes=list(G), weight="weight")),
}
ours = {}
for node, c in data["communities"].items():
    ours.setdefault(c, set()).add(node)
out["ourModularity"] = nx.community.modularity(G, list(ours.values()), weight="weight", resolution=res) if G.number_of_edges() else 0
runs = []
for s in range(data.get("referenceSeeds", 5)):
    comms = nx.community.louvain_communities(G, weight="weight", resolution=res, seed=s)
    runs.append(nx.community.modularity(G, comms, weight="weight", resolution=res) if G.number_of_edges() else 0)
out["referenceModularity"] = max(runs)
out["referenceRuns"] = runs
out["networkx"] = nx.__version__
print(json.dumps(out))
`;

export interface NetworkxInput {
  nodes: string[];
  edges: Array<{ source: string; target: string; weight: number }>;
  resolution: number;
  /** Our partition: community index per node. */
  communities: Record<string, number>;
  referenceSeeds?: number;
}

export interface NetworkxOutput {
  degree: Record<string, number>;
  weightedDegree: Record<string, number>;
  betweenness: Record<string, number>;
  closeness: Record<string, number>;
  pagerank: Record<string, number>;
  clustering: Record<string, number>;
  constraint: Record<string, number | null>;
  effectiveSize: Record<string, number | null>;
  ourModularity: number;
  /** The best modularity of networkx's Louvain over referenceSeeds seeds. */
  referenceModularity: number;
  /** The modularity of each of those runs (seeds 0, 1, …). */
  referenceRuns: number[];
  networkx: string;
}

let python: string | undefined;

export function networkxMetrics(file: string): NetworkxOutput {
  python ??= pythonWithNetworkx();
  return runPython<NetworkxOutput>(python, SCRIPT, [file]);
}
