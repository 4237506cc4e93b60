import "./lib/production-mode";
import { spawn } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import neo4j from "neo4j-driver";
import { machineInfo, type MachineInfo } from "./lib/machine-info";
import { outcomeKey, runLoad, type LoadEvent, type LoadResult } from "./lib/load-driver";
import { chooseLoadMix } from "./lib/load-mix";
import { writeSection } from "./lib/results-section";
import { homeNeo4j, startServe } from "./lib/serve-process";
import { percentile } from "./lib/latency";
import { RESULTS_PATH } from "./results-md";

/*
 * Fault benchmark (issue 8): Neo4j's Java process is SIGKILLed under load, and the clients see the outage and the
 * recovery.
 *  - owner: `serve` owns its local Neo4j; its supervisor restarts it (with backoff).
 *  - joined: `db start` runs Neo4j detached and `serve` joins it; after the kill, `db start` is run again (a new
 *    port), and `serve` must follow it without a restart.
 * Figures: time from the kill to the first failed answer, what the clients got during the outage (HTTP status and
 * GraphQL code), time from the kill (and from Neo4j answering again) to the first good answer. Baseline, same run:
 * good-answer latency before the kill and after the recovery.
 *
 *   BENCH_HOME=<copy of a populated home, its Neo4j stopped> node dist/bench/fault.bench.js [owner|joined]... [--no-write]
 *   knobs: BENCH_CONNECTIONS (20), BENCH_KILL_AFTER_S (20), BENCH_AFTER_RECOVERY_S (15), BENCH_MAX_S (400).
 */

const CLI = path.resolve(__dirname, "..", "src", "cli", "main.js");

export interface FaultRun {
  variant: "owner" | "joined";
  connections: number;
  /** ms from the kill; undefined when it never happened. */
  firstFailureMs?: number;
  firstGoodMs?: number;
  /** ms from the kill until Neo4j answered Bolt again (owner: supervisor's log line; joined: `db start` returned). */
  neo4jBackMs?: number;
  /** During the outage (first failure to first good answer): outcome -> count. */
  outageOutcomes: Record<string, number>;
  /** Slowest failed answer during the outage (ms from send to answer). */
  slowestFailureMs: number;
  failuresPerSecond: number;
  before: { p50: number; p99: number; requests: number };
  after: { p50: number; p99: number; requests: number };
  load: LoadResult;
  serveLog: string[];
}

const f1 = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? (x / 1000).toFixed(1) : "never");

/**
 * `coauthor-graph db start|stop` in a child process, awaited without blocking: the load's clients and the server's log
 * run on this event loop, and a synchronous spawn would hold their answers (and their timestamps) for the whole start.
 */
function dbCommand(home: string, command: "start" | "stop"): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, "db", command], {
      env: { ...process.env, COAUTHOR_GRAPH_HOME: home },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGTERM"), 300_000);
    child.once("error", reject);
    child.once("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`db ${command} failed (${code}): ${stderr}`));
    });
  });
}

function until(predicate: () => boolean, everyMs = 200): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (predicate()) {
        clearInterval(timer);
        resolve();
      }
    }, everyMs);
  });
}

export async function runFault(options: {
  home: string;
  variant: "owner" | "joined";
  connections: number;
  killAfterS: number;
  afterRecoveryS: number;
  maxS: number;
  log: (line: string) => void;
}): Promise<FaultRun> {
  const { home, variant, log } = options;
  if (variant === "joined") {
    log("db start (detached) …");
    await dbCommand(home, "start");
  }
  const serveLog: string[] = [];
  let t0 = 0;
  let neo4jBackAt: number | undefined;
  // Response cache off: a kept answer would hide the outage (good answers from memory while Neo4j is down).
  const serve = await startServe({
    home,
    env: { RESPONSE_CACHE_MB: "0" },
    onLog: (line) => {
      if (!line.trim()) return;
      const at = t0 ? ` [+${((performance.now() - t0) / 1000).toFixed(1)} s after the kill]` : "";
      serveLog.push(`${line}${at}`);
      log(`  [serve] ${line}${at}`);
      if (t0 && /The local Neo4j runs again/.test(line)) neo4jBackAt ??= performance.now();
    },
  });
  try {
    const db = homeNeo4j(home);
    if (!db?.pid) throw new Error(`no running local Neo4j recorded in ${home}`);
    const driver = neo4j.driver(db.uri, neo4j.auth.basic(db.user, db.password), { disableLosslessIntegers: true });
    const mix = await chooseLoadMix(driver, db.database).finally(() => driver.close());
    const events: LoadEvent[] = [];
    const abort = new AbortController();
    let firstFailure: LoadEvent | undefined;
    let firstGood: LoadEvent | undefined;
    const loadRun = runLoad({
      url: serve.graphqlUrl,
      connections: options.connections,
      durationMs: options.maxS * 1000,
      streamFor: (i) => mix.stream(i),
      // A client that respects the refusal a little (else the outage is a busy loop of instant 503s).
      pauseAfterRefusalMs: 100,
      signal: abort.signal,
      onEvent: (e) => {
        events.push(e);
        if (!t0) return;
        if (!firstFailure && !e.ok && e.endMs > t0) firstFailure = e;
        if (firstFailure && !firstGood && e.ok && e.startMs > firstFailure.endMs) firstGood = e;
      },
    });
    await new Promise((resolve) => setTimeout(resolve, options.killAfterS * 1000));
    log(`SIGKILL to Neo4j (pid ${db.pid})`);
    t0 = performance.now();
    process.kill(db.pid, "SIGKILL");
    if (variant === "joined") {
      // The operator notices and starts it again.
      await until(() => firstFailure !== undefined);
      log("db start again …");
      await dbCommand(home, "start");
      neo4jBackAt = performance.now();
      log(`  Neo4j back after ${f1(neo4jBackAt - t0)} s, on ${homeNeo4j(home)?.uri ?? "?"}`);
    }
    await Promise.race([until(() => firstGood !== undefined), loadRun]);
    if (firstGood) await new Promise((resolve) => setTimeout(resolve, options.afterRecoveryS * 1000));
    abort.abort();
    const load = await loadRun;

    const outage = events.filter((e) => firstFailure && e.endMs >= firstFailure.endMs && (!firstGood || e.endMs < firstGood.endMs));
    const outageOutcomes: Record<string, number> = {};
    for (const e of outage.filter((x) => !x.ok)) outageOutcomes[outcomeKey(e)] = (outageOutcomes[outcomeKey(e)] ?? 0) + 1;
    const failures = outage.filter((x) => !x.ok);
    const outageMs = firstFailure && firstGood ? firstGood.endMs - firstFailure.endMs : Number.NaN;
    const okMs = (list: LoadEvent[]) => list.filter((e) => e.ok).map((e) => e.endMs - e.startMs);
    const beforeMs = okMs(events.filter((e) => e.endMs < t0));
    const afterMs = firstGood ? okMs(events.filter((e) => e.startMs >= firstGood!.startMs)) : [];
    return {
      variant,
      connections: options.connections,
      firstFailureMs: firstFailure ? firstFailure.endMs - t0 : undefined,
      firstGoodMs: firstGood ? firstGood.endMs - t0 : undefined,
      neo4jBackMs: neo4jBackAt !== undefined ? neo4jBackAt - t0 : undefined,
      outageOutcomes,
      slowestFailureMs: failures.length ? Math.max(...failures.map((e) => e.endMs - e.startMs)) : Number.NaN,
      failuresPerSecond: failures.length / (outageMs / 1000),
      before: { p50: percentile(beforeMs, 50), p99: percentile(beforeMs, 99), requests: beforeMs.length },
      after: { p50: percentile(afterMs, 50), p99: percentile(afterMs, 99), requests: afterMs.length },
      load,
      serveLog,
    };
  } finally {
    log(`serve stopped (${await serve.stop()})`);
    if (variant === "joined") {
      try {
        await dbCommand(home, "stop");
      } catch (error) {
        log(`db stop: ${(error as Error).message}`);
      }
    }
  }
}

export function faultReport(runs: FaultRun[], machine: MachineInfo, startedAt: string, command: string): string {
  const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : "–");
  return [
    "## Fault: Neo4j killed under load (issue 8)",
    "",
    "```sh",
    command,
    "```",
    "",
    `Run started ${startedAt} on ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}; 1-minute load average ` +
      `at the start ${machine.loadAverage}. The machine is shared with other work and noisy; how long Neo4j takes to start again depends most on it.`,
    "",
    "- `serve` (NODE_ENV=production, default limits, `RESPONSE_CACHE_MB=0` so that no answer comes from memory) on the 158k-paper graph, the load mix of bench/lib/load-mix.ts from " +
      `${runs[0]?.connections ?? "?"} keep-alive connections (closed loop; after a 503 a connection waits 100 ms), Neo4j's Java process killed with SIGKILL mid-load.`,
    "- owner: `serve` started the local Neo4j itself and its supervisor restarts it. joined: `coauthor-graph db start` ran it detached, " +
      "`serve` joined it; after the kill the operator runs `db start` again (a new Bolt port), and `serve` follows without a restart.",
    "- Times are from the kill. The outage is from the first failed answer to the first good answer sent after it.",
    "",
    "| variant | first failed answer s | Neo4j answers again s | first good answer s | good answer after Neo4j is back s | what the clients got during the outage | slowest failure ms | good p50 / p99 ms before | after |",
    "|---|---:|---:|---:|---:|---|---:|---|---|",
    ...runs.map((r) => {
      const got = Object.entries(r.outageOutcomes)
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k}: ${n}`)
        .join(", ");
      const sinceBack = r.firstGoodMs !== undefined && r.neo4jBackMs !== undefined ? r.firstGoodMs - r.neo4jBackMs : undefined;
      return `| ${r.variant} | ${f1(r.firstFailureMs)} | ${f1(r.neo4jBackMs)} | ${f1(r.firstGoodMs)} | ${f1(sinceBack)} | ${got || "–"} | ${ms(r.slowestFailureMs)} | ${ms(r.before.p50)} / ${ms(r.before.p99)} | ${ms(r.after.p50)} / ${ms(r.after.p99)} |`;
    }),
    "",
    `Transport errors over the whole runs: ${runs.map((r) => `${r.variant} ${r.load.transportErrors}`).join(", ")}.`,
  ].join("\n");
}

if (require.main === module) {
  const home = process.env.BENCH_HOME;
  if (!home) {
    console.error("Set BENCH_HOME to a copy of a populated coauthor-graph home (its Neo4j stopped).");
    process.exit(2);
  }
  const variants = process.argv.slice(2).filter((a): a is "owner" | "joined" => a === "owner" || a === "joined");
  const num = (name: string, fallback: number) => Number(process.env[name] || fallback);
  const log = (line: string) => console.log(line);
  const machine = machineInfo();
  const startedAt = new Date().toISOString();
  (async () => {
    const runs: FaultRun[] = [];
    for (const variant of variants.length ? variants : (["owner", "joined"] as const)) {
      log(`--- ${variant}`);
      runs.push(
        await runFault({
          home,
          variant,
          connections: num("BENCH_CONNECTIONS", 20),
          killAfterS: num("BENCH_KILL_AFTER_S", 20),
          afterRecoveryS: num("BENCH_AFTER_RECOVERY_S", 15),
          maxS: num("BENCH_MAX_S", 400),
          log,
        }),
      );
    }
    const text = faultReport(runs, machine, startedAt, "BENCH_HOME=<copy of the 158k-paper home> npm run bench:fault");
    console.log(`\n${text}`);
    if (!process.argv.includes("--no-write")) {
      writeSection(RESULTS_PATH, "fault", text);
      console.log(`\nwrote the fault section of ${RESULTS_PATH}`);
    }
  })().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
