import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { louvainCommunities } from "../../src/analysis/communities";
import { indexed, NodeMetrics, nodeMetrics, WeightedNetwork } from "../../src/analysis/metrics";
import { networkxMetrics } from "./networkx-metrics";

/** Tolerances of the agreement with networkx, per metric (absolute). PageRank is iterative on both sides. */
export const TOLERANCE: Record<keyof NodeMetrics, number> = {
  degree: 0,
  weightedDegree: 1e-9,
  betweenness: 1e-9,
  closeness: 1e-9,
  pagerank: 1e-8,
  clustering: 1e-9,
  constraint: 1e-9,
  effectiveSize: 1e-9,
};

export interface Agreement {
  /** The largest absolute difference seen per metric. */
  maxDiff: Record<string, number>;
  ourModularity: number;
  networkxOfOurs: number;
  reference: number;
  /** networkx's Louvain modularity on each of its seeds (reference is their best). */
  referenceRuns: number[];
  communities: number;
}

/** Our metrics and Louvain on `network` against networkx's on the same nodes and edges; fails beyond TOLERANCE. */
export async function checkAgainstNetworkx(network: WeightedNetwork, resolution: number, seed: number, label: string): Promise<Agreement> {
  const rows = indexed(network);
  const ours = await nodeMetrics(rows);
  const partition = await louvainCommunities(rows, resolution, seed);
  const dir = mkdtempSync(path.join(os.tmpdir(), "cg-nx-"));
  try {
    const file = path.join(dir, "network.json");
    writeFileSync(
      file,
      JSON.stringify({ nodes: network.nodes, edges: network.edges, resolution, communities: Object.fromEntries(partition.of) }),
    );
    const nx = networkxMetrics(file);
    const maxDiff: Record<string, number> = {};
    for (const metric of Object.keys(TOLERANCE) as Array<keyof NodeMetrics>) {
      let worst = 0;
      for (const [node, m] of ours) {
        const theirs = (nx[metric] as Record<string, number | null>)[node];
        const mine = m[metric];
        if (mine === null || theirs === null || theirs === undefined) {
          assert.equal(mine, theirs ?? null, `${label}: ${metric} of ${node} is ${mine}, networkx ${theirs}`);
          continue;
        }
        const diff = Math.abs(mine - theirs);
        worst = Math.max(worst, diff);
        assert.ok(diff <= TOLERANCE[metric], `${label}: ${metric} of ${node} is ${mine}, networkx ${theirs} (diff ${diff})`);
      }
      maxDiff[metric] = worst;
    }
    maxDiff.modularity = Math.abs(partition.modularity - nx.ourModularity);
    assert.ok(
      maxDiff.modularity <= 1e-9,
      `${label}: our modularity ${partition.modularity}, networkx of our partition ${nx.ourModularity}`,
    );
    return {
      maxDiff,
      ourModularity: partition.modularity,
      networkxOfOurs: nx.ourModularity,
      reference: nx.referenceModularity,
      referenceRuns: nx.referenceRuns,
      communities: partition.count,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
