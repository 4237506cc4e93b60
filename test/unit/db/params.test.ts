import assert from "node:assert/strict";
import { test } from "node:test";
import neo4j from "neo4j-driver";
import { toNeo4jParams } from "../../../src/db/params";

test("whole numbers become Neo4j integers at any depth; other numbers stay floats", () => {
  const sent = toNeo4jParams({ limit: 10, score: 0.5, rows: [{ year: 2024, weight: 1.25, tags: [1, 2.5] }], nested: { n: -3 } });
  assert.deepEqual(sent, {
    limit: neo4j.int(10),
    score: 0.5,
    rows: [{ year: neo4j.int(2024), weight: 1.25, tags: [neo4j.int(1), 2.5] }],
    nested: { n: neo4j.int(-3) },
  });
  assert.ok(neo4j.isInt(sent.limit), "an Integer, not a number that looks like one");
});

test("strings, booleans and null pass as they are; undefined properties are left out", () => {
  const sent = toNeo4jParams({ name: "Ada", keyed: true, doi: null, afterId: undefined, row: { a: "x", b: undefined } });
  assert.deepEqual(sent, { name: "Ada", keyed: true, doi: null, row: { a: "x" } });
  assert.equal(Object.hasOwn(sent, "afterId"), false);
});

test("an object that is not a plain map (a driver type) is passed on untouched", () => {
  const point = new neo4j.types.Point(7203, 1, 2);
  const sent = toNeo4jParams({ at: point as never });
  assert.equal(sent.at, point);
});
