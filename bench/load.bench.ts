import "./lib/production-mode";
import neo4j from "neo4j-driver";
import { machineInfo, type MachineInfo } from "./lib/machine-info";
import { runLoad, rssSlope, sampleRss, type LoadResult, type RssSample } from "./lib/load-driver";
import { chooseLoadMix, LOAD_KINDS, type LoadMix } from "./lib/load-mix";
import { writeSection } from "./lib/results-section";
import { homeNeo4j, startServe } from "./lib/serve-process";
import { RESULTS_PATH } from "./results-md";

/*
 * Load benchmark (issue 8): `coauthor-graph serve` in production mode on a populated home (its own local Neo4j),
 * `connections` keep-alive clients for `duration` of the mix of bench/lib/load-mix.ts, the server's RSS every 5 s.
 * Baseline, measured in the same run: the same mix from one connection (no contention), so the table gives the
 * latency under load as a multiple of the unloaded one.
 *
 *   BENCH_HOME=<copy of a populated home> node dist/bench/load.bench.js [--no-write]
 *   knobs: BENCH_CONNECTIONS (50), BENCH_DURATION_S (60), BENCH_BASELINE_S (15), BENCH_WARMUP_S (15), and the
 *   server's own (MAX_IN_FLIGHT, MAX_QUEUED, ...) from the environment.
 */

export interface LoadBenchResult {
  machine: MachineInfo;
  startedAt: string;
  connections: number;
  baseline: LoadResult;
  load: LoadResult;
  rss: RssSample[];
  javaRss: RssSample[];
  slope: { miBPerMinute: number; points: number };
  /** Over the second half of the run: garbage collection makes 20 s of a few samples a saw-tooth, not a trend. */
  halfSlope: { miBPerMinute: number; points: number };
  serverSettings: string;
  mix: LoadMix;
}

const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : "–");
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "–");

export function loadReport(r: LoadBenchResult, command: string): string {
  const { load, baseline } = r;
  const errorRows = Object.entries(load.outcomes)
    .filter(([k]) => k !== "ok")
    .sort((a, b) => b[1] - a[1]);
  const notOverload = errorRows.filter(([k]) => !k.endsWith(" OVERLOADED")).reduce((a, [, n]) => a + n, 0);
  const weights = LOAD_KINDS.map((k) => `${k} ${r.mix.weights[k]}`).join(", ");
  const lines = [
    "## Load (issue 8)",
    "",
    "```sh",
    command,
    "```",
    "",
    `Run started ${r.startedAt} on ${r.machine.cores} cores (${r.machine.cpuModel}), ${r.machine.memoryGiB} GiB, Node ${r.machine.node}; ` +
      `1-minute load average at the start ${r.machine.loadAverage}. The machine is shared with other work and noisy: the client, the server and ` +
      "Neo4j share its cores, so the absolute figures move from run to run; the ratio to the baseline of the same run is the figure to trust.",
    "",
    `- Server: \`coauthor-graph serve\` (NODE_ENV=production), its own local Neo4j on the 158k-paper graph (bench/data/ml-anthology.csl.jsonl.gz); ${r.serverSettings}.`,
    `- Client: bench/lib/load-driver.ts, ${r.connections} keep-alive connections, closed loop (each sends its next request when the answer ends, at once also after a refusal), ` +
      `${f0(load.durationMs / 1000)} s. Mix (bench/lib/load-mix.ts, weights): ${weights}; inputs seeded from the graph (bench/query-inputs.ts).`,
    `- Baseline: the same mix from 1 connection for ${f0(baseline.durationMs / 1000)} s, just before.`,
    "",
    "| run | requests | req/s | good answers/s | p50 ms | p90 ms | p99 ms | max ms | good-answer p50 / p99 ms | errors |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|",
    ...[
      ["baseline, 1 connection", baseline],
      [`${r.connections} connections`, load],
    ].map(([name, x]) => {
      const l = x as LoadResult;
      return `| ${name as string} | ${l.requests} | ${f0(l.requestsPerSecond)} | ${f0(l.okPerSecond)} | ${f0(l.latency.p50)} | ${f0(l.latency.p90)} | ${f0(l.latency.p99)} | ${f0(l.latency.max)} | ${f0(l.okLatency.p50)} / ${f0(l.okLatency.p99)} | ${l.requests - l.ok} |`;
    }),
    "",
    `Good-answer p50 under load / baseline p50: ${f1(load.okLatency.p50 / baseline.okLatency.p50)}×; throughput of good answers ${f1(load.okPerSecond / baseline.okPerSecond)}× the single connection's.`,
    "",
    "Every answer that was not a good one, by outcome (transport error, or HTTP status and GraphQL `extensions.code`):",
    "",
    "| outcome | count | share |",
    "|---|---:|---:|",
    ...(errorRows.length ? errorRows.map(([k, n]) => `| ${k} | ${n} | ${f1((100 * n) / load.requests)}% |`) : ["| (none) | 0 | 0% |"]),
    "",
    `Transport errors: ${load.transportErrors}. Errors other than the documented overload refusal (503 OVERLOADED): ${notOverload}.`,
    "",
    "By kind, under load:",
    "",
    "| kind | requests | good | good p50 ms | good p99 ms | baseline good p50 ms | errors |",
    "|---|---:|---:|---:|---:|---:|---|",
    ...LOAD_KINDS.map((k) => {
      const x = load.byKind[k];
      const b = baseline.byKind[k];
      if (!x) return `| ${k} | 0 | | | | | |`;
      const errs = Object.entries(x.errors)
        .map(([o, n]) => `${o}: ${n}`)
        .join(", ");
      return `| ${k} | ${x.requests} | ${x.ok} | ${f0(x.p50Ms)} | ${f0(x.p99Ms)} | ${b ? f0(b.p50Ms) : "–"} | ${errs || "none"} |`;
    }),
    "",
    "Server RSS (VmRSS of the `serve` process from /proc, and of its Neo4j's Java process) every 5 s of the loaded run:",
    "",
    `| s | ${r.rss.map((s) => f0(s.second)).join(" | ")} |`,
    `|---|${r.rss.map(() => "---:").join("|")}|`,
    `| serve MiB | ${r.rss.map((s) => f0(s.rssMiB)).join(" | ")} |`,
    `| Neo4j MiB | ${r.javaRss.map((s) => f0(s.rssMiB)).join(" | ")} |`,
    "",
    `Slope of the server's RSS over the last 20 s (least squares over ${r.slope.points} samples): ${f1(r.slope.miBPerMinute)} MiB/min; over the second half of the run (${r.halfSlope.points} samples): ${f1(r.halfSlope.miBPerMinute)} MiB/min.`,
  ];
  return lines.join("\n");
}

export async function runLoadBench(options: {
  home: string;
  connections: number;
  durationS: number;
  baselineS: number;
  warmupS: number;
  log: (line: string) => void;
}): Promise<LoadBenchResult> {
  const { log } = options;
  const machine = machineInfo();
  const startedAt = new Date().toISOString();
  log(`machine: ${machine.cores} cores, load ${machine.loadAverage}`);
  // The response cache off unless asked for: with it, a mix drawn from a fixed set of inputs is answered from memory
  // after the warm-up, and the run would measure the cache, not the server in front of Neo4j.
  const serve = await startServe({
    home: options.home,
    env: { RESPONSE_CACHE_MB: process.env.RESPONSE_CACHE_MB ?? "0" },
    onLog: (line) => log(`  [serve] ${line}`),
  });
  try {
    const db = homeNeo4j(options.home);
    if (!db) throw new Error(`no running Neo4j recorded in ${options.home}`);
    const driver = neo4j.driver(db.uri, neo4j.auth.basic(db.user, db.password), { disableLosslessIntegers: true });
    let mix: LoadMix;
    try {
      mix = await chooseLoadMix(driver, db.database);
    } finally {
      await driver.close();
    }
    log(`serve pid ${serve.pid} on ${serve.graphqlUrl}; Neo4j pid ${db.pid ?? "?"}`);
    log(`warm-up: ${options.warmupS} s at 4 connections`);
    const warm = await runLoad({
      url: serve.graphqlUrl,
      connections: 4,
      durationMs: options.warmupS * 1000,
      streamFor: (i) => mix.stream(1000 + i),
    });
    log(`  ${warm.requests} requests, outcomes ${JSON.stringify(warm.outcomes)}`);
    log(`baseline: ${options.baselineS} s at 1 connection`);
    const baseline = await runLoad({
      url: serve.graphqlUrl,
      connections: 1,
      durationMs: options.baselineS * 1000,
      streamFor: (i) => mix.stream(2000 + i),
    });
    log(`  ${baseline.requests} requests, p50 ${f0(baseline.latency.p50)} ms, outcomes ${JSON.stringify(baseline.outcomes)}`);
    log(`load: ${options.durationS} s at ${options.connections} connections`);
    const rssSampler = sampleRss(serve.pid, 5_000);
    const javaSampler = db.pid ? sampleRss(db.pid, 5_000) : undefined;
    const load = await runLoad({
      url: serve.graphqlUrl,
      connections: options.connections,
      durationMs: options.durationS * 1000,
      streamFor: (i) => mix.stream(i),
    });
    const rss = rssSampler.stop();
    const javaRss = javaSampler?.stop() ?? [];
    const last = rss[rss.length - 1]?.second ?? 0;
    const slope = rssSlope(rss, last - 20);
    const halfSlope = rssSlope(rss, last / 2);
    const env = process.env;
    const serverSettings = `MAX_IN_FLIGHT ${env.MAX_IN_FLIGHT || "16 (default)"}, MAX_QUEUED ${env.MAX_QUEUED || "32 (default)"}, REQUEST_DEADLINE_MS ${env.REQUEST_DEADLINE_MS || "10000 (default)"}, RESPONSE_CACHE_MB ${env.RESPONSE_CACHE_MB ?? "0"} (${env.RESPONSE_CACHE_MB && env.RESPONSE_CACHE_MB !== "0" ? "answers kept in memory" : "cache off: every request reaches Neo4j"})`;
    return { machine, startedAt, connections: options.connections, baseline, load, rss, javaRss, slope, halfSlope, serverSettings, mix };
  } finally {
    const how = await serve.stop();
    log(`serve stopped (${how})`);
  }
}

if (require.main === module) {
  const home = process.env.BENCH_HOME;
  if (!home) {
    console.error("Set BENCH_HOME to a copy of a populated coauthor-graph home (its Neo4j stopped; serve starts it).");
    process.exit(2);
  }
  const num = (name: string, fallback: number) => Number(process.env[name] || fallback);
  const options = {
    home,
    connections: num("BENCH_CONNECTIONS", 50),
    durationS: num("BENCH_DURATION_S", 60),
    baselineS: num("BENCH_BASELINE_S", 15),
    warmupS: num("BENCH_WARMUP_S", 15),
    log: (line: string) => console.log(line),
  };
  const command = "BENCH_HOME=<copy of the 158k-paper home> npm run bench:load";
  runLoadBench(options)
    .then((result) => {
      const text = loadReport(result, command);
      console.log(`\n${text}`);
      if (!process.argv.includes("--no-write")) {
        writeSection(RESULTS_PATH, "load", text);
        console.log(`\nwrote the load section of ${RESULTS_PATH}`);
      }
    })
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
}
