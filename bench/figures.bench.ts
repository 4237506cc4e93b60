import "reflect-metadata";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../src/config";
import { openDatabase } from "../src/db/neo4j-provider";
import { betweenness, samplePivots } from "../src/kernel/graph-algorithms";
import { localityOrder, type Csr } from "../src/kernel/csr";
import { defaultBetweennessThreads } from "../src/figures/betweenness-workers";
import { DEFAULT_PIVOTS, DEFAULT_SEED, refreshGraphFigures } from "../src/figures/figures.compute";
import { countGraph, nextSlot, readBylines, readSlots, writeAuthorFigures } from "../src/figures/figures.store";
import { AUTHOR_NODES } from "../src/figures/figures.cypher";
import { tiesFromBylines } from "../src/kernel/byline-ties";
import type { Database } from "../src/db/database";
import { spearman } from "../test/support/networkx-figures";
import { machineInfo } from "./lib/machine-info";
import { processCpuSeconds } from "./lib/process-cpu";

/*
 * Whole-graph figures on the graph of COAUTHOR_GRAPH_HOME (or NEO4J_URI): ours (read from Neo4j, components,
 * PageRank, sampled betweenness, written back in the other slot), then igraph (C, through python) and networkx (pure
 * python) on the same edges, weights and betweenness pivots in the same run: components, PageRank on the same weights,
 * betweenness from the same pivot authors (betweenness(sources=…) / betweenness_centrality_subset: the same searches
 * ours makes). Prints each one's times, peak RSS, the ratios, and how far igraph's figures are from ours.
 *
 * FIGURES_BENCH_PIVOTS (default: the production default) sets the pivots; FIGURES_BENCH_PYTHON a python with
 * python-igraph and networkx (default: the tests' venv); FIGURES_BENCH_NETWORKX=0 skips networkx,
 * FIGURES_BENCH_NETWORKX_TIMEOUT_S (default 900) stops it.
 *
 *   COAUTHOR_GRAPH_HOME=<a home with the 158k graph> node dist/bench/figures.bench.js
 */
const PIVOTS = Number(process.env.FIGURES_BENCH_PIVOTS || DEFAULT_PIVOTS);
const PYTHON = process.env.FIGURES_BENCH_PYTHON || path.join(os.tmpdir(), "coauthor-graph-pyenv", "bin", "python");
const NETWORKX_TIMEOUT_S = Number(process.env.FIGURES_BENCH_NETWORKX_TIMEOUT_S || 900);
/**
 * Untimed computations first (FIGURES_BENCH_WARM_ROUNDS, default 0): the timed one then runs on a Neo4j whose JIT has
 * compiled the read and the write, as a server that has been running would (a cold one is the usual case right after
 * a start, and after `import --bulk`).
 */
const WARM_ROUNDS = Number(process.env.FIGURES_BENCH_WARM_ROUNDS || 0);

/** Reads the edges (Int32 pairs, Float32 weights) and pivots, then prints one JSON line per finished phase. */
const PYTHON_SCRIPT = `
import json, resource, sys, time
from array import array
lib, n, edge_file, weight_file, pivot_file = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
def say(**kw):
    kw["peakRssMiB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(kw), flush=True)
t = time.time()
ends = array("i"); ends.frombytes(open(edge_file, "rb").read())
weights = array("f"); weights.frombytes(open(weight_file, "rb").read())
pivots = json.load(open(pivot_file))
if lib == "igraph":
    import igraph as ig
    say(version=ig.__version__)
    g = ig.Graph(n=n, edges=list(zip(ends[0::2], ends[1::2])), directed=False)
    g.es["weight"] = list(weights)
    say(phase="load", s=time.time() - t)
    t = time.time(); sizes = sorted(g.connected_components().sizes(), reverse=True); say(phase="components", s=time.time() - t, giant=sizes[0], count=len(sizes))
    t = time.time(); pr = g.pagerank(damping=0.85, weights="weight"); say(phase="pagerank", s=time.time() - t)
    t = time.time(); bc = g.betweenness(directed=False, sources=pivots); say(phase="betweenness", s=time.time() - t)
    json.dump({"pagerank": pr, "betweenness": bc}, open(edge_file + ".igraph.json", "w"))
else:
    import networkx as nx
    say(version=nx.__version__)
    G = nx.Graph(); G.add_nodes_from(range(n))
    G.add_weighted_edges_from(zip(ends[0::2], ends[1::2], weights))
    say(phase="load", s=time.time() - t)
    t = time.time(); sizes = sorted((len(c) for c in nx.connected_components(G)), reverse=True); say(phase="components", s=time.time() - t, giant=sizes[0], count=len(sizes))
    t = time.time(); nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-10); say(phase="pagerank", s=time.time() - t)
    t = time.time(); nx.betweenness_centrality_subset(G, sources=pivots, targets=list(range(n)), normalized=False); say(phase="betweenness", s=time.time() - t)
`;

interface Phase {
  phase?: string;
  s?: number;
  version?: string;
  giant?: number;
  count?: number;
  peakRssMiB: number;
}

/**
 * Gives every author a value no computation gives (−1) in the slot the next computation writes, as an import that
 * changed the graph would leave it (nearly every author's PageRank moves). Neo4j skips setting a property to the value
 * it already has, and the index entry with it, so recomputing the same figures into a slot that already holds them
 * (this bench run twice on one graph) would time almost no write. Not timed.
 */
async function unsettleNextSlot(db: Database): Promise<void> {
  const next = nextSlot(await readSlots(db));
  const [record] = await db.read(AUTHOR_NODES);
  const ids = record.get("nodes") as number[];
  const started = Date.now();
  await writeAuthorFigures(
    db,
    next,
    (from, to) => ids.slice(from, to).map((id) => [id, -1, -1, -1]),
    ids.length,
    () => undefined,
  );
  console.error(`bench: slot ${next} set to −1 for ${ids.length} authors first (${sec(Date.now() - started)}, not timed)`);
}

/** Runs one library's phases; what it finished before a timeout is kept. */
function runPython(lib: "igraph" | "networkx", args: string[], timeoutS: number): { phases: Phase[]; finished: boolean } {
  let out: string;
  let finished = true;
  try {
    out = execFileSync(PYTHON, ["-", lib, ...args], {
      input: PYTHON_SCRIPT,
      encoding: "utf8",
      timeout: timeoutS * 1000,
      maxBuffer: 1 << 20,
    });
  } catch (error) {
    out = String((error as { stdout?: string }).stdout ?? "");
    finished = false;
    console.error(`${lib}: stopped (${(error as Error).message.split("\n")[0]})`);
  }
  const phases = out
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Phase);
  return { phases, finished };
}

async function main(): Promise<void> {
  const machine = machineInfo();
  const session = await openDatabase({ config: loadConfig(), log: (m) => console.error(`bench: ${m}`) });
  const dir = mkdtempSync(path.join(os.tmpdir(), "cg-figures-bench-"));
  try {
    const db = session.db;
    const counts = await countGraph(db);
    console.log(
      `graph: ${counts.authors} authors, ${counts.papers} papers, ${counts.ties} ties; betweenness pivots ${PIVOTS}; ${machine.cores} cores, ` +
        `load average ${machine.loadAverage} at the start`,
    );
    for (let round = 1; round <= WARM_ROUNDS; round++) {
      await unsettleNextSlot(db);
      const warm = await refreshGraphFigures(db, { pivots: PIVOTS, seed: DEFAULT_SEED, force: true, log: () => undefined });
      console.error(`bench: untimed round ${round} of ${WARM_ROUNDS}: ${sec(warm.durationMs)}`);
    }
    await unsettleNextSlot(db);
    const neo4jPid = session.neo4j.state?.pid;
    const neo4jCpuBefore = processCpuSeconds(neo4jPid);
    const cpuBefore = process.cpuUsage();
    const rssBefore = process.memoryUsage().rss;
    // Neo4j's CPU seconds at the end of each phase (from its progress lines): what reading and writing cost it,
    // which the load on a shared machine inflates much less than their wall time.
    const neo4jCpuAt: Record<string, number | undefined> = {};
    const log = (m: string) => {
      console.error(m);
      const done = /^figures: (reading the coauthor graph|betweenness|writing per-author figures): \d+ \w+ in /.exec(m);
      if (done) neo4jCpuAt[done[1]] = processCpuSeconds(neo4jPid);
    };
    const ours = await refreshGraphFigures(db, { pivots: PIVOTS, seed: DEFAULT_SEED, force: true, log });
    const cpu = process.cpuUsage(cpuBefore);
    const neo4jCpuAfter = processCpuSeconds(neo4jPid);
    const phases = ours.phases ?? {};
    const compute = (phases.renumber ?? 0) + (phases.components ?? 0) + (phases.pagerank ?? 0) + (phases.betweenness ?? 0);
    console.log(
      `ours: total ${sec(ours.durationMs)} (read ${sec(phases.read)}, ties from the bylines ${sec(phases.ties)}, renumber ${sec(phases.renumber)}, ` +
        `components ${sec(phases.components)}, PageRank ${sec(phases.pagerank)}, betweenness ${sec(phases.betweenness)} ` +
        `(${(phases.betweenness / PIVOTS).toFixed(1)} ms/pivot), write ${sec(phases.write)}, indexes ${sec(phases.indexes)}); peak RSS ${mib(ours.peakRssBytes ?? 0)} MiB ` +
        `(${mib(rssBefore)} before); CPU: node ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s` +
        (neo4jCpuBefore !== undefined && neo4jCpuAfter !== undefined ? `, Neo4j ${(neo4jCpuAfter - neo4jCpuBefore).toFixed(1)} s` : ""),
    );
    const readCpu = neo4jCpuAt["reading the coauthor graph"];
    const bcCpu = neo4jCpuAt["betweenness"];
    const writeCpu = neo4jCpuAt["writing per-author figures"];
    if (neo4jCpuBefore !== undefined && readCpu !== undefined && bcCpu !== undefined && writeCpu !== undefined)
      console.log(
        `Neo4j CPU: read ${(readCpu - neo4jCpuBefore).toFixed(1)} s, write ${(writeCpu - bcCpu).toFixed(1)} s ` +
          `(${Math.round(counts.authors / (writeCpu - bcCpu))} authors per CPU second)` +
          (neo4jCpuAfter !== undefined ? `, indexes and commit ${(neo4jCpuAfter - writeCpu).toFixed(1)} s` : ""),
      );
    if (ours.status !== "computed" || !ours.slot) throw new Error(`figures not computed: ${ours.status}`);

    // The same edges, weights and pivot authors the computation used, in the read order (pivots are drawn over it).
    const { authorIds, bylines } = await readBylines(db, () => undefined);
    const { csr, externalIds } = await tiesFromBylines(authorIds, bylines);
    const ends = new Int32Array(2 * csr.m);
    const weights = new Float32Array(csr.m);
    let e = 0;
    for (let v = 0; v < csr.n; v++)
      for (let i = csr.offsets[v]; i < csr.offsets[v + 1]; i++)
        if (v < csr.targets[i]) {
          ends[2 * e] = v;
          ends[2 * e + 1] = csr.targets[i];
          weights[e++] = csr.weights[i];
        }
    const pivots = csr.n > PIVOTS ? Array.from(samplePivots(csr.n, PIVOTS, DEFAULT_SEED)) : Array.from({ length: csr.n }, (_, i) => i);
    await oneThreadBaseline(csr, pivots, phases.betweenness, externalIds, await readStored(db, ours.slot));
    const files = ["edges.bin", "weights.bin", "pivots.json"].map((f) => path.join(dir, f));
    writeFileSync(files[0], ends);
    writeFileSync(files[1], weights);
    writeFileSync(files[2], JSON.stringify(pivots));
    const args = [String(csr.n), ...files];

    const ig = runPython("igraph", args, 3600);
    report("igraph", ig.phases, ig.finished, compute, phases.betweenness);
    if (ig.finished) {
      const igraph = JSON.parse(readFileSync(`${files[0]}.igraph.json`, "utf8")) as { pagerank: number[]; betweenness: number[] };
      compareWithIgraph(csr.n, externalIds, new Set(pivots), await readStored(db, ours.slot), igraph);
    }
    if (process.env.FIGURES_BENCH_NETWORKX !== "0") {
      const nx = runPython("networkx", args, NETWORKX_TIMEOUT_S);
      report("networkx", nx.phases, nx.finished, compute, phases.betweenness);
      if (!nx.finished) console.log(`networkx: did not finish in ${NETWORKX_TIMEOUT_S} s (FIGURES_BENCH_NETWORKX_TIMEOUT_S)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await session.close();
  }
}

/**
 * The baseline for betweenness' worker threads: the same searches on this thread alone (algorithms.betweenness), on
 * the same renumbered ties and pivots, in the same run; and how far its values are from the stored ones.
 */
async function oneThreadBaseline(
  read: Csr,
  pivots: number[],
  workersMs: number,
  externalIds: Float64Array,
  stored: Map<number, { pageRank: number; betweenness: number }>,
): Promise<void> {
  const { csr, rank } = localityOrder(read);
  const t0 = Date.now();
  const one = await betweenness(csr, csr.n > PIVOTS ? Int32Array.from(pivots, (v) => rank[v]) : null);
  const oneMs = Date.now() - t0;
  let diff = 0;
  for (let v = 0; v < read.n; v++) diff = Math.max(diff, Math.abs(one.scores[rank[v]] - stored.get(externalIds[v])!.betweenness));
  console.log(
    `betweenness on one thread (same ties and pivots, this run): ${sec(oneMs)}; worker threads (${defaultBetweennessThreads()}): ` +
      `${sec(workersMs)}, ${(oneMs / workersMs).toFixed(2)}x faster; values max |Δ| ${diff.toExponential(1)}`,
  );
}

/** One library's phase times, and its compute (components + PageRank + betweenness) over ours. */
function report(lib: string, phases: Phase[], finished: boolean, oursComputeMs: number, oursBetweennessMs: number): void {
  const by = new Map(phases.filter((p) => p.phase).map((p) => [p.phase!, p]));
  const version = phases.find((p) => p.version)?.version ?? "?";
  const peak = Math.max(0, ...phases.map((p) => p.peakRssMiB));
  const t = (name: string) => (by.has(name) ? `${by.get(name)!.s!.toFixed(1)} s` : "not reached");
  console.log(
    `${lib} ${version}: load ${t("load")}, components ${t("components")}, PageRank ${t("pagerank")}, betweenness ${t("betweenness")}; ` +
      `peak RSS ${peak.toFixed(0)} MiB`,
  );
  if (finished && by.has("betweenness")) {
    const theirs = ["components", "pagerank", "betweenness"].reduce((s, p) => s + by.get(p)!.s! * 1000, 0);
    console.log(
      `compute (components + PageRank + betweenness; ours with its renumbering): ours ${sec(oursComputeMs)}, ${lib} ${sec(theirs)}, ` +
        `ratio ${lib}/ours ${(theirs / oursComputeMs).toFixed(1)}; betweenness alone ${lib}/ours ` +
        `${((by.get("betweenness")!.s! * 1000) / oursBetweennessMs).toFixed(1)}`,
    );
  }
}

async function readStored(
  db: Awaited<ReturnType<typeof openDatabase>>["db"],
  slot: "A" | "B",
): Promise<Map<number, { pageRank: number; betweenness: number }>> {
  const records = await db.read(
    `MATCH (a:Author) RETURN id(a) AS id, a.pageRank${slot} AS pageRank, a.betweenness${slot} AS betweenness`,
    {},
    { timeoutMs: 600_000 },
  );
  return new Map(
    records.map((r) => [Number(r.get("id")), { pageRank: Number(r.get("pageRank")), betweenness: Number(r.get("betweenness")) }]),
  );
}

/**
 * igraph against the stored figures: PageRank's largest absolute difference (igraph solves exactly, ours stops at
 * Σ|Δx| < N·1e-10), and betweenness as the ratio ours/igraph over the authors both give a positive value (a constant:
 * the normalisation; pivots aside) and Spearman's ρ over every author.
 */
function compareWithIgraph(
  n: number,
  externalIds: Float64Array,
  pivots: Set<number>,
  stored: Map<number, { pageRank: number; betweenness: number }>,
  igraph: { pagerank: number[]; betweenness: number[] },
): void {
  let prDiff = 0;
  const ours = new Float64Array(n);
  const ratios: number[] = [];
  for (let v = 0; v < n; v++) {
    const s = stored.get(externalIds[v])!;
    prDiff = Math.max(prDiff, Math.abs(s.pageRank - igraph.pagerank[v]));
    ours[v] = s.betweenness;
    // A pivot's own estimate is scaled by 1/(k−1) instead of 1/k (it gets nothing from its own search).
    if (!pivots.has(v) && s.betweenness > 0 && igraph.betweenness[v] > 0) ratios.push(s.betweenness / igraph.betweenness[v]);
  }
  ratios.sort((a, b) => a - b);
  const spread = ratios.length ? ratios[ratios.length - 1] / ratios[0] - 1 : 0;
  console.log(
    `igraph vs ours: PageRank max |Δ| ${prDiff.toExponential(1)}; betweenness Spearman ${spearman(ours, igraph.betweenness).toFixed(6)}, ` +
      `ours/igraph ${ratios[0]?.toExponential(4)} for the ${ratios.length} non-pivot authors both score (spread ${spread.toExponential(1)})`,
  );
}

const sec = (ms: number | undefined) => `${((ms ?? 0) / 1000).toFixed(1)} s`;
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
