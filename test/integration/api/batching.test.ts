import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Database } from "../../../src/db/database";
import { addPapers, createTestApi, TestApi, TestPaper } from "../../support/graphql";
import { clearGraph, testDatabase } from "../../support/neo4j";

/** No N+1: nested lists resolve through per-request DataLoaders, one statement per level. */
let db: Database;
let api: TestApi;

function papers(count: number): TestPaper[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `batch-${String(i).padStart(2, "0")}`,
    title: `Batched paper ${i}`,
    year: 2000 + i,
    venue: { id: `venue-${i % 4}`, name: `Venue ${i % 4}` },
    authors: [0, 1, 2].map((k) => ({ id: `name:author ${(i + k) % 25}`, name: `Author ${(i + k) % 25}` })),
  }));
}

before(async () => {
  db = await testDatabase();
  await clearGraph(db);
  await addPapers(db, papers(30));
  api = await createTestApi(db);
});

after(async () => {
  await api?.stop();
  await db?.close();
});

async function statementsFor(query: string, variables?: Record<string, unknown>): Promise<number> {
  const before = db.statementCount;
  await api.data(query, variables);
  return db.statementCount - before;
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
