import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { BatchRows } from "../../../import/writer/batch-rows";
import { jointPaperIncrements, jointPaperResizes, paperGains } from "../../../import/writer/pair-increments";

describe("paper gains", () => {
  const rows = (year: number | null): BatchRows => ({
    papers: [
      {
        id: "10.5555/p",
        titleKey: "p|",
        doi: "10.5555/p",
        title: "P",
        year,
        url: null,
        abstract: null,
        pages: null,
        sourceKeys: ["x"],
        venueIds: [],
      },
    ],
    venues: [],
    authors: [],
    authorships: [{ authorId: "name:c", paperId: "10.5555/p", position: 2, keyed: false, named: true }],
  });

  it("takes the year of a paper already in the graph, none included, not the new record's", () => {
    const before = new Map([["10.5555/p", { year: null, authorIds: ["name:a"] }]]);
    assert.deepEqual(paperGains(rows(2019), { before }), [{ year: null, present: ["name:a"], added: ["name:c"] }]);
  });

  it("takes the record's year for a paper the batch creates", () => {
    assert.deepEqual(paperGains(rows(2019), { before: new Map() }), [{ year: 2019, present: [], added: ["name:c"] }]);
  });
});

describe("joint-paper entries (paperYears/paperSizes)", () => {
  it("gives every new pair the paper's year (0 for none) and its byline size after the batch", () => {
    const increments = jointPaperIncrements([
      { year: 2020, present: ["a", "b"], added: ["c"] },
      { year: null, present: [], added: ["a", "c"] },
    ]);
    const byPair = new Map(increments.map((p) => [`${p.low}~${p.high}`, p]));
    assert.deepEqual([...byPair.keys()].sort(), ["a~c", "b~c"]);
    assert.deepEqual(byPair.get("a~c"), {
      low: "a",
      high: "c",
      papers: 2,
      firstYear: 2020,
      lastYear: 2020,
      years: [2020, 0],
      sizes: [3, 2],
    });
    assert.deepEqual(byPair.get("b~c")!.sizes, [3]);
  });

  it("resizes the entries of pairs already on a paper that gains authors, once per paper", () => {
    const resizes = jointPaperResizes([
      { year: 2020, present: ["b", "a", "c"], added: ["d", "e"] },
      { year: null, present: ["a", "b"], added: ["f"] },
      { year: 2021, present: ["a"], added: ["b"] },
    ]);
    const byPair = new Map(resizes.map((p) => [`${p.low}~${p.high}`, p.changes]));
    assert.deepEqual([...byPair.keys()].sort(), ["a~b", "a~c", "b~c"]);
    assert.deepEqual(byPair.get("a~b"), [
      { year: 2020, from: 3, to: 5 },
      { year: 0, from: 2, to: 3 },
    ]);
    assert.deepEqual(byPair.get("b~c"), [{ year: 2020, from: 3, to: 5 }]);
  });
});
