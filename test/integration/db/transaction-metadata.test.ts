import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import neo4j, { type Driver } from "neo4j-driver";
import { APP_NAME, Database, type StatementEvent } from "../../../src/db/database";
import { clearGraph, testDatabase, testNeo4jTarget } from "../../support/neo4j";

// What a DBA sees of coauthor-graph's transactions in Neo4j itself: SHOW TRANSACTIONS, read from a
// second, independent client while one of ours is still running.

let db: Database;
let dba: Driver;

const LOCK_NODE = "CREATE (:MetadataProbe {id: 1, holder: 'nobody'})";
const TAKE_LOCK = "MATCH (n:MetadataProbe {id: 1}) SET n.holder = $holder";
/** Waits for the write lock the DBA's open transaction holds on the probe node. */
const WAIT_FOR_LOCK = "MATCH (n:MetadataProbe {id: 1}) SET n.holder = 'app' RETURN n.holder AS holder";
/** ~10^10 rows: runs far longer than the test lets it (it is terminated once seen). */
const LONG_READ = "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*) AS n";
const SHOW_TRANSACTIONS = "SHOW TRANSACTIONS YIELD transactionId, metaData, currentQuery";

interface SeenTransaction {
  id: string;
  metaData: Record<string, unknown>;
  currentQuery: string;
}

before(async () => {
  db = await testDatabase();
  await clearGraph(db);
  await db.write(LOCK_NODE);
  const target = testNeo4jTarget();
  dba = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), { logging: { level: "error", logger: () => undefined } });
});

after(async () => {
  await dba?.close();
  await db?.close();
});

/** Polls SHOW TRANSACTIONS (as the DBA) until a transaction running `query` shows up. */
async function seen(query: string): Promise<SeenTransaction> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { records } = await dba.executeQuery(SHOW_TRANSACTIONS, {}, { database: testNeo4jTarget().database });
    const match = records.find((r) => r.get("currentQuery") === query);
    if (match) return { id: match.get("transactionId"), metaData: match.get("metaData"), currentQuery: match.get("currentQuery") };
    if (Date.now() > deadline)
      throw new Error(`No transaction running "${query}" within 20 s; running: ${records.map((r) => r.get("currentQuery")).join(" | ")}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Runs `blocked` while the DBA holds the probe node's write lock, and returns what SHOW TRANSACTIONS says of it. */
async function whileLocked(blocked: () => Promise<unknown>): Promise<{ transaction: SeenTransaction; result: unknown }> {
  const session = dba.session({ database: testNeo4jTarget().database });
  const tx = session.beginTransaction();
  try {
    await tx.run(TAKE_LOCK, { holder: "dba" });
    const running = blocked();
    const transaction = await seen(WAIT_FOR_LOCK);
    await tx.rollback();
    return { transaction, result: await running };
  } finally {
    if (tx.isOpen()) await tx.rollback();
    await session.close();
  }
}

test("a write carries the app and its view's operation in the metadata Neo4j shows", async () => {
  const { transaction, result } = await whileLocked(() => db.forOperation("test:view").write(WAIT_FOR_LOCK));
  assert.deepEqual(transaction.metaData, { app: APP_NAME, operation: "test:view" });
  assert.equal((result as Array<{ get(key: string): unknown }>)[0].get("holder"), "app", "the write went on once the lock was released");
});

test("writeAll does too, and QueryOptions.operation overrides the view's", async () => {
  const { transaction } = await whileLocked(() =>
    db.forOperation("test:view").writeAll([{ cypher: "RETURN 1" }, { cypher: WAIT_FOR_LOCK }], { operation: "test:option" }),
  );
  assert.deepEqual(transaction.metaData, { app: APP_NAME, operation: "test:option" });
});

test("a read carries it too; a Database no caller named says so", async () => {
  const events: StatementEvent[] = [];
  const stop = db.observe((event) => events.push(event));
  // The timeout bounds the read should the test fail before it terminates it.
  const reading = db.read(LONG_READ, {}, { timeoutMs: 30_000 }).then(
    () => "finished",
    (error: Error) => error,
  );
  try {
    const transaction = await seen(LONG_READ);
    try {
      assert.deepEqual(transaction.metaData, { app: APP_NAME, operation: "unnamed" });
    } finally {
      await dba.executeQuery(`TERMINATE TRANSACTION "${transaction.id}"`, {}, { database: testNeo4jTarget().database });
    }
  } finally {
    stop();
  }
  const outcome = await reading;
  assert.ok(outcome instanceof Error, "the terminated read failed");
  assert.equal((outcome as { extensions?: { code?: string } }).extensions?.code, "INTERNAL_SERVER_ERROR");
  // The listener saw the statement once (a terminated transaction is not retried), with the same metadata.
  assert.equal(events.length, 1, JSON.stringify(events));
  assert.deepEqual(
    { ...events[0], transaction: undefined },
    { mode: "READ", cypher: LONG_READ, metadata: { app: APP_NAME, operation: "unnamed" }, transaction: undefined },
  );
  assert.ok(Number.isInteger(events[0].transaction) && events[0].transaction > 0, "numbered by its transaction");
});

test("observe: every view of a connection reports to its listeners until they unsubscribe", async () => {
  const seenBy: string[] = [];
  const stopA = db.observe((event) => seenBy.push(`a:${event.metadata.operation}`));
  const stopB = db.forOperation("test:child").observe((event) => seenBy.push(`b:${event.metadata.operation}`));
  await db.forOperation("test:child").read("RETURN 1");
  await db.writeAll([{ cypher: "RETURN 1" }, { cypher: "RETURN 2" }], { operation: "test:pair" });
  stopA();
  await db.read("RETURN 1", {}, { operation: "test:after-a" });
  stopB();
  await db.read("RETURN 1");
  assert.deepEqual(seenBy, ["a:test:child", "b:test:child", "a:test:pair", "b:test:pair", "a:test:pair", "b:test:pair", "b:test:after-a"]);
});
