import assert from "node:assert/strict";
import { test } from "node:test";
import { compareLikeCypher, sortTies } from "../../../src/network/edge-order";
import { randomIds } from "../../support/random-ids";

test("sortTies gives joint papers desc, then source, then target, like the string comparison it replaces", () => {
  const ids = randomIds(60, 42);
  const ties: Array<{ source: string; target: string; jointPapers: number; firstYear: number }> = [];
  ids.forEach((a, i) =>
    ids.forEach((b, j) => {
      const [source, target] = compareLikeCypher(a, b) < 0 ? [a, b] : [b, a];
      if (i < j && (i * 7 + j * 3) % 5 !== 0) ties.push({ source, target, jointPapers: 1 + ((i * j) % 4), firstYear: 2000 + i });
    }),
  );
  const expected = [...ties].sort(
    (a, b) => b.jointPapers - a.jointPapers || compareLikeCypher(a.source, b.source) || compareLikeCypher(a.target, b.target),
  );
  const sorted = sortTies(ties, ids);
  assert.deepEqual(sorted, expected);
  assert.ok(
    sorted.every((tie, i) => tie === expected[i]),
    "the same objects, not copies",
  );
  const shuffled = ties
    .map((tie, i) => ({ tie, k: (i * 7_919) % ties.length }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.tie);
  assert.deepEqual(sortTies(shuffled, ids), expected, "input not grouped by source");
  assert.deepEqual(sortTies([], []), []);
  assert.throws(() => sortTies([{ source: "x", target: "y", jointPapers: 1 }], ["x"]), /outside the network/);
  assert.throws(() => sortTies([{ source: "y", target: "x", jointPapers: 1 }], ["x"]), /outside the network/);
});

test("compareLikeCypher is code point order (UTF-8 bytes), the order Neo4j gives stored strings", () => {
  const ids = randomIds(300, 7);
  const byBytes = [...ids].sort((a, b) => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8")));
  assert.deepEqual([...ids].sort(compareLikeCypher), byBytes);
  assert.ok(compareLikeCypher("\uE000", "😀") < 0, "U+E000 before U+1F600, although its UTF-16 unit is larger than the surrogate's");
  assert.ok(compareLikeCypher("\uFFFD", "𝔘") < 0 && compareLikeCypher("z", "é") < 0 && compareLikeCypher("ab", "a") > 0);
});

test("sortTies orients every tie smaller id -> larger id, whichever way it was stored", () => {
  const ties = [
    { source: "😀", target: "\uE000", jointPapers: 2 }, // code point order: U+E000 first
    { source: "b", target: "a", jointPapers: 1 },
    { source: "a", target: "😀", jointPapers: 1 },
  ];
  const sorted = sortTies(ties, ["a", "b", "😀", "\uE000"]);
  assert.deepEqual(sorted, [
    { source: "\uE000", target: "😀", jointPapers: 2 },
    { source: "a", target: "b", jointPapers: 1 },
    { source: "a", target: "😀", jointPapers: 1 },
  ]);
  assert.equal(sorted[2], ties[2], "a tie already in order is not copied");
  assert.deepEqual(ties[0], { source: "😀", target: "\uE000", jointPapers: 2 }, "the input is not changed");
});
