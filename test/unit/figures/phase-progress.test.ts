import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, it } from "node:test";
import { PhaseProgress } from "../../../src/figures/phase-progress";
import { pageRank, PAGERANK_DEFAULTS } from "../../../src/kernel/graph-algorithms";
import { csrFromEdges } from "../../../src/kernel/csr";

describe("the figures' progress lines", () => {
  it("say nothing before the phase has run a full interval, then give the rate and an ETA, and always close", async () => {
    const lines: string[] = [];
    const progress = new PhaseProgress("betweenness", "pivots", 100, (line) => lines.push(line), 40);
    progress.update(1); // a first step at once: no rate or ETA from it
    assert.deepEqual(lines, []);
    await sleep(60);
    progress.update(50);
    assert.equal(lines.length, 1);
    assert.match(lines[0], /^figures: betweenness: 50\/100 pivots, [\d.]+ pivots\/s, ETA (\d+s|\d+m\d\ds)$/);
    progress.update(51); // within the interval: nothing
    progress.done();
    assert.equal(lines.length, 2);
    assert.match(lines[1], /^figures: betweenness: 51 pivots in [\d.]+ s$/);
  });

  it("PageRank of a graph without authors iterates zero times", async () => {
    const result = await pageRank(csrFromEdges(0, []), PAGERANK_DEFAULTS);
    assert.deepEqual([result.iterations, result.scores.length, result.residual], [0, 0, 0]);
  });
});
