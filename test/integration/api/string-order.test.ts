import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Database } from "../../../src/db/database";
import { compareLikeCypher } from "../../../src/network/edge-order";
import { randomIds } from "../../support/random-ids";
import { clearGraph, testDatabase } from "../../support/neo4j";

/**
 * Orders computed in JavaScript must be the orders Cypher gives, or paging and edge order would
 * disagree. Neo4j has two string orders: stored property values compare by code point (UTF-8
 * bytes), strings made in the statement or passed as parameters by UTF-16 code unit. Everything
 * the API sorts is stored (ids, names), so compareLikeCypher follows the first.
 */
describe("string order", () => {
  let db: Database;
  before(async () => {
    db = await testDatabase();
    await clearGraph(db);
  });
  after(async () => {
    await clearGraph(db);
    await db?.close();
  });

  it("compareLikeCypher sorts stored ids exactly as Neo4j's ORDER BY and < do, astral and private-use characters included", async () => {
    // Long ids too: they are stored in other records than short ones and must sort the same way.
    const ids = [...randomIds(400, 11), ...randomIds(100, 12).map((id) => "long ".repeat(12) + id)];
    await db.write("UNWIND $ids AS id CREATE (:Author {id: id, name: id})", { ids });
    const [row] = await db.read("MATCH (a:Author) WITH a ORDER BY a.id RETURN collect(a.id) AS ordered");
    assert.deepEqual([...ids].sort(compareLikeCypher), row.get("ordered"));
    // Found by an unindexed property, so both ids are read from the store (an index seek on id would
    // hand Cypher the parameter instead, which compares by UTF-16 unit).
    const probes = ["😀", "\uE000", "a😀", "a\uFFFD", "long ".repeat(12) + "😀", "\uE000b"];
    await db.write("UNWIND $probes AS id CREATE (:Author {id: id, name: id, probe: true})", { probes });
    const pairs = await db.read(`MATCH (a:Author {probe: true}), (b:Author {probe: true}) WHERE a.id < b.id RETURN a.id AS a, b.id AS b`);
    assert.equal(pairs.length, (probes.length * (probes.length - 1)) / 2);
    for (const pair of pairs)
      assert.ok(compareLikeCypher(pair.get("a"), pair.get("b")) < 0, `Neo4j has ${pair.get("a")} < ${pair.get("b")}`);
    assert.ok(compareLikeCypher("\uE000", "😀") < 0 && compareLikeCypher("😀", "\uE000") > 0);
    assert.ok(compareLikeCypher("😀", "😀a") < 0 && compareLikeCypher("a", "a") === 0);
  });

  it("parameters alone sort by UTF-16 code unit, which is why compareLikeCypher is not JavaScript's <", async () => {
    const ids = randomIds(400, 11);
    const [row] = await db.read("UNWIND $ids AS id WITH id ORDER BY id RETURN collect(id) AS ordered", { ids });
    assert.deepEqual([...ids].sort(), row.get("ordered"), "JavaScript's default sort is UTF-16 order");
    assert.notDeepEqual([...ids].sort(compareLikeCypher), row.get("ordered"), "the ids must mix astral and U+E000.. characters");
  });
});
