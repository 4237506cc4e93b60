import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { withCostReport, withoutClientCost } from "../../../src/api/response-cache";

// A kept answer is stored without the cost report of the client it was computed for, and each later client gets its own.

const report = (requested: number, remaining: number) => ({ requested, remaining, limit: 1000, windowSeconds: 60, resetSeconds: 3 });

describe("kept answers under a cost budget", () => {
  for (const [name, extensions] of [
    ["with other extensions", { snapshotId: "s-1", nested: { a: [1, "cost"] } }],
    ["with the report alone", {}],
  ] as const) {
    it(`cuts the report out and puts another back (${name})`, () => {
      // Apollo's plugins add their extensions in any order: the report may come first.
      const computed = { data: { author: { name: 'Wéi "cost" Xiōng' } }, extensions: { cost: report(81, 900), ...extensions } };
      const kept = withoutClientCost(Buffer.from(JSON.stringify(computed)));
      assert.deepEqual(kept.charge && { points: kept.charge.points, comma: kept.charge.comma }, {
        points: 81,
        comma: Object.keys(extensions).length > 0,
      });
      assert.doesNotMatch(kept.body.toString(), /"requested"/);
      const served = JSON.parse(Buffer.concat(withCostReport(kept.body, kept.charge!, report(81, 819))).toString()) as unknown;
      assert.deepEqual(served, { ...computed, extensions: { ...extensions, cost: report(81, 819) } });
    });
  }

  it("keeps an answer without a report as it was", () => {
    const body = Buffer.from(JSON.stringify({ data: { cost: 3 } }));
    assert.deepEqual(withoutClientCost(body), { body });
  });
});
