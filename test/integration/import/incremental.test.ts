import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { importFiles } from "../../../import/import-runner";
import { Database } from "../../../src/db/database";
import { fromRoot } from "../../../src/util/project-root";
import { authorStatMismatches, coauthorEdgeMismatches, countOf, identitySnapshot } from "../../support/graph-checks";
import { clearGraph, testDatabase } from "../../support/neo4j";

const SLICE = fromRoot("test", "fixtures", "csl-json", "ml-anthology-slice.csl.jsonl");
/** One DOI paper, first without a year, then with one (which it does not take) and a new author. */
const YEARLESS = ["yearless-doi-1.csl.jsonl", "yearless-doi-2.csl.jsonl"].map((f) => fromRoot("test", "fixtures", "identity", f));

describe("incremental imports", () => {
  let db: Database;
  let dir: string;
  let early: string;
  let late: string;
  before(async () => {
    db = await testDatabase();
    dir = mkdtempSync(path.join(os.tmpdir(), "cg-incremental-"));
    const lines = readFileSync(SLICE, "utf8").trim().split("\n");
    // Two overlapping halves: the second repeats 20 records of the first and brings new papers by the same people.
    early = path.join(dir, "early.jsonl");
    late = path.join(dir, "late.jsonl");
    writeFileSync(early, lines.slice(0, 60).join("\n") + "\n");
    writeFileSync(late, lines.slice(40).join("\n") + "\n");
  });
  after(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps every pair and author stat exact when new papers join authors already in the graph", async () => {
    await clearGraph(db);
    const first = await importFiles(db, [early]);
    const pairsBefore = await countOf(db, "MATCH ()-[r:COAUTHORED_WITH]->() RETURN count(r) AS n");
    const second = await importFiles(db, [late]);
    const pairsAfter = await countOf(db, "MATCH ()-[r:COAUTHORED_WITH]->() RETURN count(r) AS n");
    assert.ok(second.files[0].coauthorPairs.added > 0, "pairs given joint papers in place");
    assert.equal(second.files[0].coauthorPairs.created, pairsAfter - pairsBefore, "the pairs the summary says were created");
    assert.equal(first.ok && second.ok, true);
    assert.ok(
      second.files[0].writes.papersCreated > 0 && second.files[0].writes.papersUpdated > 0,
      "the second half adds papers and repeats some",
    );
    assert.deepEqual(await coauthorEdgeMismatches(db), []);
    assert.deepEqual(await authorStatMismatches(db), []);
    const incremental = await identitySnapshot(db);
    await clearGraph(db);
    await importFiles(db, [SLICE]);
    assert.deepEqual(incremental, await identitySnapshot(db), "two overlapping imports give the graph of one import of everything");
  });

  it("lands a paper whose byline adds more pairs than one transaction holds, into a graph that has data", async () => {
    // 460 authors: 105,570 pairs, past what a batch adds in place (graph-writer.ts). The record is a paper already in
    // the graph, grown: its authors' pairs there get the new byline size in place, the new authors go to the pair pass,
    // which recomputes their pairs a slice at a time.
    await clearGraph(db);
    await importFiles(db, [early]);
    const first = JSON.parse(readFileSync(early, "utf8").split("\n")[0]) as {
      title: string;
      issued: unknown;
      author: Array<{ given: string; family: string }>;
    };
    const known = first.author;
    const byline = [...known, ...Array.from({ length: 460 - known.length }, (_, i) => ({ given: `Member ${i}`, family: "Collaboration" }))];
    const big = path.join(dir, "big.jsonl");
    writeFileSync(
      big,
      JSON.stringify({
        id: "hyper-1",
        type: "article-journal",
        title: first.title,
        author: byline,
        issued: first.issued,
      }) + "\n",
    );
    const summary = await importFiles(db, [big]);
    assert.equal(summary.ok, true, summary.files[0].error);
    assert.equal(summary.files[0].coauthorPairs.added, 0, "none added in place");
    assert.equal(summary.files[0].writes.papersUpdated, 1, "the paper already in the graph");
    // Every pair with a new end, from the pass; the pairs of the authors already on it were resized in place.
    const fresh = (460 * 459) / 2 - (known.length * (known.length - 1)) / 2;
    assert.equal(summary.files[0].coauthorPairs.recomputed, fresh);
    assert.deepEqual(await coauthorEdgeMismatches(db), []);
    assert.deepEqual(await authorStatMismatches(db), []);
  });

  it("gives pairs that a later batch adds to a paper without a year no year, even when its record has one", async () => {
    // Found by the differential test (seed 334): the joint-paper increments took the record's year.
    await clearGraph(db);
    for (const file of YEARLESS) assert.equal((await importFiles(db, [file])).ok, true);
    const pairs = await db.read(
      "MATCH (a:Author)-[r:COAUTHORED_WITH]->(b:Author) RETURN a.id + ' ~ ' + b.id AS pair, r.firstYear AS fy, r.lastYear AS ly ORDER BY pair",
    );
    assert.deepEqual(
      pairs.map((r) => [r.get("pair"), r.get("fy"), r.get("ly")]),
      [
        ["name:ann lee ~ name:bo chen", null, null],
        ["name:ann lee ~ name:cy dee", null, null],
        ["name:bo chen ~ name:cy dee", null, null],
      ],
    );
    assert.deepEqual(await coauthorEdgeMismatches(db), []);
    assert.deepEqual(await authorStatMismatches(db), []);
  });

  it("does no coauthor-pair work for a re-import that adds no authorship", async () => {
    await clearGraph(db);
    await importFiles(db, [SLICE]);
    const before = await identitySnapshot(db);
    const again = await importFiles(db, [late]);
    assert.equal(again.ok, true);
    assert.equal(again.files[0].writes.authorshipsCreated, 0);
    assert.deepEqual(again.files[0].coauthorPairs, { created: 0, added: 0, recomputed: 0 });
    assert.deepEqual(await identitySnapshot(db), before);
  });
});
