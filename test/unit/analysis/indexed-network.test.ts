import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { indexed } from "../../../src/analysis/metrics";

describe("a network as compressed rows", () => {
  it("stores each tie at both ends, once, with its last weight, and leaves self-ties out", () => {
    const { csr, ids } = indexed({
      nodes: ["a", "b", "c", "d"],
      edges: [
        { source: "a", target: "b", weight: 1 },
        { source: "b", target: "c", weight: 2 },
        { source: "c", target: "c", weight: 9 },
        { source: "b", target: "a", weight: 3 }, // the a–b tie again, from the other end: its weight wins
        { source: "a", target: "c", weight: 4 },
      ],
    });
    assert.deepEqual(ids, ["a", "b", "c", "d"]);
    assert.equal(csr.n, 4);
    assert.equal(csr.m, 3);
    const row = (k: number) =>
      Array.from(csr.targets.subarray(csr.offsets[k], csr.offsets[k + 1]), (t, i) => [ids[t], csr.weights[csr.offsets[k] + i]]);
    assert.deepEqual(row(0), [
      ["b", 3],
      ["c", 4],
    ]);
    assert.deepEqual(row(1), [
      ["a", 3],
      ["c", 2],
    ]);
    assert.deepEqual(row(2), [
      ["b", 2],
      ["a", 4],
    ]);
    assert.deepEqual(row(3), [], "an author without ties has an empty row");
  });

  it("reads weights through the accessor it is given, and refuses a tie to an author outside the network or an author listed twice", () => {
    const { csr } = indexed({ nodes: ["a", "b"], edges: [{ source: "a", target: "b", jointPapers: 5 }] }, (e) => e.jointPapers);
    assert.deepEqual(Array.from(csr.weights), [5, 5]);
    assert.throws(() => indexed({ nodes: ["a"], edges: [{ source: "a", target: "z", weight: 1 }] }), /outside the network/);
    assert.throws(() => indexed({ nodes: ["a", "b", "a"], edges: [] }), /listed twice/);
  });
});
