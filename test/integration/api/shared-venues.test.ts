import assert from "node:assert/strict";
import { test } from "node:test";
import { useSampleApi } from "../../support/api";
import { errorCodes } from "../../support/graphql";
import { A, B, C, D, E, F, G, H } from "../../support/sample-graph";

const sample = useSampleApi();

const SHARED = `query($ids: [ID!]!, $from: Int, $to: Int) {
  sharedVenues(authorIds: $ids, yearFrom: $from, yearTo: $to) { venue { id } paperCounts jointPaperCount }
}`;

async function shared(ids: string[], from?: number, to?: number) {
  return (await sample.api.data(SHARED, { ids, from, to })).sharedVenues as Array<{
    venue: { id: string };
    paperCounts: number[];
    jointPaperCount: number;
  }>;
}

test("two authors: per-author counts in input order and the papers they wrote together, most joint first", async () => {
  assert.deepEqual(await shared([A.id, B.id]), [
    { venue: { id: "icml" }, paperCounts: [3, 2], jointPaperCount: 2 },
    { venue: { id: "jmlr" }, paperCounts: [1, 1], jointPaperCount: 1 },
  ]);
  assert.deepEqual(await shared([B.id, A.id]), [
    { venue: { id: "icml" }, paperCounts: [2, 3], jointPaperCount: 2 },
    { venue: { id: "jmlr" }, paperCounts: [1, 1], jointPaperCount: 1 },
  ]);
});

test("three authors: only venues where every one published; joint papers need all of them", async () => {
  assert.deepEqual(await shared([A.id, B.id, C.id]), [{ venue: { id: "icml" }, paperCounts: [3, 2, 2], jointPaperCount: 1 }]);
});

test("venues shared without a joint paper still count, ordered after joint ones and by total papers", async () => {
  // Carol and Eve never wrote together; both published at ICML (Carol 2, Eve 1).
  assert.deepEqual(await shared([C.id, E.id]), [{ venue: { id: "icml" }, paperCounts: [2, 1], jointPaperCount: 0 }]);
  // Dan: WS and JMLR; Bob: ICML and JMLR.
  assert.deepEqual(await shared([D.id, B.id]), [{ venue: { id: "jmlr" }, paperCounts: [1, 1], jointPaperCount: 0 }]);
  assert.deepEqual(await shared([G.id, F.id]), []);
});

test("a year window counts only papers inside it", async () => {
  assert.deepEqual(await shared([A.id, B.id], 2020, 2024), [{ venue: { id: "jmlr" }, paperCounts: [1, 1], jointPaperCount: 1 }]);
  assert.deepEqual(await shared([A.id, B.id], 2018, 2018), [{ venue: { id: "icml" }, paperCounts: [1, 1], jointPaperCount: 1 }]);
  assert.deepEqual(await shared([G.id, H.id], undefined, 2019), []);
});

test("unknown ids are NOT_FOUND; 1 or 11 ids, duplicates and a reversed window are BAD_USER_INPUT", async () => {
  assert.deepEqual(errorCodes(await sample.api.run(SHARED, { ids: [A.id, "name:nobody"] })), ["NOT_FOUND"]);
  const before = sample.statements.count;
  const eleven = Array.from({ length: 11 }, (_, i) => `name:x${i}`);
  for (const variables of [{ ids: [A.id] }, { ids: eleven }, { ids: [A.id, B.id, A.id] }, { ids: [A.id, B.id], from: 2021, to: 2020 }]) {
    assert.deepEqual(errorCodes(await sample.api.run(SHARED, variables)), ["BAD_USER_INPUT"], JSON.stringify(variables));
  }
  assert.equal(sample.statements.count, before, "refused before Neo4j");
});
