import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Database } from "../../../src/db/database";
import { importFiles } from "../../../import/import-runner";
import { fromRoot } from "../../../src/util/project-root";
import { authorStatMismatches, coauthorEdgeMismatches, countOf, identitySnapshot } from "../../support/graph-checks";
import { clearGraph, testDatabase } from "../../support/neo4j";

const SEED = fromRoot("test", "fixtures", "acl-author-page", "acl-author-page-wei-xiong.txt");

describe("importing the ACL author page that started the project", () => {
  let db: Database;
  before(async () => {
    db = await testDatabase();
    await clearGraph(db);
  });
  after(async () => db?.close());

  it("gives exactly 5 papers, 23 authors and 5 venues, with the years from the headings", async () => {
    const operations = new Set<string>();
    const stop = db.observe((event) => operations.add(event.metadata.operation));
    const summary = await importFiles(db, [SEED]).finally(stop);
    // Every transaction names its stage in its metadata; none is left "unnamed".
    assert.deepEqual([...operations].sort(), ["import:lock", "import:names", "import:pairs", "import:papers", "import:run", "schema"]);
    assert.equal(summary.ok, true, JSON.stringify(summary.files[0].error));
    assert.equal(summary.files[0].format, "acl-author-page");
    assert.equal(await countOf(db, "MATCH (p:Paper) RETURN count(p)"), 5);
    assert.equal(await countOf(db, "MATCH (a:Author) RETURN count(a)"), 23);
    assert.equal(await countOf(db, "MATCH (v:Venue) RETURN count(v)"), 5);
    const years = await db.read("MATCH (p:Paper) RETURN p.year AS year ORDER BY year");
    assert.deepEqual(
      years.map((r) => r.get("year")),
      [2022, 2024, 2024, 2024, 2024],
    );
    assert.equal(summary.files[0].writes.papersCreated, 5);
    assert.equal(summary.files[0].rejected, 0);
  });

  it("makes Tong Zhang Wei Xiong's most frequent coauthor with 4 joint papers", async () => {
    const rows = await db.read(`
      MATCH (w:Author {id: 'name:wei xiong'})-[r:COAUTHORED_WITH]-(c:Author)
      RETURN c.name AS name, r.papers AS papers ORDER BY papers DESC, name LIMIT 2`);
    assert.equal(rows[0].get("name"), "Tong Zhang");
    assert.equal(rows[0].get("papers"), 4);
    assert.ok(rows[1].get("papers") < 4);
    assert.equal(await countOf(db, "MATCH (a:Author {id: 'name:wei xiong'}) RETURN a.paperCount"), 5);
  });

  it("keeps every materialised pair and author stat exact", async () => {
    assert.deepEqual(await coauthorEdgeMismatches(db), []);
    assert.deepEqual(await authorStatMismatches(db), []);
  });

  it("changes nothing when the same file is imported again, and records both runs", async () => {
    const before = await identitySnapshot(db);
    const summary = await importFiles(db, [SEED]);
    assert.equal(summary.ok, true);
    assert.equal(summary.files[0].writes.papersCreated, 0);
    assert.equal(summary.files[0].writes.authorsCreated, 0);
    assert.equal(summary.files[0].writes.authorshipsCreated, 0);
    assert.equal(summary.files[0].coauthorPairs.created, 0);
    assert.deepEqual(await identitySnapshot(db), before);
    const runs = await db.read("MATCH (r:ImportRun) RETURN r.status AS status, r.sha256 AS sha, r.counts AS counts, r.format AS format");
    assert.equal(runs.length, 2);
    for (const run of runs) {
      assert.equal(run.get("status"), "completed");
      assert.match(run.get("sha"), /^[0-9a-f]{64}$/);
      assert.equal(run.get("format"), "acl-author-page");
      assert.equal(JSON.parse(run.get("counts")).read, 5);
    }
  });
});
