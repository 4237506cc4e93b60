import assert from "node:assert/strict";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { betweenness, connectedComponents, distribution, pageRank, samplePivots } from "../../../src/kernel/graph-algorithms";
import { csrFromEdges, degrees, localityOrder } from "../../../src/kernel/csr";
import { closedTwins } from "../../../src/kernel/twins";
import { AUTHORS_BY_FIGURE, AUTHORS_BY_FIGURE_COUNT } from "../../../src/author/author-figures.cypher";
import { TimeSlice } from "../../../src/util/time-slice";
import { networkxFigures, spearman, topOverlap } from "../../support/networkx-figures";
import { bylineGraph, randomGraph } from "../../support/random-graph";
import { assertSnapshot } from "../../support/snapshot";

/*
 * The whole-graph algorithms against networkx 3.6 on seeded random graphs: several components, isolated authors,
 * weights that Float32 holds exactly (so only the iteration differs). Tolerances: components exact; PageRank 1e-9
 * absolute (both iterate far below it); exact betweenness 1e-9 absolute; sampled betweenness judged by rank
 * agreement with the exact values (Spearman ≥ 0.9, at least half of the top 20).
 */
const tmp = (name: string) => path.join(os.tmpdir(), `coauthor-graph-figures-${process.pid}-${name}.json`);

describe("whole-graph figures against networkx", { timeout: 600_000 }, () => {
  it("components, PageRank and exact betweenness agree on 6 seeded graphs", async () => {
    for (let seed = 1; seed <= 6; seed++) {
      const n = 60 + seed * 50;
      const edges = randomGraph(seed * 101, n, n * 3);
      const g = csrFromEdges(n, edges);
      const ref = networkxFigures(n, edges, { betweenness: true, file: tmp(`exact-${seed}`) });
      const ours = await connectedComponents(g);
      assert.deepEqual(ours.sizes, ref.componentSizes, `seed ${seed}: component sizes`);
      const pr = await pageRank(g, { alpha: 0.85, tolerance: 1e-14, maxIterations: 10_000 });
      const bc = await betweenness(g, null);
      let prDiff = 0;
      let bcDiff = 0;
      for (let v = 0; v < n; v++) {
        prDiff = Math.max(prDiff, Math.abs(pr.scores[v] - ref.pagerank[v]));
        bcDiff = Math.max(bcDiff, Math.abs(bc.scores[v] - ref.betweenness![v]));
      }
      console.log(
        `seed ${seed}: ${n} authors, ${edges.length} ties, ${ours.sizes.length} components; max |ΔPageRank| ${prDiff.toExponential(1)}, max |Δbetweenness| ${bcDiff.toExponential(1)}`,
      );
      assert.ok(prDiff < 1e-9, `seed ${seed}: PageRank differs by ${prDiff}`);
      assert.ok(bcDiff < 1e-9, `seed ${seed}: betweenness differs by ${bcDiff}`);
      assert.ok(bc.exact);
    }
  });

  it("exact betweenness agrees on 3 graphs made from bylines, full of twins (searched as classes)", async () => {
    for (const seed of [2, 4, 8]) {
      const { n, edges } = bylineGraph(seed, 160, 120);
      const g = csrFromEdges(n, edges);
      const classes = closedTwins(g).quotient.n;
      assert.ok(classes < 0.8 * n, `seed ${seed}: ${classes} classes of twins for ${n} authors`);
      const ref = networkxFigures(n, edges, { betweenness: true, file: tmp(`bylines-${seed}`) });
      const bc = await betweenness(g, null);
      let bcDiff = 0;
      for (let v = 0; v < n; v++) bcDiff = Math.max(bcDiff, Math.abs(bc.scores[v] - ref.betweenness![v]));
      console.log(
        `bylines ${seed}: ${n} authors in ${classes} classes, ${edges.length} ties; max |Δbetweenness| ${bcDiff.toExponential(1)}`,
      );
      assert.ok(bcDiff < 1e-9, `seed ${seed}: betweenness differs by ${bcDiff}`);
      assert.ok(
        ref.betweenness!.some((x) => x > 0.01),
        `seed ${seed}: some authors bridge`,
      );
    }
  });

  it("sampled betweenness ranks authors like the exact one (2,000 authors, 200 pivots)", async () => {
    const n = 2000;
    const edges = randomGraph(4242, n, n * 4);
    const g = csrFromEdges(n, edges);
    const exact = await betweenness(g, null);
    const sampled = await betweenness(g, samplePivots(n, 200, 1));
    const rho = spearman(exact.scores, sampled.scores);
    const top20 = topOverlap(exact.scores, sampled.scores, 20);
    console.log(`sampled vs exact betweenness: Spearman ${rho.toFixed(3)}, top-20 overlap ${top20}/20`);
    assert.ok(rho >= 0.9, `Spearman ${rho}`);
    // Measured: Spearman 0.943, 11 of the top 20 (a flat random graph: many authors with close values).
    assert.ok(top20 >= 10, `top-20 overlap ${top20}`);
    assert.equal(sampled.pivots, 200);
    assert.equal(sampled.exact, false);
    // Deterministic for a seed.
    assert.deepEqual(samplePivots(n, 200, 1), samplePivots(n, 200, 1));
  });

  it("renumbering for locality changes no figure, and leaves every neighbour list ascending", async () => {
    const n = 1500;
    const edges = randomGraph(777, n, n * 5);
    const g = csrFromEdges(n, edges);
    const { csr: r, order, rank } = localityOrder(g);
    assert.equal(r.m, g.m);
    for (let k = 0; k < n; k++) {
      assert.equal(order[rank[k]], k);
      const list = r.targets.subarray(r.offsets[k], r.offsets[k + 1]);
      for (let i = 1; i < list.length; i++) assert.ok(list[i - 1] < list[i], `author ${k}'s neighbours ascend`);
      assert.equal(degrees(r)[k], degrees(g)[order[k]]);
    }
    assert.deepEqual((await connectedComponents(r)).sizes, (await connectedComponents(g)).sizes);
    const [pr, prR] = [await pageRank(g), await pageRank(r)];
    const pivots = samplePivots(n, 50, 9);
    const [bc, bcR] = [await betweenness(g, null), await betweenness(r, null)];
    const [sb, sbR] = [
      await betweenness(g, pivots),
      await betweenness(
        r,
        pivots.map((v) => rank[v]),
      ),
    ];
    for (let v = 0; v < n; v++) {
      assert.ok(Math.abs(pr.scores[v] - prR.scores[rank[v]]) < 1e-12, `PageRank of ${v}`);
      assert.ok(Math.abs(bc.scores[v] - bcR.scores[rank[v]]) < 1e-12, `betweenness of ${v}`);
      assert.ok(Math.abs(sb.scores[v] - sbR.scores[rank[v]]) < 1e-12, `sampled betweenness of ${v}`);
    }
  });

  it("hands the event loop turns inside one search, and the turns change no figure", async () => {
    // One betweenness search over 60,000 authors is one synchronous stretch without slicing: at dblp size such a
    // stretch lasted seconds and starved the lock's heartbeat and the driver. Slices of 0 ms give a turn every
    // 4,096 steps; the event loop's own counter (setImmediate callbacks that ran meanwhile) shows the turns were real.
    const n = 60_000;
    const edges = randomGraph(4242, n, n * 3);
    const g = csrFromEdges(n, edges);
    const pivot = samplePivots(n, 1, 3);
    let loopTurns = 0;
    let ticking = true;
    const tick = () => {
      loopTurns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const sliced = new TimeSlice(0);
    const [components, pr, bc] = [
      await connectedComponents(g, sliced),
      await pageRank(g, undefined, undefined, sliced),
      await betweenness(g, pivot, undefined, sliced),
    ];
    ticking = false;
    const whole = new TimeSlice(Number.POSITIVE_INFINITY);
    const [componentsW, prW, bcW] = [
      await connectedComponents(g, whole),
      await pageRank(g, undefined, undefined, whole),
      await betweenness(g, pivot, undefined, whole),
    ];
    // Components: n steps; one PageRank iteration: n steps; one search: two passes over the authors it reached.
    assert.ok(sliced.turns >= Math.floor(n / 4096) * 4, `turns handed to the loop: ${sliced.turns}`);
    assert.ok(loopTurns >= sliced.turns, `the loop ran ${loopTurns} times for ${sliced.turns} turns`);
    assert.equal(whole.turns, 0);
    assert.deepEqual(components, componentsW);
    assert.deepEqual(pr, prW);
    assert.deepEqual(bc, bcW);
  });

  it("distributions are ascending (value, count) rows", () => {
    assert.deepEqual(distribution([3, 1, 3, 2, 3]), [
      { value: 1, count: 1 },
      { value: 2, count: 1 },
      { value: 3, count: 3 },
    ]);
  });
});

describe("authors by figure: the fixed statements", () => {
  it("match their snapshot", () => {
    const parts: string[] = [];
    for (const [figure, slots] of Object.entries(AUTHORS_BY_FIGURE))
      for (const [slot, statements] of Object.entries(slots))
        parts.push(`// ${figure} ${slot}\n${statements.all}\n// ${figure} ${slot} search\n${statements.search}\n`);
    for (const [figure, slots] of Object.entries(AUTHORS_BY_FIGURE_COUNT))
      for (const [slot, statements] of Object.entries(slots))
        parts.push(`// count ${figure} ${slot}\n${statements.all}\n// count ${figure} ${slot} search\n${statements.search}\n`);
    assertSnapshot("author-figures.cypher", parts.join("\n"));
  });
});
