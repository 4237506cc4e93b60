import assert from "node:assert/strict";
import { test } from "node:test";
import { useSampleApi } from "../../support/api";
import { addImportRun, errorCodes } from "../../support/graphql";
import { A, B, C, F, ICML } from "../../support/sample-graph";

const sample = useSampleApi({
  also: async (db) => {
    await addImportRun(db, {
      id: "run-1",
      source: "sample.bib",
      format: "bibtex",
      sha256: "0".repeat(64),
      startedAt: "2024-01-01T00:00:00.000Z",
      finishedAt: "2024-01-01T00:00:05.000Z",
      status: "completed",
      counts: JSON.stringify({ read: 9, rejected: 0 }),
    });
    await addImportRun(db, {
      id: "run-2",
      source: "later.bib",
      format: "bibtex",
      startedAt: "2024-02-01T00:00:00.000Z",
      status: "failed",
      counts: "{oops",
    });
  },
});

test("author(id) returns every field; unknown ids are null", async () => {
  const data = await sample.api.data(
    `query($id: ID!) {
    author(id: $id) { id name aliases orcid paperCount firstYear lastYear coauthorCount }
    missing: author(id: "name:nobody") { id }
  }`,
    { id: A.id },
  );
  assert.deepEqual(data.author, {
    id: A.id,
    name: "Ada Lovelace",
    aliases: [],
    orcid: null,
    paperCount: 5,
    firstYear: 2018,
    lastYear: 2021,
    coauthorCount: 3,
  });
  assert.equal(data.missing, null);
});

test("paper(id): fields, venue, byline order and source keys", async () => {
  const { paper, undated, missing } = await sample.api.data(`{
    paper(id: "10.1000/p3") { id title year doi url abstract pages sourceKeys authorCount venue { id acronym kind } authors { id } }
    undated: paper(id: "an undated manuscript|") { year venue { id } authors { name } }
    missing: paper(id: "10.1000/none") { id }
  }`);
  assert.equal(paper.title, "Difference Engines Revisited");
  assert.equal(paper.year, 2020);
  assert.deepEqual(paper.venue, { id: "jmlr", acronym: "JMLR", kind: "journal" });
  assert.deepEqual(
    paper.authors.map((a: { id: string }) => a.id),
    [B.id, A.id],
    "byline order, not id order",
  );
  assert.deepEqual(paper.sourceKeys, ["test:10.1000/p3"]);
  assert.equal(paper.authorCount, 2);
  assert.deepEqual(undated, { year: null, venue: null, authors: [{ name: "Ada Lovelace" }, { name: "Fay Fox" }] });
  assert.equal(missing, null);
});

test("venue(id) with paperCount and its papers by year", async () => {
  const { venue } = await sample.api.data(`{
    venue(id: "icml") {
      id name acronym kind paperCount
      papers { totalCount edges { node { id year } } }
      y2019: papers(year: 2019) { totalCount edges { node { id } } }
    }
  }`);
  assert.equal(venue.name, ICML.name);
  assert.equal(venue.paperCount, 4);
  assert.deepEqual(
    venue.papers.edges.map((e: { node: { id: string } }) => e.node.id),
    ["10.1000/p7", "10.1000/p4", "10.1000/p2", "10.1000/p1"],
  );
  assert.equal(venue.papers.totalCount, 4);
  assert.deepEqual(venue.y2019, { totalCount: 1, edges: [{ node: { id: "10.1000/p2" } }] });
});

test("node(id) resolves Author, Paper and Venue by label; nodes(ids) keeps order with nulls", async () => {
  const data = await sample.api.data(`{
    a: node(id: "${A.id}") { __typename id ... on Author { name } }
    p: node(id: "10.1000/p1") { __typename id ... on Paper { title } }
    v: node(id: "jmlr") { __typename id ... on Venue { kind } }
    none: node(id: "nothing") { id }
    many: nodes(ids: ["jmlr", "nothing", "${C.id}"]) { __typename id }
  }`);
  assert.deepEqual(data.a, { __typename: "Author", id: A.id, name: "Ada Lovelace" });
  assert.deepEqual(data.p, { __typename: "Paper", id: "10.1000/p1", title: "Analytical Engines for Graphs" });
  assert.deepEqual(data.v, { __typename: "Venue", id: "jmlr", kind: "journal" });
  assert.equal(data.none, null);
  assert.deepEqual(data.many, [{ __typename: "Venue", id: "jmlr" }, null, { __typename: "Author", id: C.id }]);
});

test("Author.papers: newest first, papers without a year last, year window", async () => {
  const { author } = await sample.api.data(`{
    author(id: "${A.id}") {
      all: papers { totalCount edges { node { id } } }
      window: papers(yearFrom: 2019, yearTo: 2020) { totalCount edges { node { id } } }
      from: papers(yearFrom: 2021) { totalCount }
    }
  }`);
  assert.deepEqual(
    author.all.edges.map((e: { node: { id: string } }) => e.node.id),
    ["10.1000/p4", "10.1000/p3", "10.1000/p2", "10.1000/p1", "an undated manuscript|"],
  );
  assert.equal(author.all.totalCount, 5);
  assert.deepEqual(
    author.window.edges.map((e: { node: { id: string } }) => e.node.id),
    ["10.1000/p3", "10.1000/p2"],
  );
  assert.equal(author.window.totalCount, 2);
  assert.equal(author.from.totalCount, 1, "a paper without a year is never inside a window");
});

test("Author.coauthors: jointPapers desc then name; a year window recounts inside the window", async () => {
  const { author } = await sample.api.data(`{
    author(id: "${A.id}") {
      all: coauthors { totalCount edges { jointPapers firstYear lastYear node { id } } }
      strong: coauthors(minJointPapers: 2) { totalCount edges { node { id } } }
      window: coauthors(yearFrom: 2020, yearTo: 2021) { totalCount edges { jointPapers firstYear lastYear node { id } } }
      windowStrong: coauthors(yearFrom: 2019, minJointPapers: 2) { edges { jointPapers node { id } } }
    }
  }`);
  assert.deepEqual(author.all.edges, [
    { jointPapers: 3, firstYear: 2018, lastYear: 2020, node: { id: B.id } },
    { jointPapers: 2, firstYear: 2019, lastYear: 2021, node: { id: C.id } },
    { jointPapers: 1, firstYear: null, lastYear: null, node: { id: F.id } },
  ]);
  assert.equal(author.all.totalCount, 3);
  assert.deepEqual(author.strong, { totalCount: 2, edges: [{ node: { id: B.id } }, { node: { id: C.id } }] });
  // 2020-2021: Bob only via p3 (2020), Carol only via p4 (2021): a tie at 1, broken by name.
  assert.deepEqual(author.window.edges, [
    { jointPapers: 1, firstYear: 2020, lastYear: 2020, node: { id: B.id } },
    { jointPapers: 1, firstYear: 2021, lastYear: 2021, node: { id: C.id } },
  ]);
  assert.equal(author.window.totalCount, 2);
  assert.deepEqual(author.windowStrong.edges, [
    { jointPapers: 2, node: { id: B.id } },
    { jointPapers: 2, node: { id: C.id } },
  ]);
});

test("Author.venues: most papers first, with the author's count and years", async () => {
  const { author } = await sample.api.data(`{
    author(id: "${A.id}") {
      venues { paperCount firstYear lastYear venue { id paperCount } }
      one: venues(first: 1) { venue { id } }
      late: venues(yearFrom: 2020) { paperCount venue { id } }
    }
  }`);
  assert.deepEqual(author.venues, [
    { paperCount: 3, firstYear: 2018, lastYear: 2021, venue: { id: "icml", paperCount: 4 } },
    { paperCount: 1, firstYear: 2020, lastYear: 2020, venue: { id: "jmlr", paperCount: 3 } },
  ]);
  assert.deepEqual(author.one, [{ venue: { id: "icml" } }]);
  assert.deepEqual(author.late, [
    { paperCount: 1, venue: { id: "icml" } },
    { paperCount: 1, venue: { id: "jmlr" } },
  ]);
});

test("papers: newest first by default; venue and year filters", async () => {
  const { all, icml, window } = await sample.api.data(`{
    all: papers(first: 3) { totalCount edges { node { id } } pageInfo { hasNextPage } }
    icml: papers(venueId: "icml", yearFrom: 2019, yearTo: 2021) { totalCount edges { node { id } } }
    window: papers(yearFrom: 2020, yearTo: 2020) { totalCount edges { node { id } } }
  }`);
  assert.equal(all.totalCount, 9);
  assert.deepEqual(
    all.edges.map((e: { node: { id: string } }) => e.node.id),
    ["10.1000/p7", "10.1000/p6", "10.1000/p5"],
  );
  assert.equal(all.pageInfo.hasNextPage, true);
  assert.deepEqual(
    icml.edges.map((e: { node: { id: string } }) => e.node.id),
    ["10.1000/p4", "10.1000/p2"],
  );
  assert.equal(icml.totalCount, 2);
  assert.deepEqual(
    window.edges.map((e: { node: { id: string } }) => e.node.id),
    ["10.1000/p3", "10.1000/p9"],
  );
});

test("papers(venueId) with an unknown venue is NOT_FOUND", async () => {
  assert.deepEqual(errorCodes(await sample.api.run(`{ papers(venueId: "nips") { totalCount } }`)), ["NOT_FOUND"]);
});

test("venues: alphabetical without a search", async () => {
  const { venues } = await sample.api.data(`{ venues { totalCount edges { node { id name } } } }`);
  assert.equal(venues.totalCount, 3);
  assert.deepEqual(
    venues.edges.map((e: { node: { id: string } }) => e.node.id),
    ["icml", "jmlr", "workshop on graphs"],
  );
});

test("stats: counts and import runs (newest first, counts as a JSON object)", async () => {
  const { stats } = await sample.api.data(`{
    stats { authors papers venues authorships coauthorPairs importRunCount
      importRuns { id source format sha256 startedAt finishedAt status counts } one: importRuns(first: 1) { id } }
  }`);
  assert.deepEqual(
    { ...stats, importRuns: undefined, one: undefined },
    { authors: 8, papers: 9, venues: 3, authorships: 19, coauthorPairs: 8, importRunCount: 2, importRuns: undefined, one: undefined },
  );
  assert.deepEqual(stats.importRuns[1], {
    id: "run-1",
    source: "sample.bib",
    format: "bibtex",
    sha256: "0".repeat(64),
    startedAt: "2024-01-01T00:00:00.000Z",
    finishedAt: "2024-01-01T00:00:05.000Z",
    status: "completed",
    counts: { read: 9, rejected: 0 },
  });
  assert.equal(stats.importRuns[0].id, "run-2");
  assert.equal(stats.importRuns[0].counts, null, "unreadable counts are null, not an error");
  assert.deepEqual(stats.one, [{ id: "run-2" }]);
});

test("limits on nested list arguments are BAD_USER_INPUT", async () => {
  const result = await sample.api.run(`{ author(id: "${A.id}") { venues(first: 0) { paperCount } } }`);
  assert.deepEqual(errorCodes(result), ["BAD_USER_INPUT"]);
  const runs = await sample.api.run(`{ stats { importRuns(first: 101) { id } } }`);
  assert.deepEqual(errorCodes(runs), ["BAD_USER_INPUT"]);
});
