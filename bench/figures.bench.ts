import "reflect-metadata";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../src/config";
import { openDatabase } from "../src/db/neo4j-provider";
import { refreshGraphFigures } from "../src/figures/figures.compute";
import { countAuthorsAndTies, readCsr } from "../src/figures/figures.store";

/*
 * Whole-graph figures on the graph of COAUTHOR_GRAPH_HOME (or NEO4J_URI): ours (read from Neo4j, components,
 * PageRank, sampled betweenness, written back in the other slot) beside networkx on the same edges in the same run
 * (components, PageRank on the same weights, betweenness with the same number of pivots), each with its time and peak
 * RSS. FIGURES_BENCH_PIVOTS (default 256) sets the pivots of both; FIGURES_BENCH_PYTHON a python with networkx
 * (default: the tests' venv); FIGURES_BENCH_NETWORKX=0 skips networkx.
 *
 *   COAUTHOR_GRAPH_HOME=<a home with the 158k graph> node dist/bench/figures.bench.js
 */
const PIVOTS = Number(process.env.FIGURES_BENCH_PIVOTS || 256);
const PYTHON = process.env.FIGURES_BENCH_PYTHON || path.join(os.tmpdir(), "coauthor-graph-pyenv", "bin", "python");

const NETWORKX = `
import json, resource, sys, time, networkx as nx
n, k, edge_file = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
t0 = time.time()
G = nx.Graph()
G.add_nodes_from(range(n))
with open(edge_file) as f:
    for line in f:
        a, b, w = line.split()
        G.add_edge(int(a), int(b), weight=float(w))
t_load = time.time() - t0
t = time.time(); sizes = sorted((len(c) for c in nx.connected_components(G)), reverse=True); t_cc = time.time() - t
t = time.time(); pr = nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-10); t_pr = time.time() - t
t = time.time(); bc = nx.betweenness_centrality(G, k=k, seed=1, normalized=True); t_bc = time.time() - t
print(json.dumps({"load": t_load, "components": t_cc, "pagerank": t_pr, "betweenness": t_bc, "giant": sizes[0],
                  "peakRssMiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
`;

async function main(): Promise<void> {
  const session = await openDatabase({ config: loadConfig(), log: (m) => console.error(`bench: ${m}`) });
  const dir = mkdtempSync(path.join(os.tmpdir(), "cg-figures-bench-"));
  try {
    const db = session.db;
    const counts = await countAuthorsAndTies(db);
    console.log(`graph: ${counts.authors} authors, ${counts.ties} ties; betweenness pivots ${PIVOTS}`);
    const rssBefore = process.memoryUsage().rss;
    const ours = await refreshGraphFigures(db, { pivots: PIVOTS, seed: 1, force: true, log: (m) => console.error(m) });
    const phases = ours.phases ?? {};
    const compute = (phases.components ?? 0) + (phases.pagerank ?? 0) + (phases.betweenness ?? 0);
    console.log(
      `ours: total ${((ours.durationMs ?? 0) / 1000).toFixed(1)} s (read ${sec(phases.read)}, team sizes ${sec(phases.teamSizes)}, components ${sec(phases.components)}, ` +
        `PageRank ${sec(phases.pagerank)}, betweenness ${sec(phases.betweenness)}, write ${sec(phases.write)}); peak RSS ${mib(ours.peakRssBytes ?? 0)} MiB (${mib(rssBefore)} before)`,
    );
    if (process.env.FIGURES_BENCH_NETWORKX === "0") return;
    // The same edges and weights networkx gets: read once more, written as a plain edge list.
    const { csr } = await readCsr(db, counts.ties, () => undefined);
    const lines: string[] = [];
    for (let v = 0; v < csr.n; v++)
      for (let i = csr.offsets[v]; i < csr.offsets[v + 1]; i++)
        if (v < csr.targets[i]) lines.push(`${v} ${csr.targets[i]} ${csr.weights[i]}`);
    const edgeFile = path.join(dir, "edges.txt");
    writeFileSync(edgeFile, lines.join("\n"));
    const out = execFileSync(PYTHON, ["-", String(csr.n), String(Math.min(PIVOTS, csr.n)), edgeFile], {
      input: NETWORKX,
      encoding: "utf8",
      maxBuffer: 1 << 20,
    });
    const nx = JSON.parse(out) as Record<string, number>;
    const nxCompute = (nx.components + nx.pagerank + nx.betweenness) * 1000;
    console.log(
      `networkx: load ${nx.load.toFixed(1)} s, components ${nx.components.toFixed(1)} s, PageRank ${nx.pagerank.toFixed(1)} s, betweenness ${nx.betweenness.toFixed(1)} s; peak RSS ${nx.peakRssMiB.toFixed(0)} MiB`,
    );
    console.log(
      `compute only (components + PageRank + betweenness): ours ${sec(compute)}, networkx ${sec(nxCompute)}, ratio networkx/ours ${(nxCompute / compute).toFixed(1)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await session.close();
  }
}

const sec = (ms: number | undefined) => `${((ms ?? 0) / 1000).toFixed(1)} s`;
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
