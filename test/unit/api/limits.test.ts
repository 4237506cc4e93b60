import "reflect-metadata";
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { getIntrospectionQuery, GraphQLError, GraphQLSchema, parse } from "graphql";
import { checkQueryLimits, PassedChecks, PASSED_CHECKS_PER_DOCUMENT, QueryLimits } from "../../../src/api/limits";
import { buildGraphqlSchema } from "../../../src/api/schema";

let schema: GraphQLSchema;
before(async () => {
  schema = await buildGraphqlSchema();
});

const limits: QueryLimits = { maxDepth: 12, maxComplexity: 20_000 };

function check(query: string, variables: Record<string, unknown> = {}, custom: QueryLimits = limits) {
  return checkQueryLimits(schema, parse(query), { variables }, custom);
}

function rejects(query: string, code: string, variables: Record<string, unknown> = {}, custom: QueryLimits = limits): GraphQLError {
  let caught: unknown;
  try {
    check(query, variables, custom);
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof GraphQLError, `expected ${code} for ${query}`);
  assert.equal(caught.extensions.code, code);
  assert.deepEqual(caught.extensions.http, { status: 400 });
  return caught;
}

test("an ordinary query passes and is measured", () => {
  const measure = check(`{ author(id: "a") { name coauthors(first: 10) { edges { node { name } jointPapers } } } }`);
  assert.ok(measure);
  assert.equal(measure.depth, 5);
  assert.ok(measure.complexity > 10 && measure.complexity < 200, String(measure.complexity));
});

test("GraphiQL's introspection query passes", () => {
  assert.ok(check(getIntrospectionQuery()));
});

test("too deep is LIMIT_EXCEEDED, fragments included", () => {
  const error = rejects(`{ author(id: "a") { name } }`, "LIMIT_EXCEEDED", {}, { maxDepth: 1, maxComplexity: 20_000 });
  assert.equal(error.extensions.depth, 2);
  rejects(
    `query { author(id: "a") { ...deep } } fragment deep on Author { coauthors { edges { node { coauthors { edges { node { name } } } } } } }`,
    "LIMIT_EXCEEDED",
    {},
    { maxDepth: 6, maxComplexity: 20_000 },
  );
});

test("cost multiplies by first/maxNodes, so nested big pages are LIMIT_EXCEEDED", () => {
  const small = check(`{ authors(search: "x", first: 10) { edges { node { papers(first: 10) { edges { node { title } } } } } } }`);
  const big = check(`{ authors(search: "x", first: 100) { edges { node { papers(first: 10) { edges { node { title } } } } } } }`);
  assert.ok(small && big && big.complexity > 9 * small.complexity, `${small?.complexity} vs ${big?.complexity}`);
  const error = rejects(
    `{ authors(search: "x", first: 100) { edges { node { papers(first: 100) { edges { node { authors { name } } } } } } } }`,
    "LIMIT_EXCEEDED",
  );
  assert.ok(Number(error.extensions.complexity) > 20_000);
  const network = (maxNodes: number) =>
    check(`{ coauthorNetwork(authorId: "a", maxNodes: ${maxNodes}) { nodes { author { name } } edges { source target } } }`)!.complexity;
  assert.ok(network(2000) > 9 * network(200));
});

test("argument rules apply anywhere in the operation, with variables, before execution", () => {
  rejects(`{ author(id: "a") { coauthors(first: 101) { totalCount } } }`, "BAD_USER_INPUT");
  rejects(`query($n: Int) { author(id: "a") { papers(first: $n) { totalCount } } }`, "BAD_USER_INPUT", { n: 0 });
  rejects(`{ coauthorNetwork(authorId: "a", depth: 4) { truncated } }`, "BAD_USER_INPUT");
  rejects(`{ coauthorNetwork(authorId: "a", maxNodes: 2001) { truncated } }`, "BAD_USER_INPUT");
  rejects(`{ collaborationPath(fromId: "a", toId: "b", maxLength: 9) { length } }`, "BAD_USER_INPUT");
  rejects(`{ sharedVenues(authorIds: ["a"]) { jointPaperCount } }`, "BAD_USER_INPUT");
  rejects(`{ sharedVenues(authorIds: ["a", "a"]) { jointPaperCount } }`, "BAD_USER_INPUT");
  rejects(`{ papers(yearFrom: 2021, yearTo: 2020) { totalCount } }`, "BAD_USER_INPUT");
  rejects(`{ authors(search: "   ") { totalCount } }`, "BAD_USER_INPUT");
  rejects(`{ venues(after: "not-a-cursor!") { totalCount } }`, "BAD_USER_INPUT");
  const error = rejects(`{ a: author(id: "a") { coauthors(first: 500) { totalCount } } }`, "BAD_USER_INPUT");
  assert.equal(error.extensions.argument, "first");
});

test("variables that do not coerce are left to execution (which reports them)", () => {
  assert.equal(check(`query($n: Int!) { papers(first: $n) { totalCount } }`, {}), null);
});

test("the named operation is the one checked", () => {
  const query = `query Small { stats { authors } } query Big { author(id: "a") { coauthors(first: 500) { totalCount } } }`;
  assert.ok(checkQueryLimits(schema, parse(query), { operationName: "Small" }, limits));
  assert.throws(() => checkQueryLimits(schema, parse(query), { operationName: "Big" }, limits), GraphQLError);
});

test("passed checks are remembered per document and variables; refusals are checked every time", () => {
  const passed = new PassedChecks();
  const document = parse(`query($id: ID!, $n: Int) { author(id: $id) { coauthors(first: $n) { edges { node { name } } } } }`);
  const first = passed.check(schema, document, { variables: { id: "a", n: 10 } }, limits);
  assert.ok(first);
  assert.equal(passed.check(schema, document, { variables: { id: "a", n: 10 } }, limits), first, "the same measure, not measured again");
  const other = passed.check(schema, document, { variables: { id: "a", n: 100 } }, limits);
  assert.ok(other && other !== first && other.complexity > first.complexity, "other variables are measured on their own");
  for (let i = 0; i < 2; i += 1)
    assert.throws(
      () => passed.check(schema, document, { variables: { id: "a", n: 1000 } }, limits),
      (error: GraphQLError) => error.extensions.code === "BAD_USER_INPUT",
    );
  for (let i = 0; i < PASSED_CHECKS_PER_DOCUMENT + 5; i += 1) passed.check(schema, document, { variables: { id: `a${i}`, n: 1 } }, limits);
  assert.notEqual(passed.check(schema, document, { variables: { id: "a", n: 10 } }, limits), first, "bounded: old entries go");
});
