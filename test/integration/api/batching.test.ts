import assert from "node:assert/strict";
import { test } from "node:test";
import { useTestApi } from "../../support/api";
import { addPapers, TestPaper } from "../../support/graphql";

/** No N+1: nested lists resolve through per-request DataLoaders, one statement per level. */

function papers(count: number): TestPaper[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `batch-${String(i).padStart(2, "0")}`,
    title: `Batched paper ${i}`,
    year: 2000 + i,
    venue: { id: `venue-${i % 4}`, name: `Venue ${i % 4}` },
    authors: [0, 1, 2].map((k) => ({ id: `name:author ${(i + k) % 25}`, name: `Author ${(i + k) % 25}` })),
  }));
}

const graph = useTestApi({ load: (db) => addPapers(db, papers(30)) });

async function statementsFor(query: string, variables?: Record<string, unknown>): Promise<number> {
  const before = graph.statements.count;
  await graph.api.data(query, variables);
  return graph.statements.count - before;
}

const PAPERS_WITH_AUTHORS_AND_VENUES = `query($first: Int) {
  papers(first: $first) { edges { node { title venue { name paperCount } authors { name paperCount } } } }
}`;

test("20 papers' authors and venues take 3 statements, the same as 2 papers", async () => {
  const twenty = await statementsFor(PAPERS_WITH_AUTHORS_AND_VENUES, { first: 20 });
  const two = await statementsFor(PAPERS_WITH_AUTHORS_AND_VENUES, { first: 2 });
  assert.equal(twenty, 3, "list + authors batch + venues batch");
  assert.equal(two, twenty);
});

const NESTED = `query($first: Int) {
  papers(first: $first) { totalCount edges { node {
    venue { papers(first: 3) { totalCount edges { node { id } } } }
    authors {
      coauthors(first: 2) { totalCount edges { jointPapers node { name } } }
      venues(first: 2) { paperCount venue { id } }
      papers(first: 3) { totalCount edges { node { title authors { id } venue { id } } } }
    }
  } } }
}`;

test("nested connections (authors { papers { authors } }) stay constant whatever the page size", async () => {
  const twenty = await statementsFor(NESTED, { first: 20 });
  const three = await statementsFor(NESTED, { first: 3 });
  assert.equal(twenty, three);
  assert.ok(twenty <= 13, `${twenty} statements`);
});

test("the same author reached twice in one request is read once", async () => {
  const count = await statementsFor(`{
    a: author(id: "name:author 1") { name }
    b: author(id: "name:author 1") { name }
    c: node(id: "name:author 2") { id }
    d: author(id: "name:author 3") { name }
  }`);
  assert.equal(count, 2, "one authors-by-id batch, one node batch");
});

const COAUTHOR_PAGE = `edges { cursor jointPapers firstYear lastYear node { id name paperCount } } pageInfo { hasNextPage endCursor } totalCount`;

test("author(id) { coauthors } is one statement, the same answer as the field read on its own", async () => {
  const query = `query($id: ID!, $after: String) { author(id: $id) { name coauthors(first: 2, after: $after) { ${COAUTHOR_PAGE} } } }`;
  // node(id) does not look ahead: the author, then the page.
  const separate = `query($id: ID!, $after: String) { node(id: $id) { ... on Author { name coauthors(first: 2, after: $after) { ${COAUTHOR_PAGE} } } } }`;
  const first = await graph.api.data(query, { id: "name:author 5" });
  assert.deepEqual(first.author, (await graph.api.data(separate, { id: "name:author 5" })).node);
  assert.equal(await statementsFor(query, { id: "name:author 5" }), 1);
  assert.equal(await statementsFor(separate, { id: "name:author 5" }), 2);

  const after = first.author.coauthors.pageInfo.endCursor;
  const second = await graph.api.data(query, { id: "name:author 5", after });
  assert.deepEqual(second.author, (await graph.api.data(separate, { id: "name:author 5", after })).node);
  assert.equal(await statementsFor(query, { id: "name:author 5", after }), 1);

  // Through a fragment and an alias, and for two authors at once (one batch).
  const two = `{ a: author(id: "name:author 5") { ...page } b: author(id: "name:author 6") { ...page } }
    fragment page on Author { people: coauthors(first: 3) { totalCount edges { node { id } } } }`;
  assert.equal(await statementsFor(two), 1);
  assert.equal((await graph.api.data(`{ author(id: "name:nobody") { coauthors { totalCount } } }`)).author, null);
  assert.equal(await statementsFor(`{ author(id: "name:nobody") { coauthors { totalCount } } }`), 1);
});

test("author(id) reads the author alone when its coauthor pages cannot share the statement", async () => {
  const windowed = `{ author(id: "name:author 5") { coauthors(first: 2, yearFrom: 2005) { totalCount edges { jointPapers node { id } } } } }`;
  const separate = `{ node(id: "name:author 5") { ... on Author { coauthors(first: 2, yearFrom: 2005) { totalCount edges { jointPapers node { id } } } } } }`;
  assert.deepEqual((await graph.api.data(windowed)).author, (await graph.api.data(separate)).node);
  assert.equal(await statementsFor(windowed), await statementsFor(separate));

  const twoPages = `{ author(id: "name:author 5") { a: coauthors(first: 1) { edges { node { id } } } b: coauthors(first: 3) { edges { node { id } } } } }`;
  const answer = (await graph.api.data(twoPages)).author;
  assert.equal(answer.a.edges.length, 1);
  assert.equal(answer.b.edges.length, 3);
  assert.equal(answer.a.edges[0].node.id, answer.b.edges[0].node.id);
  assert.equal(await statementsFor(twoPages), 3, "the author, then one statement per argument set, as before");
});
