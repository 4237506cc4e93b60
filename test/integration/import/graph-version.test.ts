import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { importFiles } from "../../../import/import-runner";
import { Database } from "../../../src/db/database";
import { NO_SNAPSHOT, readGraphVersion } from "../../../src/db/graph-version";
import { fromRoot } from "../../../src/util/project-root";
import { createTestApi, TestApi } from "../../support/graphql";
import { clearGraph, testDatabase } from "../../support/neo4j";

const SEED = fromRoot("import", "samples", "acl-author-page-wei-xiong.txt");
const record = (extra: Record<string, unknown>) =>
  JSON.stringify({
    id: "v-1",
    type: "article-journal",
    title: "A Paper Whose Abstract Arrives Later",
    issued: { "date-parts": [[2020]] },
    author: [{ literal: "Ann Lee" }, { literal: "Bo Chen" }],
    "container-title": "Test Journal",
    ...extra,
  }) + "\n";

describe("graph version (snapshot id)", () => {
  let db: Database;
  let api: TestApi;
  let dir: string;
  before(async () => {
    db = await testDatabase();
    api = await createTestApi(db);
    dir = mkdtempSync(path.join(os.tmpdir(), "cg-version-"));
  });
  after(async () => {
    await api?.stop();
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const snapshot = async () => {
    const result = await api.run<{ stats: { snapshotId: string } }>("{ stats { snapshotId snapshotChangedAt } }");
    assert.equal(result.errors, undefined);
    assert.equal(result.extensions?.snapshotId, result.data!.stats.snapshotId, "extensions.snapshotId is the stats' snapshot id");
    return result.data!.stats.snapshotId;
  };

  it("changes when an import changes the graph and never when a re-import changes nothing", async () => {
    await clearGraph(db);
    assert.equal(await snapshot(), NO_SNAPSHOT);
    assert.equal((await importFiles(db, [SEED])).ok, true);
    const first = await snapshot();
    assert.match(first, /^[0-9a-z]+-[1-9][0-9]*$/);
    assert.equal((await importFiles(db, [SEED])).ok, true);
    assert.equal(await snapshot(), first, "re-importing the same file changes nothing, so the id stays");

    const plain = path.join(dir, "plain.jsonl");
    const withAbstract = path.join(dir, "abstract.jsonl");
    writeFileSync(plain, record({}));
    writeFileSync(withAbstract, record({ abstract: "Now with an abstract." }));
    assert.equal((await importFiles(db, [plain])).ok, true);
    const second = await snapshot();
    assert.notEqual(second, first);
    assert.equal((await importFiles(db, [plain])).ok, true);
    assert.equal(await snapshot(), second);
    // Only a property changes (no node or relationship is created): the statement's own detection must see it.
    assert.equal((await importFiles(db, [withAbstract])).ok, true);
    const third = await snapshot();
    assert.notEqual(third, second, "a property that an import fills in is a change");
    assert.equal((await importFiles(db, [withAbstract])).ok, true);
    assert.equal(await snapshot(), third);

    const [epochOf] = [(id: string) => id.split("-")[0]];
    assert.equal(epochOf(third), epochOf(first), "one database keeps its epoch");
    const version = await readGraphVersion(db);
    assert.ok(version.changedAt && !Number.isNaN(Date.parse(version.changedAt)));
    assert.equal(version.snapshotId, third);
  });

  it("draws a new epoch for a database emptied and imported again", async () => {
    await clearGraph(db);
    await importFiles(db, [SEED]);
    const before = await readGraphVersion(db);
    await clearGraph(db);
    await importFiles(db, [SEED]);
    const after = await readGraphVersion(db);
    assert.notEqual(after.epoch, before.epoch);
    assert.notEqual(after.snapshotId, before.snapshotId);
  });
});
