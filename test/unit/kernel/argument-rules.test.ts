import assert from "node:assert/strict";
import { test } from "node:test";
import {
  intInRange,
  minJointPapers,
  NETWORK_DEPTH,
  NETWORK_MAX_NODES,
  nodeIds,
  pageSize,
  PATH_MAX_LENGTH,
  sharedVenueAuthorIds,
  yearWindow,
} from "../../../src/kernel/argument-rules";
import { checkArguments } from "../../../src/api/argument-check";
import { encodeCursor } from "../../../src/kernel/cursor";

const badInput = (argument: string) => (error: unknown) => {
  const ext = (error as { extensions?: Record<string, unknown> }).extensions;
  return ext?.code === "BAD_USER_INPUT" && ext.argument === argument;
};

test("first is 1..100 and defaults to 20", () => {
  assert.equal(pageSize(undefined), 20);
  assert.equal(pageSize(null), 20);
  assert.equal(pageSize(1), 1);
  assert.equal(pageSize(100), 100);
  for (const bad of [0, -1, 101, 1.5]) assert.throws(() => pageSize(bad), badInput("first"));
});

test("network depth 1..3, maxNodes 1..2000, path maxLength 1..8", () => {
  assert.equal(intInRange("depth", undefined, NETWORK_DEPTH), 1);
  assert.throws(() => intInRange("depth", 4, NETWORK_DEPTH), badInput("depth"));
  assert.throws(() => intInRange("depth", 0, NETWORK_DEPTH), badInput("depth"));
  assert.equal(intInRange("maxNodes", undefined, NETWORK_MAX_NODES), 200);
  assert.equal(intInRange("maxNodes", 2000, NETWORK_MAX_NODES), 2000);
  assert.throws(() => intInRange("maxNodes", 2001, NETWORK_MAX_NODES), badInput("maxNodes"));
  assert.equal(intInRange("maxLength", undefined, PATH_MAX_LENGTH), 6);
  assert.throws(() => intInRange("maxLength", 9, PATH_MAX_LENGTH), badInput("maxLength"));
  assert.throws(() => minJointPapers(0), badInput("minJointPapers"));
  assert.equal(minJointPapers(null), 1);
});

test("yearFrom must not be after yearTo; open ends are fine", () => {
  assert.deepEqual(yearWindow(2020, 2020), { yearFrom: 2020, yearTo: 2020 });
  assert.deepEqual(yearWindow(undefined, 2020), { yearFrom: null, yearTo: 2020 });
  assert.throws(() => yearWindow(2021, 2020), badInput("yearFrom"));
});

test("sharedVenues takes 2..10 distinct ids, in order", () => {
  assert.deepEqual(sharedVenueAuthorIds(["b", "a"]), ["b", "a"]);
  assert.throws(() => sharedVenueAuthorIds(["a"]), badInput("authorIds"));
  assert.throws(() => sharedVenueAuthorIds(Array.from({ length: 11 }, (_, i) => `a${i}`)), badInput("authorIds"));
  assert.throws(() => sharedVenueAuthorIds(["a", "b", "a"]), badInput("authorIds"));
  assert.throws(() => nodeIds(Array.from({ length: 101 }, (_, i) => `n${i}`)), badInput("ids"));
});

test("checkArguments applies the same rules by argument name", () => {
  checkArguments({ first: 20, after: encodeCursor("year", [2020, "x"]), yearFrom: 2019, yearTo: 2020, search: "wei" });
  checkArguments({ first: null, after: null, search: null });
  assert.throws(() => checkArguments({ first: 0 }), badInput("first"));
  assert.throws(() => checkArguments({ after: "junk!" }), badInput("after"));
  assert.throws(() => checkArguments({ yearFrom: 2021, yearTo: 2020 }), badInput("yearFrom"));
  assert.throws(() => checkArguments({ search: "  " }), badInput("search"));
  assert.throws(() => checkArguments({ depth: 5 }), badInput("depth"));
  assert.throws(() => checkArguments({ authorIds: ["a", "a"] }), badInput("authorIds"));
  // Arguments it does not know are left alone.
  checkArguments({ id: "anything", venueId: "x", year: 1900 });
});
