import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CanonicalPaper } from "../../../import/canonical";
import { mergeSpellings } from "../../../import/writer/author-spellings";
import { toBatchRows } from "../../../import/writer/batch-rows";
import { jointPaperIncrements } from "../../../import/writer/pair-increments";
import { compareCodePoints } from "../../../src/util/code-point-order";
import { randomIds } from "../../support/random-ids";

/** The reference: compare the code point sequences. */
function byCodePoints(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

describe("code point order", () => {
  it("orders astral letters after full-width and private-use ones, unlike JavaScript's <", () => {
    assert.ok("𝔄" < "Ａ", "UTF-16 puts the surrogate pair first");
    assert.ok(compareCodePoints("𝔄", "Ａ") > 0);
    assert.ok(compareCodePoints("😀", "\uE000") > 0);
    assert.ok(compareCodePoints("a", "ab") < 0);
    assert.equal(compareCodePoints("x😀", "x😀"), 0);
  });

  it("agrees with comparing code points on ids of ASCII, accents, CJK, private-use and astral characters", () => {
    const ids = randomIds(300, 7);
    assert.deepEqual([...ids].sort(compareCodePoints), [...ids].sort(byCodePoints));
  });

  it("orients new coauthor pairs from the smaller id in code point order", () => {
    const [pair] = jointPaperIncrements([{ year: 2020, present: [], added: ["dblp:Ａda", "dblp:𝔄da"] }]);
    assert.deepEqual([pair.low, pair.high], ["dblp:Ａda", "dblp:𝔄da"]);
  });
});

describe("author spellings", () => {
  it("names an author by its greatest spelling in code point order and keeps the others, in that order too", () => {
    const first = mergeSpellings(undefined, ["Ａda Lovelace", "𝔄da Lovelace"]);
    assert.deepEqual(first, { name: "𝔄da Lovelace", aliases: ["Ａda Lovelace"] });
    assert.deepEqual(mergeSpellings(first, ["Ada Lovelace"]), { name: "𝔄da Lovelace", aliases: ["Ada Lovelace", "Ａda Lovelace"] });
    assert.equal(mergeSpellings(first, ["Ａda Lovelace"]), first, "nothing new: the same object, nothing to write");
  });

  it("gives the same name and aliases whatever the order and grouping of the spellings", () => {
    const spellings = ["Ada Lovelace", "ADA LOVELACE", "Ａda Lovelace", "𝔄da Lovelace"];
    const once = mergeSpellings(undefined, spellings);
    const oneByOne = [...spellings]
      .reverse()
      .reduce<ReturnType<typeof mergeSpellings> | undefined>((current, s) => mergeSpellings(current, [s]), undefined);
    assert.deepEqual(oneByOne, once);
    assert.deepEqual(once, { name: "𝔄da Lovelace", aliases: ["ADA LOVELACE", "Ada Lovelace", "Ａda Lovelace"] });
  });

  it("keeps every spelling a batch has for one author, not just the first", () => {
    const paper = (sourceKey: string, name: string): CanonicalPaper => ({
      sourceKey,
      title: sourceKey,
      year: 2020,
      authors: [{ name }],
      location: { file: "test" },
    });
    const rows = toBatchRows(
      [paper("a", "Véronique Hoste"), paper("b", "VERONIQUE HOSTE"), paper("c", "Véronique Hoste")],
      ["a|2020", "b|2020", "c|2020"],
    );
    assert.equal(rows.authors.length, 1);
    assert.deepEqual(rows.authors[0].spellings, ["Véronique Hoste", "VERONIQUE HOSTE"]);
  });
});
