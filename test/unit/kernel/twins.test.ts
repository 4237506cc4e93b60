import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { betweenness, dependencySums, normaliseBetweenness, samplePivots } from "../../../src/kernel/graph-algorithms";
import { csrFromEdges, type Csr } from "../../../src/kernel/csr";
import { closedTwins, perAuthor, searchesFor } from "../../../src/kernel/twins";
import { searchesByBitsets } from "../../../src/kernel/dense-searches";
import { hopSearches } from "../../../src/analysis/hop-searches";
import { bylineGraph, randomGraph } from "../../support/random-graph";

/*
 * Closed twins and the searches between their classes, against the searches over every author (the kernel with no
 * classes, itself held to networkx in graph-algorithms.test.ts): the same betweenness, reach and distance sums.
 */

const rows = (g: Csr) => Array.from({ length: g.n }, (_, c) => Array.from(g.targets.subarray(g.offsets[c], g.offsets[c + 1])));
const everyAuthor = (n: number) => Int32Array.from({ length: n }, (_, v) => v);

function maxRelativeDifference(a: Float64Array, b: Float64Array): number {
  let d = 0;
  for (let v = 0; v < a.length; v++) d = Math.max(d, Math.abs(a[v] - b[v]) / Math.max(1e-12, Math.abs(b[v])));
  return d;
}

describe("closed twins", () => {
  it("groups the authors with the same coauthors, each other included, and ties the groups", () => {
    // Paper {0, 1, 2}; 2 also wrote with 3; 4 wrote alone; 5 and 6 wrote one paper together.
    const g = csrFromEdges(7, [
      [0, 1],
      [0, 2],
      [1, 2],
      [2, 3],
      [5, 6],
    ]);
    const twins = closedTwins(g);
    assert.deepEqual(Array.from(twins.classOf), [0, 0, 1, 2, 3, 4, 4]);
    assert.deepEqual(Array.from(twins.size), [2, 1, 1, 1, 2]);
    assert.deepEqual(rows(twins.quotient), [[1], [0, 2], [1], [], []]);
    assert.equal(twins.quotient.m, 2);
  });

  it("never joins authors that only look alike: a cycle, two triangles, a star's leaves", () => {
    const cycle = csrFromEdges(5, [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 0],
    ]);
    assert.equal(closedTwins(cycle).quotient.n, 5, "equal degrees, different neighbours");
    const triangles = csrFromEdges(6, [
      [0, 1],
      [1, 2],
      [0, 2],
      [3, 4],
      [4, 5],
      [3, 5],
    ]);
    assert.deepEqual(Array.from(closedTwins(triangles).classOf), [0, 0, 0, 1, 1, 1]);
    // A star's leaves share their one neighbour but are not tied: open twins, not closed ones.
    const star = csrFromEdges(4, [
      [0, 1],
      [0, 2],
      [0, 3],
    ]);
    assert.equal(closedTwins(star).quotient.n, 4);
    // Authors without ties are not twins of each other.
    assert.equal(closedTwins(csrFromEdges(3, [])).quotient.n, 3);
  });

  it("turns sources into one search per class, counted, in the order of their first source", () => {
    const twins = closedTwins(
      csrFromEdges(5, [
        [0, 1],
        [0, 2],
        [1, 2],
        [3, 4],
      ]),
    );
    const { classes, counts } = searchesFor(twins, Int32Array.of(4, 1, 0, 3));
    assert.deepEqual(Array.from(classes), [1, 0]);
    assert.deepEqual(Array.from(counts), [2, 2]);
    assert.deepEqual(Array.from(perAuthor(twins, Float64Array.of(7, 9))), [7, 7, 7, 9, 9]);
  });

  it("give every author's betweenness and reach as the searches over every author do, on byline graphs", async () => {
    for (const seed of [3, 17, 29]) {
      const { n, edges } = bylineGraph(seed, 220, 150);
      const g = csrFromEdges(n, edges);
      const twins = closedTwins(g);
      assert.ok(twins.quotient.n < 0.8 * n, `seed ${seed}: the graph has twins (${twins.quotient.n} classes for ${n} authors)`);
      assert.ok(twins.quotient.m < 0.8 * g.m, `seed ${seed}: fewer ties between classes (${twins.quotient.m} of ${g.m})`);
      assert.ok(searchesByBitsets(twins.quotient), `seed ${seed}: dense enough for the bit-set searches`);

      // The reference: every author a source, each level found tie by tie.
      const all = everyAuthor(n);
      const reach = { reached: new Int32Array(n), distanceSums: new Float64Array(n) };
      const plain = normaliseBetweenness(await dependencySums(g, all, { reach, pass: "ties" }), all, true).scores;
      assert.ok(
        plain.some((x) => x > 0.01),
        `seed ${seed}: some authors bridge`,
      );
      // The bit-set searches alone, every author a source.
      const bitReach = { reached: new Int32Array(n), distanceSums: new Float64Array(n) };
      const bitsets = normaliseBetweenness(await dependencySums(g, all, { reach: bitReach, pass: "bitsets" }), all, true).scores;
      assert.ok(maxRelativeDifference(bitsets, plain) < 1e-12, `seed ${seed}: bit-set searches`);
      assert.deepEqual(bitReach, reach, `seed ${seed}: bit-set searches' reach`);
      // Between classes, both ways of finding the levels.
      assert.ok(maxRelativeDifference((await betweenness(g, null)).scores, plain) < 1e-12, `seed ${seed}: exact betweenness`);
      const classes = everyAuthor(twins.quotient.n);
      const byTies = await dependencySums(twins.quotient, classes, { twins: { size: twins.size, counts: twins.size }, pass: "ties" });
      const byTiesScores = normaliseBetweenness(perAuthor(twins, byTies), all, true).scores;
      assert.ok(maxRelativeDifference(byTiesScores, plain) < 1e-12, `seed ${seed}: between classes, tie by tie`);

      // The analysis' searches: betweenness, and each author's reach and distance sum, the same integers.
      const searched = await hopSearches(g);
      assert.ok(maxRelativeDifference(normaliseBetweenness(searched.dependencySums, all, true).scores, plain) < 1e-12);
      assert.deepEqual(searched.reach.reached, reach.reached, `seed ${seed}: authors reached`);
      assert.deepEqual(searched.reach.distanceSums, reach.distanceSums, `seed ${seed}: distance sums`);

      // Sampled, with pivots that are twins of each other: a whole class, and part of another.
      const big = twins.size.findIndex((s) => s >= 3);
      const members = all.filter((v) => twins.classOf[v] === big);
      const pivots = Int32Array.from(new Set([...members, ...samplePivots(n, 40, seed)]));
      const sampledPlain = normaliseBetweenness(await dependencySums(g, pivots, { pass: "ties" }), pivots, false).scores;
      const sampled = await betweenness(g, pivots);
      assert.equal(sampled.pivots, pivots.length);
      assert.ok(maxRelativeDifference(sampled.scores, sampledPlain) < 1e-12, `seed ${seed}: sampled betweenness`);
    }
  });

  it("give the same betweenness on a large sparse byline graph, searched tie by tie", async () => {
    const { n, edges } = bylineGraph(41, 3000, 2500);
    const g = csrFromEdges(n, edges);
    const twins = closedTwins(g);
    assert.ok(!searchesByBitsets(g) && !searchesByBitsets(twins.quotient), "too sparse for bit sets");
    assert.ok(twins.quotient.n < 0.8 * n, `${twins.quotient.n} classes for ${n} authors`);
    const pivots = samplePivots(n, 150, 2);
    const plain = normaliseBetweenness(await dependencySums(g, pivots, { pass: "ties" }), pivots, false).scores;
    assert.ok(plain.some((x) => x > 0.001));
    assert.ok(maxRelativeDifference((await betweenness(g, pivots)).scores, plain) < 1e-12);
  });

  it("leave a graph without twins as it was", async () => {
    const n = 300;
    const g = csrFromEdges(n, randomGraph(5, n, 900));
    const twins = closedTwins(g);
    const alone = twins.size.filter((s) => s === 1).length;
    assert.ok(alone > 0.9 * twins.quotient.n);
    const all = everyAuthor(n);
    const plain = normaliseBetweenness(await dependencySums(g, all, { pass: "ties" }), all, true).scores;
    assert.ok(maxRelativeDifference((await betweenness(g, null)).scores, plain) < 1e-12);
  });
});
