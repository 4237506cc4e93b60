import assert from "node:assert/strict";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { importFiles } from "../../../import/import-runner";
import type { Database } from "../../../src/db/database";
import { readGraphVersion } from "../../../src/db/graph-version";
import { refreshGraphFigures } from "../../../src/figures/figures.compute";
import { SLOT_INDEXES } from "../../../src/figures/figures.cypher";
import { beginFigures, dropSlotIndexes, rebuildSlotIndexes, writeAuthorFigures } from "../../../src/figures/figures.store";
import { fromRoot } from "../../../src/util/project-root";
import { createTestApi, TestApi } from "../../support/graphql";
import { clearGraph, testDatabase } from "../../support/neo4j";
import { networkxFigures, spearman, topOverlap } from "../../support/networkx-figures";

const SLICE = fromRoot("test", "fixtures", "csl-json", "ml-anthology-slice.csl.jsonl");
const MORE = fromRoot("test", "fixtures", "csl-json", "colt-uai-alt-abstracts-slice.csl.json");
/** PageRank: relative, because ties weigh as Float32 in our arrays (about 6e-8 relative per weight). */
const PAGERANK_TOLERANCE = 1e-6;
const BETWEENNESS_TOLERANCE = 1e-9;

/**
 * The oracle reads the graph from the AUTHORED edges (not from COAUTHORED_WITH's entries the figures read) and hands
 * it to networkx: the ties, each weighted Σ_p 1/(n_p − 1) over its joint papers.
 */
const AUTHORS = `MATCH (a:Author) RETURN a.id AS id ORDER BY id`;
const TIES = `
MATCH (a:Author)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(b:Author)
WHERE a.id < b.id
WITH a, b, p, COUNT { (p)<-[:AUTHORED]-() } AS n
RETURN a.id AS a, b.id AS b, sum(1.0 / (n - 1)) AS w`;
const STORED = `
MATCH (f:GraphFigures {current: true})
MATCH (a:Author)
RETURN a.id AS id,
  CASE f.slot WHEN 'A' THEN a.pageRankA ELSE a.pageRankB END AS pageRank,
  CASE f.slot WHEN 'A' THEN a.betweennessA ELSE a.betweennessB END AS betweenness`;

async function reference(db: Database, betweenness: boolean) {
  const ids = (await db.read(AUTHORS)).map((r) => r.get("id") as string);
  const index = new Map(ids.map((id, i) => [id, i]));
  const edges = (await db.read(TIES)).map(
    (r) => [index.get(r.get("a") as string)!, index.get(r.get("b") as string)!, Number(r.get("w"))] as [number, number, number],
  );
  const file = path.join(os.tmpdir(), `coauthor-graph-figures-it-${process.pid}.json`);
  return { ids, index, ref: networkxFigures(ids.length, edges, { betweenness, file }) };
}

async function stored(db: Database, index: Map<string, number>) {
  const pr = new Float64Array(index.size);
  const bc = new Float64Array(index.size);
  for (const r of await db.read(STORED)) {
    const i = index.get(r.get("id") as string)!;
    pr[i] = Number(r.get("pageRank"));
    bc[i] = Number(r.get("betweenness"));
  }
  return { pr, bc };
}

const FIGURES_QUERY = `{ graphFigures { snapshotId authors ties components giantComponentSize giantComponentShare isolatedAuthors
  figures { figuresSnapshotId graphSnapshotId stale computedAt }
  degreeDistribution { degree authors } teamSizeDistribution { authors papers } componentSizes { size components }
  explain { method parameters notes snapshotId } } }`;

describe("whole-graph figures on the real Neo4j", { timeout: 900_000 }, () => {
  let db: Database;
  let api: TestApi;
  let exactBetweenness: number[] = [];

  before(async () => {
    db = await testDatabase();
    api = await createTestApi(db);
    await clearGraph(db);
    assert.equal((await importFiles(db, [SLICE])).ok, true);
  });
  after(async () => {
    await api?.stop();
    await db?.close();
  });

  it("components, giant share, PageRank and exact betweenness agree with networkx", async () => {
    const outcome = await refreshGraphFigures(db, { pivots: 1_000_000 });
    assert.equal(outcome.status, "computed");
    const { ids, index, ref } = await reference(db, true);
    exactBetweenness = ref.betweenness!;
    const { graphFigures: f } = await api.data(FIGURES_QUERY);
    assert.equal(f.authors, ids.length);
    // The ties are derived from the bylines; the importer's own COAUTHORED_WITH entries must be the same number.
    assert.equal(f.ties, Number((await db.read("MATCH ()-[r:COAUTHORED_WITH]->() RETURN count(r) AS n"))[0].get("n")));
    assert.equal(f.components, ref.componentSizes.length);
    assert.equal(f.giantComponentSize, ref.componentSizes[0]);
    assert.equal(f.giantComponentShare, ref.componentSizes[0] / ids.length);
    assert.equal(f.figures.stale, false);
    assert.equal(f.snapshotId, (await readGraphVersion(db)).snapshotId);
    const sizes = new Map<number, number>();
    for (const s of ref.componentSizes) sizes.set(s, (sizes.get(s) ?? 0) + 1);
    assert.deepEqual(
      f.componentSizes,
      [...sizes.entries()].sort((a, b) => a[0] - b[0]).map(([size, components]) => ({ size, components })),
    );
    assert.equal(
      f.degreeDistribution.reduce((s: number, r: { authors: number }) => s + r.authors, 0),
      ids.length,
    );
    // Team sizes counted another way: the authors matched by label, not the papers' degrees the figures read.
    const teams = await db.read(
      `MATCH (p:Paper) OPTIONAL MATCH (a:Author)-[:AUTHORED]->(p) WITH p, count(DISTINCT a) AS n RETURN n, count(*) AS papers ORDER BY n`,
    );
    assert.deepEqual(
      f.teamSizeDistribution,
      teams.map((r) => ({ authors: Number(r.get("n")), papers: Number(r.get("papers")) })),
    );
    const betweennessExplain = f.explain.find((e: { method: string }) => e.method === "betweenness");
    assert.equal(betweennessExplain.parameters.exact, true);

    const ours = await stored(db, index);
    let prWorst = 0;
    let bcWorst = 0;
    for (let i = 0; i < ids.length; i++) {
      prWorst = Math.max(prWorst, Math.abs(ours.pr[i] - ref.pagerank[i]) / ref.pagerank[i]);
      bcWorst = Math.max(bcWorst, Math.abs(ours.bc[i] - ref.betweenness![i]));
    }
    console.log(
      `${ids.length} authors, ${f.ties} ties, ${f.components} components, giant ${f.giantComponentSize} (${(100 * f.giantComponentShare).toFixed(1)}%); ` +
        `PageRank max relative difference ${prWorst.toExponential(1)}, exact betweenness max difference ${bcWorst.toExponential(1)}`,
    );
    assert.ok(prWorst < PAGERANK_TOLERANCE, `PageRank differs by ${prWorst} (relative)`);
    assert.ok(bcWorst < BETWEENNESS_TOLERANCE, `betweenness differs by ${bcWorst}`);
  });

  it("sampled betweenness ranks authors like networkx's exact values, and says how it was sampled", async () => {
    const outcome = await refreshGraphFigures(db, { pivots: 100, seed: 3, force: true });
    assert.equal(outcome.status, "computed");
    const { index } = await reference(db, false);
    const ours = await stored(db, index);
    const rho = spearman(ours.bc, exactBetweenness);
    const top10 = topOverlap(ours.bc, exactBetweenness, 10);
    console.log(`sampled (100 pivots, seed 3) vs exact betweenness: Spearman ${rho.toFixed(3)}, top-10 overlap ${top10}/10`);
    assert.ok(rho >= 0.8, `Spearman ${rho}`);
    assert.ok(top10 >= 6, `top-10 overlap ${top10}`);
    const { graphFigures: f } = await api.data(FIGURES_QUERY);
    const b = f.explain.find((e: { method: string }) => e.method === "betweenness");
    assert.equal(b.parameters.pivots, 100);
    assert.equal(b.parameters.seed, 3);
    assert.match(b.notes.join(" "), /Sampled: 100 pivots .* seed 3\. Hoeffding/);
  });

  it("authors(orderBy: PAGERANK) pages through every author by PageRank, then id", async () => {
    const { index } = await reference(db, false);
    const ours = await stored(db, index);
    const ids = [...index.keys()];
    const expected = ids
      .map((id) => ({ id, v: ours.pr[index.get(id)!] }))
      .sort((a, b) => b.v - a.v || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, 10)
      .map((r) => r.id);
    const q = `query($after: String) { authors(orderBy: PAGERANK, first: 5, after: $after) { totalCount figures { stale }
      pageInfo { endCursor hasNextPage } edges { node { id figures { pageRank component } } } } }`;
    const one = (await api.data(q)).authors;
    const two = (await api.data(q, { after: one.pageInfo.endCursor })).authors;
    assert.equal(one.totalCount, ids.length);
    assert.equal(one.figures.stale, false);
    assert.deepEqual(
      [...one.edges, ...two.edges].map((e: { node: { id: string } }) => e.node.id),
      expected,
    );
    assert.equal(one.edges[0].node.figures.component, 0);
    // Each author's figures explain themselves with the computation's own parameters and snapshot.
    const [graph, own] = await Promise.all([
      api.data(`{ graphFigures { snapshotId explain { method parameters } } }`),
      api.data(`query($id: ID!) { author(id: $id) { figures { explain { method parameters snapshotId notes } } } }`, { id: expected[0] }),
    ]);
    const explained = own.author.figures.explain as Array<{
      method: string;
      parameters: Record<string, unknown>;
      snapshotId: string;
      notes: string[];
    }>;
    assert.deepEqual(
      explained.map((e) => e.method),
      ["pagerank", "betweenness"],
    );
    for (const e of explained) {
      assert.equal(e.snapshotId, graph.graphFigures.snapshotId);
      const whole = (graph.graphFigures.explain as Array<{ method: string; parameters: unknown }>).find((g) => g.method === e.method);
      assert.deepEqual(e.parameters, whole?.parameters, `${e.method}: the same parameters as the whole graph's figures`);
      assert.ok(e.notes.some((n) => n.startsWith("Evidence:")));
    }
    assert.equal(explained[0].parameters.alpha, 0.85);
    const bc = (
      await api.data(`{ authors(orderBy: BETWEENNESS, first: 3) { edges { node { figures { betweenness } } } } }`)
    ).authors.edges.map((e: { node: { figures: { betweenness: number } } }) => e.node.figures.betweenness);
    assert.deepEqual(
      bc,
      [...bc].sort((a, b) => b - a),
    );
    const refused = await api.run(`{ authors(first: 3) { totalCount } }`);
    assert.equal(refused.errors?.[0].extensions?.code, "BAD_USER_INPUT");
  });

  it("top authors at a venue in a year window is one query, ordered by the stored figure", async () => {
    const [top] = await db.read(
      `MATCH (v:Venue)<-[:PUBLISHED_IN]-(p:Paper) WHERE p.year IS NOT NULL RETURN v.id AS id, min(p.year) AS lo, max(p.year) AS hi, count(p) AS n ORDER BY n DESC LIMIT 1`,
    );
    const venueId = top.get("id") as string;
    const yearFrom = Number(top.get("lo"));
    const yearTo = Number(top.get("hi"));
    const oracle = await db.read(
      `MATCH (f:GraphFigures {current: true})
       MATCH (v:Venue {id: $venueId})<-[:PUBLISHED_IN]-(p:Paper)<-[:AUTHORED]-(a:Author)
       WHERE p.year >= $yearFrom AND p.year <= $yearTo
       WITH f, a, count(DISTINCT p) AS papers
       RETURN a.id AS id, papers, CASE f.slot WHEN 'A' THEN a.pageRankA ELSE a.pageRankB END AS pr`,
      { venueId, yearFrom, yearTo },
    );
    const expected = oracle
      .map((r) => ({ id: r.get("id") as string, papers: Number(r.get("papers")), pr: Number(r.get("pr")) }))
      .sort((a, b) => b.pr - a.pr || b.papers - a.papers || (a.id < b.id ? -1 : 1))
      .slice(0, 5);
    const { venue } = await api.data(
      `query($id: ID!, $from: Int, $to: Int) { venue(id: $id) { topAuthors(yearFrom: $from, yearTo: $to, orderBy: PAGERANK, first: 5) {
        figures { stale } authors { author { id } papers pageRank } explain { method parameters } } } }`,
      { id: venueId, from: yearFrom, to: yearTo },
    );
    assert.deepEqual(
      venue.topAuthors.authors.map((a: { author: { id: string }; papers: number }) => ({ id: a.author.id, papers: a.papers })),
      expected.map((e) => ({ id: e.id, papers: e.papers })),
    );
    assert.equal(venue.topAuthors.figures.stale, false);
    assert.deepEqual(
      venue.topAuthors.explain.map((e: { method: string }) => e.method),
      ["venueTopAuthors", "pagerank", "betweenness"],
    );
  });

  it("a re-import that changes nothing keeps the figures; one that changes the graph makes them stale until recomputed", async () => {
    const before = (await api.data(FIGURES_QUERY)).graphFigures;
    assert.equal((await importFiles(db, [SLICE])).ok, true);
    assert.equal((await refreshGraphFigures(db)).status, "up-to-date");
    const same = (await api.data(FIGURES_QUERY)).graphFigures;
    assert.equal(same.figures.computedAt, before.figures.computedAt);
    assert.equal(same.snapshotId, before.snapshotId);

    assert.equal((await importFiles(db, [MORE])).ok, true);
    const now = (await readGraphVersion(db)).snapshotId;
    assert.notEqual(now, before.snapshotId);
    const stale = (await api.data(FIGURES_QUERY)).graphFigures;
    assert.deepEqual(
      {
        stale: stale.figures.stale,
        figures: stale.figures.figuresSnapshotId,
        graph: stale.figures.graphSnapshotId,
        authors: stale.authors,
      },
      { stale: true, figures: before.snapshotId, graph: now, authors: before.authors },
    );
    assert.match(stale.explain[0].notes.join(" "), /^Stale/);
    const ranked = (await api.data(`{ authors(orderBy: PAGERANK, first: 1) { figures { stale figuresSnapshotId } } }`)).authors;
    assert.deepEqual(ranked.figures, { stale: true, figuresSnapshotId: before.snapshotId });

    assert.equal((await refreshGraphFigures(db)).status, "computed");
    const fresh = (await api.data(FIGURES_QUERY)).graphFigures;
    assert.equal(fresh.figures.stale, false);
    assert.equal(fresh.snapshotId, now);
    assert.equal(fresh.authors, Number((await db.read("MATCH (a:Author) RETURN count(a) AS n"))[0].get("n")));
    assert.ok(fresh.authors > before.authors);
  });

  it("a computation that stops half-way leaves the previous figures current and whole", async () => {
    const before = (await api.data(FIGURES_QUERY)).graphFigures;
    const top = async () =>
      (await api.data(`{ authors(orderBy: PAGERANK, first: 5) { edges { node { id figures { pageRank } } } } }`)).authors.edges;
    const topBefore = await top();
    const [{ slot }] = (await db.read("MATCH (f:GraphFigures {current: true}) RETURN f.slot AS slot")).map(
      (r) => r.toObject() as { slot: "A" | "B" },
    );
    const other = slot === "A" ? "B" : "A";
    const [first] = await db.read("MATCH (a:Author) RETURN id(a) AS node LIMIT 1");
    // As a crash would leave it: the other slot claimed and partly written, never committed.
    await beginFigures(db, other, "crashed-snapshot");
    await writeAuthorFigures(
      db,
      other,
      () => [[Number(first.get("node")), 0.99, 0.99, 7]],
      1,
      () => undefined,
    );
    const after = (await api.data(FIGURES_QUERY)).graphFigures;
    assert.deepEqual(after, before);
    assert.deepEqual(await top(), topBefore);
    // The next computation claims that slot again and finishes.
    const outcome = await refreshGraphFigures(db, { force: true });
    assert.deepEqual({ status: outcome.status, slot: outcome.slot }, { status: "computed", slot: other });
    assert.deepEqual(await top(), topBefore);
  });

  it("a slot's indexes are dropped while it is written and online again before it is current, also after a crash between", async () => {
    const slotIndexes = async (names: readonly string[]) =>
      (await db.read(`SHOW INDEXES YIELD name, state WHERE name IN $names RETURN name, state ORDER BY name`, { names: [...names] })).map(
        (r) => `${r.get("name")} ${r.get("state")}`,
      );
    const [{ slot }] = (await db.read("MATCH (f:GraphFigures {current: true}) RETURN f.slot AS slot")).map(
      (r) => r.toObject() as { slot: "A" | "B" },
    );
    const other = slot === "A" ? "B" : "A";
    const names = [...SLOT_INDEXES[other]].sort();
    const q = `{ authors(orderBy: PAGERANK, first: 5) { edges { node { id figures { pageRank } } } } }`;
    const topBefore = (await api.data(q)).authors.edges;
    // As a crash right after the drop would leave it: the other slot claimed, its indexes gone.
    await beginFigures(db, other, "crashed-snapshot");
    await dropSlotIndexes(db, other);
    assert.deepEqual(await slotIndexes(names), []);
    assert.deepEqual((await api.data(q)).authors.edges, topBefore, "readers of the current slot need no index of the other");
    const sent: string[] = [];
    const stopObserving = db.observe((event) => sent.push(event.cypher));
    const outcome = await refreshGraphFigures(db, { force: true }).finally(stopObserving);
    assert.deepEqual({ status: outcome.status, slot: outcome.slot }, { status: "computed", slot: other });
    assert.ok((outcome.phases?.indexes ?? -1) >= 0, "the indexes are rebuilt as a phase of their own");
    // In order: the slot's indexes dropped, its figures written, its indexes created and online, then it is current.
    const first = (pattern: RegExp) => sent.findIndex((cypher) => pattern.test(cypher));
    const last = (pattern: RegExp) => sent.length - 1 - [...sent].reverse().findIndex((cypher) => pattern.test(cypher));
    const dropped = Math.max(...names.map((name) => last(new RegExp(`DROP INDEX ${name} `))));
    const created = Math.min(...names.map((name) => first(new RegExp(`CREATE INDEX ${name} `))));
    const writes = [first(new RegExp(`SET a\\.pageRank${other} `)), last(new RegExp(`SET a\\.pageRank${other} `))];
    const online = last(/db\.awaitIndex\(/);
    const commit = first(/f\.status = 'complete'/);
    assert.ok(names.every((name) => first(new RegExp(`DROP INDEX ${name} `)) >= 0) && created >= 0, "both dropped and created");
    assert.ok(dropped < writes[0] && writes[1] < created, "dropped before the write, created after it");
    assert.ok(writes[1] < online && online < commit, "online before the slot is made current");
    assert.deepEqual(
      await slotIndexes(names),
      names.map((name) => `${name} ONLINE`),
    );
    // The rebuilt index answers the ordering: the same authors as the stored values sorted here.
    const { index } = await reference(db, false);
    const ours = await stored(db, index);
    const expected = [...index.keys()]
      .map((id) => ({ id, v: ours.pr[index.get(id)!] }))
      .sort((a, b) => b.v - a.v || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, 5)
      .map((r) => r.id);
    assert.deepEqual(
      (await api.data(q)).authors.edges.map((e: { node: { id: string } }) => e.node.id),
      expected,
    );
    // What a failed write does before it rethrows: the dropped indexes come back; and a rebuild finds them there.
    await dropSlotIndexes(db, slot);
    await rebuildSlotIndexes(db, slot);
    await rebuildSlotIndexes(db, slot);
    assert.deepEqual(
      await slotIndexes([...SLOT_INDEXES[slot]].sort()),
      [...SLOT_INDEXES[slot]].sort().map((name) => `${name} ONLINE`),
    );
  });

  it("says so, in the log and in every figure's explanation, when the stored ties drift from the bylines", async () => {
    const clean = (await api.data(FIGURES_QUERY)).graphFigures;
    assert.ok(clean.explain.every((e: { notes: string[] }) => !e.notes.some((n) => n.startsWith("Check failed"))));
    // Drift as a broken import would leave it: one stored tie gone, the papers' authorships untouched.
    await db.write("MATCH ()-[r:COAUTHORED_WITH]->() WITH r LIMIT 1 DELETE r");
    const logs: string[] = [];
    const outcome = await refreshGraphFigures(db, { force: true, log: (m) => logs.push(m) });
    assert.equal(outcome.status, "computed");
    const f = (await api.data(FIGURES_QUERY)).graphFigures;
    assert.equal(f.ties, clean.ties, "the figures follow the bylines");
    const done = logs.find((m) => m.startsWith("Figures of snapshot "));
    const peak = Number(/peak memory of this process (\d+) MiB\.$/.exec(done ?? "")?.[1]);
    assert.ok(peak > 0 && (peak - 1) * 2 ** 20 <= process.resourceUsage().maxRSS * 1024, `${done}`);
    const warning = logs.find((m) => m.startsWith("Warning: the papers' bylines give"));
    assert.ok(warning?.includes(`give ${clean.ties} coauthor ties, but the graph stores ${clean.ties - 1}`), warning);
    for (const e of f.explain as Array<{ method: string; notes: string[] }>)
      assert.ok(
        e.notes.some((n) =>
          n.startsWith(`Check failed: the papers' bylines gave ${clean.ties} coauthor ties, the graph stored ${clean.ties - 1}`),
        ),
        `${e.method}: ${e.notes.join(" | ")}`,
      );
  });
});
