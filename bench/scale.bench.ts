import "./lib/production-mode";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../src/config";
import { Database } from "../src/db/database";
import { readGraphVersion } from "../src/db/graph-version";
import { localNeo4jSettings } from "../src/db/local/settings";
import { provideNeo4j } from "../src/db/neo4j-provider";
import { fromRoot } from "../src/util/project-root";
import { graphCounts } from "./lib/graph-counts";
import { machineInfo } from "./lib/machine-info";
import { checkPairs } from "./lib/pair-check";
import { writeSection } from "./lib/results-section";
import { bulkLoad, diskUsageBytes, generate, onlineImport } from "./lib/scale-stages";
import { scaleSection, sizeLabel } from "./lib/scale-report";
import { runQueryBench } from "./query.bench";
import type { GraphState, ScaleOptions, ScaleResult } from "./lib/scale-result";

/*
 * `npm run bench:scale` (issue 13): generate a seeded dblp set and its first monthly update, `import --bulk` the set
 * into a fresh home, import the month online on top, check the coauthor pairs are exact, run the query benchmark
 * four ways on that graph, and write the figures as a section of bench/SCALE.md (owned, so the hand-written text
 * there stays). Each stage is timed and prints progress; the Neo4j it starts is stopped at the end, also on failure.
 *
 * Knobs (flags win over the environment):
 *   --records N        SCALE_RECORDS        base set's publication records (default 200000)
 *   --seed S           SCALE_SEED           generator seed (default 1)
 *   --month-records M  SCALE_MONTH_RECORDS  records of the month-1 update (default 50000, dblp's month)
 *   --dir D            SCALE_DIR            work directory: generated files (reused when made with the same
 *                                           arguments) and the graph's home (default bench/.data/scale)
 *   --budget-ms B      SCALE_BUDGET_MS      time per (query, way) cell of the query benchmark (default 2000)
 *   --keep-home        SCALE_KEEP_HOME=1    keep the loaded home afterwards (it is removed by default)
 *   --no-write         SCALE_WRITE=0        print only, do not touch bench/SCALE.md
 *   --report FILE                           no run: write the section again from a run's saved result
 *                                           (<dir>/scale-result-<size>-s<seed>.json, kept by every run)
 * Neo4j's memory: COAUTHOR_GRAPH_NEO4J_HEAP / COAUTHOR_GRAPH_NEO4J_PAGECACHE, as for every local Neo4j.
 */

export type { GraphState, ScaleOptions, ScaleResult } from "./lib/scale-result";

async function graphState(db: Database): Promise<GraphState> {
  return { counts: await graphCounts(db), snapshotId: (await readGraphVersion(db)).snapshotId };
}

/** The environment of the children and of the Neo4j the pipeline starts: the home given, never a NEO4J_URI from outside. */
function pipelineEnv(env: NodeJS.ProcessEnv, home: string): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = { ...env, COAUTHOR_GRAPH_HOME: home };
  for (const name of ["NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"]) delete clean[name];
  return clean;
}

export async function runScalePipeline(opts: ScaleOptions): Promise<ScaleResult> {
  const started = Date.now();
  const { log } = opts;
  const machine = machineInfo();
  const loadStart = os.loadavg();
  log(`machine: ${machine.cores} cores, ${machine.memoryGiB} GiB, load ${loadStart.map((l) => l.toFixed(2)).join(" ")}`);
  mkdirSync(opts.dir, { recursive: true });
  const label = sizeLabel(opts.records);
  const home = path.join(opts.dir, `home-${label}-s${opts.seed}`);
  const env = pipelineEnv(opts.env, home);
  const settings = localNeo4jSettings(env);
  const stageSeconds = { generate: 0, bulk: 0, month: 0, pairCheck: 0, query: 0 };
  const stage = async <T>(name: keyof typeof stageSeconds, title: string, work: () => Promise<T>): Promise<T> => {
    log(`== ${title}`);
    const t0 = Date.now();
    const value = await work();
    stageSeconds[name] = (Date.now() - t0) / 1000;
    log(`== ${title}: ${stageSeconds[name].toFixed(1)} s`);
    return value;
  };

  const genArgs = ["--records", String(opts.records), "--seed", String(opts.seed)];
  const { base, month } = await stage("generate", "(a) generate the base set and month 1", async () => ({
    base: await generate({ file: path.join(opts.dir, `dblp-${label}-s${opts.seed}.xml.gz`), args: genArgs, total: opts.records, env, log }),
    month: await generate({
      file: path.join(opts.dir, `dblp-${label}-s${opts.seed}-m1-${opts.monthRecords}.xml.gz`),
      args: [...genArgs, "--month", "1", "--month-records", String(opts.monthRecords)],
      total: opts.monthRecords,
      env,
      log,
    }),
  }));

  rmSync(home, { recursive: true, force: true });
  const bulk = await stage("bulk", "(b) import --bulk of the base set into a new home", () => bulkLoad({ file: base.file, env, log }));
  // The store as neo4j-admin and the index build left it, before any later write.
  const dataDir = path.join(home, "neo4j", "data");
  const disk = {
    dataBytes: diskUsageBytes(dataDir),
    storeBytes: diskUsageBytes(path.join(dataDir, "databases")),
    txLogBytes: diskUsageBytes(path.join(dataDir, "transactions")),
  };
  const neo4jStarted = Date.now();
  const neo4j = await provideNeo4j({ config: loadConfig({ ...env, NEO4J_URI: "" }), env, mode: "owner", log });
  try {
    const neo4jStartSeconds = (Date.now() - neo4jStarted) / 1000;
    const db = await Database.connect(neo4j.target, 60 * 60_000);
    try {
      const afterBulk = await graphState(db);
      log(
        `graph after the bulk load: ${JSON.stringify(afterBulk.counts)}; version ${afterBulk.snapshotId}; data dir ${(disk.dataBytes / 2 ** 20).toFixed(0)} MiB`,
      );
      const imported = await stage("month", "(c) online import of month 1", () =>
        onlineImport({ file: month.file, target: neo4j.target, env, log }),
      );
      const afterMonth = await graphState(db);
      log(`graph after month 1: ${JSON.stringify(afterMonth.counts)}; version ${afterMonth.snapshotId}`);
      const pairs = await stage("pairCheck", "(c) recount the coauthor pairs from the authorships", () => checkPairs(db));
      log(`pairs: ${JSON.stringify(pairs)}`);
      const query = await stage("query", "(d) query benchmark, four ways", () =>
        runQueryBench({
          target: neo4j.target,
          log,
          budgetMs: opts.budgetMs,
          concurrencies: [1],
          pairsPerDistance: opts.pairsPerDistance,
          // Cold: every timed request reaches Neo4j, as at dblp size most distinct requests would.
          responseCache: false,
        }),
      );
      const { env: _env, log: _log, ...options } = opts;
      return {
        options,
        startedAt: new Date(started).toISOString(),
        machine,
        loadStart,
        loadEnd: os.loadavg(),
        neo4j: { heap: settings.heapText, pageCache: settings.pageCacheText, version: settings.version },
        base,
        month,
        bulk: { ...bulk, disk, graph: afterBulk, neo4jStartSeconds },
        monthImport: { ...imported, before: afterBulk, after: afterMonth, pairs },
        query,
        stageSeconds,
        totalSeconds: (Date.now() - started) / 1000,
      };
    } finally {
      await db.close().catch(() => undefined);
    }
  } finally {
    await neo4j.stop().catch((error: Error) => log(`stopping Neo4j: ${error.message}`));
    if (!opts.keepHome) rmSync(home, { recursive: true, force: true });
  }
}

function flag(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

export function scaleOptionsFrom(args: string[], env: NodeJS.ProcessEnv, log: (line: string) => void): ScaleOptions {
  const number = (name: string, variable: string, fallback: number) => {
    const text = (flag(args, name) ?? env[variable] ?? String(fallback)).replace(/_/g, "");
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`bench:scale: ${name} (${variable}) must be a positive integer, not "${text}"`);
    return value;
  };
  return {
    records: number("--records", "SCALE_RECORDS", 200_000),
    seed: number("--seed", "SCALE_SEED", 1),
    monthRecords: number("--month-records", "SCALE_MONTH_RECORDS", 50_000),
    dir: path.resolve(flag(args, "--dir") ?? env.SCALE_DIR ?? fromRoot("bench", ".data", "scale")),
    budgetMs: number("--budget-ms", "SCALE_BUDGET_MS", 2000),
    pairsPerDistance: number("--pairs-per-distance", "SCALE_PAIRS_PER_DISTANCE", 3),
    keepHome: args.includes("--keep-home") || env.SCALE_KEEP_HOME === "1",
    env,
    log,
  };
}

export const SCALE_PATH = fromRoot("bench", "SCALE.md");

if (require.main === module) {
  const args = process.argv.slice(2);
  const log = (line: string) => console.log(line);
  const options = scaleOptionsFrom(args, process.env, log);
  const write = !args.includes("--no-write") && process.env.SCALE_WRITE !== "0";
  const saved = flag(args, "--report");
  const resultFile = path.join(options.dir, `scale-result-${sizeLabel(options.records)}-s${options.seed}.json`);
  const run = saved
    ? Promise.resolve(JSON.parse(readFileSync(saved, "utf8")) as ScaleResult)
    : runScalePipeline(options).then((result) => {
        writeFileSync(resultFile, JSON.stringify(result, null, 1));
        log(`result saved in ${resultFile}`);
        return result;
      });
  run
    .then((result) => {
      const section = scaleSection(result);
      console.log(`\n${section.body}`);
      if (write) {
        writeSection(SCALE_PATH, section.name, section.body);
        console.log(`\nwrote section ${section.name} of ${SCALE_PATH}`);
      }
    })
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
}
