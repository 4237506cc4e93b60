import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { betweenness, samplePivots } from "../../../src/kernel/graph-algorithms";
import { BETWEENNESS_CHUNKS, betweennessInWorkers, chunkSources } from "../../../src/figures/betweenness-workers";
import { csrFromEdges, localityOrder } from "../../../src/kernel/csr";
import { randomGraph } from "../../support/random-graph";

/*
 * Betweenness in worker threads against the one-thread computation (itself checked against networkx in
 * test/unit/kernel/graph-algorithms.test.ts): the same values up to the order of additions, and bit for bit the same values whatever the
 * number of threads, since the chunks' sums are added in a fixed order.
 */
function maxDifference(a: Float64Array, b: Float64Array): number {
  let d = 0;
  for (let v = 0; v < a.length; v++) d = Math.max(d, Math.abs(a[v] - b[v]));
  return d;
}

describe("betweenness in worker threads", { timeout: 300_000 }, () => {
  const n = 3000;
  const g = localityOrder(csrFromEdges(n, randomGraph(31, n, n * 4))).csr;

  it("gives the one-thread values, exact and sampled, with progress for every pivot", async () => {
    const exactOne = await betweenness(g, null);
    let reported = 0;
    const exactWorkers = await betweennessInWorkers(g, null, {
      threads: 2,
      progress: (done) => void (reported = Math.max(reported, done)),
    });
    assert.equal(reported, n, "progress reached every source");
    assert.equal(exactWorkers.exact, true);
    assert.equal(exactWorkers.pivots, n);
    assert.equal(exactWorkers.threads, 2);
    const exactDiff = maxDifference(exactOne.scores, exactWorkers.scores);
    assert.ok(exactDiff < 1e-12, `exact: max |Δ| ${exactDiff}`);
    assert.ok(
      exactOne.scores.some((x) => x > 0.01),
      "the graph has authors that bridge",
    );

    const pivots = samplePivots(n, 100, 7);
    const sampledOne = await betweenness(g, pivots);
    const sampledWorkers = await betweennessInWorkers(g, pivots, { threads: 3 });
    assert.equal(sampledWorkers.exact, false);
    assert.equal(sampledWorkers.pivots, 100);
    const sampledDiff = maxDifference(sampledOne.scores, sampledWorkers.scores);
    assert.ok(sampledDiff < 1e-12, `sampled: max |Δ| ${sampledDiff}`);
    console.log(`workers against one thread: exact max |Δ| ${exactDiff.toExponential(1)}, sampled ${sampledDiff.toExponential(1)}`);
  });

  it("gives the same bits on 1, 2 and 5 threads", async () => {
    const pivots = samplePivots(n, 64, 3);
    const [one, two, five] = [
      await betweennessInWorkers(g, pivots, { threads: 1 }),
      await betweennessInWorkers(g, pivots, { threads: 2 }),
      await betweennessInWorkers(g, pivots, { threads: 5 }),
    ];
    assert.deepEqual(two.scores, one.scores);
    assert.deepEqual(five.scores, one.scores);
    assert.deepEqual([one.threads, two.threads, five.threads], [1, 2, 5]);
  });

  it("deals every search into exactly one chunk with its count, and leaves out empty chunks", () => {
    const sources = Int32Array.from({ length: 21 }, (_, i) => 100 + i);
    const counts = Int32Array.from({ length: 21 }, (_, i) => 1 + (i % 3));
    const chunks = chunkSources(sources, counts);
    assert.equal(chunks.length, BETWEENNESS_CHUNKS);
    assert.deepEqual(
      chunks.flatMap((c) => Array.from(c.sources)).sort((a, b) => a - b),
      Array.from(sources),
    );
    assert.deepEqual(Array.from(chunks[1].sources), [101, 109, 117]);
    assert.deepEqual(Array.from(chunks[1].counts), [2, 1, 3]);
    assert.equal(chunkSources(Int32Array.of(5, 6, 7), Int32Array.of(1, 1, 1)).length, 3);
    assert.equal(chunkSources(new Int32Array(0), new Int32Array(0)).length, 0);
  });

  it("gives zeros for a graph of two authors, and no threads are needed for no sources", async () => {
    const tiny = csrFromEdges(2, [[0, 1, 1]]);
    const result = await betweennessInWorkers(tiny, null, { threads: 2 });
    assert.deepEqual(Array.from(result.scores), [0, 0]);
    const none = await betweennessInWorkers(g, new Int32Array(0), { threads: 2 });
    assert.equal(none.pivots, 0);
    assert.ok(none.scores.every((x) => x === 0));
  });
});
