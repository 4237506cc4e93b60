import assert from "node:assert/strict";
import { test } from "node:test";
import { sizeLabel } from "../../../bench/lib/scale-report";
import { dblpKeys } from "../../../bench/lib/pair-check";
import { bulkFromLog, parseStageSeconds } from "../../../bench/lib/scale-stages";
import { pickDistinct, pickDistinctIndices, seededRandom } from "../../../bench/lib/seeded-random";

test("the bulk footer's stage times are read whatever the stages are called", () => {
  const footer = [
    "✔ bulk import loaded 198188 papers, 85469 authors … in 112.1s",
    "  stages: read and resolve 18.9s, CSV 10.4s, neo4j-admin 30.5s, start and indexes 52.3s; peak memory of the importer 705 MiB",
  ].join("\n");
  assert.deepEqual(parseStageSeconds(footer), { "read and resolve": 18.9, CSV: 10.4, "neo4j-admin": 30.5, "start and indexes": 52.3 });
  assert.deepEqual(parseStageSeconds("  stages: spill 3s, merge 12.5 s"), { spill: 3, merge: 12.5 });
  assert.deepEqual(parseStageSeconds("no footer"), {});
});

test("a size names its SCALE.md section and files", () => {
  assert.equal(sizeLabel(200_000), "200k");
  assert.equal(sizeLabel(8_000_000), "8m");
  assert.equal(sizeLabel(12_345), "12345");
});

test("pickDistinctIndices picks the positions pickDistinct picks, without copying the items", () => {
  for (const [length, count] of [
    [1, 1],
    [2, 2],
    [10, 3],
    [1000, 50],
    [5, 9],
  ]) {
    const items = Array.from({ length }, (_, i) => i);
    assert.deepEqual(pickDistinctIndices(length, count, seededRandom(7)), pickDistinct(items, count, seededRandom(7)));
  }
});

test("an earlier bulk load's figures are read from its saved output", () => {
  const log = [
    "start 19:21:56 load 1.90 2.68 2.14",
    "✔ bulk import loaded 7928355 papers, 3427798 authors, 33093 venues in 5314.4s",
    "  stages: read and resolve 3417.1s, CSV 831.5s, neo4j-admin 698.5s, start and indexes 367.3s; peak memory of the importer 17449 MiB (the graph is held in memory)",
    "\tMaximum resident set size (kbytes): 17867980",
  ].join("\n");
  const bulk = bulkFromLog(log);
  assert.equal(bulk.wallSeconds, 5314.4);
  assert.deepEqual(bulk.stageSeconds, { "read and resolve": 3417.1, CSV: 831.5, "neo4j-admin": 698.5, "start and indexes": 367.3 });
  assert.equal(Math.round(bulk.peakRssMiB), 17449);
  assert.equal(bulk.report.length, 2);
  assert.equal(bulkFromLog(log.split("\n").slice(0, 3).join("\n")).peakRssMiB, 17449, "the CLI's own figure without time -v");
});

test("the month's dblp keys are read from its XML", () => {
  const xml = `<dblp><article key="journals/x/A24" mdate="2026-01-02"><author>A</author></article>\n<www key="homepages/1/2"/></dblp>`;
  assert.deepEqual(dblpKeys(xml), ["dblp:journals/x/A24", "dblp:homepages/1/2"]);
});
