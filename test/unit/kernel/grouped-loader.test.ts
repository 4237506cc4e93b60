import assert from "node:assert/strict";
import { test } from "node:test";
import { byIdLoader, listByIdLoader, ownedLoader, stableKey } from "../../../src/kernel/grouped-loader";

test("stableKey ignores object key order", () => {
  assert.equal(stableKey({ b: 1, a: [2, { d: 1, c: 2 }] }), stableKey({ a: [2, { c: 2, d: 1 }], b: 1 }));
});

test("owned loaders make one batch per argument set and answer in key order", async () => {
  const calls: Array<{ ownerIds: string[]; args: { limit: number } }> = [];
  const loader = ownedLoader(
    async (ownerIds: string[], args: { limit: number }) => {
      calls.push({ ownerIds, args });
      return new Map(ownerIds.filter((id) => id !== "missing").map((id) => [id, [`${id}/${args.limit}`]]));
    },
    () => [] as string[],
  );
  const results = await Promise.all([
    loader.load({ ownerId: "a", args: { limit: 3 } }),
    loader.load({ ownerId: "b", args: { limit: 3 } }),
    loader.load({ ownerId: "a", args: { limit: 5 } }),
    loader.load({ ownerId: "missing", args: { limit: 3 } }),
    loader.load({ ownerId: "a", args: { limit: 3 } }),
  ]);
  assert.deepEqual(results, [["a/3"], ["b/3"], ["a/5"], [], ["a/3"]]);
  assert.equal(calls.length, 2);
  assert.deepEqual(
    calls.map((c) => c.ownerIds.sort()),
    [["a", "b", "missing"], ["a"]],
  );
});

test("by-id loaders answer null / [] for unknown ids, in key order", async () => {
  let batches = 0;
  const one = byIdLoader(async (ids: string[]) => {
    batches += 1;
    return new Map(ids.filter((id) => id !== "x").map((id) => [id, id.toUpperCase()]));
  });
  assert.deepEqual(await Promise.all(["b", "x", "a"].map((id) => one.load(id))), ["B", null, "A"]);
  assert.equal(batches, 1);
  const many = listByIdLoader(async (ids: string[]) => new Map(ids.filter((id) => id !== "x").map((id) => [id, [id]])));
  assert.deepEqual(await Promise.all(["x", "a"].map((id) => many.load(id))), [[], ["a"]]);
});
