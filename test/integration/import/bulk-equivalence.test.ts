import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateDblp } from "../../../bench/lib/dblp-model";
import { after, before, describe, it } from "node:test";
import { bulkImport, BulkImportRefused } from "../../../import/bulk/bulk-import";
import { importFiles, ImportSummary } from "../../../import/import-runner";
import { Database } from "../../../src/db/database";
import { homeLayout } from "../../../src/db/local/home-layout";
import { provideNeo4j } from "../../../src/db/neo4j-provider";
import { fromRoot } from "../../../src/util/project-root";
import { fullGraphSnapshot } from "../../support/graph-checks";
import { clearGraph, testDatabase } from "../../support/neo4j";
import { localConfig, localEnv, localNeo4jUnavailable, removeHome, tempHome } from "../local-neo4j-helpers";
import { budgetFillingAt, bulkCsvGraph, bulkSnapshot } from "./bulk-snapshots";

const fixture = (...p: string[]) => fromRoot("test", "fixtures", ...p);

/** Every format, the identity edge cases (homonyms, name-only mentions, a namesake arriving later, DOI-less twins), and files with rejected records. */
const FILES = [
  fixture("acl-author-page", "acl-author-page-wei-xiong.txt"),
  fixture("acl-xml", "2024.findings-excerpt.xml"),
  fixture("acl-xml", "variants.xml"),
  fixture("acl-xml", "bad-year.xml"),
  fixture("dblp-xml", "dblp-head.xml"),
  fixture("dblp-xml", "record-kinds.xml"),
  fixture("bibtex", "nlp-project-anthology.bib"),
  fixture("bibtex", "bad-entries.bib"),
  fixture("csl-json", "ml-anthology-slice.csl.jsonl.gz"),
  fixture("csl-json", "colt-uai-alt-abstracts-slice.csl.json"),
  fixture("csl-json", "particles.csl.json"),
  fixture("csl-json", "bad-lines.jsonl"),
  fixture("identity", "dblp-homonyms.xml"),
  fixture("identity", "name-only.bib"),
  fixture("identity", "no-doi.csl.jsonl"),
  fixture("identity", "namesake.xml"),
];

const skip = localNeo4jUnavailable();

async function onlineImport(db: Database, files: string[], batchSize?: number): Promise<{ snapshot: string[]; summary: ImportSummary }> {
  await clearGraph(db);
  const summary = await importFiles(db, files, { batchSize });
  assert.equal(summary.ok, true, summary.files.map((f) => f.error).join("\n"));
  return { snapshot: await fullGraphSnapshot(db), summary };
}

/** What each file's summary says was read and rejected (with where and why): the same on both paths. */
function readAndRejected(summary: ImportSummary) {
  return summary.files.map((f) => ({ file: f.file, read: f.read, rejected: f.rejected, rejections: f.rejections }));
}

describe("import --bulk", { skip }, () => {
  let db: Database;
  before(async () => {
    db = await testDatabase();
  });
  after(async () => db?.close());

  it("builds exactly the graph the online import builds from the same files, in the same order", async () => {
    const { snapshot: online, summary } = await onlineImport(db, FILES);
    const bulk = await bulkSnapshot(FILES);
    assert.deepEqual(bulk.problems, []);
    assert.deepEqual(bulk.snapshot, online);
    // Bulk reads each file once (no check pass before it): it still counts and reports every rejection.
    assert.deepEqual(readAndRejected(bulk.result.summary), readAndRejected(summary));
    assert.ok(summary.files.reduce((n, f) => n + f.rejected, 0) > 0, "files with rejected records are among them");
    assert.ok(online.length > 1000, `a graph worth comparing (${online.length} lines)`);
    assert.deepEqual(await bulkCsvGraph(FILES), bulk.snapshot, "reading the CSVs gives the graph neo4j-admin loads from them");
    assert.equal(bulk.result.summary.files.length, FILES.length);
    assert.ok(bulk.result.csv!.rows.coauthorPairs > 0);
  });

  it("matches the online import across batch boundaries too (small batches, reversed order)", async () => {
    const files = [...FILES].reverse();
    const { snapshot: online } = await onlineImport(db, files, 3);
    const bulk = await bulkSnapshot(files, 3);
    assert.deepEqual(bulk.problems, []);
    assert.deepEqual(bulk.snapshot, online);
    assert.deepEqual(
      await bulkCsvGraph(files, { batchSize: 3 }),
      bulk.snapshot,
      "reading the CSVs gives the graph neo4j-admin loads from them",
    );
  });

  it("hands what does not fit in memory to the online import: the same graph, every file's records read and rejected once", async () => {
    const { snapshot: online, summary } = await onlineImport(db, FILES, 5);
    const withoutRuns = (lines: string[]) => lines.filter((line) => !line.startsWith("(:ImportRun "));
    // Filled mid-way through the dblp head (the fifth file; the bulk part's batches are 5 records), and with the last
    // batch of the first file (its 5 records): that file is whole, and the online part begins with the second.
    const before = summary.files.slice(0, 4).reduce((n, f) => n + f.read - f.rejected, 0);
    for (const [fillsAt, filesBulkLoaded, records] of [
      [before + 12, 4, 15],
      [5, 1, 0],
    ]) {
      const split = await bulkSnapshot(FILES, 5, budgetFillingAt(fillsAt));
      const handOff = split.result.handOff!;
      assert.ok(handOff, `filled at ${fillsAt}`);
      assert.equal(handOff.records, records, "whole batches: the one that filled it is in");
      assert.equal(handOff.paths.length, FILES.length - filesBulkLoaded);
      assert.deepEqual(split.problems, []);
      assert.deepEqual(withoutRuns(split.snapshot), withoutRuns(online));
      assert.deepEqual(readAndRejected(split.summary), readAndRejected(summary));
      // Each record written once: the online part skipped exactly the records the bulk part loaded (written twice,
      // they would leave the same graph, re-importing being idempotent, but not these counts).
      assert.deepEqual(
        split.summary.files.map((f) => [f.writes.authorshipsWritten, f.writes.papersCreated + f.writes.papersUpdated]),
        summary.files.map((f) => [f.writes.authorshipsWritten, f.writes.papersCreated + f.writes.papersUpdated]),
      );
      const runs = split.snapshot.filter((line) => line.startsWith("(:ImportRun ") && line.includes('"status":"completed"'));
      const joined = split.summary.files[filesBulkLoaded];
      if (records === 0) {
        assert.equal(joined.bulkPart, undefined, "no file was split");
        assert.equal(runs.length, FILES.length, runs.join("\n"));
        continue;
      }
      assert.equal(joined.bulkPart?.records, records);
      assert.equal(joined.status, "imported");
      // Two completed runs for the split file, one for each other, each saying which records it wrote.
      assert.equal(runs.length, FILES.length + 1, runs.join("\n"));
      assert.equal(runs.filter((line) => line.includes(`handedOffAfter\\":${records}`)).length, 1, runs.join("\n"));
      assert.equal(runs.filter((line) => line.includes(`skippedRecords\\":${records}`)).length, 1, runs.join("\n"));
    }
  });

  it("settles the file split by the budget once, at its end, as the online import settles it whole", async () => {
    // Split after the second record: a name-only mention met before it, the keyed authors and a namesake that decide
    // where it belongs after it, and the first paper again with its keyed author at another byline position. Names
    // settled at the split gave the name-only author the keyed one's spelling and the moved mention its position.
    const files = [fixture("identity", "split-settlement.csl.jsonl")];
    const { snapshot: online } = await onlineImport(db, files, 1);
    const split = await bulkSnapshot(files, 1, budgetFillingAt(2));
    assert.equal(split.result.handOff?.records, 2);
    assert.deepEqual(split.problems, []);
    const withoutRuns = (lines: string[]) => lines.filter((line) => !line.startsWith("(:ImportRun "));
    assert.deepEqual(withoutRuns(split.snapshot), withoutRuns(online));
    assert.ok(
      online.some((line) => line.includes('"id":"name:veronique hoste"') && line.includes('"name":"Veronique Hoste"')),
      "the name-only author keeps the spelling of its own mention",
    );
  });

  it("matches the online import on a generated dblp slice and its first month (changed records merged into known papers)", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bulk-generated-"));
    try {
      // dblp's XML is ISO-8859-1, as the generator writes it; the month updates some of the base set's records.
      const files = [0, 1].map((month) => {
        const file = path.join(dir, `dblp-2000-s5-m${month}.xml`);
        writeFileSync(file, [...generateDblp({ records: 2_000, seed: 5, month, monthRecords: 400 })].join(""), "latin1");
        return file;
      });
      const { snapshot: online, summary } = await onlineImport(db, files);
      assert.ok(summary.files[1].writes.papersUpdated > 0, `the month changes known papers: ${JSON.stringify(summary.files[1].writes)}`);
      assert.ok(online.length > 10_000, `a graph worth comparing (${online.length} lines)`);
      assert.deepEqual(await bulkCsvGraph(files), online);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("writes nothing when one file cannot be parsed, loads an existing empty store, and refuses one that is running or not empty", async () => {
    const home = tempHome("bulk-refusals");
    const env = localEnv(home);
    try {
      const refused = await bulkImport({
        config: localConfig(env),
        env,
        paths: [FILES[0], fixture("identity", "truncated.xml")],
        options: {},
        log: () => undefined,
      });
      assert.equal(refused.written, false);
      assert.match(refused.summary.files[1].error ?? "", /truncated\.xml/);
      assert.equal(existsSync(path.join(homeLayout(home).dataDir, "databases", "neo4j")), false, "no store was created");
      // Nor when the graph fills before the broken file: what is handed on is parsed before anything is loaded.
      const filled = await bulkImport({
        config: localConfig(env),
        env,
        paths: [FILES[0], fixture("identity", "truncated.xml")],
        options: {},
        log: () => undefined,
        budget: budgetFillingAt(1),
      });
      assert.equal(filled.written, false);
      assert.equal(filled.handOff, undefined);
      assert.deepEqual(
        filled.summary.files.map((f) => [path.basename(f.file), f.status]),
        [
          ["acl-author-page-wei-xiong.txt", "imported"],
          ["truncated.xml", "failed"],
        ],
      );
      assert.match(filled.summary.files[1].error ?? "", /truncated\.xml.*cannot be parsed/);
      assert.equal(existsSync(path.join(homeLayout(home).dataDir, "databases", "neo4j")), false, "no store was created");

      // A store that exists but holds nothing (Neo4j was started once) is empty enough.
      await (await provideNeo4j({ config: localConfig(env), env, mode: "owner" })).stop();
      assert.equal(existsSync(path.join(homeLayout(home).dataDir, "databases", "neo4j")), true);
      const loaded = await bulkImport({ config: localConfig(env), env, paths: [FILES[0]], options: {}, log: () => undefined });
      assert.equal(loaded.written, true);
      const neo4j = await provideNeo4j({ config: localConfig(env), env, mode: "owner" });
      try {
        await assert.rejects(
          bulkImport({ config: localConfig(env), env, paths: [FILES[0]], options: {}, log: () => undefined }),
          (error: Error) => error instanceof BulkImportRefused && /is running/.test(error.message) && /db stop/.test(error.message),
        );
      } finally {
        await neo4j.stop();
      }
      await assert.rejects(
        bulkImport({ config: localConfig(env), env, paths: [FILES[0]], options: {}, log: () => undefined }),
        (error: Error) => error instanceof BulkImportRefused && /already holds \d+ nodes/.test(error.message),
      );
    } finally {
      removeHome(home);
    }
  });

  it("refuses a Neo4j at NEO4J_URI, whose store it cannot write", async () => {
    const env: NodeJS.ProcessEnv = { ...localEnv(tempHome("bulk-uri")), NEO4J_URI: "bolt://example.invalid:7687" };
    try {
      await assert.rejects(
        bulkImport({ config: localConfig(env), env, paths: [FILES[0]], options: {}, log: () => undefined }),
        (error: Error) => error instanceof BulkImportRefused && /NEO4J_URI/.test(error.message) && /without --bulk/.test(error.message),
      );
    } finally {
      removeHome(env.COAUTHOR_GRAPH_HOME!);
    }
  });
});
