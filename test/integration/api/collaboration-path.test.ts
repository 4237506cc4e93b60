import assert from "node:assert/strict";
import { test } from "node:test";
import { useSampleApi } from "../../support/api";
import { errorCodes } from "../../support/graphql";
import { A, C, D, E, F, G } from "../../support/sample-graph";

const sample = useSampleApi();

const PATH = `query($from: ID!, $to: ID!, $max: Int, $yf: Int, $yt: Int) {
  collaborationPath(fromId: $from, toId: $to, maxLength: $max, yearFrom: $yf, yearTo: $yt) {
    length authors { id } links { from { id } to { id } papers { id year } }
  }
}`;

interface Path {
  length: number;
  authors: Array<{ id: string }>;
  links: Array<{ from: { id: string }; to: { id: string }; papers: Array<{ id: string; year: number | null }> }>;
}

async function path(variables: Record<string, unknown>): Promise<Path | null> {
  return (await sample.api.data(PATH, variables)).collaborationPath;
}

test("the shortest chain, with the joint papers behind each hop as evidence", async () => {
  const p = (await path({ from: A.id, to: E.id }))!;
  assert.equal(p.length, 2);
  assert.deepEqual(
    p.authors.map((a) => a.id),
    [A.id, F.id, E.id],
  );
  assert.deepEqual(p.links, [
    { from: { id: A.id }, to: { id: F.id }, papers: [{ id: "an undated manuscript|", year: null }] },
    { from: { id: F.id }, to: { id: E.id }, papers: [{ id: "10.1000/p7", year: 2024 }] },
  ]);
});

test("every joint paper of a hop is evidence, newest first", async () => {
  const p = (await path({ from: A.id, to: D.id }))!;
  assert.deepEqual(
    p.authors.map((a) => a.id),
    [A.id, C.id, D.id],
  );
  assert.deepEqual(
    p.links[0].papers.map((x) => x.id),
    ["10.1000/p4", "10.1000/p2"],
  );
});

test("with a year window every hop needs a joint paper inside it, and evidence is limited to the window", async () => {
  // The undated A-F paper is outside any window, so the route goes A-C-D-E.
  const p = (await path({ from: A.id, to: E.id, yf: 2019, yt: 2024 }))!;
  assert.equal(p.length, 3);
  assert.deepEqual(
    p.authors.map((a) => a.id),
    [A.id, C.id, D.id, E.id],
  );
  assert.deepEqual(
    p.links.map((l) => l.papers.map((x) => x.year)),
    [[2021, 2019], [2022], [2023]],
  );
  const narrow = (await path({ from: A.id, to: C.id, yf: 2021 }))!;
  assert.deepEqual(
    narrow.links[0].papers.map((x) => x.id),
    ["10.1000/p4"],
    "p2 (2019) is outside the window",
  );
  assert.equal(await path({ from: A.id, to: E.id, yf: 2019, yt: 2022 }), null, "D-E only wrote together in 2023");
});

test("null when no chain exists, or none within maxLength", async () => {
  assert.equal(await path({ from: A.id, to: G.id }), null);
  assert.equal(await path({ from: A.id, to: E.id, max: 1 }), null);
  assert.equal((await path({ from: A.id, to: E.id, max: 2 }))!.length, 2);
  assert.equal(await path({ from: A.id, to: E.id, max: 2, yf: 2019 }), null);
});

test("the same author at both ends is a path of length 0", async () => {
  assert.deepEqual(await path({ from: A.id, to: A.id }), { length: 0, authors: [{ id: A.id }], links: [] });
});

test("unknown ids are NOT_FOUND; maxLength outside 1..8 is BAD_USER_INPUT before Neo4j", async () => {
  assert.deepEqual(errorCodes(await sample.api.run(PATH, { from: A.id, to: "name:nobody" })), ["NOT_FOUND"]);
  assert.deepEqual(errorCodes(await sample.api.run(PATH, { from: "name:nobody", to: A.id })), ["NOT_FOUND"]);
  const before = sample.statements.count;
  for (const max of [0, 9]) assert.deepEqual(errorCodes(await sample.api.run(PATH, { from: A.id, to: E.id, max })), ["BAD_USER_INPUT"]);
  assert.equal(sample.statements.count, before);
  const within = sample.statements.count;
  await path({ from: A.id, to: E.id, max: 8 });
  assert.ok(sample.statements.count - within <= 3, "endpoints, path, evidence");
});
