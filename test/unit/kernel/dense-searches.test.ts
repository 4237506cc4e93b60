import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { dependencySums } from "../../../src/kernel/graph-algorithms";
import { csrFromEdges } from "../../../src/kernel/csr";
import { searchesByBitsets, sumAt } from "../../../src/kernel/dense-searches";
import { TimeSlice } from "../../../src/util/time-slice";
import { seededRandom } from "../../../src/util/seeded-random";
import { bylineGraph, randomGraph } from "../../support/random-graph";

/*
 * The bit-set searches' own guarantees; their values are held to the tie-by-tie searches in twins.test.ts and to
 * networkx through the analysis' tests.
 */
describe("bit-set searches", () => {
  it("are chosen for small dense graphs only", () => {
    const dense = bylineGraph(3, 220, 150);
    assert.ok(searchesByBitsets(csrFromEdges(dense.n, dense.edges)));
    assert.ok(!searchesByBitsets(csrFromEdges(3000, randomGraph(1, 3000, 12_000))), "sparse");
    // A complete graph past the size limit: dense, but its rows of words would be too large.
    assert.ok(
      !searchesByBitsets({ n: 9000, m: 9000 * 4499, offsets: new Int32Array(0), targets: new Int32Array(0), weights: new Float32Array(0) }),
    );
  });

  it("sum every entry of a row once, for rows of every length (values exact in binary: any order gives these bits)", () => {
    const random = seededRandom(9);
    const values = Float64Array.from({ length: 50 }, () => Math.floor(random() * 1000) / 8); // exact in binary
    for (let length = 0; length <= 13; length++) {
      const targets = Int32Array.from({ length: length + 3 }, () => Math.floor(random() * 50));
      let plain = 0;
      for (let i = 2; i < 2 + length; i++) plain += values[targets[i]];
      assert.equal(sumAt(values, targets, 2, 2 + length), plain, `length ${length}`);
    }
  });

  it("hand the event loop turns between searches, and the turns change no value", async () => {
    const { n, edges } = bylineGraph(5, 400, 260);
    const g = csrFromEdges(n, edges);
    assert.ok(searchesByBitsets(g));
    const sources = Int32Array.from({ length: n }, (_, v) => v);
    const whole = await dependencySums(g, sources, { slice: new TimeSlice(Number.POSITIVE_INFINITY), pass: "bitsets" });
    const slice = new TimeSlice(0);
    let timerRan = 0;
    const timer = setInterval(() => timerRan++, 0);
    const sliced = await dependencySums(g, sources, { slice, pass: "bitsets" });
    clearInterval(timer);
    assert.ok(slice.turns > 5, `${slice.turns} turns`);
    assert.ok(timerRan > 0, "a timer ran during the searches");
    assert.deepEqual(sliced, whole);
  });
});
