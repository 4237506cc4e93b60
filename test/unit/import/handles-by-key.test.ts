import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { stringHash } from "../../../import/bulk/handle-index";
import { HandlesByKey } from "../../../import/bulk/handles-by-key";

/*
 * The bulk import's papers by titleKey and authors by nameKey (import/bulk/handles-by-key.ts) against a plain Map of
 * strings, on keys made to collide: with the hash cut to its 4 lowest bits every lookup meets dozens of other titleKeys under its hash, so
 * any comparison that trusted the hash would find the wrong papers.
 */
describe("the bulk import's handles by key", () => {
  it("finds exactly the papers of a titleKey, however many titleKeys share its hash", () => {
    const keyOf: string[] = [];
    const reads = { count: 0 };
    const index = new HandlesByKey(
      (paper) => {
        reads.count += 1;
        return keyOf[paper];
      },
      (text) => stringHash(text) & 0xf,
    );
    const reference = new Map<string, number[]>();
    // 2,000 papers on 1,200 titleKeys: most alone, some shared by 2–5 papers ("editorial|2019").
    for (let paper = 0; paper < 2_000; paper++) {
      const key = paper < 1_000 ? `title ${paper}|2020` : `editorial ${paper % 200}|2019`;
      keyOf.push(key);
      index.add(key, paper);
      reference.set(key, [...(reference.get(key) ?? []), paper]);
    }
    for (const [key, papers] of reference) assert.deepEqual(index.get(key), papers, key);
    for (const missing of ["title 1000|2020", "editorial 0|2020", "", "title 1|2021"]) assert.deepEqual(index.get(missing), [], missing);
    assert.equal(index.sharedKeys, 200, "titleKeys of two papers or more are held as strings");
    // A shared titleKey is found without reading any paper's titleKey back.
    reads.count = 0;
    assert.equal(index.get("editorial 7|2019").length, 5);
    assert.equal(reads.count, 0);
  });

  it("reads a titleKey back only under an equal hash: about once a lookup with the full hash", () => {
    const keyOf: string[] = [];
    let reads = 0;
    const index = new HandlesByKey((paper) => {
      reads += 1;
      return keyOf[paper];
    });
    for (let paper = 0; paper < 50_000; paper++) {
      keyOf.push(`a generated title number ${paper}|${1990 + (paper % 30)}`);
      index.add(keyOf[paper], paper);
    }
    reads = 0;
    for (let paper = 0; paper < 50_000; paper++) assert.deepEqual(index.get(keyOf[paper]), [paper]);
    for (let i = 0; i < 50_000; i++) assert.deepEqual(index.get(`missing ${i}`), []);
    // 50,000 found (one read each) and 50,000 missing (next to none: a 32-bit hash rarely matches another key's).
    assert.ok(reads >= 50_000 && reads < 50_010, `${reads} reads`);
  });

  it("takes handles out: a key left with one handle goes back to the hash index, one left with none is gone", () => {
    const keyOf: string[] = [];
    const index = new HandlesByKey(
      (handle) => keyOf[handle],
      (text) => stringHash(text) & 0x3,
    );
    const reference = new Map<string, number[]>();
    let state = 11;
    const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let step = 0; step < 5_000; step++) {
      const key = `wei wang ${Math.floor(random() * 40)}`;
      const held = reference.get(key) ?? [];
      if (random() < 0.6 || held.length === 0) {
        keyOf.push(key);
        index.add(key, keyOf.length - 1);
        reference.set(key, [...held, keyOf.length - 1]);
      } else {
        const gone = held[Math.floor(random() * held.length)];
        index.remove(key, gone);
        const left = held.filter((h) => h !== gone);
        if (left.length > 0) reference.set(key, left);
        else reference.delete(key);
      }
      assert.deepEqual(index.get(key), reference.get(key) ?? [], key);
    }
    for (let i = 0; i < 40; i++) assert.deepEqual(index.get(`wei wang ${i}`), reference.get(`wei wang ${i}`) ?? []);
    const shared = [...reference.values()].filter((handles) => handles.length > 1).length;
    assert.equal(index.sharedKeys, shared, "only keys of two handles or more are held as strings");
  });
});
