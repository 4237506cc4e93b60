import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { importFiles } from "../../../import/import-runner";
import { Database } from "../../../src/db/database";
import { fromRoot } from "../../../src/util/project-root";
import { coauthorEdgeMismatches, fullGraphSnapshot } from "../../support/graph-checks";
import { clearGraph, testDatabase } from "../../support/neo4j";
import { bulkCsvGraph } from "./bulk-snapshots";

const fixture = (name: string) => fromRoot("test", "fixtures", "identity", name);
/** "Ａda", "𝔄da", "Ada"/"ADA" Lovelace (one nameKey), and two coauthors whose ids differ by U+E000 against U+1F600. */
const FILES = ["code-points-1.csl.jsonl", "code-points-2.csl.jsonl", "code-points-3.csl.jsonl"].map(fixture);
const PUA_KO = "name:an\uE000na ko";
const EMOJI_KO = "name:an😀na ko";

/**
 * Strings from Neo4j's store compare by code point, parameters and JavaScript strings by UTF-16 code unit: the two
 * disagree on characters above U+FFFF against U+E000..U+FFFF. The importer's rules use code point order everywhere.
 * Found by the differential test (import-differential.test.ts).
 */
describe("identity rules under code point order", () => {
  let db: Database;
  before(async () => {
    db = await testDatabase();
  });
  after(async () => db?.close());

  it("keeps one coauthor edge per pair, from the smaller id in code point order, when later files add joint papers", async () => {
    await clearGraph(db);
    for (const file of FILES) assert.equal((await importFiles(db, [file])).ok, true);
    const edges = await db.read(
      "MATCH (a:Author)-[r:COAUTHORED_WITH]->(b:Author) WHERE a.id IN $ids AND b.id IN $ids RETURN a.id AS low, b.id AS high, r.papers AS papers",
      {
        ids: [PUA_KO, EMOJI_KO],
      },
    );
    assert.deepEqual(
      edges.map((r) => [r.get("low"), r.get("high"), r.get("papers")]),
      [[PUA_KO, EMOJI_KO, 3]],
    );
    assert.deepEqual(await coauthorEdgeMismatches(db), []);
  });

  it("names an author by the greatest spelling in code point order, and keeps every other spelling, same batch or not", async () => {
    const [author] = await db.read("MATCH (a:Author {id: 'name:ada lovelace'}) RETURN a.name AS name, a.aliases AS aliases");
    assert.equal(author.get("name"), "𝔄da Lovelace");
    assert.deepEqual(author.get("aliases"), ["ADA LOVELACE", "Ada Lovelace", "Ａda Lovelace"]);
  });

  it("builds the same graph as import --bulk from the same files", async () => {
    await clearGraph(db);
    assert.equal((await importFiles(db, FILES, { batchSize: 1 })).ok, true);
    assert.deepEqual(await bulkCsvGraph(FILES, { batchSize: 1 }), await fullGraphSnapshot(db));
  });
});
