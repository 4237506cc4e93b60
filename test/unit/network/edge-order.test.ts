import assert from "node:assert/strict";
import { test } from "node:test";
import { compareCodePoints, sortTies } from "../../../src/network/edge-order";

// Ids with ASCII, accents, CJK, private-use (E000+) and astral (surrogate pairs) characters:
// UTF-16 order and code point order disagree on the last two.
const ALPHABET = ["a", "b", "z", "é", "ø", "中", "\uE000", "\uFFFD", "😀", "𝔘", " ", "-", "0"];

function randomIds(count: number, seed: number): string[] {
  let state = seed;
  const next = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const ids = new Set<string>();
  while (ids.size < count) {
    let id = "name:";
    const length = 1 + Math.floor(next() * 4);
    for (let i = 0; i < length; i += 1) id += ALPHABET[Math.floor(next() * ALPHABET.length)];
    ids.add(id);
  }
  return [...ids];
}

test("compareCodePoints orders like code points, not UTF-16 units", () => {
  assert.ok(compareCodePoints("\uFFFD", "😀") < 0, "U+FFFD before U+1F600");
  assert.ok(compareCodePoints("\uE000", "𝔘") < 0);
  assert.ok(compareCodePoints("a", "ab") < 0);
  assert.equal(compareCodePoints("中", "中"), 0);
  const byCodePoints = (a: string, b: string) => {
    const x = [...a].map((c) => c.codePointAt(0)!);
    const y = [...b].map((c) => c.codePointAt(0)!);
    for (let i = 0; i < Math.min(x.length, y.length); i += 1) if (x[i] !== y[i]) return x[i] - y[i];
    return x.length - y.length;
  };
  const ids = randomIds(300, 7);
  assert.deepEqual([...ids].sort(compareCodePoints), [...ids].sort(byCodePoints));
});

test("sortTies gives joint papers desc, then source, then target, like the string comparison it replaces", () => {
  const ids = randomIds(60, 42);
  const ties: Array<{ source: string; target: string; jointPapers: number; firstYear: number }> = [];
  ids.forEach((source, i) =>
    ids.forEach((target, j) => {
      if (i < j && (i * 7 + j * 3) % 5 !== 0) ties.push({ source, target, jointPapers: 1 + ((i * j) % 4), firstYear: 2000 + i });
    }),
  );
  const expected = [...ties].sort(
    (a, b) => b.jointPapers - a.jointPapers || compareCodePoints(a.source, b.source) || compareCodePoints(a.target, b.target),
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
