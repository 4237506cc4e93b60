import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { MemPaper } from "../../../import/bulk/memory-types";
import { TitleIndex, titleHash } from "../../../import/bulk/title-index";

/*
 * The bulk import's papers by titleKey (import/bulk/title-index.ts) against a plain Map of strings, on titleKeys made
 * to collide: with the hash cut to its 4 lowest bits every lookup meets dozens of other titleKeys under its hash, so
 * any comparison that trusted the hash would find the wrong papers.
 */
const paper = (i: number): MemPaper => ({
  id: `10.1000/${i}`,
  titleKey: null,
  doi: `10.1000/${i}`,
  year: 2000,
  payload: i,
  venue: null,
  authorships: [],
});

describe("the bulk import's title index", () => {
  it("finds exactly the papers of a titleKey, however many titleKeys share its hash", () => {
    const keyOf = new Map<MemPaper, string>();
    const reads = { count: 0 };
    const index = new TitleIndex(
      (p) => {
        reads.count += 1;
        return keyOf.get(p)!;
      },
      (text) => titleHash(text) & 0xf,
    );
    const reference = new Map<string, MemPaper[]>();
    // 2,000 papers on 1,200 titleKeys: most alone, some shared by 2–5 papers ("editorial|2019").
    for (let i = 0; i < 2_000; i++) {
      const key = i < 1_000 ? `title ${i}|2020` : `editorial ${i % 200}|2019`;
      const p = paper(i);
      keyOf.set(p, key);
      index.add(key, p);
      reference.set(key, [...(reference.get(key) ?? []), p]);
    }
    for (const [key, papers] of reference) assert.deepEqual(index.get(key), papers, key);
    for (const missing of ["title 1000|2020", "editorial 0|2020", "", "title 1|2021"]) assert.deepEqual(index.get(missing), [], missing);
    assert.equal(index.sharedTitleKeys, 200, "titleKeys of two papers or more are held as strings");
    // A shared titleKey is found without reading any paper's titleKey back.
    reads.count = 0;
    assert.equal(index.get("editorial 7|2019").length, 5);
    assert.equal(reads.count, 0);
  });

  it("hashes to 30-bit integers that spread over the low bits", () => {
    const buckets = new Int32Array(1024);
    for (let i = 0; i < 100_000; i++) {
      const h = titleHash(`a generated title number ${i}|${1990 + (i % 30)}`);
      assert.ok(Number.isInteger(h) && h >= 0 && h < 2 ** 30, `${h}`);
      buckets[h & 1023] += 1;
    }
    // 100,000 / 1,024 ≈ 98 a bucket; a hash that ignored some units would pile them up.
    assert.ok(Math.max(...buckets) < 160 && Math.min(...buckets) > 50, `${Math.min(...buckets)}..${Math.max(...buckets)}`);
  });
});
