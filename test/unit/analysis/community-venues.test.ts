import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { VenuePapers } from "../../../src/analysis/analysis.store";
import { topVenuesByCommunity } from "../../../src/analysis/community-venues";
import type { VenueRecord } from "../../../src/venue/venue.record";

const venue = (id: string, name: string): VenueRecord => ({ id, name, acronym: null, kind: "conference", paperCount: 0 });

describe("each community's top venues from its members' papers", () => {
  // Authors 0–2 are community 0, authors 3–4 community 1.
  const communityOf = [0, 0, 0, 1, 1];

  it("counts a paper once per community, for every community it has members of", () => {
    const rows: VenuePapers[] = [
      { venue: venue("acl", "ACL"), papers: [[0, 1], [2], [0, 3]] },
      { venue: venue("emnlp", "EMNLP"), papers: [[3, 4], [4]] },
    ];
    const top = topVenuesByCommunity(rows, communityOf, 2, 5);
    assert.deepEqual(
      top.get(0)!.map((r) => [r.venue.id, r.papers]),
      [["acl", 3]],
    );
    assert.deepEqual(
      top.get(1)!.map((r) => [r.venue.id, r.papers]),
      [
        ["emnlp", 2],
        ["acl", 1],
      ],
    );
  });

  it("ranks by papers, then name, then id, and keeps the first `limit`", () => {
    const rows: VenuePapers[] = [
      { venue: venue("b2", "Beta"), papers: [[0]] },
      { venue: venue("z", "Zeta"), papers: [[0], [1]] },
      { venue: venue("b1", "Beta"), papers: [[2]] },
      { venue: venue("a", "Alpha"), papers: [[1]] },
    ];
    const top = topVenuesByCommunity(rows, communityOf, 2, 3);
    assert.deepEqual(
      top.get(0)!.map((r) => r.venue.id),
      ["z", "a", "b1"],
    );
    assert.deepEqual(top.get(1), [], "a community without papers has no venues");
    // Code point order, as Cypher's ORDER BY over stored names: a character above U+FFFF sorts after full-width "Ａ".
    const astral = topVenuesByCommunity(
      [
        { venue: venue("x", "𝔄 Workshop"), papers: [[0]] },
        { venue: venue("y", "Ａ Workshop"), papers: [[1]] },
      ],
      communityOf,
      2,
      5,
    );
    assert.deepEqual(
      astral.get(0)!.map((r) => r.venue.id),
      ["y", "x"],
    );
  });
});
