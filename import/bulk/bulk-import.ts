import { rmSync } from "node:fs";
import path from "node:path";
import { Config } from "../../src/config";
import type { Database } from "../../src/db/database";
import { setGraphVersion } from "../../src/db/graph-version";
import { BulkImportRefused, withOfflineStore } from "../../src/db/offline-store";
import { FileImportSummary, HandOff, ImportOptions, importFiles, importInto, ImportSummary, refusedFiles } from "../import-runner";
import { silentProgress } from "../progress";
import { ARRAY_DELIMITER, BulkCsv, writeBulkCsv } from "./bulk-csv";
import { FILL_BATCH_SIZE, FILL_MISSING_ALIASES } from "./bulk.cypher";
import { BulkOverflow, bulkMemory, GraphBudget, HeapBudget, oldSpaceLimitBytes } from "./memory-budget";
import { MemoryGraph } from "./memory-graph";

/** `import --bulk` cannot run here; the message says why and what to do instead. Nothing was written. */
export { BulkImportRefused };

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
  /** The in-memory graph filled its memory before the input ended: what continueOnline is to import. */
  handOff?: HandOff;
}

export interface BulkImportOptions {
  config: Config;
  env: NodeJS.ProcessEnv;
  paths: string[];
  options: ImportOptions;
  log: (message: string) => void;
  /** When the in-memory graph would outgrow its memory: load what fits and hand the rest on (default), or refuse. */
  overflow?: BulkOverflow;
  /** Tests: a budget that fills at a chosen record, instead of the memory's. */
  budget?: GraphBudget;
}

/**
 * The first load of an empty local database, at neo4j-admin speed. Every file is read and resolved into an
 * in-memory twin of the online import (memory-graph.ts: same rules, same order, same result), written as CSVs,
 * loaded offline by `neo4j-admin database import full`, then Neo4j starts on the new store and builds the schema's
 * constraints and indexes. It holds the home's start lock throughout, so no Neo4j can start on the store meanwhile.
 *
 * Memory stays bounded whatever the input size: when the graph fills the memory it may use (memory-budget.ts), the
 * read stops after the batch that filled it, what was read is loaded as above, and the result's `handOff` names the
 * rest, which continueOnline imports through the online path (identity resolved against the store on disk, memory
 * bounded by a batch). Both parts follow the same rules in the same order, so the graph is the one either path alone
 * gives.
 */
export async function bulkImport(opts: BulkImportOptions): Promise<BulkImportResult> {
  const started = Date.now();
  return withOfflineStore(opts, async (store) => {
    const stageSeconds = { read: 0, csv: 0, adminImport: 0, indexes: 0 };
    let mark = Date.now();
    const lap = () => {
      const seconds = (Date.now() - mark) / 1000;
      mark = Date.now();
      return seconds;
    };
    // Dropped once the CSVs are written: neo4j-admin sizes its off-heap memory from what is free, and on a dblp-sized
    // input this graph is most of the machine's memory.
    const budget = opts.budget ?? new HeapBudget(bulkMemory(opts.env), opts.overflow ?? "online");
    // The papers' payloads go to a file in the home (unlinked at once), beside the CSVs and the store.
    let graph: MemoryGraph | undefined = new MemoryGraph(budget, opts.config.home);
    const csvDir = path.join(opts.config.home, `bulk-csv-${process.pid}`);
    let spooled: string | undefined;
    try {
      const summary = await importInto(graph, opts.paths, opts.options).finally(() => budget.stop());
      spooled = summary.handOff?.stdinSpool;
      if (summary.handOff) await mayHandOn(summary, opts.options);
      stageSeconds.read = lap();
      if (!summary.ok) {
        if (spooled) rmSync(spooled, { force: true });
        return { summary, written: false, stageSeconds, seconds: (Date.now() - started) / 1000, peakRssMiB: peakRssMiB() };
      }

      // The file handed on mid-way is settled by the online part: what it skipped as settled goes to it as written.
      if (summary.handOff) graph.writeSkippedMentions();
      const csv = writeBulkCsv(graph, csvDir, opts.options.progress ?? silentProgress);
      graph.release();
      graph = undefined;
      summary.files[summary.files.length - 1].coauthorPairs.created = csv.rows.coauthorPairs;
      stageSeconds.csv = lap();
      opts.log(
        `neo4j-admin database import full: ${csv.rows.papers} papers, ${csv.rows.authors} authors, ${csv.rows.coauthorPairs} coauthor pairs …`,
      );
      // From here on a failure makes withOfflineStore remove the half-built store.
      stageSeconds.adminImport = await store.adminImport({
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
      // The aliases are filled before the indexes exist, so that these writes do not also update the full-text index of names.
      await store.buildSchema(fillMissingAliases);
      stageSeconds.indexes = lap();
      const seconds = (Date.now() - started) / 1000;
      return { summary, written: true, csv, stageSeconds, seconds, peakRssMiB: peakRssMiB(), handOff: summary.handOff };
    } catch (error) {
      if (spooled) rmSync(spooled, { force: true });
      throw error;
    } finally {
      graph?.release();
      rmSync(csvDir, { recursive: true, force: true });
    }
  });
}

/** neo4j-admin prints a dotted line every 5% of each stage; a quarter is progress enough. */
function isQuietProgressLine(line: string): boolean {
  const dotted = /^[-.\s]*\.{5}.*?\s(\d+)%/.exec(line);
  return dotted !== null && Number(dotted[1]) % 25 !== 0;
}

function peakRssMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** After the load, before the indexes: aliases the CSVs could not say are empty, and the new store's graph version. */
async function fillMissingAliases(db: Database): Promise<void> {
  await db.writeAll([setGraphVersion()]);
  for (;;) {
    const [row] = await db.write(FILL_MISSING_ALIASES, { limit: FILL_BATCH_SIZE }, { timeoutMs: 10 * 60_000 });
    if ((row?.get("n") ?? 0) === 0) return;
  }
}

/** The heap the online part of a split bulk load needs at least (a batch of 1,000 records with its rows and pairs). */
const ONLINE_HEAP_FLOOR_BYTES = 128 * 2 ** 20;

/**
 * Before anything is written: whether the rest of the input can go on online. Every file handed on is parsed whole
 * first (bulk loads all files or none, and the files after the split were not read yet): a refused one is put in
 * the summary, which is then not ok. A heap too small for the online import's batches refuses the whole load.
 */
async function mayHandOn(summary: ImportSummary, options: ImportOptions): Promise<void> {
  const handOff = summary.handOff!;
  if (oldSpaceLimitBytes() < ONLINE_HEAP_FLOOR_BYTES)
    throw new BulkImportRefused(
      `import --bulk: ${handOff.reason}. The rest of the input would go on through the online import, but this ` +
        `process's heap (${Math.round(oldSpaceLimitBytes() / 2 ** 20)} MiB) is too small for it. Nothing was written. Next: ` +
        `run it again with NODE_OPTIONS=--max-old-space-size=512 or more, or import without --bulk.`,
    );
  const refused = await refusedFiles(handOff, options);
  if (refused.length === 0) return;
  summary.files = [...summary.files.filter((f) => !(f.handedOff && refused.some((r) => r.file === f.file))), ...refused];
  summary.ok = false;
  summary.handOff = undefined;
}

/**
 * The online import of what a bulk load handed on (BulkImportResult.handOff), into the graph it loaded: the file it
 * stopped in from the record after the last one loaded, then every file after it.
 */
export async function continueOnline(db: Database, handOff: HandOff, options: ImportOptions): Promise<ImportSummary> {
  try {
    return await importFiles(db, handOff.paths, { ...options, resume: { records: handOff.records, localPath: handOff.stdinSpool } });
  } finally {
    if (handOff.stdinSpool) rmSync(handOff.stdinSpool, { force: true });
  }
}

/** One summary for the whole input: the file split between the two parts is one entry, its counts added up. */
export function joinSummaries(bulk: ImportSummary, online: ImportSummary): ImportSummary {
  const part = bulk.files[bulk.files.length - 1];
  const [rest, ...after] = online.files;
  if (!part?.handedOff || !rest) return { files: [...bulk.files, ...online.files], ok: bulk.ok && online.ok };
  const sum = <T extends object>(a: T, b: T): T =>
    Object.fromEntries(Object.entries(a).map(([k, v]) => [k, (v as number) + ((b as Record<string, number>)[k] ?? 0)])) as T;
  const joined: FileImportSummary = {
    ...rest,
    writes: sum(part.writes, rest.writes),
    coauthorPairs: sum(part.coauthorPairs, rest.coauthorPairs),
    mentionsReattached: part.mentionsReattached + rest.mentionsReattached,
    seconds: part.seconds + rest.seconds,
    stageSeconds: sum(part.stageSeconds, rest.stageSeconds),
    skippedRecords: undefined,
    bulkPart: { runId: part.runId, records: part.handedOff.records },
  };
  const files = [...bulk.files.slice(0, -1), joined, ...after];
  return { files, ok: files.every((f) => f.status === "imported") };
}
