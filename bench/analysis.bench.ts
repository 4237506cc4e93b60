import "./lib/production-mode";
import "reflect-metadata";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ApolloServer } from "@apollo/server";
import { importFiles } from "../import/import-runner";
import { apiPlugins } from "../src/api/api-plugins";
import { createContext, GraphContext } from "../src/api/context";
import { buildGraphqlSchema } from "../src/api/schema";
import { loadConfig } from "../src/config";
import { Database } from "../src/db/database";
import { jarCacheRoot } from "../src/db/local/home-layout";
import { provideNeo4j } from "../src/db/neo4j-provider";
import { fromRoot } from "../src/util/project-root";

/*
 * Network analysis against the plain network query, in one run (issue 10): a throwaway local Neo4j, one file imported
 * (ANALYSIS_BENCH_FILE, default the ML slice sample; bench/data/ml-anthology.csl.jsonl.gz for the real thing; or
 * ANALYSIS_BENCH_HOME, a home with a graph loaded already, which is left as it was), the
 * author with the most coauthors as centre, then coauthorNetwork(depth 2, maxNodes 500) alone and with every metric and
 * the communities, RUNS times each, in turn; medians and their ratio. networkx (ANALYSIS_BENCH_PYTHON, a python with
 * networkx) times the same metrics on the same edges when given. Also prints the README's worked examples.
 *
 *   npm run build && node dist/bench/analysis.bench.js
 */
const FILE = process.env.ANALYSIS_BENCH_FILE || fromRoot("import", "samples", "ml-anthology-slice.csl.jsonl.gz");
const RUNS = Number(process.env.ANALYSIS_BENCH_RUNS || 7);
/** Untimed rounds of the three queries before the timed ones (ANALYSIS_BENCH_WARMUP; 1 before 2026-12-06). */
const WARMUP = Number(process.env.ANALYSIS_BENCH_WARMUP || 1);
const MAX_NODES = 500;

const PLAIN = `query($id: ID!) { coauthorNetwork(authorId: $id, depth: 2, maxNodes: ${MAX_NODES}) {
  nodes { author { id name } distance } edges { source target jointPapers weight } truncated } }`;
const ANALYSED = `query($id: ID!) { coauthorNetwork(authorId: $id, depth: 2, maxNodes: ${MAX_NODES}) {
  nodes { author { id name } distance } edges { source target jointPapers weight } truncated
  analysis { modularity authors { author { id } degree weightedDegree betweenness closeness pagerank clustering constraint effectiveSize community }
    communities { id size topAuthors(first: 3) { author { name } } topVenues { venue { name } papers } } explain { method } } } }`;
/** The same without the communities' venues: their read is the one Neo4j statement the analysis adds. */
const ANALYSED_NO_VENUES = ANALYSED.replace(" topVenues { venue { name } papers }", "");

async function main(): Promise<void> {
  // ANALYSIS_BENCH_HOME: a home where the file is loaded already (say by import --bulk); kept, nothing imported.
  const loaded = process.env.ANALYSIS_BENCH_HOME;
  const home = loaded || mkdtempSync(path.join(os.tmpdir(), "cg-analysis-bench-"));
  const env: NodeJS.ProcessEnv = { ...process.env, COAUTHOR_GRAPH_HOME: home, COAUTHOR_GRAPH_NEO4J_THROWAWAY: loaded ? "" : "1" };
  for (const name of ["NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"]) delete env[name];
  env.COAUTHOR_GRAPH_JAR_CACHE = jarCacheRoot(loadConfig({ ...process.env, NEO4J_URI: "" }).home, process.env);
  env.COAUTHOR_GRAPH_NEO4J_VIA ||= "local";
  const neo4j = await provideNeo4j({ config: loadConfig(env), env, mode: "owner", log: (m) => console.error(`bench: ${m}`) });
  let db: Database | undefined;
  try {
    db = await Database.connect(neo4j.target, 120_000);
    if (loaded) console.log(`the graph already loaded in ${loaded}`);
    else {
      const started = Date.now();
      const summary = await importFiles(db, [FILE]);
      if (!summary.ok) throw new Error(`import failed: ${summary.files.map((f) => f.error).join("; ")}`);
      console.log(`imported ${path.basename(FILE)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    const [row] = await db.read(
      "MATCH (a:Author) RETURN a.id AS id, a.name AS name, COUNT { (a)-[:COAUTHORED_WITH]-() } AS k ORDER BY k DESC, a.id LIMIT 1",
    );
    const centre = { id: row.get("id") as string, name: row.get("name") as string };
    const schema = await buildGraphqlSchema();
    const server = new ApolloServer<GraphContext>({ schema, plugins: apiPlugins(schema, { maxDepth: 20, maxComplexity: 10_000_000 }) });
    await server.start();
    const ask = async (query: string, variables: Record<string, unknown>) => {
      const t = process.hrtime.bigint();
      const res = await server.executeOperation({ query, variables }, { contextValue: createContext(db!) });
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      if (res.body.kind !== "single" || res.body.singleResult.errors) throw new Error(JSON.stringify(res.body));
      return { ms, data: res.body.singleResult.data as any };
    };
    const plainTimes: number[] = [];
    const analysedTimes: number[] = [];
    const noVenuesTimes: number[] = [];
    let last: any;
    // Untimed rounds first: Neo4j's JIT compiles a statement's code over its first few dozen runs (the venues' read
    // took 100 ms of Neo4j's CPU on its first runs, 27 ms after 40), and a server that has run a while is warm.
    for (let i = 0; i < WARMUP; i++) {
      await ask(PLAIN, { id: centre.id });
      await ask(ANALYSED, { id: centre.id });
      await ask(ANALYSED_NO_VENUES, { id: centre.id });
    }
    for (let i = 0; i < RUNS; i++) {
      plainTimes.push((await ask(PLAIN, { id: centre.id })).ms);
      const a = await ask(ANALYSED, { id: centre.id });
      analysedTimes.push(a.ms);
      last = a.data;
      noVenuesTimes.push((await ask(ANALYSED_NO_VENUES, { id: centre.id })).ms);
    }
    const net = last.coauthorNetwork;
    const [p, a, nv] = [median(plainTimes), median(analysedTimes), median(noVenuesTimes)];
    console.log(
      `centre ${centre.name}: depth 2, ${net.nodes.length} authors, ${net.edges.length} ties; ${WARMUP} untimed rounds, then ${RUNS} runs each, medians`,
    );
    console.log(
      `| query | median ms | ratio |\n|---|---|---|\n| coauthorNetwork alone | ${p.toFixed(1)} | 1.00 |\n| with every metric and communities | ${a.toFixed(1)} | ${(a / p).toFixed(2)} |\n| the same without the communities' topVenues | ${nv.toFixed(1)} | ${(nv / p).toFixed(2)} |`,
    );
    const python = process.env.ANALYSIS_BENCH_PYTHON;
    await examples(ask, centre);
    await oneLongPaper(ask, db);
    if (python) {
      try {
        console.log(`networkx on the same edges (every metric and Louvain, in-process time): ${networkxMs(python, net).toFixed(1)} ms`);
      } catch (error) {
        console.log(`networkx on the same edges did not finish: ${(error as Error).message.split("\n")[0]}`);
      }
    }
    await server.stop();
  } finally {
    await db?.close();
    await neo4j.stop();
    if (!loaded) rmSync(home, { recursive: true, force: true });
  }
}

type Ask = (query: string, variables: Record<string, unknown>) => Promise<{ ms: number; data: any }>;

/** The README's worked examples, printed as the API answers them. */
async function examples(ask: Ask, centre: { id: string; name: string }): Promise<void> {
  const brokers = await ask(
    `query($id: ID!) { coauthorNetwork(authorId: $id, depth: 2, strength: NEWMAN) { analysis(seed: 1) { snapshotId
      authors { author { name } betweenness constraint effectiveSize community } } } }`,
    { id: centre.id },
  );
  const top = [...brokers.data.coauthorNetwork.analysis.authors].sort((x: any, y: any) => y.betweenness - x.betweenness).slice(0, 5);
  console.log(`\nWho bridges the groups around ${centre.name} (depth 2, NEWMAN), top 5 by betweenness:`);
  for (const m of top)
    console.log(
      `  ${m.author.name}: betweenness ${m.betweenness.toFixed(3)}, constraint ${m.constraint?.toFixed(3)}, effective size ${m.effectiveSize?.toFixed(2)}, community ${m.community}`,
    );
  console.log(`\nCommunities at three resolutions (same network, seed 1):`);
  for (const resolution of [0.5, 1, 2]) {
    const r = await ask(
      `query($id: ID!, $g: Float) { coauthorNetwork(authorId: $id, depth: 2, strength: NEWMAN) { analysis(resolution: $g, seed: 1) { modularity
        communities { size topAuthors(first: 2) { author { name } } topVenues { venue { acronym name } papers } } } } }`,
      { id: centre.id, g: resolution },
    );
    const a = r.data.coauthorNetwork.analysis;
    const biggest = a.communities[0];
    console.log(
      `  γ ${resolution}: ${a.communities.length} communities, Q ${a.modularity.toFixed(3)}; largest ${biggest.size} (${biggest.topAuthors.map((x: any) => x.author.name).join(", ")}; ${biggest.topVenues
        .slice(0, 2)
        .map((v: any) => `${v.venue.acronym ?? v.venue.name} ${v.papers}`)
        .join(", ")})`,
    );
  }
  console.log(`\nHow much of ${centre.name}'s network comes from long bylines (depth 2):`);
  for (const cap of [null, 10, 5]) {
    const r = await ask(
      `query($id: ID!, $cap: Int) { coauthorNetwork(authorId: $id, depth: 2, maxNodes: 2000, maxAuthorsPerPaper: $cap) { nodes { distance } edges { weight } } }`,
      { id: centre.id, cap },
    );
    const n = r.data.coauthorNetwork;
    console.log(
      `  maxAuthorsPerPaper ${cap ?? "none"}: ${n.nodes.length} authors (${n.nodes.filter((x: any) => x.distance === 1).length} coauthors), ${n.edges.length} ties`,
    );
  }
}

/** The longest byline in the graph and, among its authors, the one with the most other papers. */
const LONGEST_BYLINE = `
MATCH (p:Paper)
WITH p, COUNT { (p)<-[:AUTHORED]-() } AS n ORDER BY n DESC, p.id LIMIT 1
MATCH (p)<-[:AUTHORED]-(a:Author)
WITH p, n, a, COUNT { (a)-[:AUTHORED]->() } AS papers ORDER BY papers DESC, a.id LIMIT 1
RETURN p.title AS title, p.year AS year, n, a.id AS id, a.name AS name, papers`;

/**
 * The README's "how much of this author's network is one long paper": the graph's longest byline (n authors) and its
 * most prolific author, whose network is asked for with and without maxAuthorsPerPaper n − 1, which leaves out that
 * paper and any other of n authors or more (the count of those is printed).
 */
async function oneLongPaper(ask: Ask, db: Database): Promise<void> {
  const [row] = await db.read(LONGEST_BYLINE);
  if (!row) return;
  const n = Number(row.get("n"));
  const author = { id: row.get("id") as string, name: row.get("name") as string, papers: Number(row.get("papers")) };
  const [others] = await db.read(
    "MATCH (a:Author {id: $id})-[:AUTHORED]->(p) WHERE COUNT { (p)<-[:AUTHORED]-() } >= $n RETURN count(p) AS k",
    { id: author.id, n },
  );
  console.log(
    `\nHow much of ${author.name}'s network is one ${n}-author paper ("${row.get("title") as string}", ${row.get("year") as number}; ` +
      `${author.papers} papers in all, ${Number(others.get("k"))} of them with ${n} authors or more):`,
  );
  for (const cap of [null, n - 1]) {
    const ego = await ask(
      `query($id: ID!, $cap: Int) { coauthorNetwork(authorId: $id, depth: 1, maxNodes: 2000, strength: NEWMAN, maxAuthorsPerPaper: $cap) {
        nodes { distance } edges { source target weight } } }`,
      { id: author.id, cap },
    );
    const wide = await ask(
      `query($id: ID!, $cap: Int) { coauthorNetwork(authorId: $id, depth: 2, maxNodes: 2000, maxAuthorsPerPaper: $cap) { nodes { distance } edges { weight } truncated } }`,
      { id: author.id, cap },
    );
    const e = ego.data.coauthorNetwork;
    const own = e.edges.filter((x: any) => x.source === author.id || x.target === author.id);
    const newman = own.reduce((sum: number, x: any) => sum + x.weight, 0);
    const w = wide.data.coauthorNetwork;
    console.log(
      `  maxAuthorsPerPaper ${cap ?? "none"}: ${own.length} coauthors, NEWMAN weighted degree ${newman.toFixed(3)}; ` +
        `depth 2: ${w.nodes.length} authors${w.truncated ? " (maxNodes 2000 reached)" : ""}, ${w.edges.length} ties`,
    );
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function networkxMs(python: string, net: { nodes: any[]; edges: any[] }): number {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cg-nx-bench-"));
  try {
    const file = path.join(dir, "net.json");
    writeFileSync(file, JSON.stringify({ nodes: net.nodes.map((n) => n.author.id), edges: net.edges }));
    const script = `
import json, sys, time
import networkx as nx
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
d = json.load(open(sys.argv[1])); G = nx.Graph(); G.add_nodes_from(d["nodes"])
for e in d["edges"]: G.add_edge(e["source"], e["target"], weight=e["weight"])
t = time.perf_counter()
nx.betweenness_centrality(G); nx.closeness_centrality(G); _pagerank_python(G, weight="weight"); nx.clustering(G)
nx.constraint(G, weight="weight"); nx.effective_size(G, weight="weight"); nx.community.louvain_communities(G, weight="weight", seed=1)
print((time.perf_counter() - t) * 1000)`;
    return Number(execFileSync(python, ["-", file], { input: script, encoding: "utf8", timeout: 600_000 }).trim());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
