import assert from "node:assert/strict";
import { test } from "node:test";
import { useSampleApi } from "../../support/api";
import { errorCodes } from "../../support/graphql";
import { A, B, C, D, E, F } from "../../support/sample-graph";

const sample = useSampleApi();

interface Network {
  truncated: boolean;
  nodes: Array<{ distance: number; author: { id: string } }>;
  edges: Array<{ source: string; target: string; jointPapers: number; firstYear: number | null; lastYear: number | null }>;
}

const NETWORK = `query($id: ID!, $depth: Int, $min: Int, $from: Int, $to: Int, $max: Int) {
  coauthorNetwork(authorId: $id, depth: $depth, minJointPapers: $min, yearFrom: $from, yearTo: $to, maxNodes: $max) {
    truncated nodes { distance author { id } } edges { source target jointPapers firstYear lastYear }
  }
}`;

async function network(variables: Record<string, unknown>): Promise<Network> {
  return (await sample.api.data(NETWORK, variables)).coauthorNetwork;
}

const nodes = (n: Network) => n.nodes.map((x) => [x.author.id, x.distance]);
const pairs = (n: Network) => n.edges.map((e) => `${e.source}|${e.target}|${e.jointPapers}`).sort();
const pair = (x: { id: string }, y: { id: string }, papers: number) =>
  x.id < y.id ? `${x.id}|${y.id}|${papers}` : `${y.id}|${x.id}|${papers}`;

test("depth 1: the author and the coauthors, strongest tie first, with every tie among them once", async () => {
  const n = await network({ id: A.id });
  assert.deepEqual(nodes(n), [
    [A.id, 0],
    [B.id, 1],
    [C.id, 1],
    [F.id, 1],
  ]);
  assert.equal(n.truncated, false);
  assert.deepEqual(pairs(n), [pair(A, B, 3), pair(A, C, 2), pair(B, C, 1), pair(A, F, 1)].sort());
  for (const edge of n.edges) assert.ok(edge.source < edge.target, "each pair once, smaller id first");
  const ab = n.edges.find((e) => e.jointPapers === 3)!;
  assert.deepEqual([ab.firstYear, ab.lastYear], [2018, 2020]);
});

test("depth 2 adds the next ring (ties among all returned nodes included); depth 3 reaches no further here", async () => {
  const two = await network({ id: A.id, depth: 2 });
  assert.deepEqual(nodes(two).slice(4), [
    [D.id, 2],
    [E.id, 2],
  ]);
  assert.ok(pairs(two).includes(pair(D, E, 1)), "D-E joins two nodes of the same ring");
  assert.ok(pairs(two).includes(pair(E, F, 1)));
  assert.equal(two.edges.length, 7);
  const three = await network({ id: A.id, depth: 3 });
  assert.deepEqual(nodes(three), nodes(two));
});

test("maxNodes keeps the closest and strongest, and says it cut", async () => {
  const cut = await network({ id: A.id, depth: 2, max: 3 });
  assert.deepEqual(nodes(cut), [
    [A.id, 0],
    [B.id, 1],
    [C.id, 1],
  ]);
  assert.equal(cut.truncated, true);
  assert.deepEqual(pairs(cut), [pair(A, B, 3), pair(A, C, 2), pair(B, C, 1)].sort());

  const exact = await network({ id: A.id, depth: 1, max: 4 });
  assert.equal(exact.truncated, false, "everything within depth 1 fits exactly");
  const deeper = await network({ id: A.id, depth: 2, max: 4 });
  assert.equal(deeper.truncated, true, "ring 2 exists but found no room");
  const alone = await network({ id: A.id, max: 1 });
  assert.deepEqual(nodes(alone), [[A.id, 0]]);
  assert.deepEqual(alone.edges, []);
  assert.equal(alone.truncated, true);
});

test("minJointPapers prunes weak ties from both the search and the edges", async () => {
  const strong = await network({ id: A.id, depth: 3, min: 2 });
  assert.deepEqual(nodes(strong), [
    [A.id, 0],
    [B.id, 1],
    [C.id, 1],
  ]);
  assert.deepEqual(pairs(strong), [pair(A, B, 3), pair(A, C, 2)].sort());
});

test("a year window walks only ties inside it and recounts them", async () => {
  const late = await network({ id: C.id, depth: 3, from: 2022, to: 2024 });
  assert.deepEqual(nodes(late), [
    [C.id, 0],
    [D.id, 1],
    [E.id, 2],
    [F.id, 3],
  ]);
  assert.deepEqual(pairs(late), [pair(C, D, 1), pair(D, E, 1), pair(E, F, 1)].sort());
  const early = await network({ id: A.id, from: 2019, to: 2020 });
  assert.deepEqual(nodes(early), [
    [A.id, 0],
    [B.id, 1],
    [C.id, 1],
  ]);
  const ab = early.edges.find((e) => e.jointPapers === 2)!;
  assert.deepEqual([ab.source, ab.target].sort(), [A.id, B.id].sort());
  assert.deepEqual([ab.firstYear, ab.lastYear], [2019, 2020]);
});

test("a constant number of statements: depth + 2 at most", async () => {
  const before = sample.statements.count;
  await network({ id: A.id, depth: 3 });
  assert.ok(sample.statements.count - before <= 5, `${sample.statements.count - before} statements`);
});

test("unknown author is NOT_FOUND; out-of-range arguments are BAD_USER_INPUT before Neo4j", async () => {
  assert.deepEqual(errorCodes(await sample.api.run(NETWORK, { id: "name:nobody" })), ["NOT_FOUND"]);
  const before = sample.statements.count;
  for (const variables of [
    { id: A.id, depth: 0 },
    { id: A.id, depth: 4 },
    { id: A.id, max: 0 },
    { id: A.id, max: 2001 },
    { id: A.id, min: 0 },
    { id: A.id, from: 2021, to: 2020 },
  ]) {
    assert.deepEqual(errorCodes(await sample.api.run(NETWORK, variables)), ["BAD_USER_INPUT"], JSON.stringify(variables));
  }
  assert.equal(sample.statements.count, before);
});

test("edge years are read only when selected (under any alias or fragment); the edges are the same either way", async () => {
  const bare = (
    await sample.api.data(`query($id: ID!) { coauthorNetwork(authorId: $id, depth: 2) { edges { source target jointPapers } } }`, {
      id: A.id,
    })
  ).coauthorNetwork.edges;
  const full = await network({ id: A.id, depth: 2 });
  assert.deepEqual(
    bare,
    full.edges.map(({ source, target, jointPapers }) => ({ source, target, jointPapers })),
    "same edges, same order",
  );
  const viaFragment = (
    await sample.api.data(
      `query($id: ID!) { coauthorNetwork(authorId: $id, depth: 2) { ties: edges { source target ...span } } }
       fragment span on NetworkEdge { ... on NetworkEdge { first: firstYear } lastYear }`,
      { id: A.id },
    )
  ).coauthorNetwork.ties;
  assert.deepEqual(
    viaFragment,
    full.edges.map((e) => ({ source: e.source, target: e.target, first: e.firstYear, lastYear: e.lastYear })),
  );
  assert.ok(
    full.edges.some((e) => e.firstYear !== null && e.lastYear !== null),
    "years to compare",
  );
});
