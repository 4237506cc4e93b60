import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { importFiles } from "../../../import/import-runner";
import { Database } from "../../../src/db/database";
import { readGraphVersion } from "../../../src/db/graph-version";
import { MEMBER_VENUE_PAPERS } from "../../../src/analysis/analysis.cypher";
import { ANALYSIS_ALGORITHM_VERSION } from "../../../src/analysis/analysis.service";
import { hopSearchThread } from "../../../src/analysis/hop-search-thread";
import { fromRoot } from "../../../src/util/project-root";
import { TOLERANCE } from "../../support/agreement";
import { createTestApi, TestApi } from "../../support/graphql";
import { clearGraph, testDatabase } from "../../support/neo4j";
import { networkxMetrics } from "../../support/networkx-metrics";

const SLICE = fromRoot("test", "fixtures", "csl-json", "ml-anthology-slice.csl.jsonl");
const METRICS = ["degree", "weightedDegree", "betweenness", "closeness", "pagerank", "clustering", "constraint", "effectiveSize"] as const;
const ANALYSIS = `analysis(resolution: $resolution, seed: $seed) {
  modularity resolution seed snapshotId
  authors { author { id } ${METRICS.join(" ")} community strongestTies { author { id } weight } }
  communities { id size internalWeight externalWeight topAuthors(first: 3) { author { id } internalWeight }
    topVenues { venue { id } papers } strongestTies { source { id } target { id } weight }
    explain { method formula parameters snapshotId notes } }
  explain { method implementation formula parameters snapshotId notes } }`;
const EGO = `query($id: ID!, $strength: TieStrength, $max: Int, $resolution: Float, $seed: Float) {
  coauthorNetwork(authorId: $id, depth: 2, maxNodes: 500, strength: $strength, maxAuthorsPerPaper: $max) {
    nodes { author { id } } edges { source target weight } ${ANALYSIS} } }`;
/**
 * The communities' top venues counted by Cypher over each community's members: an independent reference for the
 * counting the API does in JavaScript from one read of the members' venues (community-venues.ts).
 */
const REFERENCE_COMMUNITY_VENUES = `
UNWIND $groups AS g
UNWIND g.members AS id
MATCH (:Author {id: id})-[:AUTHORED]->(p:Paper)-[:PUBLISHED_IN]->(v:Venue)
WITH g.community AS community, v, count(DISTINCT p) AS papers
ORDER BY community, papers DESC, v.name ASC, v.id ASC
WITH community, collect({id: v.id, papers: papers})[..5] AS venues
RETURN community, venues`;
const SET = `query($ids: [ID!]!, $strength: TieStrength, $resolution: Float, $seed: Float) {
  authorSetNetwork(memberIds: $ids, strength: $strength) { nodes { author { id } distance } edges { source target jointPapers weight } ${ANALYSIS} } }`;

/** The API's figures for a network against networkx's on the same nodes and weighted edges. */
function compareWithNetworkx(network: any, label: string): Record<string, number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cg-nx-api-"));
  try {
    const file = path.join(dir, "network.json");
    const a = network.analysis;
    writeFileSync(
      file,
      JSON.stringify({
        nodes: network.nodes.map((n: any) => n.author.id),
        edges: network.edges,
        resolution: a.resolution,
        communities: Object.fromEntries(a.authors.map((m: any) => [m.author.id, m.community])),
      }),
    );
    const nx = networkxMetrics(file);
    const worst: Record<string, number> = {};
    for (const metric of METRICS) {
      worst[metric] = 0;
      for (const m of a.authors) {
        const theirs = (nx[metric] as Record<string, number | null>)[m.author.id];
        if (m[metric] === null || theirs === null) {
          assert.equal(m[metric], theirs, `${label}: ${metric} of ${m.author.id}`);
          continue;
        }
        const diff = Math.abs(m[metric] - theirs);
        worst[metric] = Math.max(worst[metric], diff);
        assert.ok(diff <= TOLERANCE[metric], `${label}: ${metric} of ${m.author.id} is ${m[metric]}, networkx ${theirs}`);
      }
    }
    worst.modularity = Math.abs(a.modularity - nx.ourModularity);
    assert.ok(worst.modularity <= 1e-9, `${label}: modularity ${a.modularity}, networkx of our partition ${nx.ourModularity}`);
    // The real networks: at least networkx's best of five runs (to rounding).
    assert.ok(
      a.modularity >= nx.referenceModularity - 1e-9,
      `${label}: modularity ${a.modularity} below networkx's best ${nx.referenceModularity}`,
    );
    console.log(
      `${label}: ${network.nodes.length} authors, ${network.edges.length} ties; max |diff| ${JSON.stringify(worst)}; Q ours ${a.modularity.toFixed(5)}, networkx best ${nx.referenceModularity.toFixed(5)}`,
    );
    return worst;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("network analysis (metrics, communities, explanations)", { timeout: 600_000 }, () => {
  let db: Database;
  let api: TestApi;
  let centre: string;
  before(async () => {
    db = await testDatabase();
    api = await createTestApi(db);
    await clearGraph(db);
    assert.equal((await importFiles(db, [SLICE])).ok, true);
    const [row] = await db.read("MATCH (a:Author {name: 'Wei Xiong'}) RETURN a.id AS id");
    centre = row.get("id") as string;
  });
  after(async () => {
    await api?.stop();
    await db?.close();
  });
  /** The communities' venue reads (MEMBER_VENUE_PAPERS) that Neo4j is sent from now until `stop()`. */
  const watchVenueReads = () => {
    const reads: string[] = [];
    const stop = db.observe((event) => {
      if (event.cypher === MEMBER_VENUE_PAPERS) reads.push(event.cypher);
    });
    return { reads, stop };
  };

  it("agrees with networkx on a real ego network, under full counting and Newman's weights", async () => {
    for (const strength of ["FULL", "NEWMAN", "ASSOCIATION_STRENGTH"]) {
      const data: any = await api.data(EGO, { id: centre, strength, resolution: 1, seed: 1 });
      assert.ok(data.coauthorNetwork.nodes.length > 20);
      compareWithNetworkx(data.coauthorNetwork, `ML slice, depth 2 around Wei Xiong, ${strength}`);
    }
  });

  it("analyses the network among a given set of authors, isolated members included", async () => {
    const ego: any = await api.data(EGO, { id: centre, strength: "FULL", resolution: 1, seed: 1 });
    const [row] = await db.read("MATCH (a:Author) WHERE NOT EXISTS { (a)-[:COAUTHORED_WITH]-() } RETURN a.id AS id LIMIT 1");
    const ids = [...ego.coauthorNetwork.nodes.slice(1, 25).map((n: any) => n.author.id), ...(row ? [row.get("id")] : [])];
    const data: any = await api.data(SET, { ids, strength: "FRACTIONAL", resolution: 1.5, seed: 3 });
    const net = data.authorSetNetwork;
    assert.deepEqual(
      net.nodes.map((n: any) => n.author.id),
      ids,
    );
    assert.ok(net.nodes.every((n: any) => n.distance === 0));
    compareWithNetworkx(net, "ML slice, 24 of Wei Xiong's network without him, FRACTIONAL, γ 1.5");
    const dup = await api.run(SET, { ids: [ids[0], ids[0]] });
    assert.equal(dup.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    const unknown = await api.run(SET, { ids: [ids[0], "name:nobody at all"] });
    assert.equal(unknown.errors?.[0]?.extensions?.code, "NOT_FOUND");
  });

  it("is deterministic for a seed, explains every figure and names the snapshot", async () => {
    const first: any = await api.data(EGO, { id: centre, strength: "NEWMAN", resolution: 1, seed: 42 });
    const again: any = await api.data(EGO, { id: centre, strength: "NEWMAN", resolution: 1, seed: 42 });
    assert.deepEqual(again, first, "the same network, resolution and seed give the same answer");
    const a = first.coauthorNetwork.analysis;
    const { snapshotId } = await readGraphVersion(db);
    assert.equal(a.snapshotId, snapshotId);
    assert.deepEqual(
      a.explain.map((e: any) => e.method),
      ["degree", "weightedDegree", "betweenness", "closeness", "pagerank", "clustering", "constraint", "effectiveSize", "louvain"],
    );
    for (const e of [...a.explain, ...a.communities.map((c: any) => c.explain)]) {
      assert.equal(e.snapshotId, snapshotId);
      assert.equal(e.parameters.strength, "NEWMAN");
      assert.equal(e.parameters.depth, 2);
      assert.equal(e.parameters.algorithmVersion, ANALYSIS_ALGORITHM_VERSION);
      assert.ok(e.formula.length > 40);
    }
    const louvain = a.explain.find((e: any) => e.method === "louvain");
    assert.equal(louvain.parameters.seed, 42);
    assert.equal(louvain.parameters.resolution, 1);
    assert.match(louvain.implementation, /^coauthor-graph \d+\.\d+\.\d+/);
    assert.ok(louvain.notes.some((note: string) => note.includes("src/analysis/louvain.ts")));
    // Communities: sizes add up, numbered by size, each with members, venues and the ties that hold it together.
    assert.equal(
      a.communities.reduce((s: number, c: any) => s + c.size, 0),
      first.coauthorNetwork.nodes.length,
    );
    for (let i = 1; i < a.communities.length; i++) assert.ok(a.communities[i - 1].size >= a.communities[i].size);
    const biggest = a.communities[0];
    assert.ok(biggest.topAuthors.length > 0 && biggest.topVenues.length > 0 && biggest.strongestTies.length > 0);
    assert.ok(biggest.topVenues[0].papers >= 1);
    // Every community's top venues as Cypher counts them over its members (the API's default limit is 5).
    const members = new Map<number, string[]>();
    for (const m of a.authors) members.set(m.community, [...(members.get(m.community) ?? []), m.author.id]);
    const reference = await db.read(REFERENCE_COMMUNITY_VENUES, {
      groups: [...members].map(([community, ids]) => ({ community, members: ids })),
    });
    const expected = new Map(
      reference.map((r) => [Number(r.get("community")), r.get("venues").map((v: any) => ({ id: v.id, papers: Number(v.papers) }))]),
    );
    assert.ok(
      [...expected.values()].some((venues) => venues.length > 1),
      "the reference ranks several venues somewhere",
    );
    for (const c of a.communities)
      assert.deepEqual(
        c.topVenues.map((v: any) => ({ id: v.venue.id, papers: v.papers })),
        expected.get(c.id) ?? [],
        `community ${c.id}'s top venues`,
      );
    // Finer resolution, more communities.
    const fine: any = await api.data(EGO, { id: centre, strength: "NEWMAN", resolution: 5, seed: 42 });
    assert.ok(fine.coauthorNetwork.analysis.communities.length > a.communities.length);
    const bad = await api.run(EGO, { id: centre, resolution: 0, seed: 1 });
    assert.equal(bad.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
  });

  it("reads the communities' venues once when topVenues is asked for (beside the metrics), and not otherwise", async () => {
    const { reads: venueReads, stop } = watchVenueReads();
    try {
      const asked: any = await api.data(EGO, { id: centre, strength: "NEWMAN", resolution: 1, seed: 3 });
      assert.equal(venueReads.length, 1);
      assert.ok(asked.coauthorNetwork.analysis.communities.every((c: any) => Array.isArray(c.topVenues)));
      venueReads.length = 0;
      const withoutVenues = EGO.replace("topVenues { venue { id } papers } ", "");
      assert.notEqual(withoutVenues, EGO);
      const notAsked: any = await api.data(withoutVenues, { id: centre, strength: "NEWMAN", resolution: 1, seed: 3 });
      // A read nobody awaits could still be on its way when the answer is complete: give it time to show.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      assert.equal(venueReads.length, 0, "the venues were read though nobody asked for them");
      // The same communities either way: the read's start moved, nothing else.
      assert.deepEqual(
        notAsked.coauthorNetwork.analysis.communities.map((c: any) => c.size),
        asked.coauthorNetwork.analysis.communities.map((c: any) => c.size),
      );
    } finally {
      stop();
    }
  });

  it("starts an analysis' searches and venue read once per network: two analyses of it (aliases) give what each gives alone", async () => {
    const { reads: venueReads, stop } = watchVenueReads();
    const two = `query($id: ID!) { coauthorNetwork(authorId: $id, depth: 2, maxNodes: 500, strength: NEWMAN) {
      nodes { author { id } } edges { source target weight }
      coarse: analysis(resolution: 0.5, seed: 7) { modularity authors { author { id } ${METRICS.join(" ")} community }
        communities { size topVenues { venue { id } papers } } }
      fine: analysis(resolution: 2, seed: 7) { modularity authors { author { id } ${METRICS.join(" ")} community }
        communities { size topVenues { venue { id } papers } } } } }`;
    const alone = (resolution: number) => `query($id: ID!) { coauthorNetwork(authorId: $id, depth: 2, maxNodes: 500, strength: NEWMAN) {
      analysis(resolution: ${resolution}, seed: 7) { modularity authors { author { id } ${METRICS.join(" ")} community }
        communities { size topVenues { venue { id } papers } } } } }`;
    try {
      const searchesBefore = hopSearchThread.started;
      const both: any = await api.data(two, { id: centre });
      assert.equal(venueReads.length, 1, "two analyses of one network read its venues once");
      assert.equal(hopSearchThread.started - searchesBefore, 1, "two analyses of one network search it once");
      assert.ok(both.coauthorNetwork.coarse.communities.length < both.coauthorNetwork.fine.communities.length);
      // Each the same as asked for alone: the betweenness is scaled on a copy of the shared searches' sums, once each.
      assert.deepEqual(both.coauthorNetwork.coarse, (await api.data<any>(alone(0.5), { id: centre })).coauthorNetwork.analysis);
      assert.deepEqual(both.coauthorNetwork.fine, (await api.data<any>(alone(2), { id: centre })).coauthorNetwork.analysis);
      assert.equal(venueReads.length, 3);
      assert.ok(both.coauthorNetwork.coarse.authors.some((a: any) => a.betweenness > 0));
    } finally {
      stop();
    }
  });

  it("starts nothing for an analysis whose arguments it refuses, or that @skip or @include leave out", async () => {
    const { reads: venueReads, stop } = watchVenueReads();
    const searchesBefore = hopSearchThread.started;
    try {
      const bad = await api.run(EGO, { id: centre, strength: "NEWMAN", resolution: -1, seed: 1 });
      assert.equal(bad.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
      // Left out by a directive, directly or through a fragment: the network comes back, nothing else is started.
      const skipped = `query($id: ID!, $no: Boolean!) { coauthorNetwork(authorId: $id, depth: 2, maxNodes: 500) {
        nodes { author { id } } analysis @skip(if: $no) { communities { topVenues { venue { id } } } }
        ... on CoauthorNetwork @include(if: false) { fine: analysis(resolution: 2) { modularity } } } }`;
      const network: any = await api.data(skipped, { id: centre, no: true });
      assert.ok(network.coauthorNetwork.nodes.length > 10);
      assert.equal(network.coauthorNetwork.analysis, undefined);
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(venueReads.length, 0, "the venues were read for an analysis that was refused or left out");
      assert.equal(hopSearchThread.started, searchesBefore, "searches were started for an analysis that was refused or left out");
      // Through a named fragment, and with both directives (@skip wins).
      const spread = `query($id: ID!) { coauthorNetwork(authorId: $id, depth: 2, maxNodes: 500) {
        nodes { author { id } } ...Analysed @skip(if: true) @include(if: true) } }
        fragment Analysed on CoauthorNetwork { analysis { communities { topVenues { venue { id } } } } }`;
      assert.equal((await api.data<any>(spread, { id: centre })).coauthorNetwork.analysis, undefined);
      // An analysis asked for with its communities' venues skipped: searched, no venue read.
      const noVenues = `query($id: ID!) { coauthorNetwork(authorId: $id, depth: 2, maxNodes: 500) {
        analysis { communities { size topVenues @skip(if: true) { venue { id } } } } } }`;
      assert.ok((await api.data<any>(noVenues, { id: centre })).coauthorNetwork.analysis.communities.length > 1);
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(venueReads.length, 0, "the venues were read for an analysis that was refused or left out");
      assert.equal(hopSearchThread.started, searchesBefore + 1, "the analysis without its venues was searched once");
      // A valid analysis beside a refused one that asks for venues: searched once, no venue read for the refused one.
      const mixed = await api.run(
        `query($id: ID!) { coauthorNetwork(authorId: $id, depth: 2, maxNodes: 500) {
          good: analysis { modularity } bad: analysis(resolution: -1) { communities { topVenues { venue { id } } } } } }`,
        { id: centre },
      );
      assert.equal(mixed.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(venueReads.length, 0, "the venues were read for the refused analysis");
      assert.equal(hopSearchThread.started, searchesBefore + 2);
      // The same query with the directive letting it in starts them once.
      const kept: any = await api.data(skipped, { id: centre, no: false });
      assert.ok(kept.coauthorNetwork.analysis.communities.length > 1);
      assert.equal(venueReads.length, 1);
      assert.equal(hopSearchThread.started, searchesBefore + 3);
    } finally {
      stop();
    }
  });
});
