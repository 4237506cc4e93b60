import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BylineCollector, tiesFromBylines, type BylineGraph } from "../../../src/kernel/byline-ties";
import { seededRandom } from "../../../src/util/seeded-random";
import { TimeSlice } from "../../../src/util/time-slice";

/** Author k's ties as [neighbour's external id, weight], by neighbour. */
function ties(graph: BylineGraph, k: number): Array<[number, number]> {
  const { offsets, targets, weights } = graph.csr;
  const row: Array<[number, number]> = [];
  for (let i = offsets[k]; i < offsets[k + 1]; i++) row.push([graph.externalIds[targets[i]], weights[i]]);
  return row.sort((a, b) => a[0] - b[0]);
}

/** Seeded bylines over author ids 10, 13, 16, …: mostly small teams, a few long ones, some papers without authors. */
function randomBylines(seed: number, authors: number, papers: number): { authorIds: number[]; bylines: Array<[number, number[]]> } {
  const random = seededRandom(seed);
  const authorIds = Array.from({ length: authors }, (_, k) => 10 + 3 * k);
  const bylines: Array<[number, number[]]> = [];
  for (let q = 0; q < papers; q++) {
    const size = q % 97 === 5 ? 120 : q % 50 === 7 ? 0 : 1 + Math.floor(-Math.log(1 - random()) * 3);
    const chosen = new Set<number>();
    // Authors cluster in groups of 40, so ties repeat across papers.
    const group = Math.floor(random() * (authors / 40));
    while (chosen.size < Math.min(size, authors)) {
      const k = random() < 0.85 && size < 40 ? group * 40 + Math.floor(random() * 40) : Math.floor(random() * authors);
      chosen.add(authorIds[Math.min(k, authors - 1)]);
    }
    bylines.push([1_000 + 7 * q, [...chosen]]);
  }
  return { authorIds, bylines };
}

describe("ties from the papers' bylines", () => {
  it("gives each pair of coauthors one tie, at both ends, weighted Σ 1/(n − 1) over their joint papers", async () => {
    const one = new BylineCollector();
    one.add(12, [90]); // a paper of one author adds no tie
    one.add(10, [70, 80, 90]); // 1/2 to each of its three pairs
    one.add(13, []);
    one.add(11, [80, 70]); // 1 to 70–80
    const graph = await tiesFromBylines([90, 60, 80, 70], [one]);
    assert.deepEqual([...graph.externalIds], [60, 70, 80, 90]);
    assert.equal(graph.csr.m, 3);
    assert.deepEqual(ties(graph, 0), [], "an author without papers has no ties");
    assert.deepEqual(ties(graph, 1), [
      [80, 1.5],
      [90, 0.5],
    ]);
    assert.deepEqual(ties(graph, 2), [
      [70, 1.5],
      [90, 0.5],
    ]);
    assert.deepEqual(ties(graph, 3), [
      [70, 0.5],
      [80, 0.5],
    ]);
    assert.deepEqual([...graph.bylineSizes], [3, 2, 1, 0], "byline sizes in paper id order");
    assert.equal(one.papers, 0, "the collectors are emptied");
  });

  it("agrees with pairs counted from the bylines one by one, and gives the same bits however the papers were split and ordered", async () => {
    const { authorIds, bylines } = randomBylines(5, 400, 700);
    // Independent count: every pair of every byline, its weight summed in paper id order (as the joint papers are).
    const expected = new Map<string, number>();
    for (const [, byline] of [...bylines].sort((a, b) => a[0] - b[0]))
      for (const a of byline)
        for (const b of byline) if (a !== b) expected.set(`${a}|${b}`, (expected.get(`${a}|${b}`) ?? 0) + 1 / (byline.length - 1));
    const inOrder = new BylineCollector();
    for (const [paper, byline] of bylines) inOrder.add(paper, byline);
    const whole = await tiesFromBylines(authorIds, [inOrder]);
    assert.equal(whole.csr.m * 2, expected.size);
    for (let k = 0; k < whole.csr.n; k++)
      for (const [b, w] of ties(whole, k)) assert.equal(w, Math.fround(expected.get(`${whole.externalIds[k]}|${b}`)!), `${k}–${b}`);

    const lanes = [new BylineCollector(), new BylineCollector(), new BylineCollector()];
    const shuffled = bylines.map((_, q) => q).sort((x, y) => ((x * 7919) % 613) - ((y * 7919) % 613));
    // Split in three, shuffled, each byline listed in another order, and the loop handed turns all along.
    for (const q of shuffled) lanes[q % 3].add(bylines[q][0], [...bylines[q][1]].reverse());
    const slice = new TimeSlice(0);
    const seen: number[] = [];
    const split = await tiesFromBylines([...authorIds].reverse(), lanes, slice, (done, total) => {
      assert.equal(total, 2 * authorIds.length);
      seen.push(done);
    });
    assert.deepEqual(split.externalIds, whole.externalIds);
    assert.deepEqual(split.csr, whole.csr);
    assert.deepEqual(split.bylineSizes, whole.bylineSizes);
    assert.ok(slice.turns > 0, "the event loop was handed turns");
    assert.ok(
      seen.length > 0 && seen.every((d, i) => d <= 2 * authorIds.length && (i === 0 || d >= seen[i - 1])),
      "progress only moves on",
    );
  });

  it("refuses an author not in the list, a paper or an author read twice, an author named twice and an id past Int32", async () => {
    const stranger = new BylineCollector();
    stranger.add(1, [5, 6]);
    await assert.rejects(tiesFromBylines([5], [stranger]), /paper node 1 names node 6 as an author, which is not among the authors read/);
    const twice = [new BylineCollector(), new BylineCollector()];
    twice[0].add(1, [5]);
    twice[1].add(1, [5]);
    await assert.rejects(tiesFromBylines([5], twice), /paper node 1 was read twice/);
    await assert.rejects(tiesFromBylines([5, 5], []), /author node 5 was read twice/);
    assert.throws(() => new BylineCollector().add(2, [7, 8, 7]), /paper node 2 names author node 7 twice/);
    assert.throws(() => new BylineCollector().add(2, [2 ** 31]), /outside/);
    await assert.rejects(tiesFromBylines([-1], []), /outside/);
    const empty = await tiesFromBylines([], []);
    assert.deepEqual([empty.csr.n, empty.csr.m, empty.bylineSizes.length], [0, 0, 0]);
  });
});
