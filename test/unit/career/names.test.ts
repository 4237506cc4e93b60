import assert from "node:assert/strict";
import { test } from "node:test";
import { initialsForm, namesCompatible, parseName } from "../../../src/career/names";
import { collaborationRows, tieView, TieClass } from "../../../src/career/collaboration";
import { homonymVerdict, sameAsVerdict } from "../../../src/career/namesakes";
import { isoYear, median, timelineRows } from "../../../src/career/timeline";

const compatible = (a: string, b: string) => namesCompatible(parseName(a), parseName(b));

test("name variants: initials, middle names, diacritics, transliteration, hyphens", () => {
  assert.ok(compatible("Aaron C. Courville", "Aaron Courville"));
  assert.ok(compatible("A. Courville", "Aaron C. Courville"));
  assert.ok(compatible("José Núñez", "J. Nunez"));
  assert.ok(compatible("Jörg Müller", "Joerg Mueller"));
  assert.ok(compatible("Jörg Müller", "Jorg Muller"));
  assert.ok(compatible("Jörg Müller", "J. Mueller"));
  assert.ok(compatible("Jean-François Cardoso", "Jean François Cardoso"));
  assert.ok(compatible("Jean-François Cardoso", "J.-F. Cardoso"));
  assert.ok(compatible("Xiao-Ming Wu", "Xiaoming Wu"));
  assert.ok(!compatible("Yu Chen", "Yang Chen"));
  assert.ok(!compatible("Aaron C. Courville", "Aaron D. Courville"));
  assert.ok(!compatible("Wei Xiong", "Wei Xiang"));
  assert.ok(!compatible("Courville", "Aaron Courville"), "a bare family name is no evidence");
  assert.equal(initialsForm("Aaron C. Courville"), "A. C. Courville");
  assert.equal(initialsForm("Jean-François Cardoso"), "J. F. Cardoso");
});

test("timeline rows: dense years, new and repeat coauthors, roles, team sizes", () => {
  const rows = timelineRows(
    [
      { paperId: "p1", year: 2018, size: 2, position: 1, lastPosition: 2, coauthors: ["b"] },
      { paperId: "p2", year: 2020, size: 3, position: 3, lastPosition: 3, coauthors: ["b", "c"] },
      { paperId: "p3", year: 2020, size: 1, position: 1, lastPosition: 1, coauthors: [] },
      { paperId: "p4", year: null, size: 2, position: 2, lastPosition: 2, coauthors: ["d"] },
    ],
    null,
    null,
    2,
  );
  assert.deepEqual(
    rows.map((r) => [
      r.year,
      r.papers,
      r.newCoauthors,
      r.repeatCoauthors,
      r.soloPapers,
      r.firstAuthorPapers,
      r.lastAuthorPapers,
      r.largeTeamPapers,
    ]),
    [
      [2018, 1, 1, 0, 0, 1, 0, 0],
      [2019, 0, 0, 0, 0, 0, 0, 0],
      [2020, 2, 1, 1, 1, 1, 1, 1],
    ],
  );
  assert.equal(rows[2].medianTeamSize, 2);
  assert.equal(rows[1].meanTeamSize, null);
  assert.equal(rows[0].time, "2018-01-01T00:00:00.000Z");
  assert.equal(isoYear(987), "0987-01-01T00:00:00.000Z");
  assert.equal(median([4, 1, 3]), 3);
  // A window keeps earlier years as history: b is a repeat coauthor in 2020 even when the window starts there.
  const windowed = timelineRows(
    [
      { paperId: "p1", year: 2018, size: 2, position: 1, lastPosition: 2, coauthors: ["b"] },
      { paperId: "p2", year: 2020, size: 2, position: 1, lastPosition: 2, coauthors: ["b"] },
    ],
    2020,
    null,
    10,
  );
  assert.deepEqual(
    windowed.map((r) => [r.year, r.newCoauthors, r.repeatCoauthors]),
    [[2020, 0, 1]],
  );
});

test("tie classes (Petersen 2015) and collaboration rows", () => {
  // 20 coauthors, mean 1.5: strong above 1.5, super from 1.5·ln 20 ≈ 4.49.
  assert.equal(tieView(1, { coauthors: 20, meanTieStrength: 1.5 }).tieClass, TieClass.WEAK);
  assert.equal(tieView(3, { coauthors: 20, meanTieStrength: 1.5 }).tieClass, TieClass.STRONG);
  assert.equal(tieView(5, { coauthors: 20, meanTieStrength: 1.5 }).tieClass, TieClass.SUPER);
  assert.equal(tieView(1, { coauthors: 1, meanTieStrength: 1 }).tieClass, TieClass.WEAK, "one coauthor: no super tie");
  const rows = collaborationRows([
    { paperId: "a", year: 2019, size: 2 },
    { paperId: "b", year: 2021, size: 4 },
    { paperId: "c", year: 2021, size: 2 },
  ]);
  assert.deepEqual(
    rows.map((r) => [r.year, r.jointPapers, r.cumulativeJointPapers, r.meanTeamSize]),
    [
      [2019, 1, 1, 2],
      [2020, 0, 1, null],
      [2021, 2, 3, 3],
    ],
  );
});

test("homonym groups and same-as verdicts", () => {
  const paper = (paperId: string, year: number, venueId: string, coauthors: string[]) => ({ paperId, year, venueId, coauthors });
  const papers = [
    paper("1", 2001, "v", ["a", "b"]),
    paper("2", 2002, "v", ["a"]),
    paper("3", 2003, "v", ["b"]),
    paper("4", 2015, "w", ["c", "d"]),
    paper("5", 2016, "w", ["c"]),
    paper("6", 2017, "w", ["d"]),
  ];
  const split = homonymVerdict(papers, [], 3);
  assert.equal(split.flagged, true);
  assert.deepEqual(split.differingPairs, [{ a: 0, b: 1, disjointVenues: true, disjointYears: true }]);
  assert.equal(homonymVerdict(papers, [["b", "c"]], 3).flagged, false, "a paper of b and c joins the groups");
  assert.equal(homonymVerdict(papers, [], 4).flagged, false, "groups of 3 papers are not substantial at 4");
  const holder = (id: string, name: string, coauthors: string[], orcid: string | null = null) => ({
    id,
    name,
    aliases: [],
    orcid,
    coauthors: new Set(coauthors),
  });
  assert.equal(
    sameAsVerdict(
      holder("name:aaron c. courville", "Aaron C. Courville", ["x", "y"]),
      holder("name:aaron courville", "Aaron Courville", ["x", "y", "z"]),
      2,
    ).flagged,
    true,
  );
  assert.equal(
    sameAsVerdict(holder("dblp:A 0001", "Aaron Courville", ["x", "y"]), holder("dblp:A 0002", "Aaron Courville", ["x", "y"]), 2)
      .ruledOutByKeys,
    true,
  );
  assert.equal(
    sameAsVerdict(holder("name:a", "Aaron Courville", ["x", "y"], "0000-1"), holder("name:b", "A. Courville", ["x", "y"], "0000-2"), 2)
      .flagged,
    false,
  );
  assert.equal(
    sameAsVerdict(holder("name:a", "Wei Zhang", ["x", "y", "name:b"]), holder("name:b", "W. Zhang", ["x", "y", "name:a"]), 2)
      .ruledOutByJointPaper,
    true,
  );
});
