import assert from "node:assert/strict";
import { test } from "node:test";
import { useSampleApi } from "../../support/api";
import { addPapers } from "../../support/graphql";
import { randomCoauthorGraph } from "../../support/random-coauthor-graph";
import { A, D, G } from "../../support/sample-graph";

/*
 * CoauthorNetwork.compact is the same network as `nodes` and `edges`: asked in one request beside them, decoded with
 * the one line the schema and the README show, it gives exactly the same nodes (order, distance, name) and edges
 * (order, ends, joint papers, weight, years), on the sample graph and on a seeded random graph, for every path of
 * the service (one statement, layered search, weighted schemes, authorSetNetwork).
 */

const random = randomCoauthorGraph(20_261_202);
const sample = useSampleApi({ also: (db) => addPapers(db, random.papers) });

const SELECTION = `truncated
  nodes { distance author { id name } }
  edges { source target jointPapers weight firstYear lastYear }
  compact { authorIds names distances source target jointPapers weight firstYear lastYear }`;

const NETWORK = `query($id: ID!, $depth: Int, $min: Int, $from: Int, $to: Int, $max: Int, $strength: TieStrength, $cap: Int) {
  coauthorNetwork(authorId: $id, depth: $depth, minJointPapers: $min, yearFrom: $from, yearTo: $to, maxNodes: $max,
                  strength: $strength, maxAuthorsPerPaper: $cap) { ${SELECTION} }
}`;

const SET_NETWORK = `query($ids: [ID!]!, $strength: TieStrength) { authorSetNetwork(memberIds: $ids, strength: $strength) { ${SELECTION} } }`;

interface Compact {
  authorIds: string[];
  names: string[];
  distances: number[];
  source: number[];
  target: number[];
  jointPapers: number[];
  weight: number[];
  firstYear: Array<number | null>;
  lastYear: Array<number | null>;
}

function assertSame(network: any, label: string): number {
  const c = network.compact as Compact;
  // The README's and the schema's one line:
  const edges = c.source.map((s, i) => ({
    source: c.authorIds[s],
    target: c.authorIds[c.target[i]],
    jointPapers: c.jointPapers[i],
    weight: c.weight[i],
  }));
  assert.deepEqual(
    edges,
    network.edges.map((e: any) => ({ source: e.source, target: e.target, jointPapers: e.jointPapers, weight: e.weight })),
    label,
  );
  assert.deepEqual(
    c.authorIds.map((id, i) => ({ distance: c.distances[i], author: { id, name: c.names[i] } })),
    network.nodes,
    label,
  );
  assert.deepEqual(
    c.firstYear,
    network.edges.map((e: any) => e.firstYear),
    label,
  );
  assert.deepEqual(
    c.lastYear,
    network.edges.map((e: any) => e.lastYear),
    label,
  );
  for (const list of [c.names, c.distances]) assert.equal(list.length, c.authorIds.length, label);
  for (const list of [c.target, c.jointPapers, c.weight, c.firstYear, c.lastYear]) assert.equal(list.length, c.source.length, label);
  return edges.length;
}

const VARIANTS: Array<Record<string, unknown>> = [
  {},
  { depth: 2 },
  { depth: 3 },
  { depth: 2, max: 3 },
  { depth: 2, min: 2 },
  { depth: 2, from: 2003, to: 2019 },
  { depth: 2, strength: "NEWMAN" },
  { depth: 2, strength: "FRACTIONAL" },
  { depth: 2, strength: "ASSOCIATION_STRENGTH" },
  { depth: 2, cap: 3 },
];

test("compact decodes to the same nodes and edges as the regular form, on the sample graph", async () => {
  let edges = 0;
  for (const author of [A, D, G])
    for (const variant of VARIANTS) {
      const data = await sample.api.data(NETWORK, { id: author.id, ...variant });
      edges += assertSame(data.coauthorNetwork, `${author.id} ${JSON.stringify(variant)}`);
    }
  assert.ok(edges > 30, `the cases cover edges (${edges})`);
});

test("compact decodes to the same network on a seeded random graph and for authorSetNetwork", async () => {
  let edges = 0;
  // Authors exist only through their papers: the first four of the random graph that wrote one.
  const writers = random.authors.filter((a) => random.papers.some((p) => p.authors.includes(a)));
  for (const author of writers.slice(0, 4))
    for (const variant of VARIANTS) {
      const data = await sample.api.data(NETWORK, { id: author.id, ...variant });
      edges += assertSame(data.coauthorNetwork, `${author.id} ${JSON.stringify(variant)}`);
    }
  for (const strength of ["FULL", "ASSOCIATION_STRENGTH"]) {
    const data = await sample.api.data(SET_NETWORK, { ids: writers.map((a) => a.id), strength });
    edges += assertSame(data.authorSetNetwork, `authorSetNetwork ${strength}`);
  }
  assert.ok(edges > 50, `the cases cover edges (${edges})`);
});

test("an empty network (one author, no coauthor) is empty arrays", async () => {
  const data = await sample.api.data(NETWORK, { id: A.id, max: 1 });
  assertSame(data.coauthorNetwork, "maxNodes 1");
  assert.deepEqual(data.coauthorNetwork.compact.source, []);
  assert.deepEqual(data.coauthorNetwork.compact.authorIds, [A.id]);
});
