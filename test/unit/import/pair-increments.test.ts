import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { BatchRows } from "../../../import/writer/batch-rows";
import { paperGains } from "../../../import/writer/pair-increments";

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
