import assert from "node:assert/strict";
import { test } from "node:test";
import { Database } from "../../../src/db/database";
import { useSampleApi } from "../../support/api";
import { createTestApi, errorCodes } from "../../support/graphql";
import { testNeo4jTarget } from "../../support/neo4j";
import { A } from "../../support/sample-graph";

const sample = useSampleApi({ maxDepth: 8, maxComplexity: 5_000 });

test("query depth and cost limits answer LIMIT_EXCEEDED (HTTP 400) before any statement", async () => {
  const before = sample.statements.count;
  const deep = await sample.api.run(
    `{ author(id: "${A.id}") { coauthors { edges { node { coauthors { edges { node { coauthors { edges { node { name } } } } } } } } } } }`,
  );
  assert.deepEqual(errorCodes(deep), ["LIMIT_EXCEEDED"]);
  assert.equal(deep.status, 400);
  assert.equal(deep.data, undefined);
  const costly = await sample.api.run(
    `{ papers(first: 100) { edges { node { authors { papers(first: 100) { edges { node { title } } } } } } } }`,
  );
  assert.deepEqual(errorCodes(costly), ["LIMIT_EXCEEDED"]);
  const network = await sample.api.run(
    `{ coauthorNetwork(authorId: "${A.id}", maxNodes: 2000) { nodes { author { name paperCount } } edges { source target } } }`,
  );
  assert.deepEqual(errorCodes(network), ["LIMIT_EXCEEDED"]);
  assert.equal(sample.statements.count, before, "Neo4j was never asked");
});

test("argument errors deep in a query stop the whole operation before Neo4j", async () => {
  const before = sample.statements.count;
  const result = await sample.api.run(
    `{ author(id: "${A.id}") { name papers(first: 3) { edges { node { authors { coauthors(first: 1000) { totalCount } } } } } } }`,
  );
  assert.deepEqual(errorCodes(result), ["BAD_USER_INPUT"]);
  assert.equal(result.status, 400);
  assert.equal(sample.statements.count, before);
});

test("variables of the wrong type are BAD_USER_INPUT from execution, before resolvers", async () => {
  const result = await sample.api.run(`query($n: Int!) { papers(first: $n) { totalCount } }`, { n: "many" });
  assert.deepEqual(errorCodes(result), ["BAD_USER_INPUT"]);
});

test("a database failure is an INTERNAL error with no Cypher or stack in production", async () => {
  const broken = await Database.connect(testNeo4jTarget());
  await broken.close();
  const production = await createTestApi(broken, { production: true });
  const development = await createTestApi(broken, { production: false });
  try {
    const hidden = await production.run(`{ author(id: "${A.id}") { name } }`);
    assert.equal(hidden.errors?.length, 1);
    const errorId = hidden.errors?.[0].extensions?.errorId;
    assert.deepEqual(hidden.errors?.[0].extensions, { code: "INTERNAL_SERVER_ERROR", errorId });
    assert.equal(hidden.errors?.[0].message, `Internal server error (id ${String(errorId)}); the server log has the details.`);
    assert.equal(hidden.data?.author, null);
    const shown = await development.run(`{ author(id: "${A.id}") { name } }`);
    assert.ok(shown.errors?.[0].extensions?.code);
    const notFound = await production.run(`{ sharedVenues(authorIds: ["a", "b"]) { jointPaperCount } }`);
    assert.ok(notFound.errors?.[0].extensions?.code);
    assert.ok(!JSON.stringify(notFound.errors).includes("MATCH"), "no Cypher reaches a client");
  } finally {
    await production.stop();
    await development.stop();
  }
});

test("client errors keep their message and code in production", async () => {
  const production = await createTestApi(sample.db, { production: true });
  try {
    const result = await production.run(`{ coauthorNetwork(authorId: "name:nobody") { truncated } }`);
    assert.deepEqual(result.errors?.[0].extensions, { code: "NOT_FOUND", ids: ["name:nobody"] });
    assert.match(result.errors?.[0].message ?? "", /No author with id "name:nobody"/);
  } finally {
    await production.stop();
  }
});
