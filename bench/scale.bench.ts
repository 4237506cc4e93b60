import "./lib/production-mode";
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { gunzipSync } from "node:zlib";
import path from "node:path";
import { loadConfig } from "../src/config";
import { Database } from "../src/db/database";
import { readGraphVersion } from "../src/db/graph-version";
import { localNeo4jSettings } from "../src/db/local/settings";
import { provideNeo4j } from "../src/db/neo4j-provider";
import { fromRoot } from "../src/util/project-root";
import { graphCounts } from "./lib/graph-counts";
import { machineInfo } from "./lib/machine-info";
import { checkPairs, checkPairsOf, dblpKeys } from "./lib/pair-check";
import { writeSection } from "./lib/results-section";
import { bulkFromLog, bulkLoad, BulkLoad, diskUsageBytes, generate, Generated, keptSummary, onlineImport } from "./lib/scale-stages";
import { scaleSection, sizeLabel } from "./lib/scale-report";
import { runQueryBench } from "./query.bench";
import { FULL_PAIR_CHECK_BELOW, STAGES, type GraphState, type ScaleOptions, type ScaleResult, type Stage } from "./lib/scale-result";

/*
 * `npm run bench:scale` (issue 13): generate a seeded dblp set and its first monthly update, `import --bulk` the set
 * into a fresh home, import the month online on top, check the coauthor pairs are exact, run the query benchmark
 * four ways on that graph, and write the figures as a section of bench/SCALE.md (owned, so the hand-written text
 * there stays). Each stage is timed and prints progress; the Neo4j it starts is stopped at the end, also on failure.
 *
 * Knobs: SCALE_USAGE below, which `--help` prints; an argument it does not name stops the run before anything starts.
 */

export type { GraphState, ScaleOptions, ScaleResult, Stage } from "./lib/scale-result";
export { FULL_PAIR_CHECK_BELOW, STAGES } from "./lib/scale-result";

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
  const loadedHome = opts.loadedHome ? path.resolve(opts.loadedHome) : undefined;
  const home = loadedHome ?? path.join(opts.dir, `home-${label}-s${opts.seed}`);
  const env = pipelineEnv(opts.env, home);
  const settings = localNeo4jSettings(env);
  const wanted = new Set(opts.stages);
  const stageSeconds = { generate: 0, bulk: 0, month: 0, pairCheck: 0, query: 0 };
  const stageLoad: ScaleResult["stageLoad"] = {};
  const stage = async <T>(name: keyof typeof stageSeconds, title: string, work: () => Promise<T>): Promise<T> => {
    const load0 = os.loadavg()[0];
    log(`== ${title} (load ${load0.toFixed(2)})`);
    const t0 = Date.now();
    const value = await work();
    stageSeconds[name] = (Date.now() - t0) / 1000;
    stageLoad[name] = [load0, os.loadavg()[0]];
    log(`== ${title}: ${stageSeconds[name].toFixed(1)} s (load ${stageLoad[name][1].toFixed(2)})`);
    return value;
  };

  const genArgs = ["--records", String(opts.records), "--seed", String(opts.seed)];
  const baseFile = path.join(opts.dir, `dblp-${label}-s${opts.seed}.xml.gz`);
  const generateMonth = () =>
    generate({
      file: path.join(opts.dir, `dblp-${label}-s${opts.seed}-m1-${opts.monthRecords}.xml.gz`),
      args: [...genArgs, "--month", "1", "--month-records", String(opts.monthRecords)],
      total: opts.monthRecords,
      env,
      log,
    });
  let base: Generated | undefined;
  let month: Generated | undefined;
  let bulk: BulkLoad | undefined;
  if (loadedHome) {
    base = keptSummary(baseFile, genArgs);
    if (wanted.has("month")) month = await stage("generate", "(a) generate month 1 (the base set is loaded)", generateMonth);
    bulk = opts.loadedLog ? bulkFromLog(readFileSync(opts.loadedLog, "utf8")) : undefined;
    log(`loaded home ${loadedHome}; bulk figures ${opts.loadedLog ? `from ${opts.loadedLog}: ${JSON.stringify(bulk)}` : "not given"}`);
  } else {
    ({ base, month } = await stage("generate", "(a) generate the base set and month 1", async () => ({
      base: await generate({ file: baseFile, args: genArgs, total: opts.records, env, log }),
      month: await generateMonth(),
    })));
    rmSync(home, { recursive: true, force: true });
    const file = base.file;
    bulk = await stage("bulk", "(b) import --bulk of the base set into a new home", () => bulkLoad({ file, env, log }));
  }
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
    const neo4jStartSeconds = neo4j.started ? (Date.now() - neo4jStarted) / 1000 : undefined;
    if (!neo4j.started) log(`joined the Neo4j already running for ${home} (not started by this run)`);
    const db = await Database.connect(neo4j.target, 60 * 60_000);
    try {
      const afterBulk = await graphState(db);
      log(
        `graph after the bulk load: ${JSON.stringify(afterBulk.counts)}; version ${afterBulk.snapshotId}; data dir ${(disk.dataBytes / 2 ** 20).toFixed(0)} MiB`,
      );
      const queries = () =>
        stage("query", "(d) query benchmark, four ways", () =>
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
      // A loaded home is not rebuilt between runs: the queries go first, so that month 1 does not change their inputs.
      const queriesBeforeMonth = loadedHome !== undefined;
      let query: ScaleResult["query"];
      let monthImport: ScaleResult["monthImport"];
      const resultSoFar = (): ScaleResult => {
        const { env: _env, log: _log, saveProgress: _save, ...options } = opts;
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
          loaded: loadedHome
            ? {
                log: opts.loadedLog && path.basename(opts.loadedLog),
                logWrittenAt: opts.loadedLog && statSync(opts.loadedLog).mtime.toISOString(),
              }
            : undefined,
          monthImport,
          query,
          queriesBeforeMonth,
          stageSeconds,
          stageLoad,
          totalSeconds: (Date.now() - started) / 1000,
        };
      };
      if (queriesBeforeMonth && wanted.has("query")) {
        query = await queries();
        opts.saveProgress?.(resultSoFar());
      }
      if (wanted.has("month") && month) {
        const file = month.file;
        const imported = await stage("month", "(c) online import of month 1", () => onlineImport({ file, target: neo4j.target, env, log }));
        const afterMonth = await graphState(db);
        log(`graph after month 1: ${JSON.stringify(afterMonth.counts)}; version ${afterMonth.snapshotId}`);
        monthImport = { ...imported, before: afterBulk, after: afterMonth };
        opts.saveProgress?.(resultSoFar());
      }
      if (wanted.has("pairs")) {
        const stored = (monthImport?.after ?? afterBulk).counts.coauthorPairs;
        const full = opts.pairCheck === "full" || (opts.pairCheck === "auto" && stored < FULL_PAIR_CHECK_BELOW);
        const pairs = await stage(
          "pairCheck",
          full ? "(c) recount the coauthor pairs from the authorships" : "(c) recount the pairs of the month's authors and a sample",
          () =>
            full || !month
              ? checkPairs(db)
              : checkPairsOf(db, {
                  keys: dblpKeys(gunzipSync(readFileSync(month.file)).toString("utf8")),
                  sampleStep: opts.pairSampleStep,
                  log,
                }),
        );
        log(`pairs: ${JSON.stringify(pairs)}`);
        if (monthImport) monthImport.pairs = pairs;
      }
      if (!queriesBeforeMonth && wanted.has("query")) query = await queries();
      return resultSoFar();
    } finally {
      await db.close().catch(() => undefined);
    }
  } finally {
    await neo4j.stop().catch((error: Error) => log(`stopping Neo4j: ${error.message}`));
    if (!opts.keepHome && !loadedHome) rmSync(home, { recursive: true, force: true });
  }
}

/** What `--help` prints: every knob, flag and environment variable (flags win). */
export const SCALE_USAGE = `npm run bench:scale -- [options]
Knobs (flags win over the environment):
  --records N        SCALE_RECORDS        base set's publication records (default 200000)
  --seed S           SCALE_SEED           generator seed (default 1)
  --month-records M  SCALE_MONTH_RECORDS  records of the month-1 update (default 50000, dblp's month)
  --dir D            SCALE_DIR            work directory: generated files (reused when made with the same
                                          arguments) and the graph's home (default bench/.data/scale)
  --budget-ms B      SCALE_BUDGET_MS      time per (query, way) cell of the query benchmark (default 2000)
  --pairs-per-distance N  SCALE_PAIRS_PER_DISTANCE  collaborationPath pairs per distance 1..6 (default 3)
  --keep-home        SCALE_KEEP_HOME=1    keep the loaded home afterwards (it is removed by default)
  --no-write         SCALE_WRITE=0        print only, do not touch bench/SCALE.md
  --report FILE                           no run: write the section again from a run's saved result
                                          (<dir>/scale-result-<size>-s<seed>.json, kept by every run)
  --loaded-home H    SCALE_LOADED_HOME    start from a home an earlier \`import --bulk\` of the base set loaded (at
                                          8M records the bulk load alone took 24 to 28 minutes in its latest
                                          runs, bench/SCALE.md): no generate of the base set, no bulk stage; the
                                          home is used in place, never removed, and month 1 writes into it. The
                                          queries run first, on the graph as loaded, then month 1, then the pair
                                          check.
  --loaded-log F     SCALE_LOADED_LOG     that bulk load's saved output (the CLI's "bulk import loaded …" and
                                          "stages: …" lines, and /usr/bin/time -v's if it ran under it): the
                                          bulk row of the report comes from it, marked as an earlier run's with
                                          the file's time. Without it the report has no bulk figures.
  --stages LIST      SCALE_STAGES         the stages after the load to run, of query,month,pairs (default all)
  --pair-check K     SCALE_PAIR_CHECK     full: recount every pair; month: the pairs of the authors of the
                                          month's records and of a sample (--pair-sample-step); auto (default):
                                          full below 5M stored pairs. With no month-1 file (a loaded home and
                                          --stages without month) the check is full.
  --pair-sample-step k  SCALE_PAIR_SAMPLE_STEP  the month check's sample: every k-th author in id order, whose
                                          pairs are recounted beside the month's authors' (default 100; 1 takes
                                          every author). A full check ignores it.
Neo4j's memory: COAUTHOR_GRAPH_NEO4J_HEAP / COAUTHOR_GRAPH_NEO4J_PAGECACHE, as for every local Neo4j.
The bulk stage's memory: COAUTHOR_GRAPH_BULK_MEMORY (e.g. 4g), as for \`import --bulk\`: what does not fit in
it goes on through the online import inside the bulk stage, whose report then has a "split:" line.`;

/** Flags followed by a value, and switches. */
export const VALUE_FLAGS = [
  "--records",
  "--seed",
  "--month-records",
  "--dir",
  "--budget-ms",
  "--pairs-per-distance",
  "--loaded-home",
  "--loaded-log",
  "--stages",
  "--pair-check",
  "--pair-sample-step",
  "--report",
];
const SWITCHES = ["--keep-home", "--no-write", "--help", "-h"];

/** The arguments bench:scale does not know (a typo, or a flag of another command), in order. */
export function unknownArguments(args: readonly string[]): string[] {
  const unknown: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (VALUE_FLAGS.includes(args[i])) i++;
    else if (!SWITCHES.includes(args[i])) unknown.push(args[i]);
  }
  return unknown;
}

function flag(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

export function scaleOptionsFrom(args: string[], env: NodeJS.ProcessEnv, log: (line: string) => void): ScaleOptions {
  const unknown = unknownArguments(args);
  if (unknown.length > 0)
    throw new Error(`bench:scale: unknown argument(s) ${unknown.join(" ")}; \`npm run bench:scale -- --help\` lists the knobs`);
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
    loadedHome: flag(args, "--loaded-home") ?? (env.SCALE_LOADED_HOME || undefined),
    loadedLog: flag(args, "--loaded-log") ?? (env.SCALE_LOADED_LOG || undefined),
    stages: stagesFrom(flag(args, "--stages") ?? env.SCALE_STAGES),
    pairCheck: pairCheckFrom(flag(args, "--pair-check") ?? env.SCALE_PAIR_CHECK),
    pairSampleStep: number("--pair-sample-step", "SCALE_PAIR_SAMPLE_STEP", 100),
    env,
    log,
  };
}

function stagesFrom(text: string | undefined): Stage[] {
  if (!text) return [...STAGES];
  const stages = text.split(",").map((x) => x.trim());
  for (const x of stages)
    if (!(STAGES as readonly string[]).includes(x)) throw new Error(`bench:scale: --stages takes ${STAGES.join(",")}, not "${x}"`);
  return stages as Stage[];
}

function pairCheckFrom(text: string | undefined): ScaleOptions["pairCheck"] {
  const value = text ?? "auto";
  if (value !== "auto" && value !== "full" && value !== "month")
    throw new Error(`bench:scale: --pair-check takes auto, full or month, not "${value}"`);
  return value;
}

export const SCALE_PATH = fromRoot("bench", "SCALE.md");

if (require.main === module && (process.argv.includes("--help") || process.argv.includes("-h"))) {
  console.log(SCALE_USAGE);
} else if (require.main === module) {
  const args = process.argv.slice(2);
  const log = (line: string) => console.log(line);
  let options: ScaleOptions;
  try {
    options = scaleOptionsFrom(args, process.env, log);
  } catch (error) {
    // A knob's own message says what to change; the stack would only bury it.
    console.error((error as Error).message);
    process.exit(2);
  }
  const write = !args.includes("--no-write") && process.env.SCALE_WRITE !== "0";
  const saved = flag(args, "--report");
  const resultFile = path.join(options.dir, `scale-result-${sizeLabel(options.records)}-s${options.seed}.json`);
  // A long run keeps its figures stage by stage: one stopped during month 1 still has its query benchmark.
  options.saveProgress = (partial) => writeFileSync(resultFile, JSON.stringify(partial, null, 1));
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
