import assert from "node:assert/strict";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { betweenness, connectedComponents, distribution, pageRank, samplePivots } from "../../../src/figures/algorithms";
import { csrFromEdges } from "../../../src/figures/csr";
import { AUTHORS_BY_FIGURE, AUTHORS_BY_FIGURE_COUNT } from "../../../src/author/author-figures.cypher";
import { seededRandom } from "../../../src/util/seeded-random";
import { networkxFigures, spearman, topOverlap } from "../../support/networkx-figures";
import { assertSnapshot } from "../../support/snapshot";

/*
 * The whole-graph algorithms against networkx 3.6 on seeded random graphs: several components, isolated authors,
 * weights that Float32 holds exactly (so only the iteration differs). Tolerances: components exact; PageRank 1e-9
 * absolute (both iterate far below it); exact betweenness 1e-9 absolute; sampled betweenness judged by rank
 * agreement with the exact values (Spearman ≥ 0.9, at least half of the top 20).
 */
const WEIGHTS = [1, 2, 0.5, 0.25, 1.5, 3];

function randomGraph(seed: number, n: number, ties: number): Array<[number, number, number]> {
  const random = seededRandom(seed);
  const seen = new Set<string>();
  const edges: Array<[number, number, number]> = [];
  // Clustered: most ties inside blocks of 40, a few across, the last 5% of authors left alone.
  const active = Math.floor(n * 0.95);
  while (edges.length < ties) {
    const a = Math.floor(random() * active);
    const b = random() < 0.9 ? Math.min(active - 1, Math.floor(a / 40) * 40 + Math.floor(random() * 40)) : Math.floor(random() * active);
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    edges.push([a, b, WEIGHTS[Math.floor(random() * WEIGHTS.length)]]);
  }
  return edges;
}

const tmp = (name: string) => path.join(os.tmpdir(), `coauthor-graph-figures-${process.pid}-${name}.json`);

describe("whole-graph figures against networkx", { timeout: 600_000 }, () => {
  it("components, PageRank and exact betweenness agree on 6 seeded graphs", async () => {
    for (let seed = 1; seed <= 6; seed++) {
      const n = 60 + seed * 50;
      const edges = randomGraph(seed * 101, n, n * 3);
      const g = csrFromEdges(n, edges);
      const ref = networkxFigures(n, edges, { betweenness: true, file: tmp(`exact-${seed}`) });
      const ours = connectedComponents(g);
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
