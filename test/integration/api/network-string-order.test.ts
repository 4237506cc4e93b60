import assert from "node:assert/strict";
import { test } from "node:test";
import { createLoaders } from "../../../src/api/loaders";
import { NetworkArgs, NetworkOptions, NetworkService } from "../../../src/network/network.service";
import { useTestApi } from "../../support/api";
import { addPapers } from "../../support/graphql";

/*
 * Regressions found by network-differential.test.ts: ids whose order differs between code points
 * (U+E000 before U+1F600, the API's order and Neo4j's for stored strings) and UTF-16 units
 * (U+1F600 first). The one-statement network sorted edges by UTF-16 unit, the layered search by a
 * Cypher ORDER BY that mixed both orders, the windowed search oriented a pair by UTF-16 unit, and
 * both took a pair's source and target from its stored direction, which depends on the import path.
 */

const CENTRE = { id: "name:centre", name: "Centre" };
const ASCII = { id: "name:a", name: "Same" };
const PRIVATE = { id: "name:\uE000", name: "Same" };
const ASTRAL = { id: "name:😀", name: "Same" };
const ASTRAL_LONGER = { id: "name:😀z", name: "Same" };

const graph = useTestApi({
  load: (db) =>
    addPapers(db, [{ id: "everyone", title: "Everyone", year: 2020, authors: [CENTRE, ASTRAL_LONGER, ASTRAL, PRIVATE, ASCII] }]),
});

const EXPECTED_NODES = [
  [CENTRE.id, 0],
  [ASCII.id, 1],
  [PRIVATE.id, 1],
  [ASTRAL.id, 1],
  [ASTRAL_LONGER.id, 1],
];
// Every pair has one joint paper: smaller id -> larger id, by source then target, in code point order.
const BY_CODE_POINT = [ASCII.id, CENTRE.id, PRIVATE.id, ASTRAL.id, ASTRAL_LONGER.id];
const EXPECTED_EDGES = BY_CODE_POINT.flatMap((source, i) => BY_CODE_POINT.slice(i + 1).map((target) => [source, target]));

async function viaService(args: Partial<NetworkArgs>, options: NetworkOptions) {
  const network = await new NetworkService(graph.db, createLoaders(graph.db)).coauthorNetwork({ authorId: CENTRE.id, ...args }, options);
  return {
    nodes: network.nodes.map((n) => [n.author.id, n.distance]),
    edges: network.edges.map((e) => [e.source, e.target]),
  };
}

async function viaApi(args: Record<string, unknown>) {
  const query = `query($id: ID!, $depth: Int, $from: Int) {
    coauthorNetwork(authorId: $id, depth: $depth, yearFrom: $from) { nodes { distance author { id } } edges { source target jointPapers } }
  }`;
  const { coauthorNetwork } = await graph.api.data(query, { id: CENTRE.id, ...args });
  assert.ok(coauthorNetwork.edges.every((e: { jointPapers: number }) => e.jointPapers === 1));
  return {
    nodes: coauthorNetwork.nodes.map((n: { distance: number; author: { id: string } }) => [n.author.id, n.distance]),
    edges: coauthorNetwork.edges.map((e: { source: string; target: string }) => [e.source, e.target]),
  };
}

async function assertEveryPathAgrees(what: string) {
  const answers: Array<[string, unknown]> = [
    ["API, one statement", await viaApi({})],
    ["API, layered (depth 3)", await viaApi({ depth: 3 })],
    ["API, layered in a window", await viaApi({ from: 2020 })],
    ["service, one statement without edge years", await viaService({}, { path: "near", edgeYears: false })],
    ["service, layered at depth 1", await viaService({}, { path: "layered" })],
  ];
  const expected = JSON.stringify({ nodes: EXPECTED_NODES, edges: EXPECTED_EDGES });
  const wrong = answers.filter(([, answer]) => JSON.stringify(answer) !== expected).map(([path]) => path);
  assert.deepEqual(wrong, [], `${what}: these paths do not order ids by code point (see sortTies in src/network/edge-order.ts)`);
}

test("every path orders nodes and edges by code point: U+E000 before U+1F600", async () => {
  await assertEveryPathAgrees("pairs stored smaller id -> larger id");
});

test("the answer does not depend on which way round a pair is stored", async () => {
  // Each edge goes before its reversed copy: the copy keeps the pair key, which is unique.
  await graph.db.write(`MATCH (a:Author)-[r:COAUTHORED_WITH]->(b:Author)
    WITH a, b, r, properties(r) AS kept DELETE r CREATE (b)-[reversed:COAUTHORED_WITH]->(a) SET reversed = kept`);
  await assertEveryPathAgrees("pairs stored larger id -> smaller id");
});

test("the test seam: path 'near' refuses arguments the one-statement network does not cover", async () => {
  for (const args of [{ depth: 3 }, { yearFrom: 2020 }, { yearTo: 2020 }]) {
    await assert.rejects(
      viaService(args, { path: "near" }),
      /one-statement network covers depth 1\.\.2 without a year window/,
      JSON.stringify(args),
    );
  }
  const before = graph.statements.count;
  await viaService({ depth: 2 }, {});
  assert.equal(graph.statements.count - before, 1, "depth 2 without a window is one statement");
});
