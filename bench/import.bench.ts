import "./lib/production-mode";
import { mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../src/config";
import { Database } from "../src/db/database";
import { homeLayout, jarCacheRoot } from "../src/db/local/home-layout";
import { readState } from "../src/db/local/server-state";
import { localNeo4jSettings } from "../src/db/local/settings";
import { provideNeo4j } from "../src/db/neo4j-provider";
import { fromRoot } from "../src/util/project-root";
import type { WriteCounts } from "../import/writer/graph-writer";
import { BulkFigures, describeBulk, measureBulkImport } from "./lib/bulk-run";
import { graphCounts, GraphCounts, graphFingerprint, sameCounts } from "./lib/graph-counts";
import { runImportChild } from "./lib/import-child";
import { writeRecentSlice } from "./lib/incremental-slice";
import { processCpuSeconds } from "./lib/process-cpu";

/**
 * Import throughput (issue 3, section 1): the whole ML anthology into an EMPTY local Neo4j online, the same file
 * through `import --bulk` into another empty home (checked to give the same graph), then the most recent 10%
 * re-imported on top of the online graph (incremental). Importers run as child processes so that their peak RSS is
 * their own. The populated Neo4j is left running for the query benchmark; call stop() at the end.
 *
 *   node dist/bench/import.bench.js [--check-reimport] [--no-bulk]
 * Knobs: COAUTHOR_GRAPH_NEO4J_HEAP / _PAGECACHE (Neo4j memory), BENCH_IMPORT_BATCH_SIZE (records per transaction),
 * BENCH_IMPORT_DATASET (another .csl.jsonl.gz, for quick experiments; the expected counts then do not apply).
 */
export const DATASET = process.env.BENCH_IMPORT_DATASET || fromRoot("bench", "data", "ml-anthology.csl.jsonl.gz");
export const INCREMENTAL_FRACTION = 0.1;
const BULK_LABEL = "bulk import into an empty database (`import --bulk`)";

/** The correct graph after importing DATASET into an empty database; anything else is an importer bug. */
export const EXPECTED_FULL_COUNTS = {
  papers: 156_165,
  authors: 168_377,
  authored: 670_959,
  coauthorPairs: 1_588_350,
  coauthorPaperSum: 2_103_678,
};

export interface ImportFigures {
  label: string;
  file: string;
  records: number;
  rejected: number;
  wallSeconds: number;
  recordsPerSecond: number;
  /** Seconds per importer stage, from the ImportRun node: parse check, batch writes, name resolution, pairs. */
  stageSeconds: { check: number; write: number; names: number; pairs: number };
  /** Rows written per kind; papers..venues share the write stage, coauthor pairs have the pairs stage. */
  rows: { papers: number; authors: number; authorships: number; venues: number; coauthorPairs: number };
  rowsPerSecond: { papers: number; authors: number; authorships: number; venues: number; coauthorPairs: number };
  created: { papers: number; authors: number; authorships: number; venues: number; coauthorPairs: number };
  importerMaxRssMiB: number;
  /** CPU seconds used during the run by the importer and by Neo4j: the work done, robust to a shared machine. */
  importerCpuSeconds: number;
  neo4jCpuSeconds?: number;
  countsAfter: GraphCounts;
}

export interface ImportBenchResult {
  neo4j: { uri: string; home: string; heap: string; pageCache: string; version: string };
  batchSize?: number;
  full: ImportFigures;
  incremental: ImportFigures & { fromYear: number };
  /** Present with --check-reimport: the whole file imported again must change nothing. */
  reimport?: ImportFigures & { unchanged: boolean };
  /** The same file through `import --bulk` (absent with --no-bulk). */
  bulk?: BulkFigures;
  /** The newest 10% as new papers, imported online on top of the older 90% (bulk-loaded); absent with --no-bulk. */
  growth?: { base: BulkFigures; onTop: ImportFigures & { fromYear: number }; countsMatchFull: boolean };
  /** Full-import counts equal EXPECTED_FULL_COUNTS. */
  fullCountsAsExpected: boolean;
  stop(): Promise<void>;
}

const LATEST_RUN = `
MATCH (r:ImportRun {status: 'completed'})
RETURN r.counts AS counts ORDER BY r.finishedAt DESC LIMIT 1`;

export async function runImportBench(opts: {
  log: (line: string) => void;
  checkReimport?: boolean;
  bulk?: boolean;
}): Promise<ImportBenchResult> {
  const { log } = opts;
  const dataDir = fromRoot("bench", ".data");
  const home = path.join(dataDir, "import-home");
  rmSync(home, { recursive: true, force: true });
  mkdirSync(home, { recursive: true });
  const userHome = loadConfig({ ...process.env, NEO4J_URI: "", COAUTHOR_GRAPH_HOME: "" }).home;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    COAUTHOR_GRAPH_HOME: home,
    COAUTHOR_GRAPH_NEO4J_VIA: "local",
    COAUTHOR_GRAPH_JAR_CACHE: process.env.COAUTHOR_GRAPH_JAR_CACHE || jarCacheRoot(userHome, process.env),
    COAUTHOR_GRAPH_NEO4J_THROWAWAY: "1",
  };
  for (const name of ["NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"]) delete env[name];
  const settings = localNeo4jSettings(env);
  const batchSize = process.env.BENCH_IMPORT_BATCH_SIZE ? Number(process.env.BENCH_IMPORT_BATCH_SIZE) : undefined;

  const slicePath = path.join(dataDir, "ml-anthology.recent.csl.jsonl");
  const olderPath = path.join(dataDir, "ml-anthology.older.csl.jsonl");
  const slice = await writeRecentSlice(DATASET, slicePath, INCREMENTAL_FRACTION, olderPath);
  log(
    `incremental slice: ${slice.records} records from ${slice.fromYear} on -> ${slicePath}; the ${slice.olderRecords} older -> ${olderPath}`,
  );

  const neo4j = await provideNeo4j({ config: loadConfig(env), env, mode: "owner", log });
  let db: Database | undefined;
  try {
    db = await Database.connect(neo4j.target, 10 * 60_000);
    /** The online importer as a child process into the Neo4j of `onHome` (its pid gives Neo4j's CPU time). */
    const importInto = async (label: string, file: string, target: { db: Database; uri: string; home: string }): Promise<ImportFigures> => {
      log(`${label}: importing ${file} …`);
      const neo4jPid = readState(homeLayout(target.home))?.pid;
      const cpuBefore = processCpuSeconds(neo4jPid);
      const child = await runImportChild({ file, uri: target.uri, batchSize, env, log });
      const cpuAfter = processCpuSeconds(neo4jPid);
      const [run] = await target.db.read(LATEST_RUN);
      const figures = figuresOf(
        label,
        file,
        JSON.parse(run.get("counts")),
        child.wallSeconds,
        child.maxRssMiB,
        await graphCounts(target.db),
      );
      figures.importerCpuSeconds = child.cpuSeconds;
      if (cpuBefore !== undefined && cpuAfter !== undefined) figures.neo4jCpuSeconds = cpuAfter - cpuBefore;
      log(describe(figures));
      return figures;
    };
    const main = { db, uri: neo4j.target.uri, home };
    const importOnce = (label: string, file: string) => importInto(label, file, main);
    const full = await importOnce("full import into an empty database", DATASET);
    const expected = Object.entries(EXPECTED_FULL_COUNTS).every(([k, v]) => full.countsAfter[k as keyof GraphCounts] === v);
    if (!expected) log(`!! full-import counts differ from the expected ${JSON.stringify(EXPECTED_FULL_COUNTS)}`);
    let bulk: BulkFigures | undefined;
    let growth: ImportBenchResult["growth"];
    if (opts.bulk ?? true) {
      const onlineFingerprint = await graphFingerprint(db);
      bulk = await measureBulkImport({ label: BULK_LABEL, dataset: DATASET, records: full.records, dataDir, env, onlineFingerprint, log });
      log(describeBulk(bulk));
      // New papers on top of a graph: the older 90% bulk-loaded, then the newest 10% imported online. Every paper of
      // the slice is new there, so this is the import whose cost must follow its own size, not the graph's.
      let onTop: ImportFigures | undefined;
      const base = await measureBulkImport({
        label: "bulk import of the older 90% (base for the next row)",
        dataset: olderPath,
        records: slice.olderRecords,
        dataDir,
        env,
        log,
        afterLoad: async (baseDb, uri, baseHome) => {
          onTop = await importInto("incremental import of the newest 10% as new papers (on the older 90%)", slicePath, {
            db: baseDb,
            uri,
            home: baseHome,
          });
        },
      });
      log(describeBulk(base));
      growth = { base, onTop: { ...onTop!, fromYear: slice.fromYear }, countsMatchFull: sameCounts(onTop!.countsAfter, full.countsAfter) };
      log(
        growth.countsMatchFull
          ? "older 90% + newest 10% gives the counts of the full import"
          : "!! older 90% + newest 10% differs from the full import",
      );
    }
    const incremental = {
      ...(await importOnce("re-import of the newest 10% on top of the full graph", slicePath)),
      fromYear: slice.fromYear,
    };
    let reimport: ImportBenchResult["reimport"];
    if (opts.checkReimport) {
      const again = await importOnce("re-import of the whole file", DATASET);
      reimport = { ...again, unchanged: sameCounts(incremental.countsAfter, again.countsAfter) };
      log(reimport.unchanged ? "re-import changed nothing (idempotent)" : "!! re-import changed the counts");
    }
    const connected = db;
    return {
      neo4j: { uri: neo4j.target.uri, home, heap: settings.heapText, pageCache: settings.pageCacheText, version: settings.version },
      batchSize,
      full,
      incremental,
      reimport,
      bulk,
      growth,
      fullCountsAsExpected: expected,
      stop: async () => {
        await connected.close().catch(() => undefined);
        await neo4j.stop();
      },
    };
  } catch (error) {
    await db?.close().catch(() => undefined);
    await neo4j.stop().catch(() => undefined);
    throw error;
  }
}

/** What the importer stores in ImportRun.counts (import-runner.ts finishRun): its write counts plus the run's own. */
interface RunCounts extends WriteCounts {
  read: number;
  rejected: number;
  coauthorPairsCreated: number;
  coauthorPairsRecomputed: number;
  stageSeconds: ImportFigures["stageSeconds"];
}

function figuresOf(
  label: string,
  file: string,
  c: RunCounts,
  wallSeconds: number,
  maxRssMiB: number,
  countsAfter: GraphCounts,
): ImportFigures {
  const rows = {
    papers: c.papersCreated + c.papersUpdated,
    authors: c.authorsCreated + c.authorsUpdated,
    authorships: c.authorshipsWritten,
    venues: c.venuesCreated + c.venuesUpdated,
    coauthorPairs: c.coauthorPairsRecomputed + (c.pairsAdded ?? 0),
  };
  const per = (n: number, seconds: number) => (seconds > 0 ? Math.round(n / seconds) : 0);
  const write = c.stageSeconds.write;
  return {
    label,
    file: path.basename(file),
    records: c.read,
    rejected: c.rejected,
    wallSeconds,
    recordsPerSecond: per(c.read, wallSeconds),
    stageSeconds: c.stageSeconds,
    rows,
    rowsPerSecond: {
      papers: per(rows.papers, write),
      authors: per(rows.authors, write),
      authorships: per(rows.authorships, write),
      venues: per(rows.venues, write),
      // Pairs are written by the pair pass, or by the batches themselves once the graph has pairs (pairsAdded).
      coauthorPairs: per(rows.coauthorPairs, c.stageSeconds.pairs + (c.pairsAdded ? write : 0)),
    },
    created: {
      papers: c.papersCreated,
      authors: c.authorsCreated,
      authorships: c.authorshipsCreated,
      venues: c.venuesCreated,
      coauthorPairs: c.coauthorPairsCreated,
    },
    importerMaxRssMiB: maxRssMiB,
    importerCpuSeconds: 0,
    countsAfter,
  };
}

export function describe(f: ImportFigures): string {
  const s = f.stageSeconds;
  return [
    `${f.label}: ${f.records} records (${f.rejected} rejected) in ${f.wallSeconds.toFixed(1)} s wall = ${f.recordsPerSecond} records/s; importer peak RSS ${f.importerMaxRssMiB.toFixed(0)} MiB`,
    `  CPU: importer ${f.importerCpuSeconds.toFixed(1)} s, Neo4j ${f.neo4jCpuSeconds?.toFixed(1) ?? "?"} s`,
    `  stages: check ${s.check.toFixed(1)} s, write ${s.write.toFixed(1)} s, names ${s.names.toFixed(1)} s, pairs ${s.pairs.toFixed(1)} s`,
    `  rows (rows/s): papers ${f.rows.papers} (${f.rowsPerSecond.papers}), authors ${f.rows.authors} (${f.rowsPerSecond.authors}), ` +
      `authorships ${f.rows.authorships} (${f.rowsPerSecond.authorships}), venues ${f.rows.venues} (${f.rowsPerSecond.venues}), ` +
      `coauthor pairs ${f.rows.coauthorPairs} (${f.rowsPerSecond.coauthorPairs})`,
    `  created: ${JSON.stringify(f.created)}`,
    `  graph after: ${JSON.stringify(f.countsAfter)}`,
  ].join("\n");
}

if (require.main === module) {
  const started = Date.now();
  const flags = { checkReimport: process.argv.includes("--check-reimport"), bulk: !process.argv.includes("--no-bulk") };
  runImportBench({ log: (line) => console.log(line), ...flags })
    .then(async (result) => {
      console.log(
        `Neo4j ${result.neo4j.version}: heap ${result.neo4j.heap}, page cache ${result.neo4j.pageCache}; ${os.cpus().length} cores`,
      );
      console.log(`total ${(Date.now() - started) / 1000} s`);
      await result.stop();
      process.exitCode =
        result.fullCountsAsExpected &&
        (result.reimport?.unchanged ?? true) &&
        (result.bulk?.sameAsOnline ?? true) &&
        (result.growth?.countsMatchFull ?? true)
          ? 0
          : 1;
    })
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
}
