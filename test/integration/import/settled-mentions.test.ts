import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { importInto } from "../../../import/import-runner";
import { databaseTarget } from "../../../import/writer/import-target";
import { Database } from "../../../src/db/database";
import { readGraphVersion } from "../../../src/db/graph-version";
import { fromRoot } from "../../../src/util/project-root";
import { bulkCsvGraph } from "./bulk-snapshots";
import { fullGraphSnapshot } from "../../support/graph-checks";
import { clearGraph, testDatabase } from "../../support/neo4j";

/*
 * A name-only mention that the name pass settled on a keyed author (settled-1: "Ann Lee" without a key, on the paper
 * beside the keyed Ann Lee's) is not written again by a re-import (import/writer/settled-mentions.ts): written, it
 * recreated "name:ann lee" and its authorship for the name pass to move back, the same graph under two new versions.
 * settled-2 re-imports that paper in its own batch, then a new spelling of the name ("Ann Lée") and a keyed namesake
 * in the same file: the key becomes ambiguous and "name:ann lee" is brought back, with every spelling the file gave
 * it, the skipped one included, exactly as when every mention is written. settled-3 lists the skipped paper again
 * with the name at another position: the skipped authorship is written first, so its position is the one kept.
 */
const FIRST = fromRoot("test", "fixtures", "identity", "settled-1.csl.jsonl");
const SECOND = fromRoot("test", "fixtures", "identity", "settled-2.csl.jsonl");
/** "Veronique Hoste" without a key beside the keyed "Véronique Hoste": settled on her, spelt otherwise. */
const SPELT = fromRoot("test", "fixtures", "identity", "settled-4.csl.jsonl");
/** The settled paper again, then listed again with the name at another position, then the namesake. */
const THIRD = fromRoot("test", "fixtures", "identity", "settled-3.csl.jsonl");

/** The graph's lines without the runs' (their counts say what was written, which is what differs). */
const graphOnly = (lines: string[]) => lines.filter((line) => !line.startsWith("(:ImportRun"));

describe("mentions the graph already holds as settled", () => {
  let db: Database;
  before(async () => {
    db = await testDatabase();
  });
  after(async () => {
    await db?.close();
  });

  const importOnline = async (paths: string[], skipSettledMentions: boolean, batchSize = 1) => {
    const target = { ...databaseTarget(db, { skipSettledMentions }), prepare: async () => undefined };
    const summary = await importInto(target, paths, { batchSize });
    assert.equal(summary.ok, true, JSON.stringify(summary.files.map((f) => f.error)));
    return summary;
  };

  it("a re-import of them writes nothing and keeps the snapshot id", async () => {
    await clearGraph(db);
    await importOnline([FIRST], true);
    const settled = await fullGraphSnapshot(db);
    const held = settled.find((l) => l.startsWith("(orcid:0000-0002-1825-0097)-[:AUTHORED") && l.endsWith("->(10.5555/settled.2)"));
    assert.match(held ?? "", /"named":true/, "the fixture settles the name-only mention on the keyed author");
    assert.ok(!settled.some((l) => l.includes('"id":"name:ann lee"')), "name:ann lee was settled away");
    const version = (await readGraphVersion(db)).snapshotId;

    const again = await importOnline([FIRST], true);
    const writes = again.files[0].writes;
    assert.equal(writes.authorsCreated, 0, "no name-only author recreated");
    assert.equal(writes.authorshipsCreated, 0);
    assert.equal(again.files[0].mentionsReattached, 0);
    assert.equal((await readGraphVersion(db)).snapshotId, version, "the same records again: the same snapshot id");
    assert.deepEqual(graphOnly(await fullGraphSnapshot(db)), graphOnly(settled));

    // In one batch with the keyed author's own record (the default batch size), which is already in the graph.
    const whole = await importOnline([FIRST], true, 1000);
    assert.equal(whole.files[0].writes.authorsCreated, 0);
    assert.equal((await readGraphVersion(db)).snapshotId, version);

    // Written as before this rule, the same re-import gives the same graph under a new version.
    await importOnline([FIRST], false);
    assert.notEqual((await readGraphVersion(db)).snapshotId, version);
    assert.deepEqual(graphOnly(await fullGraphSnapshot(db)), graphOnly(settled));
  });

  it("skips a settled mention spelt otherwise than the author it is settled on", async () => {
    await clearGraph(db);
    await importOnline([SPELT], true, 1000);
    const settled = await fullGraphSnapshot(db);
    const held = settled.find((l) => l.startsWith("(orcid:0000-0002-1825-0097)-[:AUTHORED") && l.endsWith("->(10.5555/spelt.2)"));
    assert.match(held ?? "", /"named":true/);
    const version = (await readGraphVersion(db)).snapshotId;
    const again = await importOnline([SPELT], true, 1000);
    assert.equal(again.files[0].writes.authorsCreated, 0);
    assert.equal((await readGraphVersion(db)).snapshotId, version);
    assert.deepEqual(graphOnly(await fullGraphSnapshot(db)), graphOnly(settled));
  });

  it("gives the graph that writing every mention gives, when the key becomes ambiguous later in the file", async () => {
    await clearGraph(db);
    await importOnline([FIRST], false);
    const reference = await importOnline([SECOND], false);
    const everyMention = graphOnly(await fullGraphSnapshot(db));
    // The ambiguous key keeps its name-only author, spelt every way the file spelt it (the skipped spelling too).
    const nameOnly = everyMention.find((l) => l.includes('"id":"name:ann lee"'));
    assert.ok(nameOnly?.includes('"aliases":["Ann Lee"]') && nameOnly.includes('"name":"Ann Lée"'), nameOnly);

    await clearGraph(db);
    await importOnline([FIRST], true);
    const skipping = await importOnline([SECOND], true);
    assert.deepEqual(graphOnly(await fullGraphSnapshot(db)), everyMention);
    // The next batch writes "name:ann lee" ("Ann Lée"), so the skipped authorship is written then, before it.
    assert.equal(skipping.files[0].writes.authorshipsCreated, reference.files[0].writes.authorshipsCreated);

    // import --bulk's in-memory twin skips the same mention and builds the same graph, runs' counts included.
    await clearGraph(db);
    await importOnline([FIRST, SECOND], true);
    assert.deepEqual(await bulkCsvGraph([FIRST, SECOND], { batchSize: 1 }), await fullGraphSnapshot(db));
  });

  it("keeps a skipped authorship's position when the file lists its paper again with the name elsewhere", async () => {
    await clearGraph(db);
    await importOnline([FIRST, THIRD], false);
    const everyMention = graphOnly(await fullGraphSnapshot(db));
    const kept = everyMention.find((l) => l.startsWith("(name:ann lee)-[:AUTHORED") && l.endsWith("->(10.5555/settled.2)"));
    assert.match(kept ?? "", /"position":1/, "the first listing's position");
    await clearGraph(db);
    await importOnline([FIRST, THIRD], true);
    assert.deepEqual(graphOnly(await fullGraphSnapshot(db)), everyMention);
    await clearGraph(db);
    await importOnline([FIRST, THIRD], true);
    assert.deepEqual(await bulkCsvGraph([FIRST, THIRD], { batchSize: 1 }), await fullGraphSnapshot(db));
  });
});
