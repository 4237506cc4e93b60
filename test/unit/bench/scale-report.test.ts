import assert from "node:assert/strict";
import { test } from "node:test";
import { sizeLabel } from "../../../bench/lib/scale-report";
import { parseStageSeconds } from "../../../bench/lib/scale-stages";

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
