import "./lib/production-mode";
import { isDeepStrictEqual } from "node:util";
import { loadConfig } from "../src/config";
import { Database, type Neo4jTarget } from "../src/db/database";
import { startHttpServer } from "../src/api/http";
import { percentile, runPool, type TimedSample, type TimedTask } from "./lib/latency";
import { startPeerServer } from "./neo4j-graphql/server";
import { queryCases, type QueryCase } from "./query-cases";
import { executeInProcess, FloorClient, postGraphql } from "./query-clients";
import { chooseInputs } from "./query-inputs";
import { queryReport } from "./query-report";
import { CONCURRENCIES, QueryBenchResult, QueryRow, Way, WAYS } from "./query-result";
import { benchTargetFromEnv } from "./lib/bench-target";

/*
 * Query latency four ways (issue 3, section 2): coauthor-graph's GraphQL over HTTP ("ours") and in-process, the
 * hand-written Cypher floor through neo4j-driver ("floor") and @neo4j/graphql over HTTP ("peer"),
 * all against the same database, measured in one run. Every input is first asked once of each
 * (warm-up, agreement check, round trips), then timed at each concurrency with a bounded budget.
 * A fourth column, "inproc", is ours again through Apollo's executeOperation (same pipeline, no
 * HTTP or JSON): the gap between ours and inproc is the transport's, the rest GraphQL's.
 */

/** Slices per cell, taken in turn by the ways. */
const ROUNDS = 4;

export interface QueryBenchOptions {
  target: Neo4jTarget;
  log: (line: string) => void;
  /** Time budget per (query, way, concurrency) cell; every input is still asked at least once. */
  budgetMs?: number;
  /** Only the cases whose name contains this text (development). */
  only?: string;
  /** Concurrencies to time (default CONCURRENCIES); the scale benchmark times 1 only, as its aims are at 1. */
  concurrencies?: readonly number[];
  /** Add collaborationPath inputs at each distance 1..6 (query-inputs.ts). */
  pairsPerDistance?: number;
  /**
   * False turns ours' in-process response cache off (RESPONSE_CACHE_MB=0), so that every timed request over HTTP reaches
   * Neo4j, as in-process and the floor do; left on, the repeated inputs of a cell are answered from memory.
   */
  responseCache?: boolean;
}

interface Clients {
  ours: (request: any) => Promise<any>;
  inproc: (request: any) => Promise<any>;
  floor: FloorClient;
  peer: (request: any) => Promise<any>;
  oursStatements: () => number;
  peerSessions: () => number;
}

/** The warm-up answer, or the error's message (an error counts as a disagreement, never aborts the run). */
function answerOrError(c: QueryCase, way: Way, clients: Clients, value: any): Promise<unknown> {
  return answer(c, way, clients, value).catch((error: Error) => ({ error: error.message.slice(0, 200) }));
}

function answer(c: QueryCase, way: Way, clients: Clients, value: any): Promise<unknown> {
  if (way === "ours") return clients.ours(c.ours(value)).then((d) => c.normaliseOurs(d));
  if (way === "inproc") return clients.inproc(c.ours(value)).then((d) => c.normaliseOurs(d));
  if (way === "floor") return clients.floor.run(c.floor(value)).then((rows) => c.normaliseFloor(rows));
  return clients.peer(c.peer(value)).then((d) => c.normalisePeer(d));
}

async function benchCase(
  c: QueryCase,
  clients: Clients,
  budgetMs: number,
  log: (line: string) => void,
  concurrencies: readonly number[],
): Promise<QueryRow[]> {
  const groups = new Map<string, QueryRow>();
  const tags: string[] = [];
  for (const input of c.inputs) {
    const results: Partial<Record<Way, unknown>> = {};
    const s0 = clients.oursStatements();
    results.ours = await answerOrError(c, "ours", clients, input.value);
    const oursTrips = clients.oursStatements() - s0;
    results.inproc = await answerOrError(c, "inproc", clients, input.value);
    results.floor = await answerOrError(c, "floor", clients, input.value);
    const p0 = clients.peerSessions();
    results.peer = await answerOrError(c, "peer", clients, input.value);
    const peerTrips = clients.peerSessions() - p0;
    const tag = c.retag ? c.retag(results.floor) : input.tag;
    tags.push(tag);
    let row = groups.get(tag);
    if (!row) {
      row = {
        query: c.name,
        group: tag,
        inputs: 0,
        latency: { ours: {}, inproc: {}, floor: {}, peer: {} },
        roundTrips: { ours: [], peer: [] },
        mismatches: { oursVsFloor: 0, peerVsFloor: 0 },
      };
      groups.set(tag, row);
    }
    row.inputs += 1;
    row.roundTrips.ours.push(oursTrips);
    row.roundTrips.peer.push(peerTrips);
    for (const [ways, key] of [
      [["ours", "inproc"], "oursVsFloor"],
      [["peer"], "peerVsFloor"],
    ] as const) {
      const differing = ways.find((way) => !isDeepStrictEqual(results[way], results.floor));
      if (differing) {
        row.mismatches[key] += 1;
        row.mismatches.example ??= `${JSON.stringify(input.value)}: ${differing} ${JSON.stringify(results[differing]).slice(0, 200)} vs floor ${JSON.stringify(results.floor).slice(0, 200)}`;
      }
    }
  }
  const perInput: Partial<Record<Way, number[]>> = {};
  // The machine is shared and its load drifts: each cell's budget is split into ROUNDS slices
  // taken in turn (ours, inproc, floor, peer, ours, ...), so that a busy minute hits all ways alike.
  for (const concurrency of concurrencies) {
    const samples: Record<Way, TimedSample<number>[]> = { ours: [], inproc: [], floor: [], peer: [] };
    const errors: Record<Way, number> = { ours: 0, inproc: 0, floor: 0, peer: 0 };
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const way of WAYS) {
        const tasks: TimedTask<number>[] = c.inputs.map((input, i) => ({
          tag: i,
          run: () =>
            answer(c, way, clients, input.value).catch((error) => {
              errors[way] += 1;
              if (errors[way] === 1) log(`  ${c.name} ${way} c=${concurrency}: ${(error as Error).message}`);
            }),
        }));
        // Every input is asked at least once (in the first round); later rounds only spend their slice.
        const minTasks = round === 0 ? tasks.length : 0;
        samples[way].push(...(await runPool(tasks, { concurrency, budgetMs: budgetMs / ROUNDS, minTasks })));
      }
    }
    for (const way of WAYS) {
      for (const row of groups.values()) {
        const ms = samples[way].filter((x) => tags[x.tag] === row.group).map((x) => x.ms);
        row.latency[way][concurrency] = { p50: percentile(ms, 50), p95: percentile(ms, 95), samples: ms.length, errors: errors[way] };
      }
      if (concurrency === 1)
        perInput[way] = c.inputs.map((_, i) =>
          percentile(
            samples[way].filter((x) => x.tag === i).map((x) => x.ms),
            50,
          ),
        );
    }
  }
  for (const row of groups.values()) {
    let worst = -1;
    c.inputs.forEach((_, i) => {
      if (tags[i] === row.group && (worst < 0 || (perInput.ours?.[i] ?? 0) > (perInput.ours?.[worst] ?? 0))) worst = i;
    });
    if (worst >= 0)
      row.slowest = {
        input: JSON.stringify(c.inputs[worst].value),
        oursMs: perInput.ours?.[worst] ?? NaN,
        floorMs: perInput.floor?.[worst] ?? NaN,
      };
  }
  return [...groups.values()];
}

export async function runQueryBench(opts: QueryBenchOptions): Promise<QueryBenchResult> {
  const started = Date.now();
  const { target, log } = opts;
  const budgetMs = opts.budgetMs ?? 3_000;
  const loaded = loadConfig({ ...process.env, NODE_ENV: "production" });
  const serving = opts.responseCache === false ? { ...loaded.serving, responseCacheBytes: 0 } : loaded.serving;
  const config = { ...loaded, serving, port: 0, host: "127.0.0.1" };
  const db = await Database.connect(target, config.neo4j.txTimeoutMs);
  let oursStatements = 0;
  db.observe(() => {
    oursStatements += 1;
  });
  const floor = new FloorClient(target, target.database);
  const server = await startHttpServer({ db, config, port: 0, host: "127.0.0.1" });
  const peer = await startPeerServer(target);
  try {
    const inputs = await chooseInputs(floor.driver, target.database, { pairsPerDistance: opts.pairsPerDistance, log });
    log(
      `query inputs: ${inputs.authors.length} authors (median coauthors ${inputs.medianCoauthors}), ${inputs.pairs.length} pairs, ` +
        `${inputs.distancePairs ? `${inputs.distancePairs.length} pairs by distance, ` : ""}` +
        `${inputs.authorSearches.length} name searches, ${inputs.paperSearches.length} title searches`,
    );
    const clients: Clients = {
      ours: (request) => postGraphql(`http://127.0.0.1:${server.port}/graphql`, request),
      inproc: (request) => executeInProcess(server, request),
      floor,
      peer: (request) => postGraphql(peer.url, request),
      oursStatements: () => oursStatements,
      peerSessions: () => peer.sessionCount(),
    };
    const rows: QueryRow[] = [];
    for (const c of queryCases(inputs).filter((q) => !opts.only || q.name.includes(opts.only))) {
      const t0 = Date.now();
      const caseRows = await benchCase(c, clients, budgetMs, log, opts.concurrencies ?? CONCURRENCIES);
      rows.push(...caseRows);
      log(`${c.name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    return { inputs, rows, seconds: (Date.now() - started) / 1000 };
  } finally {
    await peer.close().catch(() => undefined);
    await server.close().catch(() => undefined);
    await floor.close().catch(() => undefined);
    await db.close().catch(() => undefined);
  }
}

/** Development entry: `BENCH_NEO4J_URI=bolt://… node dist/bench/query.bench.js` against an already populated database. */
if (require.main === module) {
  const target = benchTargetFromEnv(
    "BENCH_NEO4J_URI",
    "Set BENCH_NEO4J_URI to a populated database (or run `npm run bench`, which imports its own).",
  );
  const only = process.env.BENCH_ONLY;
  runQueryBench({ target, log: (line) => console.log(line), budgetMs: Number(process.env.BENCH_BUDGET_MS || 3000), only })
    .then((result) => console.log(queryReport(result)))
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
}
