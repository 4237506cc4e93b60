import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Database } from "../../../src/db/database";
import { compareLikeCypher } from "../../../src/network/edge-order";
import { randomIds } from "../../support/random-ids";
import { testDatabase } from "../../support/neo4j";

/** Orders computed in JavaScript must be the orders Cypher gives, or paging and edge order would disagree. */
describe("string order", () => {
  let db: Database;
  before(async () => {
    db = await testDatabase();
  });
  after(async () => db?.close());

  it("compareLikeCypher sorts ids exactly as Neo4j's ORDER BY does, astral and private-use characters included", async () => {
    const ids = randomIds(400, 11);
    const [row] = await db.read("UNWIND $ids AS id WITH id ORDER BY id RETURN collect(id) AS ordered", { ids });
    assert.deepEqual([...ids].sort(compareLikeCypher), row.get("ordered"));
    assert.ok(compareLikeCypher("😀", "\uE000") < 0, "U+1F600 sorts before U+E000 in Cypher (UTF-16 units)");
  });
});
