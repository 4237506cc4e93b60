import "./lib/production-mode";
import { performance } from "node:perf_hooks";
import { startBare } from "./lib/bare-process";
import { machineInfo } from "./lib/machine-info";
import { processCpuSeconds } from "./lib/process-cpu";
import { homeNeo4j, startServe } from "./lib/serve-process";
import { FloorClient, postGraphqlBody } from "./query-clients";
import { queryCases } from "./query-cases";
import { chooseInputs } from "./query-inputs";

/*
 * The API server's CPU per request at concurrency 1: this build's `serve`, optionally another build's (the baseline:
 * a worktree of an earlier commit, built), and the bare HTTP floor (bench/bare-server.ts), each in its own process on
 * the same graph, in slices taken in turn. On a shared 2-core machine times move by a third between minutes; a server
 * process's own CPU per request (user + system, from /proc) moves far less, and at saturation it is what sets the
 * requests per second. Ours runs with RESPONSE_CACHE_MB=0: every request reaches Neo4j.
 * Run: BENCH_HOME=<home whose local Neo4j runs, with the graph> [SERVE_CPU_BASELINE_CLI=<other build>/dist/src/cli/main.js]
 *      node dist/bench/serve-cpu.bench.js
 * Knobs: SERVE_CPU_REQUESTS (per slice, default 400), SERVE_CPU_ROUNDS (slices per server, default 5).
 */

const CASES = ["author by id", "coauthors(first: 20)", "sharedVenues (pairs)", "authors(search:, first: 10)"];
const WARM_REQUESTS = 30;

interface Server {
  url: string;
  pid: number;
  stop: () => Promise<unknown>;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

async function main() {
  const home = process.env.BENCH_HOME;
  if (!home) throw new Error("Set BENCH_HOME to a home whose local Neo4j runs (`coauthor-graph db start`).");
  const requests = Number(process.env.SERVE_CPU_REQUESTS ?? 400);
  const rounds = Number(process.env.SERVE_CPU_ROUNDS ?? 5);
  const neo4j = homeNeo4j(home);
  if (!neo4j) throw new Error(`No running local Neo4j in ${home}: start it with \`coauthor-graph db start\``);
  const env = { RESPONSE_CACHE_MB: "0" };
  const servers: Record<string, Server> = {};
  const floor = new FloorClient(neo4j, neo4j.database);
  try {
    const here = await startServe({ home, env });
    servers.ours = { url: here.graphqlUrl, pid: here.pid, stop: () => here.stop() };
    const baselineCli = process.env.SERVE_CPU_BASELINE_CLI;
    if (baselineCli) {
      const base = await startServe({ home, env, cli: baselineCli });
      servers.baseline = { url: base.graphqlUrl, pid: base.pid, stop: () => base.stop() };
    }
    servers.bare = await startBare({
      NEO4J_URI: neo4j.uri,
      NEO4J_USER: neo4j.user,
      NEO4J_PASSWORD: neo4j.password,
      NEO4J_DATABASE: neo4j.database,
    });
    const m = machineInfo();
    console.log(`${m.cores} cores, ${m.cpuModel}; Node ${m.node}; load average at the start ${m.loadAverage}.`);
    console.log(`${rounds} slices of ${requests} requests per server and query, taken in turn; medians of the slices.\n`);
    const inputs = await chooseInputs(floor.driver, neo4j.database);
    const ways = Object.keys(servers);
    console.log(
      `| query | ${ways.map((w) => `${w} p50 ms | ${w} CPU ms/request`).join(" | ")} | ours/bare CPU |${baselineCli ? " ours/baseline CPU | ours/baseline p50 |" : ""}`,
    );
    console.log(`|---|${ways.map(() => "---:|---:").join("|")}|---:|${baselineCli ? "---:|---:|" : ""}`);
    for (const c of queryCases(inputs).filter((q) => CASES.includes(q.name))) {
      const values = c.inputs.slice(0, 10).map((input) => input.value);
      const figures: Record<string, { p50: number[]; cpu: number[] }> = {};
      for (let round = 0; round < rounds; round += 1)
        for (const way of ways) {
          const { url, pid } = servers[way];
          // A kept-alive socket the server closed while the others ran (its 5 s idle timeout) fails once: sent again.
          for (let i = 0; i < WARM_REQUESTS; i += 1) {
            const request = c.ours(values[i % values.length]);
            await postGraphqlBody(url, request).catch(() => postGraphqlBody(url, request));
          }
          const cpuBefore = processCpuSeconds(pid) ?? NaN;
          const times: number[] = [];
          for (let i = 0; i < requests; i += 1) {
            const started = performance.now();
            await postGraphqlBody(url, c.ours(values[i % values.length]));
            times.push(performance.now() - started);
          }
          const cpuMs = (((processCpuSeconds(pid) ?? NaN) - cpuBefore) * 1000) / requests;
          (figures[way] ??= { p50: [], cpu: [] }).p50.push(median(times));
          figures[way].cpu.push(cpuMs);
        }
      const p50 = (way: string) => median(figures[way].p50);
      const cpu = (way: string) => median(figures[way].cpu);
      const cells = ways.map((way) => `${p50(way).toFixed(2)} | ${cpu(way).toFixed(2)}`).join(" | ");
      const versus = baselineCli
        ? ` ${(cpu("ours") / cpu("baseline")).toFixed(2)}× | ${(p50("ours") / p50("baseline")).toFixed(2)}× |`
        : "";
      console.log(`| ${c.name} | ${cells} | ${(cpu("ours") / cpu("bare")).toFixed(2)}× |${versus}`);
    }
  } finally {
    await floor.close();
    for (const server of Object.values(servers)) await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
