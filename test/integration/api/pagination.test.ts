import assert from "node:assert/strict";
import { test } from "node:test";
import { encodeCursor } from "../../../src/kernel/cursor";
import { useTestApi } from "../../support/api";
import { addPapers, errorCodes, TestAuthor, TestPaper } from "../../support/graphql";

/*
 * A hub author with 40 coauthors (jointPapers 1..4, many ties, so the name/id tie-breaks matter),
 * 60 papers over 2000..2011 plus undated ones, two venues, and 30 authors called "Walker".
 */

const HUB: TestAuthor = { id: "name:hub", name: "Hub Author" };
const coauthor = (i: number): TestAuthor => ({ id: `name:co ${String(i).padStart(2, "0")}`, name: `Coauthor ${i % 7}` });
const venue = (i: number) => (i % 3 === 0 ? { id: "v-small", name: "Small Venue" } : { id: "v-big", name: "Big Venue" });

function hubPapers(): TestPaper[] {
  const papers: TestPaper[] = [];
  let n = 0;
  for (let i = 0; i < 40; i += 1) {
    for (let k = 0; k <= i % 4; k += 1) {
      n += 1;
      papers.push({
        id: `paper-${String(n).padStart(3, "0")}`,
        title: `Hub paper ${n}`,
        year: n % 9 === 0 ? null : 2000 + (n % 12),
        venue: venue(n),
        authors: [HUB, coauthor(i)],
      });
    }
  }
  for (let w = 0; w < 30; w += 1) {
    papers.push({ id: `walker-${w}`, title: `Walking ${w}`, year: 1990, authors: [{ id: `name:walker ${w}`, name: `Walker ${w % 5}` }] });
  }
  return papers;
}

const graph = useTestApi({ load: (db) => addPapers(db, hubPapers()) });

interface Page<T> {
  totalCount: number;
  edges: Array<{ cursor: string } & T>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null; hasPreviousPage: boolean; startCursor: string | null };
}

/** Walks a connection to the end; `pick` extracts it from the data; `between` runs between pages. */
async function walk<T>(
  query: string,
  variables: Record<string, unknown>,
  pick: (data: any) => Page<T>,
  between?: (pageIndex: number) => Promise<void>,
): Promise<{ edges: T[]; pages: number; totals: number[] }> {
  const edges: T[] = [];
  const totals: number[] = [];
  let after: string | null = null;
  for (let pages = 1; ; pages += 1) {
    const page = pick(await graph.api.data(query, { ...variables, after }));
    totals.push(page.totalCount);
    edges.push(...page.edges);
    assert.equal(page.pageInfo.hasPreviousPage, after !== null);
    if (page.edges.length > 0) {
      assert.equal(page.pageInfo.endCursor, page.edges[page.edges.length - 1].cursor);
      assert.equal(page.pageInfo.startCursor, page.edges[0].cursor);
    }
    if (!page.pageInfo.hasNextPage) return { edges, pages, totals };
    assert.ok(pages < 100, "runaway pagination");
    await between?.(pages);
    after = page.pageInfo.endCursor;
  }
}

const COAUTHORS = `query($after: String, $first: Int, $from: Int) {
  author(id: "name:hub") { coauthors(first: $first, after: $after, yearFrom: $from) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor jointPapers node { id name } }
  } }
}`;

type CoauthorEdge = { cursor: string; jointPapers: number; node: { id: string; name: string } };

function assertCoauthorOrder(edges: CoauthorEdge[]): void {
  for (let i = 1; i < edges.length; i += 1) {
    const [a, b] = [edges[i - 1], edges[i]];
    const ordered =
      a.jointPapers > b.jointPapers ||
      (a.jointPapers === b.jointPapers && (a.node.name < b.node.name || (a.node.name === b.node.name && a.node.id < b.node.id)));
    assert.ok(ordered, `${JSON.stringify(a)} before ${JSON.stringify(b)}`);
  }
}

test("coauthors: walking all pages gives every coauthor once, in order", async () => {
  const { edges, pages, totals } = await walk<CoauthorEdge>(COAUTHORS, { first: 7 }, (d) => d.author.coauthors);
  assert.equal(edges.length, 40);
  assert.equal(new Set(edges.map((e) => e.node.id)).size, 40);
  assert.equal(pages, 6);
  assert.ok(totals.every((t) => t === 40));
  assertCoauthorOrder(edges);
  const one = await walk<CoauthorEdge>(COAUTHORS, { first: 1 }, (d) => d.author.coauthors);
  assert.deepEqual(
    one.edges.map((e) => e.node.id),
    edges.map((e) => e.node.id),
    "page size does not change the order",
  );
});

test("coauthors: a first page of any size is the head of the whole list, also where it ends inside a run of equal ties", async () => {
  // A first page of an author with more coauthors than it holds reads names only for ties at least as strong as its
  // last one (author.cypher.ts): sizes ending inside and at the edge of the ten ties of each strength check that bound.
  const { edges: all } = await walk<CoauthorEdge>(COAUTHORS, { first: 40 }, (d) => d.author.coauthors);
  for (const first of [1, 9, 10, 11, 25, 39, 40, 41]) {
    const page = (await graph.api.data(COAUTHORS, { first, after: null })).author.coauthors as Page<CoauthorEdge>;
    assert.deepEqual(
      page.edges.map((e) => [e.node.id, e.jointPapers]),
      all.slice(0, first).map((e) => [e.node.id, e.jointPapers]),
      `first: ${first}`,
    );
    assert.equal(page.pageInfo.hasNextPage, first < 40, `first: ${first}`);
  }
});

test("coauthors inside a year window page the recounted list", async () => {
  const { edges, totals } = await walk<CoauthorEdge>(COAUTHORS, { first: 5, from: 2006 }, (d) => d.author.coauthors);
  assert.equal(new Set(edges.map((e) => e.node.id)).size, edges.length);
  assert.equal(edges.length, totals[0]);
  assertCoauthorOrder(edges);
  assert.ok(edges.length < 40);
});

test("cursors are keyed on the sort key: inserting rows mid-walk neither repeats nor skips old rows", async () => {
  const seen: CoauthorEdge[] = [];
  const { edges } = await walk<CoauthorEdge>(
    COAUTHORS,
    { first: 6 },
    (d) => d.author.coauthors,
    async (page) => {
      if (page !== 2) return;
      // One new coauthor sorts before every row already seen (5 joint papers), one among the rest.
      const strong = { id: "name:new strong", name: "Aaron New" };
      const weak = { id: "name:new weak", name: "Zed New" };
      await addPapers(graph.db, [
        ...Array.from({ length: 5 }, (_, i) => ({ id: `new-strong-${i}`, title: `New ${i}`, year: 2020, authors: [HUB, strong] })),
        { id: "new-weak", title: "New weak", year: 2020, authors: [HUB, weak] },
      ]);
    },
  );
  seen.push(...edges);
  const ids = seen.map((e) => e.node.id);
  assert.equal(new Set(ids).size, ids.length, "no duplicates");
  for (let i = 0; i < 40; i += 1) assert.ok(ids.includes(coauthor(i).id), `${coauthor(i).id} was skipped`);
  assert.ok(ids.includes("name:new weak"), "a row inserted after the cursor is reached");
  assert.ok(!ids.includes("name:new strong"), "a row inserted before the cursor does not shift later pages");
  await graph.db.write(`MATCH (p:Paper) WHERE p.id STARTS WITH "new-" DETACH DELETE p`);
  await graph.db.write(`MATCH (a:Author) WHERE a.id STARTS WITH "name:new " DETACH DELETE a`);
});

const AUTHOR_PAPERS = `query($after: String, $first: Int) {
  author(id: "name:hub") { papers(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id year } }
  } }
}`;

type PaperEdge = { cursor: string; node: { id: string; year: number | null } };

function assertNewestFirst(edges: PaperEdge[]): void {
  const key = (e: PaperEdge) => e.node.year ?? -1;
  for (let i = 1; i < edges.length; i += 1) {
    const [a, b] = [edges[i - 1], edges[i]];
    assert.ok(key(a) > key(b) || (key(a) === key(b) && a.node.id < b.node.id), `${a.node.id} before ${b.node.id}`);
  }
}

test("author papers: every paper once, newest first, undated last", async () => {
  const { edges, totals } = await walk<PaperEdge>(AUTHOR_PAPERS, { first: 9 }, (d) => d.author.papers);
  assert.equal(edges.length, 100);
  assert.equal(new Set(edges.map((e) => e.node.id)).size, 100);
  assert.equal(totals[0], 100);
  assertNewestFirst(edges);
  assert.equal(edges[edges.length - 1].node.year, null);
});

test("venue papers and the top-level papers list walk completely too", async () => {
  const venue = await walk<PaperEdge>(
    `query($after: String) { venue(id: "v-big") { papers(first: 8, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id year } } } } }`,
    {},
    (d) => d.venue.papers,
  );
  assert.equal(venue.edges.length, venue.totals[0]);
  assert.equal(new Set(venue.edges.map((e) => e.node.id)).size, venue.edges.length);
  assertNewestFirst(venue.edges);

  const list = await walk<PaperEdge>(
    `query($after: String) { papers(first: 11, after: $after, yearFrom: 2003, yearTo: 2008) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id year } } } }`,
    {},
    (d) => d.papers,
  );
  assert.equal(list.edges.length, list.totals[0]);
  assert.equal(new Set(list.edges.map((e) => e.node.id)).size, list.edges.length);
  assert.ok(list.edges.every((e) => e.node.year! >= 2003 && e.node.year! <= 2008));
  assertNewestFirst(list.edges);

  const search = await walk<{ cursor: string; score: number; node: { id: string } }>(
    `query($after: String) { papers(search: "hub", first: 13, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor score node { id } } } }`,
    {},
    (d) => d.papers,
  );
  assert.equal(search.edges.length, 100);
  assert.equal(new Set(search.edges.map((e) => e.node.id)).size, 100);
});

test("author search pages by relevance with id tie-breaks; venues page alphabetically", async () => {
  const authors = await walk<{ cursor: string; score: number; node: { id: string } }>(
    `query($after: String) { authors(search: "walker", first: 4, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor score node { id } } } }`,
    {},
    (d) => d.authors,
  );
  assert.equal(authors.edges.length, 30);
  assert.equal(new Set(authors.edges.map((e) => e.node.id)).size, 30);
  for (let i = 1; i < authors.edges.length; i += 1) {
    const [a, b] = [authors.edges[i - 1], authors.edges[i]];
    assert.ok(a.score > b.score || (a.score === b.score && a.node.id < b.node.id));
  }
  const venues = await walk<{ cursor: string; node: { id: string } }>(
    `query($after: String) { venues(first: 1, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } }`,
    {},
    (d) => d.venues,
  );
  assert.deepEqual(
    venues.edges.map((e) => e.node.id),
    ["v-big", "v-small"],
  );
});

test("a bad cursor, or one from another kind of list, is BAD_USER_INPUT before Neo4j", async () => {
  const before = graph.statements.count;
  for (const after of ["garbage!", "eyJ4IjoxfQ", encodeCursor("year", [2020, "x"])]) {
    assert.deepEqual(errorCodes(await graph.api.run(COAUTHORS, { after, first: 5 })), ["BAD_USER_INPUT"], after);
  }
  assert.deepEqual(errorCodes(await graph.api.run(COAUTHORS, { first: 0 })), ["BAD_USER_INPUT"]);
  assert.deepEqual(errorCodes(await graph.api.run(COAUTHORS, { first: 101 })), ["BAD_USER_INPUT"]);
  // "garbage!" and the wrong shape fail in the plugin; the year cursor is a valid cursor of ours, refused by the service.
  assert.ok(graph.statements.count - before <= 1, `${graph.statements.count - before} statements`);
});

test("a cursor of the same list under other arguments (a year window, a search) is BAD_USER_INPUT and says to drop after", async () => {
  const coauthors = (window: string) =>
    `query($after: String) { author(id: "name:hub") { coauthors(first: 3, after: $after${window}) {
      pageInfo { endCursor } edges { node { id } jointPapers } } } }`;
  const windowed: any = await graph.api.data(coauthors(", yearFrom: 2005"), { after: null });
  const cursor = windowed.author.coauthors.pageInfo.endCursor as string;
  // Joint papers are recounted inside the window: its keys mean something else in the all-time list.
  const refused = await graph.api.run(coauthors(""), { after: cursor });
  assert.deepEqual(errorCodes(refused), ["BAD_USER_INPUT"]);
  assert.match(refused.errors?.[0]?.message ?? "", /drop `after` to start again/);
  const next: any = await graph.api.data(coauthors(", yearFrom: 2005"), { after: cursor });
  assert.equal(next.author.coauthors.edges.length, 3, "the same arguments take it");

  const search = (text: string) =>
    `query($after: String) { authors(search: "${text}", first: 2, after: $after) { pageInfo { endCursor } edges { node { id } } } }`;
  const walkers: any = await graph.api.data(search("walker"), { after: null });
  const fromWalkers = walkers.authors.pageInfo.endCursor as string;
  assert.deepEqual(errorCodes(await graph.api.run(search("coauthor"), { after: fromWalkers })), ["BAD_USER_INPUT"]);
  assert.equal((await graph.api.data<any>(search("walker"), { after: fromWalkers })).authors.edges.length, 2);
});
