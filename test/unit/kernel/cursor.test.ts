import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeCursor, encodeCursor, listOrder, parseCursor } from "../../../src/kernel/cursor";

function isBadInput(error: unknown): boolean {
  return (error as { extensions?: { code?: string } }).extensions?.code === "BAD_USER_INPUT";
}

test("a cursor round-trips its sort key and is opaque base64url", () => {
  const cursor = encodeCursor("jointPapers", [4, "Tong Zhang", "name:tong zhang"]);
  assert.match(cursor, /^[A-Za-z0-9_-]+$/);
  assert.deepEqual(decodeCursor(cursor, "jointPapers"), [4, "Tong Zhang", "name:tong zhang"]);
  assert.equal(decodeCursor(null, "year"), null);
  assert.equal(decodeCursor(undefined, "year"), null);
});

test("float scores survive the round trip exactly", () => {
  const score = 2.260267496109009;
  assert.deepEqual(decodeCursor(encodeCursor("relevance", [score, "x"]), "relevance"), [score, "x"]);
});

test("garbage, tampered and foreign cursors are BAD_USER_INPUT", () => {
  const good = encodeCursor("year", [2024, "10.1/x"]);
  const bad = [
    "",
    "not a cursor!",
    "bm9wZQ",
    Buffer.from(JSON.stringify(["year", "2024", "x"])).toString("base64url"),
    Buffer.from(JSON.stringify(["year", 2024])).toString("base64url"),
    Buffer.from(JSON.stringify(["offset", 20])).toString("base64url"),
    Buffer.from(JSON.stringify({ year: 2024 })).toString("base64url"),
    "A".repeat(5000),
  ];
  for (const cursor of bad) assert.throws(() => parseCursor(cursor), isBadInput, cursor.slice(0, 40));
  assert.throws(() => decodeCursor(good, "jointPapers"), isBadInput);
  assert.throws(() => decodeCursor(good, "relevance"), isBadInput);
});

test("a cursor of a list under other arguments is refused, saying to start again; the same arguments take it", () => {
  const newman = listOrder("strength", { strength: "NEWMAN", maxAuthors: null, yearFrom: null, yearTo: null });
  const fractional = listOrder("strength", { strength: "FRACTIONAL", maxAuthors: null, yearFrom: null, yearTo: null });
  const cursor = encodeCursor(newman, [0.5, "Tong Zhang", "name:tong zhang"]);
  assert.deepEqual(decodeCursor(cursor, listOrder("strength", { strength: "NEWMAN", maxAuthors: null, yearFrom: null, yearTo: null })), [
    0.5,
    "Tong Zhang",
    "name:tong zhang",
  ]);
  assert.throws(
    () => decodeCursor(cursor, fractional),
    (error: Error) => isBadInput(error) && /drop `after` to start again/.test(error.message),
  );
  assert.throws(
    () => decodeCursor(encodeCursor(listOrder("figure", "PAGERANK"), [3e-4, "x"]), listOrder("figure", "BETWEENNESS")),
    isBadInput,
  );
  assert.throws(
    () => decodeCursor(encodeCursor(listOrder("relevance", "authors", "graph"), [1.5, "x"]), listOrder("relevance", "authors", "zhang")),
    isBadInput,
  );
  // The scope is a short hash: a long search does not make a long cursor.
  assert.ok(encodeCursor(listOrder("relevance", "papers", "x".repeat(5000)), [1, "y"]).length < 80);
});
