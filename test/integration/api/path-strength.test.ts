import assert from "node:assert/strict";
import { test } from "node:test";
import { useSampleApi } from "../../support/api";
import { errorCodes } from "../../support/graphql";
import { A, B, C } from "../../support/sample-graph";

/*
 * collaborationPath with a tie strength and a byline cap, on the hand-made sample (support/sample-graph.ts):
 * Bob–Carol share only p2 (3 authors); Ada–Carol share p2 and p4 (2 authors); Ada–Bob share p1, p2, p3.
 */
const sample = useSampleApi();

const PATH = `query($from: ID!, $to: ID!, $s: TieStrength, $cap: Int) {
  collaborationPath(fromId: $from, toId: $to, strength: $s, maxAuthorsPerPaper: $cap) {
    length authors { id } links { from { id } to { id } jointPapers strength papers { id } }
  }
}`;

const path = async (variables: Record<string, unknown>) => (await sample.api.data(PATH, variables)).collaborationPath;

test("each hop carries its strength under the scheme: FULL, NEWMAN, FRACTIONAL", async () => {
  const full = await path({ from: A.id, to: C.id });
  assert.deepEqual(
    full.links.map((l: { jointPapers: number; strength: number }) => [l.jointPapers, l.strength]),
    [[2, 2]],
  );
  const newman = await path({ from: A.id, to: C.id, s: "NEWMAN" });
  assert.equal(newman.links[0].strength, 1 / 2 + 1); // p2 (3 authors) + p4 (2 authors)
  const fractional = await path({ from: A.id, to: C.id, s: "FRACTIONAL" });
  assert.equal(fractional.links[0].strength, 1 / 3 + 1 / 2);
  // Association strength: 2m·c/(w_i·w_j) with the totals under the same rule.
  const association = await path({ from: A.id, to: C.id, s: "ASSOCIATION_STRENGTH" });
  // m = Σ_p n(n−1)/2 = 1 + 3 + 1 + 1 + 1 + 1 + 1 + 1 + 1 = 11; w_Ada = 1+2+1+1+1 = 6; w_Carol = 2+1+1 = 4.
  assert.ok(Math.abs(association.links[0].strength - (2 * 11 * 2) / (6 * 4)) < 1e-12);
});

test("a byline cap removes hops whose every joint paper is too long, and the papers it drops from the evidence", async () => {
  const direct = await path({ from: B.id, to: C.id });
  assert.equal(direct.length, 1);
  const capped = await path({ from: B.id, to: C.id, cap: 2 });
  assert.deepEqual(
    capped.authors.map((a: { id: string }) => a.id),
    [B.id, A.id, C.id],
  );
  assert.deepEqual(
    capped.links.map((l: { papers: Array<{ id: string }>; jointPapers: number }) => [l.papers.map((p) => p.id), l.jointPapers]),
    [
      [["10.1000/p3", "10.1000/p1"], 2],
      [["10.1000/p4"], 1],
    ],
  );
  assert.deepEqual(errorCodes(await sample.api.run(PATH, { from: A.id, to: C.id, cap: 1 })), ["BAD_USER_INPUT"]);
});
