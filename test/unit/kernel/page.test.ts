import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeCursor } from "../../../src/kernel/cursor";
import { toPage } from "../../../src/kernel/page";

const rows = [
  { id: "a", year: 2024 },
  { id: "b", year: 2023 },
  { id: "c", year: 2022 },
];

test("a page shows first rows, knows a next page exists from the extra row, and keys cursors on the sort key", async () => {
  let counted = 0;
  const page = toPage(
    rows,
    { first: 2, after: null },
    "year",
    (r) => [r.year, r.id],
    (r) => ({ node: r }),
    async () => {
      counted += 1;
      return 42;
    },
  );
  assert.deepEqual(
    page.edges.map((e) => e.node.id),
    ["a", "b"],
  );
  assert.equal(page.pageInfo.hasNextPage, true);
  assert.equal(page.pageInfo.hasPreviousPage, false);
  assert.equal(page.pageInfo.startCursor, page.edges[0].cursor);
  assert.deepEqual(decodeCursor(page.pageInfo.endCursor, "year"), [2023, "b"]);
  assert.equal(counted, 0, "totalCount is only read when asked for");
  assert.equal(await page.totalCount, 42);
  assert.equal(await page.totalCount, 42);
  assert.equal(counted, 1);
});

test("the last page has no next page; an empty page has no cursors", () => {
  const last = toPage(
    rows,
    { first: 3, after: "x" },
    "year",
    (r) => [r.year, r.id],
    (r) => ({ node: r }),
    async () => 3,
  );
  assert.equal(last.pageInfo.hasNextPage, false);
  assert.equal(last.pageInfo.hasPreviousPage, true);
  const empty = toPage(
    [],
    { first: 3, after: null },
    "year",
    () => [0, ""],
    () => ({}),
    async () => 0,
  );
  assert.equal(empty.pageInfo.endCursor, null);
  assert.equal(empty.pageInfo.startCursor, null);
});
