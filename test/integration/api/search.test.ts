import assert from "node:assert/strict";
import { test } from "node:test";
import { useSampleApi } from "../../support/api";
import { addPapers, errorCodes } from "../../support/graphql";
import { A } from "../../support/sample-graph";

const sample = useSampleApi({
  also: async (db) => {
    await addPapers(db, [
      {
        id: "10.1000/obrien",
        title: "Parsing (2020) Proceedings",
        year: 2020,
        authors: [
          { id: "name:sean o'brien", name: "Seán O'Brien" },
          { id: "name:ada lovelace-king", name: "Ada Lovelace-King" },
        ],
      },
    ]);
    await db.write(`MATCH (a:Author {id: $id}) SET a.aliases = ["A. A. Lovelace", "Augusta Ada King"]`, { id: A.id });
  },
});

const AUTHORS = `query($q: String!, $first: Int) { authors(search: $q, first: $first) { totalCount edges { score node { id name } } } }`;

async function authors(q: string) {
  return (await sample.api.data(AUTHORS, { q })).authors as {
    totalCount: number;
    edges: Array<{ score: number; node: { id: string; name: string } }>;
  };
}

test("author search finds by name, alias and prefix, best match first", async () => {
  const ada = await authors("ada lovelace");
  assert.equal(ada.edges[0].node.id, A.id);
  assert.ok(ada.edges.some((e) => e.node.name === "Ada Lovelace-King"));
  assert.ok(ada.edges[0].score >= ada.edges[ada.edges.length - 1].score);
  assert.equal((await authors("augusta")).edges[0].node.id, A.id, "aliases are searched");
  assert.equal((await authors("lovel")).totalCount, 2, "the last word matches as a prefix");
  assert.equal((await authors("bob")).edges[0].node.name, "Bob Babbage");
  assert.equal((await authors("bob evans")).totalCount, 0, "every word must match");
  // Both halves of a hyphenated word must match (Lovelace in one author's name, Bob in another's: nobody).
  assert.equal((await authors("Lovelace-Bob")).totalCount, 0, "every part of a hyphenated word must match");
  assert.equal((await authors("Lovelace-King")).edges[0].node.name, "Ada Lovelace-King");
});

test("Lucene syntax typed by a user is taken literally and never breaks the query", async () => {
  for (const q of [
    "O'Brien (2020)",
    "o'brien",
    'ada "lovelace',
    "ada AND",
    "OR",
    "a:b",
    "[ada TO bob]",
    "ada~2",
    "ada^10",
    "ad*",
    "ada\\",
  ]) {
    const result = await sample.api.run(AUTHORS, { q });
    assert.deepEqual(errorCodes(result), [], `${q}: ${JSON.stringify(result.errors)}`);
  }
  assert.equal((await authors("o'brien")).edges[0]?.node.name, "Seán O'Brien");
});

test("blank or punctuation-only search is BAD_USER_INPUT, before Neo4j", async () => {
  const before = sample.statements.count;
  for (const q of ["", "   ", "()", "*"])
    assert.deepEqual(errorCodes(await sample.api.run(AUTHORS, { q })), ["BAD_USER_INPUT"], JSON.stringify(q));
  assert.deepEqual(errorCodes(await sample.api.run(`{ papers(search: " ") { totalCount } }`)), ["BAD_USER_INPUT"]);
  assert.equal(sample.statements.count, before);
});

test("paper search over title and abstract, by relevance, with venue and year filters", async () => {
  const { all, abstract, icml, late, escaped } = await sample.api.data(`{
    all: papers(search: "graph") { totalCount edges { score node { id } } }
    abstract: papers(search: "coauthorship") { edges { node { id } } }
    icml: papers(search: "graph", venueId: "icml") { totalCount edges { node { id } } }
    late: papers(search: "graph", yearFrom: 2023) { totalCount edges { node { id } } }
    escaped: papers(search: "Parsing (2020)") { edges { node { id } } }
  }`);
  assert.equal(all.totalCount, 4, "graph, graphs (prefix) in p1, p5, p6, p7");
  assert.ok(all.edges.every((e: { score: number }) => typeof e.score === "number"));
  assert.deepEqual(
    abstract.edges.map((e: { node: { id: string } }) => e.node.id),
    ["10.1000/p2"],
  );
  assert.deepEqual(icml.edges.map((e: { node: { id: string } }) => e.node.id).sort(), ["10.1000/p1", "10.1000/p7"]);
  assert.deepEqual(late.edges.map((e: { node: { id: string } }) => e.node.id).sort(), ["10.1000/p6", "10.1000/p7"]);
  assert.deepEqual(
    escaped.edges.map((e: { node: { id: string } }) => e.node.id),
    ["10.1000/obrien"],
  );
});

test("venue search over name and acronym", async () => {
  const { byAcronym, byName } = await sample.api.data(`{
    byAcronym: venues(search: "jmlr") { totalCount edges { score node { id } } }
    byName: venues(search: "machine learning") { totalCount edges { node { id } } }
  }`);
  assert.deepEqual(
    byAcronym.edges.map((e: { node: { id: string } }) => e.node.id),
    ["jmlr"],
  );
  assert.equal(byName.totalCount, 2);
});
