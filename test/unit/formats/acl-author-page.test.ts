import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { UnparseableFileError } from "../../../import/canonical";
import { nameKey, normaliseTitle } from "../../../import/normalise/text";
import { formatFixtures, recordsOf } from "../../support/format-fixtures";

const { readFixture, assertMatchesExpected } = formatFixtures("acl-author-page");
const SEED = "acl-author-page-wei-xiong.txt";

describe("ACL author page reader: the seed page", () => {
  it("maps every field as recorded in the expected file", async () => {
    assertMatchesExpected(SEED, await readFixture(SEED));
  });

  it("gives 5 papers, 23 distinct authors and 5 venues, with years from the headings", async () => {
    const items = await readFixture(SEED);
    assert.equal(items.length, 5);
    const papers = recordsOf(items);
    assert.equal(papers.length, 5);
    const authors = new Set(papers.flatMap((paper) => paper.authors.map((author) => nameKey(author.name))));
    assert.equal(authors.size, 23);
    const venues = new Set(papers.map((paper) => normaliseTitle(paper.venue?.name ?? "")));
    assert.equal(venues.size, 5);
    assert.deepEqual(
      papers.map((paper) => paper.year),
      [2024, 2024, 2024, 2024, 2022],
    );
  });

  it("has Tong Zhang on 4 of Wei Xiong's papers", async () => {
    const papers = recordsOf(await readFixture(SEED));
    const joint = papers.filter((paper) => {
      const names = paper.authors.map((author) => author.name);
      return names.includes("Wei Xiong") && names.includes("Tong Zhang");
    });
    assert.equal(joint.length, 4);
  });

  it("keeps authors name-only, in byline order, and classifies venues", async () => {
    const [first, second, , , last] = recordsOf(await readFixture(SEED));
    assert.equal(first.authors.length, 17);
    assert.deepEqual(first.authors[0], { name: "Yong Lin" });
    assert.deepEqual(first.authors.at(-1), { name: "Tong Zhang" });
    assert.ok(first.authors.every((author) => author.key === undefined));
    assert.deepEqual(second.venue, { name: "Findings of the Association for Computational Linguistics: EMNLP 2024", kind: "conference" });
    assert.equal(last.venue?.kind, "workshop");
    assert.equal(last.venue?.acronym, undefined);
    assert.equal(first.sourceKey, "acl-page:Wei Xiong#mitigating the alignment tax of rlhf");
    assert.match(first.abstract ?? "", /^LLMs acquire a wide range of abilities/);
    assert.equal(first.location.line, 6);
  });

  it("gives the same records whatever the chunk size", async () => {
    assert.deepEqual(await readFixture(SEED, 7), await readFixture(SEED));
    assert.deepEqual(await readFixture(SEED, 1), await readFixture(SEED));
  });
});

describe("ACL author page reader: broken pages", () => {
  it("rejects blocks missing their authors or venue line, with the line, and keeps the rest", async () => {
    const items = await readFixture("bad-missing-lines.txt");
    assert.deepEqual(
      items.map((item) => [item.kind, item.kind === "record" ? item.record.location.line : item.location.line]),
      [
        ["record", 5],
        ["rejected", 15],
        ["record", 19],
        ["rejected", 25],
        ["record", 29],
      ],
    );
    const rejected = items.filter((item) => item.kind === "rejected");
    assert.match(rejected[0].kind === "rejected" ? rejected[0].reason : "", /missing its venue line/);
    assert.match(rejected[1].kind === "rejected" ? rejected[1].reason : "", /missing its authors and venue line/);
  });

  it("reads years, abstracts (absent or in paragraphs), kinds and stray separators", async () => {
    const [everything, complete, last] = recordsOf(await readFixture("bad-missing-lines.txt"));
    assert.equal(everything.year, 2023);
    assert.equal(everything.abstract, "An abstract that runs over two lines.\n\nThen a second paragraph.");
    assert.equal(complete.year, 2023);
    assert.equal(complete.abstract, undefined);
    assert.equal(complete.venue?.kind, "journal");
    assert.deepEqual(complete.authors, [{ name: "Jane Roe" }]);
    assert.equal(last.year, 2020);
    assert.equal(last.abstract, undefined);
    assert.deepEqual(last.authors, [{ name: "Jane Roe" }, { name: "Alex Poe" }]);
    assert.deepEqual(last.venue, { name: "Proceedings of the 1st Workshop on Things", kind: "workshop" });
  });

  it("refuses a page without an owner line", async () => {
    await assert.rejects(readFixture("bad-no-owner.txt"), (error: unknown) => {
      assert.ok(error instanceof UnparseableFileError);
      assert.equal(error.location?.line, 1);
      assert.match(error.message, /page owner/);
      return true;
    });
  });

  it("refuses text that has no paper blocks at all", async () => {
    await assert.rejects(readFixture("bad-no-blocks.txt"), UnparseableFileError);
  });
});
