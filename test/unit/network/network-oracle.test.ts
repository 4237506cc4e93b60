import assert from "node:assert/strict";
import { test } from "node:test";
import { A, B, C, D, E, F, SAMPLE_PAPERS } from "../../support/sample-graph";
import { OracleArgs, oracleNetwork } from "../../support/network-oracle";

/*
 * The differential test trusts test/support/network-oracle.ts; here it must reproduce the answers
 * worked out by hand for the sample graph (test/integration/api/network.test.ts).
 */

const args = (over: Partial<OracleArgs>): OracleArgs => ({
  authorId: A.id,
  depth: 1,
  minJointPapers: 1,
  yearFrom: null,
  yearTo: null,
  maxNodes: 200,
  ...over,
});
const nodes = (over: Partial<OracleArgs>) => oracleNetwork(SAMPLE_PAPERS, args(over))!.nodes;

test("the oracle gives the sample graph's hand-worked networks", () => {
  assert.deepEqual(nodes({}), [
    [A.id, 0],
    [B.id, 1],
    [C.id, 1],
    [F.id, 1],
  ]);
  const one = oracleNetwork(SAMPLE_PAPERS, args({}))!;
  assert.equal(one.truncated, false);
  assert.deepEqual(one.edges[0], [A.id, B.id, 3, 2018, 2020]);
  assert.deepEqual(
    one.edges.find(([s, t]) => [s, t].includes(F.id)),
    [A.id, F.id, 1, null, null],
    "the undated paper: no years",
  );
  assert.deepEqual(nodes({ depth: 2 }).slice(4), [
    [D.id, 2],
    [E.id, 2],
  ]);
  assert.equal(oracleNetwork(SAMPLE_PAPERS, args({ depth: 2 }))!.edges.length, 7);
  assert.deepEqual(nodes({ depth: 3 }), nodes({ depth: 2 }));
});

test("the oracle cuts as documented: closest and strongest kept, truncated only when something was left out", () => {
  const cut = oracleNetwork(SAMPLE_PAPERS, args({ depth: 2, maxNodes: 3 }))!;
  assert.deepEqual(cut.nodes, [
    [A.id, 0],
    [B.id, 1],
    [C.id, 1],
  ]);
  assert.equal(cut.truncated, true);
  assert.equal(oracleNetwork(SAMPLE_PAPERS, args({ maxNodes: 4 }))!.truncated, false, "depth 1 fits exactly");
  assert.equal(oracleNetwork(SAMPLE_PAPERS, args({ depth: 2, maxNodes: 4 }))!.truncated, true, "ring 2 exists but has no room");
  const alone = oracleNetwork(SAMPLE_PAPERS, args({ maxNodes: 1 }))!;
  assert.deepEqual([alone.nodes, alone.edges, alone.truncated], [[[A.id, 0]], [], true]);
  assert.deepEqual(nodes({ depth: 3, minJointPapers: 2 }), [
    [A.id, 0],
    [B.id, 1],
    [C.id, 1],
  ]);
  assert.equal(oracleNetwork(SAMPLE_PAPERS, args({ authorId: "name:nobody" })), null);
});

test("the oracle recounts inside a year window, where undated papers never count", () => {
  assert.deepEqual(nodes({ authorId: C.id, depth: 3, yearFrom: 2022, yearTo: 2024 }), [
    [C.id, 0],
    [D.id, 1],
    [E.id, 2],
    [F.id, 3],
  ]);
  const early = oracleNetwork(SAMPLE_PAPERS, args({ yearFrom: 2019, yearTo: 2020 }))!;
  assert.deepEqual(early.nodes, [
    [A.id, 0],
    [B.id, 1],
    [C.id, 1],
  ]);
  assert.deepEqual(early.edges[0], [A.id, B.id, 2, 2019, 2020]);
  assert.deepEqual(
    nodes({ yearTo: 2030 }),
    [
      [A.id, 0],
      [B.id, 1],
      [C.id, 1],
    ],
    "Fay's only tie to Ada is undated",
  );
});
