import { rmSync } from "node:fs";
import path from "node:path";
import { loadConfig } from "../../src/config";
import { Database } from "../../src/db/database";
import { homeLayout } from "../../src/db/local/home-layout";
import { provideNeo4j } from "../../src/db/neo4j-provider";
import { applySchema } from "../../src/db/schema-setup";
import { graphCounts, GraphCounts } from "./graph-counts";
import { adminImport, dumpGraphCsv } from "./bulk-floor";

export interface BulkFloorFigures {
  /** neo4j-admin database import full: CSV to store, wall seconds. */
  adminImportSeconds: number;
  /** Starting Neo4j on that store, creating the schema and waiting for every index to be ONLINE. */
  schemaAndIndexSeconds: number;
  totalSeconds: number;
  countsAfter: GraphCounts;
}

/**
 * Loads the graph currently in `source` into a fresh store with neo4j-admin (see bulk-floor.ts), starts Neo4j on
 * it, applies schema/neo4j/*.cypher and waits for the indexes: the best an empty-database import can do here.
 * The scratch home is removed afterwards.
 */
export async function measureBulkFloor(opts: {
  source: Database;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  version: string;
  log: (line: string) => void;
}): Promise<BulkFloorFigures> {
  const csvDir = path.join(opts.dataDir, "bulk-csv");
  const home = path.join(opts.dataDir, "bulk-home");
  rmSync(home, { recursive: true, force: true });
  opts.log("bulk floor: dumping the imported graph to CSV (not timed) …");
  await dumpGraphCsv(opts.source.driver, csvDir);
  const jarDir = path.join(opts.env.COAUTHOR_GRAPH_JAR_CACHE!, `neo4j-${opts.version}`, "lib");
  const java = opts.env.COAUTHOR_GRAPH_JAVA || (opts.env.JAVA_HOME ? path.join(opts.env.JAVA_HOME, "bin", "java") : "java");
  opts.log("bulk floor: neo4j-admin database import full …");
  const adminImportSeconds = await adminImport({ jarDir, java, neo4jHome: homeLayout(home).neo4jHome, csvDir, log: opts.log });
  const started = process.hrtime.bigint();
  const env = { ...opts.env, COAUTHOR_GRAPH_HOME: home };
  const neo4j = await provideNeo4j({ config: loadConfig(env), env, mode: "owner", log: opts.log });
  try {
    const db = await Database.connect(neo4j.target, 10 * 60_000);
    try {
      await applySchema(db, { awaitSeconds: 600 });
      await db.read("CALL db.awaitIndexes(600)", {}, { timeoutMs: 10 * 60_000 });
      const schemaAndIndexSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      const countsAfter = await graphCounts(db);
      return { adminImportSeconds, schemaAndIndexSeconds, totalSeconds: adminImportSeconds + schemaAndIndexSeconds, countsAfter };
    } finally {
      await db.close();
    }
  } finally {
    await neo4j.stop();
    rmSync(home, { recursive: true, force: true });
    rmSync(csvDir, { recursive: true, force: true });
  }
}
