import { Database, Neo4jTarget } from "../../src/db/database";
import { applySchema } from "../../src/db/schema-setup";

/**
 * The Neo4j that test/run-tests.ts provides (a throwaway local one, or TEST_NEO4J_URI). Tests wipe
 * it, so it is never taken from NEO4J_URI.
 */
export function testNeo4jTarget(): Neo4jTarget {
  const uri = process.env.TEST_NEO4J_URI;
  if (!uri) {
    throw new Error(
      "These tests need a Neo4j they may wipe, and TEST_NEO4J_URI is not set. Run them through the harness: " +
        "`npm test`, or `npm run build && node dist/test/run-tests.js dist/test/integration/<file>.test.js` " +
        "(it starts a throwaway Neo4j), or set TEST_NEO4J_URI (+ TEST_NEO4J_USER, TEST_NEO4J_PASSWORD) to a disposable database.",
    );
  }
  return {
    uri,
    user: process.env.TEST_NEO4J_USER || "neo4j",
    password: process.env.TEST_NEO4J_PASSWORD || "neo4j",
    database: process.env.TEST_NEO4J_DATABASE || "neo4j",
  };
}

let schemaApplied: Promise<unknown> | undefined;

/** A connected Database with the schema applied (once per test process). The caller closes it. */
export async function testDatabase(): Promise<Database> {
  const db = await Database.connect(testNeo4jTarget(), 60_000);
  try {
    schemaApplied ??= applySchema(db);
    await schemaApplied;
  } catch (error) {
    schemaApplied = undefined;
    await db.close();
    throw error;
  }
  return db;
}

const DELETE_BATCH = "MATCH (n) WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS deleted";

/** Deletes every node and relationship, in batches so a big graph does not need one huge transaction. Keeps the schema. */
export async function clearGraph(db: Database, batch = 10_000): Promise<void> {
  for (;;) {
    const [record] = await db.write(DELETE_BATCH, { batch }, { timeoutMs: 120_000 });
    if (Number(record?.get("deleted") ?? 0) === 0) return;
  }
}
