import "./lib/production-mode";
import { isDeepStrictEqual } from "node:util";
import { performance } from "node:perf_hooks";
import { normaliseBare } from "./bare-server";
import { percentile, runPool, type TimedSample, type TimedTask } from "./lib/latency";
import { runLoad, type LoadResult } from "./lib/load-driver";
import { chooseLoadMix } from "./lib/load-mix";
import { machineInfo } from "./lib/machine-info";
import { writeSection } from "./lib/results-section";
import { startBare } from "./lib/bare-process";
import { processCpuSeconds } from "./lib/process-cpu";
import { homeNeo4j, startServe } from "./lib/serve-process";
import { FloorClient, postGraphql, postGraphqlBody } from "./query-clients";
import { queryCases, type CaseInput, type QueryCase } from "./query-cases";
import { chooseInputs } from "./query-inputs";
import { RESULTS_PATH } from "./results-md";

/*
 * Serving at the limit (issue 12): ours — the real `coauthor-graph serve` in its own process, production mode — against
 * the bare HTTP floor (bench/bare-server.ts: node:http running the floor's Cypher and writing the JSON itself, in its
 * own process), over the same 158k graph, from the same client:
 *  1. p50 and p95 per benchmark query at concurrency 1, 8 and 50, and ours/bare;
 *  2. requests/s at 50 connections for the load benchmark's realistic mix (bench/lib/load-mix.ts), cold cache (ours
 *     with RESPONSE_CACHE_MB=0) and warm cache (a second `serve` with the default cache, filled by one unmeasured slice);
 *  3. the 61k-tie depth-2 network, regular form against `compact`, end to end (request, JSON, the client's parse and,
 *     for compact, its one-line decode), with the bytes of each.
 * Run: BENCH_HOME=<a home whose local Neo4j is running, with the graph> node dist/bench/serving.bench.js
 * Knobs: BENCH_BUDGET_MS (per query cell, default 3000), BENCH_MIX_S (per mix slice, default 15), BENCH_ONLY.
 */

const CASES = [
  "author by id",
  "coauthors(first: 20)",
  "coauthorNetwork depth 2 (maxNodes 500)",
  "sharedVenues (pairs)",
  "authors(search:, first: 10)",
];
const CONCURRENCIES = [1, 8, 50] as const;
const WAYS = ["ours", "bare"] as const;
type Way = (typeof WAYS)[number];
const ROUNDS = 4;

interface Cell {
  p50: number;
  p95: number;
  samples: number;
  errors: number;
  /** The server process's CPU (user + system, from /proc) per request it answered in this cell: steadier than times. */
  cpuMs?: number;
}

interface Row {
  query: string;
  group: string;
  inputs: number;
  cells: Record<Way, Record<number, Cell>>;
  mismatches: number;
}

/** The query benchmark's groups, except searches and lookups (one group each). */
function grouped(c: QueryCase): CaseInput[] {
  if (c.name === "author by id") return c.inputs.map((i) => ({ ...i, tag: "30 authors" }));
  return c.inputs;
}

async function benchCase(
  c: QueryCase,
  urls: Record<Way, string>,
  pids: Record<Way, number>,
  budgetMs: number,
  log: (line: string) => void,
): Promise<Row[]> {
  const inputs = grouped(c);
  const rows = new Map<string, Row>();
  for (const input of inputs) {
    let row = rows.get(input.tag);
    if (!row) {
      row = { query: c.name, group: input.tag, inputs: 0, cells: { ours: {}, bare: {} }, mismatches: 0 };
      rows.set(input.tag, row);
    }
    row.inputs += 1;
    const ours = await postGraphql(urls.ours, c.ours(input.value)).then(
      (d) => c.normaliseOurs(d),
      (e: Error) => ({ error: e.message }),
    );
    const bare = await postGraphql(urls.bare, c.ours(input.value)).then(
      (d) => normaliseBare(c, d),
      (e: Error) => ({ error: e.message }),
    );
    if (!isDeepStrictEqual(ours, bare)) {
      row.mismatches += 1;
      if (row.mismatches === 1)
        log(
          `  ${c.name} ${JSON.stringify(input.value)}: ours ${JSON.stringify(ours).slice(0, 200)} vs bare ${JSON.stringify(bare).slice(0, 200)}`,
        );
    }
  }
  for (const concurrency of CONCURRENCIES) {
    const samples: Record<Way, TimedSample<number>[]> = { ours: [], bare: [] };
    const errors: Record<Way, number> = { ours: 0, bare: 0 };
    const cpu: Record<Way, { seconds: number; requests: number }> = {
      ours: { seconds: 0, requests: 0 },
      bare: { seconds: 0, requests: 0 },
    };
    for (let round = 0; round < ROUNDS; round += 1)
      for (const way of WAYS) {
        const tasks: TimedTask<number>[] = inputs.map((input, i) => ({
          tag: i,
          run: () =>
            postGraphqlBody(urls[way], c.ours(input.value))
              .then((body) => JSON.parse(body.toString("utf8")))
              .catch((error: Error) => {
                errors[way] += 1;
                failed.add(`${way}:${index}`);
                if (errors[way] === 1) log(`  ${c.name} ${way} c=${concurrency}: ${error.message}`);
              })
              .finally(() => (index += 1)),
        }));
        // Failed requests (none expected) are counted, not timed.
        let index = 0;
        const failed = new Set<string>();
        const cpuBefore = processCpuSeconds(pids[way]);
        const timed = await runPool(tasks, { concurrency, budgetMs: budgetMs / ROUNDS, minTasks: round === 0 ? tasks.length : 0 });
        cpu[way].seconds += (processCpuSeconds(pids[way]) ?? NaN) - (cpuBefore ?? NaN);
        cpu[way].requests += timed.length;
        samples[way].push(...timed.filter((_, i) => !failed.has(`${way}:${i}`)));
      }
    for (const way of WAYS)
      for (const row of rows.values()) {
        const ms = samples[way].filter((s) => inputs[s.tag].tag === row.group).map((s) => s.ms);
        row.cells[way][concurrency] = {
          p50: percentile(ms, 50),
          p95: percentile(ms, 95),
          samples: ms.length,
          errors: errors[way],
          // Per case and concurrency, not per group: the slices run every group's inputs together.
          cpuMs: (cpu[way].seconds * 1000) / cpu[way].requests,
        };
      }
  }
  return [...rows.values()];
}

interface CompactFigures {
  authorId: string;
  nodes: number;
  edges: number;
  bytes: { regular: number; compact: number; bare: number };
  ms: { regular: Cell; compact: Cell; bare: Cell };
  same: boolean;
}

const REGULAR_NETWORK = `query($id: ID!) { coauthorNetwork(authorId: $id, depth: 2, maxNodes: 500) {
  truncated nodes { distance author { id name } } edges { source target jointPapers weight } } }`;
const COMPACT_NETWORK = `query($id: ID!) { coauthorNetwork(authorId: $id, depth: 2, maxNodes: 500) {
  truncated compact { authorIds names distances source target jointPapers weight } } }`;

/** The depth-2 network with the most ties among the inputs: regular form, compact form (decoded) and bare, c=1, interleaved. */
async function benchCompact(authorIds: string[], urls: Record<Way, string>, repeats: number, bareCase: QueryCase): Promise<CompactFigures> {
  let best = { id: authorIds[0], edges: -1, nodes: 0 };
  for (const id of authorIds) {
    const d = await postGraphql(urls.ours, { query: COMPACT_NETWORK, variables: { id } });
    const edges = d.coauthorNetwork.compact.source.length as number;
    if (edges > best.edges) best = { id, edges, nodes: d.coauthorNetwork.compact.authorIds.length };
  }
  const variables = { id: best.id };
  const regular = async () => {
    const body = await postGraphqlBody(urls.ours, { query: REGULAR_NETWORK, variables });
    return { bytes: body.length, network: JSON.parse(body.toString("utf8")).data.coauthorNetwork };
  };
  const compact = async () => {
    const body = await postGraphqlBody(urls.ours, { query: COMPACT_NETWORK, variables });
    const c = JSON.parse(body.toString("utf8")).data.coauthorNetwork.compact;
    // The one line of client code (README, schema):
    const edges = c.source.map((s: number, i: number) => ({
      source: c.authorIds[s],
      target: c.authorIds[c.target[i]],
      jointPapers: c.jointPapers[i],
      weight: c.weight[i],
    }));
    return { bytes: body.length, edges, nodes: c.authorIds as string[] };
  };
  const bare = async () => {
    const body = await postGraphqlBody(urls.bare, bareCase.ours(best.id));
    return { bytes: body.length };
  };
  const r = await regular();
  const k = await compact();
  const b = await bare();
  const same =
    isDeepStrictEqual(
      k.edges,
      r.network.edges.map((e: any) => ({ source: e.source, target: e.target, jointPapers: e.jointPapers, weight: e.weight })),
    ) &&
    isDeepStrictEqual(
      k.nodes,
      r.network.nodes.map((n: any) => n.author.id),
    );
  const times = { regular: [] as number[], compact: [] as number[], bare: [] as number[] };
  for (let i = 0; i < repeats; i += 1)
    for (const [name, run] of [
      ["regular", regular],
      ["compact", compact],
      ["bare", bare],
    ] as const) {
      const t0 = performance.now();
      await run();
      times[name].push(performance.now() - t0);
    }
  const cell = (ms: number[]): Cell => ({ p50: percentile(ms, 50), p95: percentile(ms, 95), samples: ms.length, errors: 0 });
  return {
    authorId: best.id,
    nodes: best.nodes,
    edges: best.edges,
    bytes: { regular: r.bytes, compact: k.bytes, bare: b.bytes },
    ms: { regular: cell(times.regular), compact: cell(times.compact), bare: cell(times.bare) },
    same,
  };
}

interface MixFigures {
  /** Ours with its response cache off (RESPONSE_CACHE_MB=0): every request reaches Neo4j. */
  ours: LoadResult[];
  bare: LoadResult[];
  /** Ours with its response cache on (the default), after one unmeasured slice of the same mix has filled it. */
  warm: LoadResult[];
}

const fmt = (ms: number) => (Number.isNaN(ms) ? "–" : ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : "–");

function report(
  rows: Row[],
  compactFigures: CompactFigures | undefined,
  mix: MixFigures | undefined,
  context: { command: string; started: string; seconds: number },
): string {
  const m = machineInfo();
  const lines = [
    "## 4. Serving: ours against a bare HTTP server (issue 12)",
    "",
    `One run of \`${context.command}\`, started ${context.started}, ${context.seconds.toFixed(0)} s; same graph as above (the 158k-paper file, bulk-loaded).`,
    `Machine: ${m.cores} cores, ${m.memoryGiB} GiB, ${m.cpuModel}; ${m.os}; Node ${m.node}. 1-minute load average at the start: ${m.loadAverage}.`,
    "The machine is shared with other work and noisy: read the ratios, which come from slices taken in turn, not the absolute times.",
    "",
    "- **ours**: `coauthor-graph serve` (the real CLI, `NODE_ENV=production`, `MAX_QUEUED=64` so that 50 connections are queued rather than refused, `RESPONSE_CACHE_MB=0` so that every request reaches Neo4j: cold cache) in its own process, GraphQL POST over keep-alive HTTP.",
    "- **bare**: `bench/bare-server.ts` in its own process: `node:http`, the floor's Cypher (`bench/query-floor.cypher.ts`) through neo4j-driver, `JSON.stringify` of the rows (network edges as objects with author ids, as ours sends them). No GraphQL, no express, no limits.",
    "- Same client for both (node:http, keep-alive, the answer read and parsed), closed loop per concurrency, each cell's budget in four slices taken in turn by the two servers. Inputs as in section 2.",
    "- Server CPU per request: the server process's user + system CPU (from /proc) over its slices of the cell, divided by the requests it answered (all of the query's groups together). On a shared machine it moves far less than the times do, and at saturation it is what sets requests per second.",
    "",
    "| query | inputs | c | ours p50 | bare p50 | ours/bare p50 | ours p95 | bare p95 | ours/bare p95 | server CPU ms/request ours/bare | requests ours/bare |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
  ];
  for (const row of rows)
    for (const c of CONCURRENCIES) {
      const o = row.cells.ours[c];
      const b = row.cells.bare[c];
      lines.push(
        `| ${row.query} — ${row.group} | ${row.inputs} | ${c} | ${fmt(o.p50)} | ${fmt(b.p50)} | ${ratio(o.p50, b.p50)} | ${fmt(o.p95)} | ${fmt(b.p95)} | ${ratio(o.p95, b.p95)} | ${fmt(o.cpuMs ?? NaN)}/${fmt(b.cpuMs ?? NaN)} (${ratio(o.cpuMs ?? NaN, b.cpuMs ?? NaN)}) | ${o.samples}/${b.samples}${o.errors + b.errors ? ` (errors ${o.errors}/${b.errors})` : ""} |`,
      );
    }
  const mismatches = rows.reduce((n, r) => n + r.mismatches, 0);
  lines.push(
    "",
    mismatches === 0
      ? "Ours and bare gave the same answers on every input."
      : `**Answers differing between ours and bare: ${mismatches}.**`,
  );
  if (mix) {
    const sum = (results: LoadResult[]) => {
      const requests = results.reduce((n, r) => n + r.requests, 0);
      const ok = results.reduce((n, r) => n + r.ok, 0);
      const seconds = results.reduce((n, r) => n + r.durationMs / 1000, 0);
      return {
        requests,
        ok,
        rps: requests / seconds,
        okRps: ok / seconds,
        p50: percentile(
          results.map((r) => r.latency.p50),
          50,
        ),
        p99: Math.max(...results.map((r) => r.latency.p99)),
      };
    };
    const o = sum(mix.ours);
    const b = sum(mix.bare);
    const w = mix.warm.length ? sum(mix.warm) : undefined;
    const row = (name: string, f: ReturnType<typeof sum>) =>
      `| ${name} | ${f.requests} | ${f.ok} | ${f.rps.toFixed(1)} | ${f.okRps.toFixed(1)} | ${fmt(f.p50)} | ${fmt(f.p99)} |`;
    lines.push(
      "",
      `### Realistic mix at 50 connections (bench/lib/load-mix.ts), cold and warm cache`,
      "",
      `${mix.ours.length} slices of ${(mix.ours[0].durationMs / 1000).toFixed(0)} s per server, cold ones taken in turn with bare. Cold: ours runs with \`RESPONSE_CACHE_MB=0\`, so every request reaches Neo4j. Warm: a second \`serve\` with the default response cache (64 MB), after one unmeasured slice of the same mix; the mix draws its inputs from a fixed set (a dashboard's repeated queries), so a warm cache answers nearly all of it from memory until an import changes the graph.`,
      "",
      "| server | requests | good answers | requests/s | good/s | p50 ms (median of slices) | p99 ms (worst slice) |",
      "|---|---:|---:|---:|---:|---:|---:|",
      row("ours, cold cache", o),
      ...(w ? [row("ours, warm cache", w)] : []),
      row("bare", b),
      "",
      `ours/bare good answers per second, cold: **${ratio(o.okRps, b.okRps)}** (aim ≥ 0.8×)` +
        (w ? `; warm: **${ratio(w.okRps, b.okRps)}** (aim ≥ 5×).` : "."),
    );
  }
  if (compactFigures) {
    const f = compactFigures;
    lines.push(
      "",
      "### The largest depth-2 network: `edges` against `compact`",
      "",
      `${JSON.stringify(f.authorId)}, depth 2, maxNodes 500: ${f.nodes} authors, ${f.edges} ties. Concurrency 1, ${f.ms.regular.samples} requests of each, taken in turn; end to end = request, answer, the client's \`JSON.parse\` and, for compact, the one-line decode into edge objects. Compact decodes to exactly the regular form's nodes and edges: ${f.same ? "yes" : "**NO**"}.`,
      "",
      "| form | bytes | p50 ms | p95 ms | bytes vs regular | p50 speed-up vs regular |",
      "|---|---:|---:|---:|---:|---:|",
      `| ours, \`nodes\` + \`edges\` | ${f.bytes.regular} | ${fmt(f.ms.regular.p50)} | ${fmt(f.ms.regular.p95)} | 1× | 1× |`,
      `| ours, \`compact\` | ${f.bytes.compact} | ${fmt(f.ms.compact.p50)} | ${fmt(f.ms.compact.p95)} | ${(f.bytes.regular / f.bytes.compact).toFixed(1)}× smaller | ${ratio(f.ms.regular.p50, f.ms.compact.p50)} |`,
      `| bare (edges as objects) | ${f.bytes.bare} | ${fmt(f.ms.bare.p50)} | ${fmt(f.ms.bare.p95)} | ${(f.bytes.regular / f.bytes.bare).toFixed(1)}× smaller | ${ratio(f.ms.regular.p50, f.ms.bare.p50)} |`,
    );
  }
  return lines.join("\n");
}

export async function runServingBench(opts: {
  home: string;
  budgetMs: number;
  mixSeconds: number;
  mixSlices: number;
  only?: string;
  log: (line: string) => void;
}) {
  const started = new Date();
  const neo4jOfHome = homeNeo4j(opts.home);
  if (!neo4jOfHome) throw new Error(`No running local Neo4j in ${opts.home}: start it with \`coauthor-graph db start\``);
  const target = { uri: neo4jOfHome.uri, user: neo4jOfHome.user, password: neo4jOfHome.password, database: neo4jOfHome.database };
  // 50 connections against the default admission limits (16 running, 32 waiting) would be partly refused (OVERLOADED):
  // the queue is made room for all of them, as a deployment that expects 50 clients would. Cold cache: the response
  // cache is off, or every input after its first round would be answered from memory.
  const serveEnv = { MAX_QUEUED: "64" };
  let serve = await startServe({ home: opts.home, env: { ...serveEnv, RESPONSE_CACHE_MB: "0" } });
  const bare = await startBare({
    NEO4J_URI: target.uri,
    NEO4J_USER: target.user,
    NEO4J_PASSWORD: target.password,
    NEO4J_DATABASE: target.database,
  });
  const floor = new FloorClient(target, target.database);
  try {
    const urls = { ours: serve.graphqlUrl, bare: bare.url };
    const inputs = await chooseInputs(floor.driver, target.database);
    const cases = queryCases(inputs).filter((c) => CASES.includes(c.name) && (!opts.only || c.name.includes(opts.only)));
    const rows: Row[] = [];
    for (const c of cases) {
      const t0 = Date.now();
      rows.push(...(await benchCase(c, urls, { ours: serve.pid, bare: bare.pid }, opts.budgetMs, opts.log)));
      opts.log(`${c.name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    const networkCase = queryCases(inputs).find((c) => c.name === "coauthorNetwork depth 2 (maxNodes 500)")!;
    const compactFigures =
      opts.only && opts.only !== "compact"
        ? undefined
        : await benchCompact(
            inputs.authors.filter((a) => a.class === "median").map((a) => a.id),
            urls,
            20,
            networkCase,
          );
    opts.log("compact: done");
    let mix: MixFigures | undefined;
    if (!opts.only || opts.only === "mix") {
      const loadMix = await chooseLoadMix(floor.driver, target.database);
      for (const url of [urls.ours, urls.bare])
        await runLoad({ url, connections: 4, durationMs: 3_000, streamFor: (i) => loadMix.stream(1000 + i) });
      mix = { ours: [], bare: [], warm: [] };
      const slice50 = (url: string, slice: number) =>
        runLoad({ url, connections: 50, durationMs: opts.mixSeconds * 1000, streamFor: (i) => loadMix.stream(slice * 100 + i) });
      for (let slice = 0; slice < opts.mixSlices; slice += 1)
        for (const way of WAYS) {
          const result = await slice50(urls[way], slice);
          mix[way].push(result);
          opts.log(`mix ${way} slice ${slice}: ${result.requestsPerSecond.toFixed(1)} req/s, ok ${result.ok}/${result.requests}`);
        }
      await serve.stop();
      serve = await startServe({ home: opts.home, env: serveEnv });
      await slice50(serve.graphqlUrl, 0);
      for (let slice = 0; slice < opts.mixSlices; slice += 1) {
        const result = await slice50(serve.graphqlUrl, slice);
        mix.warm.push(result);
        opts.log(`mix warm slice ${slice}: ${result.requestsPerSecond.toFixed(1)} req/s, ok ${result.ok}/${result.requests}`);
      }
    }
    const seconds = (Date.now() - started.getTime()) / 1000;
    return report(rows, compactFigures, mix, {
      command: `BENCH_HOME=<home of the graph> BENCH_BUDGET_MS=${opts.budgetMs} BENCH_MIX_S=${opts.mixSeconds} node dist/bench/serving.bench.js`,
      started: started.toISOString(),
      seconds,
    });
  } finally {
    await floor.close().catch(() => undefined);
    await bare.stop().catch(() => undefined);
    await serve.stop().catch(() => undefined);
  }
}

if (require.main === module) {
  const home = process.env.BENCH_HOME;
  if (!home) {
    console.error("Set BENCH_HOME to a coauthor-graph home whose local Neo4j is running with the benchmark graph.");
    process.exit(2);
  }
  runServingBench({
    home,
    budgetMs: Number(process.env.BENCH_BUDGET_MS || 3000),
    mixSeconds: Number(process.env.BENCH_MIX_S || 15),
    mixSlices: Number(process.env.BENCH_MIX_SLICES || 2),
    only: process.env.BENCH_ONLY,
    log: (line) => console.log(line),
  })
    .then((text) => {
      console.log(text);
      if (!process.env.BENCH_ONLY) writeSection(RESULTS_PATH, "serving", text);
    })
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
}
