import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { homeNeo4j } from "../../bench/lib/serve-process";
import { isProcessAlive } from "../../src/db/local/process-probe";
import { WAYS } from "../../bench/query-result";
import { runScalePipeline, ScaleResult } from "../../bench/scale.bench";
import { localNeo4jUnavailable } from "../integration/local-neo4j-helpers";

/*
 * `npm run bench:scale` at a small size (issue 13: "a small size of the same run … in npm test, so the path cannot
 * rot"): the same pipeline, generator to query benchmark, with outcomes asserted and no timing. 5,000 records and a
 * month of 1,000 take about five minutes on two busy cores, most of it the query benchmark's warm-up, which asks
 * every input of every query once of each of the four ways.
 */

const dir = mkdtempSync(path.join(os.tmpdir(), "cg-scale-pipeline-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("bench:scale at 5,000 records: bulk load, month 1 online, exact pairs, four ways that agree", { timeout: 30 * 60_000 }, async (t) => {
  const unavailable = localNeo4jUnavailable();
  if (unavailable) return t.skip(unavailable);
  const lines: string[] = [];
  const result: ScaleResult = await runScalePipeline({
    records: 5_000,
    seed: 1,
    monthRecords: 1_000,
    dir,
    budgetMs: 50,
    pairsPerDistance: 1,
    stages: ["query", "month", "pairs"],
    pairCheck: "auto",
    pairSampleStep: 100,
    // Kept so the test can see that the Neo4j it started is gone; removed with `dir`.
    keepHome: true,
    env: { ...process.env, COAUTHOR_GRAPH_NEO4J_HEAP: "512m", COAUTHOR_GRAPH_NEO4J_PAGECACHE: "128m" },
    log: (line) => lines.push(line),
  });

  const home = path.join(dir, "home-5k-s1");
  const state = homeNeo4j(home);
  assert.ok(!state?.pid || !isProcessAlive(state.pid), `the pipeline's Neo4j (pid ${state?.pid}) was stopped`);

  // The bulk graph against what the generator says it wrote: one paper per record but `proceedings` (skipped by
  // design), one author per person page (dblp has a page for every person on a byline).
  assert.ok(result.base && result.month && result.monthImport?.pairs && result.query, "every stage ran");
  const base = result.base.written;
  const bulk = result.bulk.graph.counts;
  for (const [name, value] of Object.entries(bulk)) assert.ok(value > 0, `bulk graph: ${name} is ${value}`);
  assert.equal(bulk.papers, base.publications - (base.byKind.proceedings ?? 0));
  assert.equal(bulk.authors, base.personPages);
  assert.ok(bulk.authored >= bulk.papers && bulk.coauthorPaperSum >= bulk.coauthorPairs);
  assert.ok(result.bulk.disk.storeBytes > 0 && (result.bulk.peakRssMiB ?? 0) > 0);
  assert.ok(Object.keys(result.bulk.stageSeconds ?? {}).length >= 2, `stage times parsed: ${JSON.stringify(result.bulk.stageSeconds)}`);

  // Month 1: a new graph version, new papers (at most one per new record) and new people's pages as new authors.
  const month = result.monthImport;
  assert.notEqual(month.after.snapshotId, month.before.snapshotId);
  const added = month.after.counts.papers - month.before.counts.papers;
  assert.ok(added > 0 && added <= result.month.written.publications, `month 1 added ${added} papers`);
  assert.equal(month.after.counts.authors, bulk.authors + result.month.written.personPages);
  const pairs = result.monthImport.pairs;
  assert.equal(pairs.scope, undefined, "a small graph's pairs are all recounted");
  assert.ok(pairs.exact, `pairs after month 1: ${JSON.stringify(pairs)}`);
  assert.equal(pairs.storedPairs, month.after.counts.coauthorPairs);

  // Every query, every way: answered without error and agreeing with the floor; paths at several distances.
  const rows = result.query.rows;
  assert.ok(rows.length >= 8);
  for (const row of rows) {
    for (const way of WAYS) {
      const cell = row.latency[way][1];
      assert.ok(cell.samples > 0 && cell.errors === 0, `${row.query} — ${row.group}, ${way}: ${JSON.stringify(cell)}`);
    }
    assert.deepEqual(row.mismatches, { oursVsFloor: 0, peerVsFloor: 0 }, `${row.query} — ${row.group}`);
  }
  const distances = rows.filter((r) => r.query.startsWith("collaborationPath") && r.group.startsWith("distance "));
  assert.ok(distances.length >= 4, `path groups: ${distances.map((r) => r.group).join(", ")}`);
  assert.ok((result.query.inputs.distancePairs?.length ?? 0) >= 6);
  assert.ok(!result.queriesBeforeMonth);

  // The same home again as a loaded home (how the 8M run starts from an earlier bulk load): no generate of the base
  // set and no bulk stage, month 1 again (every record is already there: updates only), and the pair check limited
  // to the month's authors and a sample, which must find the same pairs exact.
  const again = await runScalePipeline({
    records: 5_000,
    seed: 1,
    monthRecords: 1_000,
    dir,
    budgetMs: 50,
    pairsPerDistance: 1,
    loadedHome: home,
    stages: ["month", "pairs"],
    pairCheck: "month",
    pairSampleStep: 7,
    keepHome: false,
    env: { ...process.env, COAUTHOR_GRAPH_NEO4J_HEAP: "512m", COAUTHOR_GRAPH_NEO4J_PAGECACHE: "128m" },
    log: (line) => lines.push(line),
  });
  assert.ok(existsSync(home), "a loaded home is never removed");
  assert.equal(again.query, undefined);
  assert.equal(again.stageSeconds.bulk, 0);
  assert.equal(again.base?.reused, true, "the base set's summary is read, not generated again");
  assert.deepEqual(again.bulk.graph.counts, month.after.counts);
  const scoped = again.monthImport?.pairs;
  assert.ok(scoped?.scope && scoped.scope.monthAuthors > 0 && scoped.scope.sampledAuthors > 0, JSON.stringify(scoped));
  assert.ok(scoped.exact && scoped.storedPairs > 0 && scoped.storedPairs < pairs.storedPairs, JSON.stringify(scoped));
  assert.deepEqual(again.monthImport?.after.counts, month.after.counts, "month 1 a second time changes no count");
});
