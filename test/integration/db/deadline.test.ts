import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import neo4j, { type Driver } from "neo4j-driver";
import { Database } from "../../../src/db/database";
import { loadConfig } from "../../../src/config";
import { startHttpServer } from "../../../src/api/http";
import { testDatabase, testNeo4jTarget } from "../../support/neo4j";

// A request's deadline reaches Neo4j: the transaction is terminated there, not left running.

/** ~10^10 rows: runs far longer than any test lets it. */
const LONG_READ = "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*) AS n";
const RUNNING = "SHOW TRANSACTIONS YIELD metaData, currentQuery WHERE metaData.operation = $operation RETURN count(*) AS n";

let db: Database;
let dba: Driver;

before(async () => {
  db = await testDatabase();
  const target = testNeo4jTarget();
  dba = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), { logging: { level: "error", logger: () => undefined } });
});

after(async () => {
  await dba?.close();
  await db?.close();
});

async function running(operation: string): Promise<number> {
  const result = await dba.executeQuery(RUNNING, { operation }, { database: testNeo4jTarget().database });
  return Number(result.records[0].get("n"));
}

test("a transaction started under a deadline is terminated by Neo4j at the deadline", { timeout: 60_000 }, async () => {
  const operation = `test:deadline-${Date.now()}`;
  const started = Date.now();
  const outcome = await db
    .forOperation(operation)
    .withDeadline(Date.now() + 1_500)
    .read(LONG_READ)
    .then(
      () => undefined,
      (error: unknown) => error,
    );
  const elapsed = Date.now() - started;
  assert.equal((outcome as { extensions?: { code?: string } })?.extensions?.code, "LIMIT_EXCEEDED", String(outcome));
  // Neo4j checks transaction timeouts every 2 s (db.transaction.monitor.check.interval).
  assert.ok(elapsed < 6_000, `ended after ${elapsed} ms`);
  assert.equal(await running(operation), 0, "nothing left running in Neo4j");
});

test("a deadline that has passed refuses the next transaction before Neo4j", async () => {
  let sent = 0;
  const stop = db.observe(() => sent++);
  try {
    await assert.rejects(db.withDeadline(Date.now() - 1).read("RETURN 1 AS one"), /REQUEST_DEADLINE_MS/);
  } finally {
    stop();
  }
  assert.equal(sent, 0);
});

test("every GraphQL request gets REQUEST_DEADLINE_MS as its deadline", { timeout: 60_000 }, async () => {
  const base = loadConfig({});
  const config = { ...base, http: { ...base.http, requestDeadlineMs: 1 } };
  const server = await startHttpServer({ db, config, port: 0, host: "127.0.0.1" });
  try {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: '{ papers(search: "graph", first: 5) { totalCount } }' }),
    });
    const body = (await response.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
    assert.equal(body.errors?.[0]?.extensions?.code, "LIMIT_EXCEEDED", JSON.stringify(body));
    assert.match(body.errors?.[0]?.message ?? "", /REQUEST_DEADLINE_MS/);
  } finally {
    await server.close();
  }
});
