import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { importFiles } from "../../../import/import-runner";
import { Database } from "../../../src/db/database";
import { fromRoot } from "../../../src/util/project-root";
import { coauthorEdgeMismatches } from "../../support/graph-checks";
import { createTestApi, TestApi } from "../../support/graphql";
import { clearGraph, testDatabase } from "../../support/neo4j";

const SLICE = fromRoot("test", "fixtures", "csl-json", "ml-anthology-slice.csl.jsonl");
const YEARLESS = ["yearless-doi-1.csl.jsonl", "yearless-doi-2.csl.jsonl"].map((f) => fromRoot("test", "fixtures", "identity", f));
const SCHEMES = ["FULL", "NEWMAN", "FRACTIONAL", "ASSOCIATION_STRENGTH"] as const;
type Scheme = (typeof SCHEMES)[number];
const TOLERANCE = 1e-9;

interface Rule {
  maxAuthors: number | null;
  yearFrom: number | null;
  yearTo: number | null;
}

/**
 * The oracle: every tie recomputed from the AUTHORED edges (never from the joint-paper entries the importer keeps on
 * COAUTHORED_WITH), each scheme's formula applied here in TypeScript.
 */
const PAPERS_OF = `
MATCH (o:Author)-[:AUTHORED]->(p:Paper)
WITH o, p, COUNT { (p)<-[:AUTHORED]-() } AS n
WHERE n >= 2 AND ($maxAuthors IS NULL OR n <= $maxAuthors)
  AND ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo)
RETURN o.id AS author, p.id AS paper, n, [(p)<-[:AUTHORED]-(x:Author) | x.id] AS byline`;

async function oracle(db: Database, rule: Rule) {
  const rows = await db.read(PAPERS_OF, { ...rule });
  const total = new Map<string, number>();
  const papers = new Map<string, number>();
  const ties = new Map<string, { c: number; newman: number; fractional: number }>();
  for (const r of rows) {
    const [author, paper, n, byline] = [
      r.get("author") as string,
      r.get("paper") as string,
      Number(r.get("n")),
      r.get("byline") as string[],
    ];
    papers.set(paper, n);
    total.set(author, (total.get(author) ?? 0) + n - 1);
    for (const other of byline) {
      if (other === author) continue;
      const key = `${author}|${other}`;
      const t = ties.get(key) ?? { c: 0, newman: 0, fractional: 0 };
      t.c += 1;
      t.newman += 1 / (n - 1);
      t.fractional += 1 / n;
      ties.set(key, t);
    }
  }
  const m = [...papers.values()].reduce((s, n) => s + (n * (n - 1)) / 2, 0);
  return (a: string, b: string, scheme: Scheme): number | undefined => {
    const t = ties.get(`${a}|${b}`);
    if (!t) return undefined;
    if (scheme === "FULL") return t.c;
    if (scheme === "NEWMAN") return t.newman;
    if (scheme === "FRACTIONAL") return t.fractional;
    return (2 * m * t.c) / (total.get(a)! * total.get(b)!);
  };
}

const COAUTHORS = `query($id: ID!, $strength: TieStrength, $max: Int, $from: Int, $to: Int, $after: String) {
  author(id: $id) { coauthors(first: 7, after: $after, strength: $strength, maxAuthorsPerPaper: $max, yearFrom: $from, yearTo: $to) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id } jointPapers strength } } } }`;

const NETWORK = `query($id: ID!, $strength: TieStrength, $max: Int, $from: Int, $to: Int) {
  coauthorNetwork(authorId: $id, depth: 2, maxNodes: 2000, strength: $strength, maxAuthorsPerPaper: $max, yearFrom: $from, yearTo: $to) {
    nodes { author { id } distance } edges { source target jointPapers weight } truncated } }`;

describe("tie strength schemes and maxAuthorsPerPaper", () => {
  let db: Database;
  let api: TestApi;
  let centre: string;
  before(async () => {
    db = await testDatabase();
    api = await createTestApi(db);
    await clearGraph(db);
    assert.equal((await importFiles(db, [SLICE])).ok, true);
    const [row] = await db.read("MATCH (a:Author {name: 'Wei Xiong'}) RETURN a.id AS id");
    centre = row.get("id") as string;
  });
  after(async () => {
    await api?.stop();
    await db?.close();
  });

  const rules: Rule[] = [
    { maxAuthors: null, yearFrom: null, yearTo: null },
    { maxAuthors: 5, yearFrom: null, yearTo: null },
    { maxAuthors: 8, yearFrom: 2023, yearTo: 2024 },
    { maxAuthors: null, yearFrom: null, yearTo: 2023 },
  ];

  it("gives every coauthor the strength the oracle computes from the authorships, strongest first, every page", async () => {
    let checked = 0;
    for (const rule of rules) {
      const expected = await oracle(db, rule);
      for (const strength of SCHEMES) {
        const seen: Array<{ id: string; strength: number }> = [];
        let after: string | null = null;
        let total: number;
        do {
          const data: any = await api.data(COAUTHORS, {
            id: centre,
            strength,
            max: rule.maxAuthors,
            from: rule.yearFrom,
            to: rule.yearTo,
            after,
          });
          const page = data.author.coauthors;
          total = page.totalCount;
          for (const e of page.edges) {
            const want = expected(centre, e.node.id, strength);
            assert.ok(want !== undefined, `${e.node.id} is no coauthor under ${JSON.stringify(rule)}`);
            assert.ok(Math.abs(e.strength - want) <= TOLERANCE * Math.max(1, want), `${strength} ${e.node.id}: ${e.strength} vs ${want}`);
            assert.equal(e.jointPapers, expected(centre, e.node.id, "FULL"));
            seen.push({ id: e.node.id, strength: e.strength });
            checked += 1;
          }
          after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        } while (after);
        assert.equal(seen.length, total, "the pages cover totalCount");
        assert.equal(new Set(seen.map((s) => s.id)).size, seen.length, "no coauthor twice across pages");
        for (let i = 1; i < seen.length; i++)
          assert.ok(seen[i - 1].strength >= seen[i].strength - TOLERANCE, `${strength}: strongest first`);
      }
    }
    assert.ok(checked > 100, `checked ${checked} ties`);
  });

  it("weighs network edges by the scheme and leaves out papers above maxAuthorsPerPaper", async () => {
    for (const rule of rules) {
      const expected = await oracle(db, rule);
      for (const strength of SCHEMES) {
        const data: any = await api.data(NETWORK, { id: centre, strength, max: rule.maxAuthors, from: rule.yearFrom, to: rule.yearTo });
        const net = data.coauthorNetwork;
        assert.ok(net.edges.length > 0);
        for (const e of net.edges) {
          const want = expected(e.source, e.target, strength);
          assert.ok(want !== undefined, `edge ${e.source} ~ ${e.target} has no joint paper under ${JSON.stringify(rule)}`);
          assert.ok(Math.abs(e.weight - want) <= TOLERANCE * Math.max(1, want), `${strength} edge weight ${e.weight} vs ${want}`);
        }
        // Every node is reached through ties inside the rule: distance 1 means a joint paper with the centre under it.
        for (const n of net.nodes.filter((x: any) => x.distance === 1)) assert.ok(expected(centre, n.author.id, "FULL"));
      }
    }
    const all: any = await api.data(NETWORK, { id: centre, strength: "FULL" });
    const capped: any = await api.data(NETWORK, { id: centre, strength: "FULL", max: 3 });
    assert.ok(capped.coauthorNetwork.nodes.length < all.coauthorNetwork.nodes.length, "a cap of 3 authors leaves authors out");
  });

  it("gives FULL without a cap exactly the plain network's edges", async () => {
    const plain: any = await api.data(
      `query($id: ID!) { coauthorNetwork(authorId: $id, depth: 2) { edges { source target jointPapers weight } } }`,
      {
        id: centre,
      },
    );
    const capped: any = await api.data(NETWORK, { id: centre, strength: "FULL", max: 100_000 });
    const key = (e: any) => `${e.source}|${e.target}|${e.jointPapers}|${e.weight}`;
    for (const e of plain.coauthorNetwork.edges) assert.equal(e.weight, e.jointPapers);
    assert.deepEqual(new Set(capped.coauthorNetwork.edges.map(key)), new Set(plain.coauthorNetwork.edges.map(key)));
  });

  it("refuses a cap below 2", async () => {
    const result = await api.run(COAUTHORS, { id: centre, strength: "NEWMAN", max: 1 });
    assert.equal(result.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
  });

  it("keeps byline sizes exact when a later import adds authors to a known paper", async () => {
    await clearGraph(db);
    for (const file of YEARLESS) assert.equal((await importFiles(db, [file])).ok, true);
    assert.deepEqual(await coauthorEdgeMismatches(db), []);
    const [row] = await db.read(
      "MATCH (:Author {id: 'name:ann lee'})-[r:COAUTHORED_WITH]-(:Author {id: 'name:bo chen'}) RETURN r.paperSizes AS sizes",
    );
    assert.deepEqual(row.get("sizes"), [3], "the pair's paper grew from 2 to 3 authors");
  });

  it("leaves a paper without a year out of every year window, yearFrom 0 included, capped or not", async () => {
    // The graph of the test before: Ann Lee and Bo Chen share one paper, stored without a year.
    const [paper] = await db.read("MATCH (:Author {id: 'name:ann lee'})-[:AUTHORED]->(p:Paper) RETURN p.year AS year");
    assert.equal(paper.get("year"), null);
    for (const max of [null, 10])
      for (const strength of ["FULL", "NEWMAN"]) {
        const data: any = await api.data(COAUTHORS, { id: "name:ann lee", strength, max, from: 0, to: null });
        assert.equal(data.author.coauthors.totalCount, 0, `${strength}, cap ${max}: an undated paper is in no window`);
      }
    const open: any = await api.data(COAUTHORS, { id: "name:ann lee", strength: "NEWMAN", max: 10, from: null, to: null });
    assert.equal(open.author.coauthors.totalCount, 2, "without a window the paper counts");
  });
});
