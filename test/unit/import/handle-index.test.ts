import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { HandleIndex, stringHash } from "../../../import/bulk/handle-index";

/*
 * The bulk import's string → handle index (import/bulk/handle-index.ts) against a Map, through random adds, lookups
 * and deletes. A hash cut to 3 bits makes every key collide with an eighth of the others, so the probe runs are long (and
 * wrap around the table's end when the hashes are its last slots) and every delete has entries to move up: a wrong move would lose a key or find a deleted one.
 */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function exercise(hash: (key: string) => number, steps: number, keys: number): void {
  const random = seeded(7);
  const keyOf: string[] = [];
  const index = new HandleIndex((handle) => keyOf[handle], hash, 16);
  const reference = new Map<string, number>();
  for (let step = 0; step < steps; step++) {
    const key = `key ${Math.floor(random() * keys)}`;
    const roll = random();
    if (roll < 0.5) {
      if (!reference.has(key)) {
        keyOf.push(key);
        index.add(key, keyOf.length - 1);
        reference.set(key, keyOf.length - 1);
      }
    } else if (roll < 0.8) {
      index.delete(key);
      reference.delete(key);
    } else assert.equal(index.get(key), reference.get(key) ?? -1, key);
    assert.equal(index.size, reference.size);
  }
  for (let i = 0; i < keys; i++) assert.equal(index.get(`key ${i}`), reference.get(`key ${i}`) ?? -1, `key ${i}`);
}

describe("the bulk import's handle index", () => {
  it("agrees with a Map through adds and deletes when every key collides with many", () =>
    exercise((key) => stringHash(key) & 7, 20_000, 300));

  it("agrees with a Map when the colliding keys' runs wrap around the table's end", () =>
    exercise((key) => ~(stringHash(key) & 7), 20_000, 300));

  it("agrees with a Map through adds, deletes and growth with the full hash", () => exercise(stringHash, 200_000, 40_000));

  it("refuses a handle it cannot hold", () => {
    const index = new HandleIndex(() => "x");
    assert.throws(() => index.add("x", -1), /out of range/);
  });
});
