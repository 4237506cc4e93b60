import assert from "node:assert/strict";
import { test } from "node:test";
import { apiOperation } from "../../../src/api/context";

test("the operationName a client sends names the request's transactions", () => {
  assert.equal(apiOperation({ query: "query Top { stats { authors } }", operationName: "Top" }), "api:Top");
  assert.equal(apiOperation({ query: "query A { stats { authors } } query B { stats { papers } }", operationName: "B" }), "api:B");
});

test("without one: the document's named operation, else the first root field of an anonymous one", () => {
  assert.equal(apiOperation({ query: "  query AuthorPage($id: ID!) { author(id: $id) { name } }" }), "api:AuthorPage");
  assert.equal(apiOperation({ query: '{ author(id: "x") { name } }' }), "api:author");
  assert.equal(apiOperation({ query: '{\n  who: author(id: "x") { name } }' }), "api:author");
  assert.equal(
    apiOperation({ query: "query($id: ID!, $n: Int = 3) { coauthorNetwork(authorId: $id, depth: $n) { nodes { id } } }" }),
    "api:coauthorNetwork",
  );
  assert.equal(apiOperation({ query: "query { stats { authors } }", operationName: null }), "api:stats");
});

test('what is not a GraphQL name, or cannot be read at the start of the document, is just "api"', () => {
  assert.equal(apiOperation({}), "api");
  assert.equal(apiOperation({ query: 42, operationName: ["Top"] }), "api");
  assert.equal(apiOperation({ query: "{ stats { authors } }", operationName: "Robert'); DROP" }), "api:stats");
  assert.equal(apiOperation({ operationName: "x".repeat(101) }), "api");
  assert.equal(apiOperation({ query: "# a comment first\n{ stats { authors } }" }), "api");
  assert.equal(apiOperation({ query: 'fragment F on Author { name } { author(id: "x") { ...F } }' }), "api");
});

test("a hostile query costs no more than its first thousand characters", () => {
  const started = process.hrtime.bigint();
  for (const query of [`query${" ".repeat(200_000)}x`, `{${" ".repeat(200_000)}`, `query (${"$a: Int ".repeat(30_000)}`]) {
    assert.equal(apiOperation({ query }), "api");
  }
  assert.ok(process.hrtime.bigint() - started < 50_000_000n, "under 50 ms for all three");
});
