import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { Config } from "../../src/config";
import { Database } from "../../src/db/database";
import { probeDocker } from "../../src/db/docker";
import { runAdminImport } from "../../src/db/local/admin-import";
import { withExclusiveLock } from "../../src/db/local/file-lock";
import { HomeLayout, homeLayout, jarCacheRoot } from "../../src/db/local/home-layout";
import { ensureLocalRuntime, LocalNeo4jRuntime } from "../../src/db/local/jar-cache";
import { findJava, JavaInstallation } from "../../src/db/local/java-toolchain";
import { startLocalServer } from "../../src/db/local/local-server";
import { findRunningServer } from "../../src/db/local/server-state";
import { localNeo4jSettings, LocalNeo4jSettings } from "../../src/db/local/settings";
import { applySchema } from "../../src/db/schema-setup";
import { ImportOptions, importInto, ImportSummary } from "../import-runner";
import { silentProgress } from "../progress";
import { ARRAY_DELIMITER, BulkCsv, writeBulkCsv } from "./bulk-csv";
import { FILL_BATCH_SIZE, FILL_MISSING_ALIASES } from "./bulk.cypher";
import { MemoryGraph } from "./memory-graph";

/** `import --bulk` cannot run here; the message says why and what to do instead. Nothing was written. */
export class BulkImportRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BulkImportRefused";
  }
}

export interface BulkImportResult {
  summary: ImportSummary;
  /** False when a file was refused: bulk loads all files or none, so the database was not touched. */
  written: boolean;
  csv?: BulkCsv;
  /** Wall seconds: parse and resolve in memory, write the CSVs, neo4j-admin, start Neo4j and build the indexes. */
  stageSeconds: { read: number; csv: number; adminImport: number; indexes: number };
  seconds: number;
  /** Peak resident memory of this process (the in-memory graph; neo4j-admin and Neo4j are separate processes). */
  peakRssMiB: number;
}

export interface BulkImportOptions {
  config: Config;
  env: NodeJS.ProcessEnv;
  paths: string[];
  options: ImportOptions;
  log: (message: string) => void;
}

/**
 * The first load of an empty local database, at neo4j-admin speed. Every file is read and resolved into an
 * in-memory twin of the online import (memory-graph.ts: same rules, same order, same result), written as CSVs,
 * loaded offline by `neo4j-admin database import full`, then Neo4j starts on the new store and builds the schema's
 * constraints and indexes. It holds the home's start lock throughout, so no Neo4j can start on the store meanwhile.
 */
export async function bulkImport(opts: BulkImportOptions): Promise<BulkImportResult> {
  const started = Date.now();
  const settings = await localRouteSettings(opts.config, opts.env);
  const java = findJava(opts.env);
  if (!java.ok) throw new BulkImportRefused(`--bulk runs neo4j-admin from the local Neo4j jars, which needs Java: ${java.problem}.`);
  const layout = homeLayout(opts.config.home);
  const runtime = await ensureLocalRuntime({
    cacheRoot: jarCacheRoot(layout.home, opts.env),
    version: settings.version,
    java: java.value,
    env: opts.env,
    log: opts.log,
  });
  mkdirSync(layout.neo4jHome, { recursive: true });
  const local = { layout, settings, java: java.value, runtime, env: opts.env, log: opts.log };
  return withExclusiveLock(
    layout.startLock,
    { timeoutMs: 60_000, purpose: `another process starting Neo4j for ${layout.home}`, onWait: () => opts.log("Waiting for another process that is starting Neo4j on this home …") },
    async () => {
      await assertEmptyAndOffline(local);
      const stageSeconds = { read: 0, csv: 0, adminImport: 0, indexes: 0 };
      let mark = Date.now();
      const lap = () => {
        const seconds = (Date.now() - mark) / 1000;
        mark = Date.now();
        return seconds;
      };
      const graph = new MemoryGraph();
      const summary = await importInto(graph, opts.paths, opts.options);
      stageSeconds.read = lap();
      if (!summary.ok) return { summary, written: false, stageSeconds, seconds: (Date.now() - started) / 1000, peakRssMiB: peakRssMiB() };

      const csvDir = path.join(layout.home, `bulk-csv-${process.pid}`);
      try {
        const csv = writeBulkCsv(graph, csvDir, opts.options.progress ?? silentProgress);
        summary.files[summary.files.length - 1].coauthorPairs.created = csv.rows.coauthorPairs;
        stageSeconds.csv = lap();
        try {
          opts.log(`neo4j-admin database import full: ${csv.rows.papers} papers, ${csv.rows.authors} authors, ${csv.rows.coauthorPairs} coauthor pairs …`);
          stageSeconds.adminImport = await runAdminImport({
            java: java.value.java,
            libDir: runtime.libDir,
            neo4jHome: layout.neo4jHome,
            nodes: csv.nodes,
            relationships: csv.relationships,
            arrayDelimiter: ARRAY_DELIMITER,
            multiline: csv.multiline,
            reportFile: path.join(csvDir, "import.report"),
            onLine: (line) => {
              if (isQuietProgressLine(line)) return;
              opts.log(`  neo4j-admin: ${line}`);
            },
          });
          mark = Date.now();
          await withLocalNeo4j(local, async (db) => {
            opts.log("Creating constraints and indexes on the loaded graph …");
            // Before the indexes exist, so that these writes do not also update the full-text index of names.
            await fillMissingAliases(db);
            await applySchema(db, { awaitSeconds: 3600, log: opts.log });
          });
          stageSeconds.indexes = lap();
        } catch (error) {
          // The store was empty before: removing the half-built one leaves the home as it was.
          removeDatabaseStore(layout);
          throw error;
        }
        return { summary, written: true, csv, stageSeconds, seconds: (Date.now() - started) / 1000, peakRssMiB: peakRssMiB() };
      } finally {
        rmSync(csvDir, { recursive: true, force: true });
      }
    },
  );
}

/** neo4j-admin prints a dotted line every 5% of each stage; a quarter is progress enough. */
function isQuietProgressLine(line: string): boolean {
  const dotted = /^[-.\s]*\.{5}.*?\s(\d+)%/.exec(line);
  return dotted !== null && Number(dotted[1]) % 25 !== 0;
}

function peakRssMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

interface LocalParts {
  layout: HomeLayout;
  settings: LocalNeo4jSettings;
  java: JavaInstallation;
  runtime: LocalNeo4jRuntime;
  env: NodeJS.ProcessEnv;
  log: (message: string) => void;
}

/** Bulk writes the store files of the local Neo4j, so it must be the Neo4j that serve and the API will use. */
async function localRouteSettings(config: Config, env: NodeJS.ProcessEnv): Promise<LocalNeo4jSettings> {
  if (config.neo4j.uri) {
    throw new BulkImportRefused(
      `--bulk writes the store files of coauthor-graph's local Neo4j and cannot load the server at NEO4J_URI=${config.neo4j.uri}. ` +
        `Import without --bulk (the online import works with any Neo4j), or unset NEO4J_URI.`,
    );
  }
  const settings = localNeo4jSettings(env);
  if (settings.route === "docker") {
    throw new BulkImportRefused("--bulk loads the local Neo4j's store, but COAUTHOR_GRAPH_NEO4J_VIA=docker. Import without --bulk, or set COAUTHOR_GRAPH_NEO4J_VIA=local.");
  }
  if (settings.route === "auto" && (await probeDocker(env)).reachable) {
    throw new BulkImportRefused(
      "A Docker engine answers, so coauthor-graph would serve from a Neo4j container, not from the local store --bulk writes. " +
        "Set COAUTHOR_GRAPH_NEO4J_VIA=local for the import and for serving, or import without --bulk.",
    );
  }
  return settings;
}

function databaseStoreDirs(layout: HomeLayout): string[] {
  return [path.join(layout.dataDir, "databases", "neo4j"), path.join(layout.dataDir, "transactions", "neo4j")];
}

function removeDatabaseStore(layout: HomeLayout): void {
  for (const dir of databaseStoreDirs(layout)) rmSync(dir, { recursive: true, force: true });
}

/** neo4j-admin needs the database offline, and bulk only ever fills an empty one. */
async function assertEmptyAndOffline(local: LocalParts): Promise<void> {
  const running = await findRunningServer(local.layout);
  if (running) {
    const who = running.mode === "owner" ? `started by process ${running.ownerPid}` : "started by `coauthor-graph db start`";
    throw new BulkImportRefused(
      `Neo4j is running for ${local.layout.home} at ${running.uri} (${who}). neo4j-admin needs the database offline: ` +
        `stop it (\`coauthor-graph db stop\`, or end process ${running.ownerPid ?? running.pid}) and run the bulk import again.`,
    );
  }
  if (!existsSync(databaseStoreDirs(local.layout)[0])) return;
  const nodes = await withLocalNeo4j(local, async (db) => (await db.read("MATCH (n) RETURN count(n) AS n"))[0].get("n") as number);
  if (nodes > 0) {
    throw new BulkImportRefused(
      `The database in ${local.layout.home} already holds ${nodes} nodes; --bulk only fills an empty database. ` +
        `Import without --bulk to add to it, or point COAUTHOR_GRAPH_HOME at a new folder.`,
    );
  }
}

async function fillMissingAliases(db: Database): Promise<void> {
  for (;;) {
    const [row] = await db.write(FILL_MISSING_ALIASES, { limit: FILL_BATCH_SIZE }, { timeoutMs: 10 * 60_000 });
    if ((row?.get("n") ?? 0) === 0) return;
  }
}

/** Starts the local Neo4j on the home (the caller holds its start lock), runs `work`, and stops it. */
async function withLocalNeo4j<T>(local: LocalParts, work: (db: Database) => Promise<T>): Promise<T> {
  const server = await startLocalServer({ ...local, mode: "owner" });
  try {
    const db = await Database.connect(server.state, 60 * 60_000);
    try {
      return await work(db);
    } finally {
      await db.close();
    }
  } finally {
    await server.stop();
  }
}
