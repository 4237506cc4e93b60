import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { WeightedNetwork } from "../../../src/analysis/metrics";
import { seededRandom } from "../../../src/util/seeded-random";
import { Agreement, checkAgainstNetworkx } from "../../support/agreement";
import { bylineGraph } from "../../support/random-graph";
import { closedTwins } from "../../../src/kernel/twins";
import { csrFromEdges, type Csr } from "../../../src/kernel/csr";
import { louvainRuns } from "../../../src/analysis/communities";

/**
 * Seeded random networks with planted groups (a stochastic block model), a few isolated authors and weights drawn like
 * the tie schemes' (1, 1/(n−1), 1/n and sums of them), checked metric by metric against networkx (support/agreement.ts
 * has the tolerances). Louvain's modularity must reach the best of networkx's five runs (seeds 0–4), to rounding.
 */
const MODULARITY_ROUNDING = 1e-9;

/** Ours at least networkx's best run (to rounding). */
function assertModularity(agreement: Agreement, label: string): void {
  assert.ok(
    agreement.ourModularity >= agreement.reference - MODULARITY_ROUNDING,
    `${label}: our modularity ${agreement.ourModularity} < networkx's best ${agreement.reference} of ${agreement.referenceRuns.join(", ")}`,
  );
}

function plantedNetwork(seed: number): WeightedNetwork {
  const random = seededRandom(seed);
  const groups = 2 + Math.floor(random() * 5);
  const perGroup = 3 + Math.floor(random() * 25);
  const nodes = Array.from({ length: groups * perGroup + 3 }, (_, i) => `a${i}`);
  const edges: WeightedNetwork["edges"][number][] = [];
  const inside = 0.3 + random() * 0.4;
  const across = random() * 0.05;
  const weights = [1, 2, 3, 0.5, 1 / 3, 0.25, 1 / 9, 1.75];
  for (let i = 0; i < groups * perGroup; i++) {
    for (let j = i + 1; j < groups * perGroup; j++) {
      const same = Math.floor(i / perGroup) === Math.floor(j / perGroup);
      if (random() < (same ? inside : across))
        edges.push({ source: nodes[i], target: nodes[j], weight: weights[Math.floor(random() * weights.length)] });
    }
  }
  return { nodes, edges };
}

describe("network metrics and Louvain against networkx (seeded random networks)", { timeout: 300_000 }, () => {
  it("agree within the stated tolerances on 12 networks, at three resolutions", async () => {
    const results: Array<Agreement & { seed: number; resolution: number }> = [];
    for (let seed = 1; seed <= 12; seed++) {
      const resolution = [1, 0.5, 2][seed % 3];
      const network = plantedNetwork(seed * 7919);
      const agreement = await checkAgainstNetworkx(network, resolution, seed, `seed ${seed}`);
      console.log(
        `seed ${seed} γ=${resolution}: ${network.nodes.length} authors, ${network.edges.length} ties, Q ours ${agreement.ourModularity.toFixed(5)}, networkx best ${agreement.reference.toFixed(5)} of ${agreement.referenceRuns.map((q) => q.toFixed(5)).join(" ")}`,
      );
      assertModularity(agreement, `seed ${seed}`);
      results.push({ ...agreement, seed, resolution });
    }
    const worst: Record<string, number> = {};
    for (const r of results) for (const [k, v] of Object.entries(r.maxDiff)) worst[k] = Math.max(worst[k] ?? 0, v);
    const gap = Math.min(...results.map((r) => r.ourModularity - r.reference));
    console.log(
      `networkx agreement, max |diff| over 12 random networks: ${JSON.stringify(worst)}; min (our Q - networkx best Q) ${gap.toFixed(5)}`,
    );
  });

  it("agree on networks made from bylines, full of closed twins (searched as one node per class)", async () => {
    for (const seed of [5, 7]) {
      const random = seededRandom(seed);
      const { n, edges } = bylineGraph(seed, 50, 40);
      const classes = closedTwins(csrFromEdges(n, edges)).quotient.n;
      assert.ok(classes < 0.8 * n, `seed ${seed}: ${classes} classes of twins for ${n} authors`);
      const weights = [1, 2, 0.5, 1 / 3, 1.25];
      const network: WeightedNetwork = {
        nodes: Array.from({ length: n }, (_, i) => `a${i}`),
        edges: edges.map(([a, b]) => ({ source: `a${a}`, target: `a${b}`, weight: weights[Math.floor(random() * weights.length)] })),
      };
      const agreement = await checkAgainstNetworkx(network, 1, seed, `bylines ${seed}`);
      console.log(
        `bylines ${seed}: ${n} authors in ${classes} classes, ${edges.length} ties; max |diff| ${JSON.stringify(agreement.maxDiff)}`,
      );
      assertModularity(agreement, `bylines ${seed}`);
    }
  });

  it("tries more Louvain orders on small networks only, within a bounded amount of work", () => {
    const sized = (n: number, m: number) => louvainRuns({ n, m } as Csr);
    assert.equal(sized(78, 371), 30, "a test network");
    assert.equal(sized(500, 6_856), 30, "the ML slice's densest 500-author network");
    assert.equal(sized(500, 14_500), 20);
    assert.equal(sized(500, 27_555), 10, "the 158k file's densest 500-author network");
    assert.equal(sized(2_000, 120_000), 10, "never fewer than ten");
    for (const [n, m] of [
      [100, 1_000],
      [1_000, 12_000],
      [1_000, 20_000],
      [5_000, 200_000],
    ])
      assert.ok(sized(n, m) * (n + m) <= Math.max(300_000, 10 * (n + m)), `work for ${n} authors, ${m} ties`);
  });

  it("gives the same partition for the same seed", async () => {
    const network = plantedNetwork(4242);
    const a = await checkAgainstNetworkx(network, 1, 7, "repeat a");
    const b = await checkAgainstNetworkx(network, 1, 7, "repeat b");
    assert.equal(a.ourModularity, b.ourModularity);
    assert.equal(a.communities, b.communities);
  });
});
