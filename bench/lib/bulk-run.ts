import { rmSync } from "node:fs";
import path from "node:path";
import { loadConfig } from "../../src/config";
import { Database } from "../../src/db/database";
import { provideNeo4j } from "../../src/db/neo4j-provider";
import { graphCounts, GraphCounts, graphFingerprint } from "./graph-counts";
import { BulkChildFigures, runBulkChild } from "./import-child";

export interface BulkFigures {
  label: string;
  records: number;
  wallSeconds: number;
  recordsPerSecond: number;
  stageSeconds: BulkChildFigures["stageSeconds"];
  rows: BulkChildFigures["rows"];
  importerMaxRssMiB: number;
  importerCpuSeconds: number;
  countsAfter: GraphCounts;
  /** The bulk-loaded graph has the same fingerprint (graph-counts.ts) as the online import of the same file. */
  sameAsOnline?: boolean;
}

/**
 * `coauthor-graph import --bulk` of the dataset into a new, empty home (a child process, so its memory is its own),
 * then Neo4j is started on that home to count and fingerprint the result against the online import's graph (when
 * given) and to run `afterLoad` on it. The home is removed afterwards.
 */
export async function measureBulkImport(opts: {
  label: string;
  dataset: string;
  records: number;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  onlineFingerprint?: Record<string, number>;
  afterLoad?: (db: Database, uri: string, home: string) => Promise<void>;
  log: (line: string) => void;
}): Promise<BulkFigures> {
  const home = path.join(opts.dataDir, "bulk-home");
  rmSync(home, { recursive: true, force: true });
  const env = { ...opts.env, COAUTHOR_GRAPH_HOME: home };
  try {
    opts.log(`bulk import: coauthor-graph import --bulk ${opts.dataset} into ${home} …`);
    const child = await runBulkChild({ file: opts.dataset, env, log: opts.log });
    const handedOff = child.bulk.handedOff;
    if (handedOff)
      opts.log(
        `bulk import: ${handedOff.reason}; ${handedOff.records} records bulk-loaded, the rest online in ${handedOff.onlineSeconds?.toFixed(1)} s (inside the wall time)`,
      );
    const neo4j = await provideNeo4j({ config: loadConfig(env), env, mode: "owner", log: opts.log });
    try {
      const db = await Database.connect(neo4j.target, 10 * 60_000);
      try {
        const online = opts.onlineFingerprint;
        const fingerprint = online ? await graphFingerprint(db) : undefined;
        const sameAsOnline = online && fingerprint ? Object.keys(online).every((k) => fingerprint[k] === online[k]) : undefined;
        if (sameAsOnline === false)
          opts.log(
            `!! bulk graph differs from the online one:\n  online ${JSON.stringify(online)}\n  bulk   ${JSON.stringify(fingerprint)}`,
          );
        const countsAfter = await graphCounts(db);
        await opts.afterLoad?.(db, neo4j.target.uri, home);
        return {
          label: opts.label,
          records: opts.records,
          wallSeconds: child.wallSeconds,
          recordsPerSecond: Math.round(opts.records / child.wallSeconds),
          stageSeconds: child.bulk.stageSeconds,
          rows: child.bulk.rows,
          importerMaxRssMiB: child.maxRssMiB,
          importerCpuSeconds: child.cpuSeconds,
          countsAfter,
          sameAsOnline,
        };
      } finally {
        await db.close();
      }
    } finally {
      await neo4j.stop();
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

export function describeBulk(b: BulkFigures): string {
  const s = b.stageSeconds;
  return [
    `${b.label}: ${b.records} records in ${b.wallSeconds.toFixed(1)} s wall = ${b.recordsPerSecond} records/s; importer peak RSS ${b.importerMaxRssMiB.toFixed(0)} MiB`,
    `  stages: read and resolve ${s.read.toFixed(1)} s, CSV ${s.csv.toFixed(1)} s, neo4j-admin ${s.adminImport.toFixed(1)} s, start and indexes ${s.indexes.toFixed(1)} s`,
    `  graph after: ${JSON.stringify(b.countsAfter)}` +
      (b.sameAsOnline === undefined ? "" : `; same as the online import: ${b.sameAsOnline ? "yes" : "NO"}`),
  ].join("\n");
}
