import assert from "node:assert/strict";
import { test } from "node:test";
import { compareLikeCypher, sortTies } from "../../../src/network/edge-order";
import { randomIds } from "../../support/random-ids";

test("sortTies gives joint papers desc, then source, then target, like the string comparison it replaces", () => {
  const ids = randomIds(60, 42);
  const ties: Array<{ source: string; target: string; jointPapers: number; firstYear: number }> = [];
  ids.forEach((source, i) =>
    ids.forEach((target, j) => {
      if (i < j && (i * 7 + j * 3) % 5 !== 0) ties.push({ source, target, jointPapers: 1 + ((i * j) % 4), firstYear: 2000 + i });
    }),
  );
  const expected = [...ties].sort(
    (a, b) => b.jointPapers - a.jointPapers || compareLikeCypher(a.source, b.source) || compareLikeCypher(a.target, b.target),
  );
  const sorted = sortTies(ties, ids);
  assert.deepEqual(sorted, expected);
  assert.ok(sorted.every((tie, i) => tie === expected[i]), "the same objects, not copies");
  const shuffled = ties.map((tie, i) => ({ tie, k: (i * 7_919) % ties.length })).sort((a, b) => a.k - b.k).map((x) => x.tie);
  assert.deepEqual(sortTies(shuffled, ids), expected, "input not grouped by source");
  assert.deepEqual(sortTies([], []), []);
  assert.throws(() => sortTies([{ source: "x", target: "y", jointPapers: 1 }], ["x"]), /outside the network/);
  assert.throws(() => sortTies([{ source: "y", target: "x", jointPapers: 1 }], ["x"]), /outside the network/);
});
