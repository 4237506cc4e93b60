import assert from "node:assert/strict";
import { test } from "node:test";
import { useTestApi } from "../../support/api";
import { addPapers, TestAuthor, TestPaper } from "../../support/graphql";
import { randomIds } from "../../support/random-ids";

/*
 * Keyset paging over ids and names that mix astral characters (surrogate pairs) with U+E000..U+FFFF. Neo4j's
 * ORDER BY sorts the stored strings by code point, while a stored string compared with a parameter (the cursor's
 * key) compares by UTF-16 unit: a keyset condition written as `a.id > $afterId` then skips or repeats rows exactly
 * where the two orders disagree (test/integration/api/string-order.test.ts shows both orders). Every walk below must
 * give the one-page list, in the same order, with nothing skipped or repeated.
 */

const HUB: TestAuthor = { id: "name:hub", name: "Hub Author" };
const COAUTHOR_IDS = randomIds(90, 31);
// Names: a third all the same (the id breaks the tie), the rest the id's own characters (the name orders them).
const coauthors: TestAuthor[] = COAUTHOR_IDS.map((id, i) => ({ id, name: i % 3 === 0 ? "Same Name" : id.slice(5) }));

function papers(): TestPaper[] {
  const list: TestPaper[] = coauthors.map((author, i) => ({
    // Paper ids from the same alphabet, all in one year: the id is the only key left to order the hub's papers by.
    id: `10.1/${COAUTHOR_IDS[(i * 7) % COAUTHOR_IDS.length].slice(5)}-${i}`,
    title: `Joint paper ${i}`,
    year: 2020,
    authors: [HUB, author],
  }));
  // Namesakes found by one search with one score: the id orders them.
  for (const [i, id] of randomIds(40, 32).entries())
    list.push({ id: `solo-${i}`, title: `Solo ${i}`, year: 2001, authors: [{ id: `${id}-twin`, name: "Twin Namesake" }] });
  return list;
}

const graph = useTestApi({ load: (db) => addPapers(db, papers()) });

interface Page {
  edges: Array<{ cursor: string; node: { id: string } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function walk(query: string, first: number, pick: (data: any) => Page): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 500; pages += 1) {
    const page = pick(await graph.api.data(query, { first, after }));
    ids.push(...page.edges.map((edge) => edge.node.id));
    if (!page.pageInfo.hasNextPage) return ids;
    after = page.pageInfo.endCursor;
  }
  throw new Error("runaway pagination");
}

async function assertWalksAgree(query: string, pick: (data: any) => Page, expectedCount: number): Promise<void> {
  const whole = await walk(query, 100, pick);
  assert.equal(whole.length, expectedCount);
  assert.equal(new Set(whole).size, whole.length);
  for (const first of [1, 4]) assert.deepEqual(await walk(query, first, pick), whole, `pages of ${first}`);
}

const PAGE = `pageInfo { hasNextPage endCursor } edges { cursor node { id } }`;

test("coauthors page through astral and private-use ids and names without a skip or a repeat", async () => {
  const query = `query($first: Int, $after: String) { author(id: "name:hub") { coauthors(first: $first, after: $after) { ${PAGE} } } }`;
  await assertWalksAgree(query, (d) => d.author.coauthors, coauthors.length);
});

test("coauthors under a tie strength scheme page the same way", async () => {
  const query = `query($first: Int, $after: String) {
    author(id: "name:hub") { coauthors(first: $first, after: $after, strength: NEWMAN) { ${PAGE} } } }`;
  await assertWalksAgree(query, (d) => d.author.coauthors, coauthors.length);
});

test("an author's papers in one year page by id without a skip or a repeat", async () => {
  const query = `query($first: Int, $after: String) { author(id: "name:hub") { papers(first: $first, after: $after) { ${PAGE} } } }`;
  await assertWalksAgree(query, (d) => d.author.papers, coauthors.length);
});

test("a search whose hits share one score pages by id without a skip or a repeat", async () => {
  const query = `query($first: Int, $after: String) { authors(search: "Twin Namesake", first: $first, after: $after) { ${PAGE} } }`;
  await assertWalksAgree(query, (d) => d.authors, 40);
});
