import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { Database } from "../../../src/db/database";
import { importFiles } from "../../../import/import-runner";
import { fromRoot } from "../../../src/util/project-root";
import { coauthorEdgeMismatches, countOf, identitySnapshot } from "../../support/graph-checks";
import { clearGraph, testDatabase } from "../../support/neo4j";

const fixture = (...p: string[]) => fromRoot("test", "fixtures", ...p);
const HOMONYMS = fixture("identity", "dblp-homonyms.xml");
const NAME_ONLY = fixture("identity", "name-only.bib");
const NO_DOI = fixture("identity", "no-doi.csl.jsonl");
const NAMESAKE = fixture("identity", "namesake.xml");
const VENUE_CLAIMS = fixture("identity", "venue-claims.bib");

async function importInOrder(db: Database, files: string[]): Promise<string[]> {
  await clearGraph(db);
  for (const file of files) {
    const summary = await importFiles(db, [file]);
    assert.equal(summary.ok, true, `${file}: ${summary.files[0].error}`);
  }
  assert.deepEqual(await coauthorEdgeMismatches(db), []);
  return identitySnapshot(db);
}

async function authorsOf(db: Database, paperId: string): Promise<string[]> {
  const rows = await db.read("MATCH (a:Author)-[:AUTHORED]->(:Paper {id: $paperId}) RETURN a.id AS id ORDER BY id", { paperId });
  return rows.map((r) => r.get("id"));
}

describe("identity rules", () => {
  let db: Database;
  before(async () => {
    db = await testDatabase();
  });
  after(async () => db?.close());

  it("keeps dblp homonyms apart, attaches unambiguous name-only mentions, and leaves ambiguous ones name-only", async () => {
    await importInOrder(db, [HOMONYMS, NAME_ONLY]);
    const ids = (await db.read("MATCH (a:Author) RETURN a.id AS id ORDER BY id")).map((r) => r.get("id"));
    assert.deepEqual(ids, ["dblp:Ada Lovelace", "dblp:Tien-Tsin Wong", "dblp:Wei Xiong 0001", "dblp:Wei Xiong 0002", "name:wei xiong"]);
    // Paper one is seen by dblp (DOI 10.1000/ONE) and BibTeX (https://doi.org/10.1000/one): one paper, both sources.
    const one = await db.read("MATCH (p:Paper {id: '10.1000/one'}) RETURN p.sourceKeys AS keys");
    assert.equal(one.length, 1);
    assert.equal(one[0].get("keys").length, 2);
    assert.deepEqual(await authorsOf(db, "10.1000/one"), ["dblp:Tien-Tsin Wong", "dblp:Wei Xiong 0001", "name:wei xiong"]);
    assert.deepEqual(await authorsOf(db, "identity paper three|2022"), ["dblp:Ada Lovelace", "dblp:Tien-Tsin Wong", "name:wei xiong"]);
    const pair = await db.read(`
      MATCH (:Author {id: 'dblp:Tien-Tsin Wong'})-[r:COAUTHORED_WITH]-(:Author {id: 'name:wei xiong'}) RETURN r.papers AS papers`);
    assert.equal(pair[0].get("papers"), 2);
  });

  it("gives the same graph whatever the import order", async () => {
    const orders = [
      [HOMONYMS, NAME_ONLY, NO_DOI],
      [NAME_ONLY, NO_DOI, HOMONYMS],
      [NO_DOI, HOMONYMS, NAME_ONLY],
    ];
    const snapshots = [];
    for (const order of orders) snapshots.push(await importInOrder(db, order));
    assert.deepEqual(snapshots[1], snapshots[0]);
    assert.deepEqual(snapshots[2], snapshots[0]);
    // The DOI-less CSL record joined the DOI paper by normalised title and year.
    assert.equal(await countOf(db, "MATCH (p:Paper) WHERE p.titleKey = 'identity paper one|2020' RETURN count(p)"), 1);
    assert.equal(await countOf(db, "MATCH (p:Paper {id: '10.1000/one'}) RETURN size(p.sourceKeys)"), 3);
  });

  it("detaches name-only mentions again when a numbered namesake appears, in either order", async () => {
    const later = await importInOrder(db, [HOMONYMS, NAME_ONLY, NAMESAKE]);
    assert.deepEqual(await authorsOf(db, "identity paper three|2022"), ["dblp:Ada Lovelace", "name:tien-tsin wong", "name:wei xiong"]);
    assert.equal(await countOf(db, "MATCH (a:Author {id: 'dblp:Tien-Tsin Wong'})-[:AUTHORED]->(p) RETURN count(p)"), 1);
    const first = await importInOrder(db, [NAMESAKE, NAME_ONLY, HOMONYMS]);
    assert.deepEqual(first, later);
  });

  it("changes nothing when every file is imported a second time", async () => {
    const once = await importInOrder(db, [HOMONYMS, NAME_ONLY, NO_DOI, NAMESAKE]);
    for (const file of [NAMESAKE, NO_DOI, NAME_ONLY, HOMONYMS]) await importFiles(db, [file]);
    assert.deepEqual(await coauthorEdgeMismatches(db), []);
    assert.deepEqual(await identitySnapshot(db), once);
  });

  it("applies the venue rule to every claim and keeps a venue's acronym, whether the claims share a batch or not", async () => {
    // venueId mirrors PUBLISHED_IN's target, also when a later batch moves the paper to a better-ranked venue.
    const venues = async () =>
      (
        await db.read(
          "MATCH (p:Paper)-[:PUBLISHED_IN]->(v:Venue) RETURN p.id AS paper, v.id AS venue, v.acronym AS acronym, p.venueId AS venueId ORDER BY paper",
        )
      ).map((r) => [r.get("paper"), r.get("venue"), r.get("acronym"), r.get("venueId")]);
    const expected = [
      ["other claims|2020", "alpha", "ALPHA", "alpha"],
      ["venue claims|2020", "alpha", "ALPHA", "alpha"],
    ];
    for (const batchSize of [1000, 1]) {
      await clearGraph(db);
      assert.equal((await importFiles(db, [VENUE_CLAIMS], { batchSize })).ok, true);
      assert.deepEqual(await venues(), expected, `batch size ${batchSize}`);
    }
    assert.equal(await countOf(db, "MATCH (p:Paper) WHERE p.venueId IS NOT NULL AND NOT (p)-[:PUBLISHED_IN]->() RETURN count(p)"), 0);

    // A graph written before venueId existed gets it back from an import of the same file, which changes nothing else.
    const counter = () => countOf(db, "MATCH (g:GraphVersion) RETURN g.counter");
    await db.write("MATCH (p:Paper) REMOVE p.venueId");
    const before = await counter();
    assert.equal((await importFiles(db, [VENUE_CLAIMS])).ok, true);
    assert.deepEqual(await venues(), expected);
    assert.equal(await counter(), before, "filling in venueId is not a new version of the graph");
  });

  it("rejects alone a record whose keys Neo4j cannot index (a huge title, a group as one name) and imports the rest", async () => {
    await importInOrder(db, [HOMONYMS]);
    const dir = mkdtempSync(path.join(os.tmpdir(), "oversized-"));
    const file = path.join(dir, "oversized.csl.jsonl");
    const line = (id: string, title: string, authors: string[]) =>
      JSON.stringify({
        id,
        type: "article-journal",
        title,
        issued: { "date-parts": [[2020]] },
        author: authors.map((literal) => ({ literal })),
      });
    writeFileSync(
      file,
      [
        line("fine", "A Paper of Ordinary Length", ["Ann Example", "Bo Example"]),
        line("huge-title", `An Abstract Pasted as a Title ${"word ".repeat(1_800)}`, ["Ann Example", "Bo Example"]),
        line("group", "A Consortium's Paper", ["Ann Example", Array.from({ length: 300 }, (_, i) => `Member Number ${i}`).join(", ")]),
        line("also-fine", "Another Paper", ["Bo Example", "Cy Example"]),
        // Keyed by its ORCID (a short id), but every author's nameKey is indexed too.
        JSON.stringify({
          id: "keyed-group",
          type: "article-journal",
          title: "A Keyed Consortium's Paper",
          issued: { "date-parts": [[2021]] },
          author: [{ literal: "Ann Example" }, { literal: "Member ".repeat(1_300), ORCID: "0000-0002-1825-0097" }],
        }),
      ].join("\n") + "\n",
    );
    try {
      const summary = await importFiles(db, [file, NO_DOI]);
      assert.deepEqual(
        summary.files.map((f) => f.status),
        ["imported", "imported"],
        summary.files[0].error,
      );
      assert.equal(summary.files[0].rejected, 3);
      assert.deepEqual(
        summary.files[0].rejections.map((r) => r.line),
        [2, 3, 5],
      );
      assert.match(summary.files[0].rejections[0].reason, /title \(normalised\) is \d+ bytes long, more than the 4000/);
      assert.match(summary.files[0].rejections[1].reason, /author 2's id is \d+ bytes long.*give its members as authors/);
      const titles = (
        await db.read("MATCH (p:Paper) WHERE p.title IN $titles RETURN p.title AS t ORDER BY t", {
          titles: ["A Paper of Ordinary Length", "Another Paper"],
        })
      ).map((r) => r.get("t"));
      assert.deepEqual(titles, ["A Paper of Ordinary Length", "Another Paper"]);
      assert.deepEqual(await coauthorEdgeMismatches(db), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a file that cannot be parsed and leaves the graph exactly as it was", async () => {
    const before = await importInOrder(db, [HOMONYMS]);
    const runsBefore = await countOf(db, "MATCH (r:ImportRun) RETURN count(r)");
    const summary = await importFiles(db, [fixture("identity", "truncated.xml")]);
    assert.equal(summary.ok, false);
    assert.match(summary.files[0].error ?? "", /truncated\.xml/);
    assert.match(summary.files[0].error ?? "", /Nothing from this file was written/);
    assert.deepEqual(await identitySnapshot(db), before);
    assert.equal(await countOf(db, "MATCH (r:ImportRun) RETURN count(r)"), runsBefore);
  });

  it("refuses a file none of whose records can be read (a heap snapshot named .csl.jsonl) and imports the next file", async () => {
    const before = await importInOrder(db, [HOMONYMS]);
    const runsBefore = await countOf(db, "MATCH (r:ImportRun) RETURN count(r)");
    const refused = await importFiles(db, [fixture("identity", "heap-snapshot.csl.jsonl")]);
    assert.equal(refused.ok, false);
    assert.equal(refused.files[0].status, "failed");
    assert.equal(refused.files[0].read, 3);
    assert.match(refused.files[0].error ?? "", /none of its 3 records could be read as csl-json \(the first, line 1: missing title\)/);
    assert.match(refused.files[0].error ?? "", /Nothing from this file was written/);
    assert.deepEqual(await identitySnapshot(db), before);
    assert.equal(await countOf(db, "MATCH (r:ImportRun) RETURN count(r)"), runsBefore);

    const both = await importFiles(db, [fixture("identity", "heap-snapshot.csl.jsonl"), NO_DOI]);
    assert.deepEqual(
      both.files.map((f) => f.status),
      ["failed", "imported"],
    );
    assert.deepEqual(await identitySnapshot(db), await importInOrder(db, [HOMONYMS, NO_DOI]));
  });
});
