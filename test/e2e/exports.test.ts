import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Database } from "../../src/db/database";
import type { RunningHttpServer } from "../../src/api/http";
import { pythonWithNetworkx, runPython } from "../support/python";
import { queryApi, sampleGraph, startTestServer } from "../support/samples";

// Every export URL, fetched over HTTP from another origin, read back by networkx (GEXF 1.3,
// GraphML, Cytoscape.js JSON, Pajek) and Python's csv/json modules: node and tie counts, weights
// and joint papers per year must be what the GraphQL API says.

const ARGS = { author: "name:tong zhang", depth: 2, minJointPapers: 3 };
const WINDOW = { ...ARGS, yearFrom: 2023, yearTo: 2024 };
/** Newman's weights with a byline cap: weights that are not joint papers, and papers left out of ties and years. */
const CAPPED = { ...ARGS, minJointPapers: 2, strength: "NEWMAN", maxAuthorsPerPaper: 6 };

const READ = String.raw`
import csv, json, sys
import networkx as nx
d = sys.argv[1]
def pair(a, b): return "|".join(sorted([str(a), str(b)]))
def years(items): return {str(k): int(v) for k, v in items}
out = {}
g = nx.read_gexf(f"{d}/network.gexf", version="1.3")
out["gexf"] = {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
  "labels": sorted(g.nodes[n]["label"] for n in g.nodes), "papers": {n: g.nodes[n]["papers"] for n in g.nodes},
  "weights": {pair(a, b): float(e["weight"]) for a, b, e in g.edges(data=True)},
  "perYear": {pair(a, b): years((s, v) for v, s, _ in e.get("papersInYear", [])) for a, b, e in g.edges(data=True)},
  "soFar": {pair(a, b): [[v, s, t] for v, s, t in e.get("jointPapersSoFar", [])] for a, b, e in g.edges(data=True)},
  "starts": {pair(a, b): e.get("start") for a, b, e in g.edges(data=True)}}
g = nx.read_graphml(f"{d}/network.graphml")
out["graphml"] = {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
  "weights": {pair(a, b): float(e["weight"]) for a, b, e in g.edges(data=True)},
  "perYear": {pair(a, b): years(x.split(":") for x in e["papersByYear"].split(";")) if e.get("papersByYear") else {} for a, b, e in g.edges(data=True)}}
with open(f"{d}/network.cyjs") as f: g = nx.cytoscape_graph(json.load(f))
out["cyjs"] = {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
  "weights": {pair(a, b): float(e["weight"]) for a, b, e in g.edges(data=True)},
  "perYear": {pair(a, b): years(e["papersByYear"].items()) for a, b, e in g.edges(data=True)}}
g = nx.read_pajek(f"{d}/network.net")
out["pajek"] = {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "weights": sorted(float(e["weight"]) for _, _, e in g.edges(data=True))}
with open(f"{d}/network-nodes.csv", newline="") as f: nodes = list(csv.DictReader(f))
with open(f"{d}/network-edges.csv", newline="") as f: edges = list(csv.DictReader(f))
out["csv"] = {"nodes": len(nodes), "ids": sorted(r["id"] for r in nodes), "edges": len(edges),
  "weights": {pair(r["source"], r["target"]): float(r["strength"]) for r in edges},
  "jointPapers": {pair(r["source"], r["target"]): int(r["jointPapers"]) for r in edges}}
with open(f"{d}/network.vosviewer.json") as f: v = json.load(f)["network"]
out["vos"] = {"items": len(v["items"]), "links": len(v["links"]), "strength": sum(l["strength"] for l in v["links"]),
  "totalLinkStrength": sum(i["weights"]["Total link strength"] for i in v["items"]), "documents": {i["label"]: i["weights"]["Documents"] for i in v["items"]},
  "linksOf": {i["label"]: i["weights"]["Links"] for i in v["items"]}, "scores": {i["label"]: i["scores"].get("Avg. pub. year") for i in v["items"]}}
with open(f"{d}/network.grafana.json") as f: gf = json.load(f)
out["grafana"] = {"nodes": len(gf["nodes"]), "edges": len(gf["edges"]), "nodeKeys": sorted(gf["nodes"][0].keys()), "edgeKeys": sorted(gf["edges"][0].keys()),
  "sameKeys": all(sorted(n.keys()) == sorted(gf["nodes"][0].keys()) for n in gf["nodes"]) and all(sorted(e.keys()) == sorted(gf["edges"][0].keys()) for e in gf["edges"]),
  "weights": {pair(e["source"], e["target"]): e["mainStat"] for e in gf["edges"]}}
print(json.dumps(out))
`;

interface Api {
  coauthorNetwork: {
    nodes: Array<{ author: { id: string; name: string; paperCount: number } }>;
    edges: Array<{ source: string; target: string; jointPapers: number; weight: number }>;
  };
}

const NETWORK = `query($authorId: ID!, $depth: Int, $minJointPapers: Int, $yearFrom: Int, $yearTo: Int, $strength: TieStrength, $maxAuthorsPerPaper: Int) {
  coauthorNetwork(authorId: $authorId, depth: $depth, minJointPapers: $minJointPapers, yearFrom: $yearFrom, yearTo: $yearTo,
    strength: $strength, maxAuthorsPerPaper: $maxAuthorsPerPaper) {
    nodes { author { id name paperCount } } edges { source target jointPapers weight } } }`;

const pair = (a: string, b: string) => [a, b].sort().join("|");

/** RFC 4180 rows (quoted fields with doubled quotes, CRLF ends), for the coauthor list: names may hold commas. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  return rows;
}

/** The Node Graph panel's nodes frame: id, title, subTitle, mainStat, secondaryStat, arc__*, detail__* and nothing else. */
const GRAFANA_NODE_FIELDS = [
  "arc__centre",
  "arc__centre_color",
  "arc__coauthor",
  "arc__coauthor_color",
  "arc__further",
  "arc__further_color",
  "detail__aliases",
  "detail__distance",
  "detail__papers",
  "detail__years",
  "id",
  "mainStat",
  "secondaryStat",
  "subTitle",
  "title",
];

/** Joint papers per year of each tie, from GraphQL's collaboration evidence (not the export's statement). */
async function perYearFromApi(
  url: string,
  edges: Api["coauthorNetwork"]["edges"],
  window: { yearFrom?: number; yearTo?: number; maxAuthorsPerPaper?: number },
): Promise<Record<string, Record<string, number>>> {
  const result: Record<string, Record<string, number>> = {};
  for (let i = 0; i < edges.length; i += 8) {
    const batch = edges.slice(i, i + 8);
    const fields = batch.map(
      (e, j) =>
        `t${j}: collaborationPath(fromId: ${JSON.stringify(e.source)}, toId: ${JSON.stringify(e.target)}, maxLength: 1, yearFrom: ${window.yearFrom ?? null}, yearTo: ${window.yearTo ?? null}, maxAuthorsPerPaper: ${window.maxAuthorsPerPaper ?? null}) { links { papers { year } } }`,
    );
    const data = await queryApi<Record<string, { links: Array<{ papers: Array<{ year: number | null }> }> }>>(
      url,
      `{ ${fields.join("\n")} }`,
    );
    batch.forEach((e, j) => {
      const counts: Record<string, number> = {};
      for (const paper of data[`t${j}`].links[0].papers) if (paper.year !== null) counts[paper.year] = (counts[paper.year] ?? 0) + 1;
      result[pair(e.source, e.target)] = counts;
    });
  }
  return result;
}

describe("exports read back by networkx", { timeout: 600_000 }, () => {
  let db: Database;
  let server: RunningHttpServer;
  let python: string;
  const dir = mkdtempSync(path.join(os.tmpdir(), "coauthor-graph-exports-"));

  before(async () => {
    python = pythonWithNetworkx();
    db = await sampleGraph();
    server = await startTestServer(db);
  });

  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await server?.close();
    await db?.close();
  });

  async function download(args: Record<string, string | number>, target: string): Promise<void> {
    const files = [
      "network.gexf",
      "network.graphml",
      "network.cyjs",
      "network-nodes.csv",
      "network-edges.csv",
      "network.net",
      "network.vosviewer.json",
      "network.grafana.json",
    ];
    for (const file of files) {
      const url = new URL(`/export/${file}`, server.url);
      for (const [k, v] of Object.entries(args)) url.searchParams.set(k, String(v));
      const response = await fetch(url, { headers: { origin: "https://gephi.example.org" } });
      assert.equal(response.status, 200, `${url}: ${await response.clone().text()}`);
      assert.equal(response.headers.get("access-control-allow-origin"), "*", `${file} is readable from another origin`);
      assert.match(
        response.headers.get("content-disposition") ?? "",
        new RegExp(
          `attachment; filename="coauthor-network_tong-zhang_d2_min${args.minJointPapers}.*${file.replace("network", "").replace(/\./g, "\\.")}"`,
        ),
      );
      writeFileSync(path.join(target, file), Buffer.from(await response.arrayBuffer()));
    }
  }

  for (const [name, args] of [
    ["all years", ARGS],
    ["2023-2024", WINDOW],
    ["Newman's weights, at most 6 authors a paper", CAPPED],
  ] as const) {
    it(`keeps nodes, ties, weights and joint papers per year (${name})`, async () => {
      const target = mkdtempSync(path.join(dir, "run-"));
      await download(args, target);
      const api = (
        await queryApi<Api>(server.url, NETWORK, {
          authorId: args.author,
          depth: args.depth,
          minJointPapers: args.minJointPapers,
          yearFrom: (args as typeof WINDOW).yearFrom ?? null,
          yearTo: (args as typeof WINDOW).yearTo ?? null,
          strength: (args as typeof CAPPED).strength ?? null,
          maxAuthorsPerPaper: (args as typeof CAPPED).maxAuthorsPerPaper ?? null,
        })
      ).coauthorNetwork;
      assert.ok(api.edges.length >= 5, `the test network has ties (${api.edges.length})`);
      const weights = Object.fromEntries(api.edges.map((e) => [pair(e.source, e.target), e.weight]));
      const jointPapers = Object.fromEntries(api.edges.map((e) => [pair(e.source, e.target), e.jointPapers]));
      if (args === CAPPED) {
        // The case must be able to fail: its weights are not joint papers, and the cap leaves papers out of some ties.
        assert.ok(
          api.edges.some((e) => e.weight !== e.jointPapers),
          "Newman's weights differ from the joint papers",
        );
        const uncapped = (
          await queryApi<Api>(server.url, NETWORK, { authorId: args.author, depth: args.depth, minJointPapers: args.minJointPapers })
        ).coauthorNetwork.edges;
        const full = new Map(uncapped.map((e) => [pair(e.source, e.target), e.jointPapers]));
        assert.ok(
          api.edges.some((e) => (full.get(pair(e.source, e.target)) ?? 0) > e.jointPapers) || uncapped.length > api.edges.length,
          "the cap leaves some joint papers out",
        );
      } else {
        assert.deepEqual(weights, jointPapers, "FULL weighs a tie by its joint papers");
      }
      const perYear = await perYearFromApi(
        server.url,
        api.edges,
        args as { yearFrom?: number; yearTo?: number; maxAuthorsPerPaper?: number },
      );
      const read = runPython<any>(python, READ, [target]);

      for (const format of ["gexf", "graphml", "cyjs"]) {
        assert.equal(read[format].nodes, api.nodes.length, `${format} nodes`);
        assert.equal(read[format].edges, api.edges.length, `${format} edges`);
        assert.deepEqual(read[format].weights, weights, `${format} weights`);
        assert.deepEqual(read[format].perYear, perYear, `${format} joint papers per year`);
      }
      assert.deepEqual(read.gexf.labels, api.nodes.map((n) => n.author.name).sort());
      for (const [key, years] of Object.entries(perYear)) {
        const list = Object.entries(years)
          .map(([y, n]) => [Number(y), n])
          .sort((a, b) => a[0] - b[0]);
        if (list.length > 0) assert.equal(read.gexf.starts[key], list[0][0], `the tie ${key} starts in its first joint year`);
        let total = 0;
        assert.deepEqual(
          read.gexf.soFar[key].map((x: number[]) => x[0]),
          list.map(([, n]) => (total += n)),
          `running total of ${key}`,
        );
      }
      assert.equal(read.pajek.edges, api.edges.length);
      assert.deepEqual(
        read.pajek.weights,
        api.edges.map((e) => e.weight).sort((a, b) => a - b),
      );
      assert.equal(read.pajek.nodes, api.nodes.length, "every author is a vertex of its own in networkx, namesakes too");
      assert.equal(read.csv.nodes, api.nodes.length);
      assert.deepEqual(read.csv.ids, api.nodes.map((n) => n.author.id).sort());
      assert.deepEqual(read.csv.weights, weights);
      assert.deepEqual(read.csv.jointPapers, jointPapers);
      assert.equal(read.vos.items, api.nodes.length);
      assert.equal(read.vos.links, api.edges.length);
      assert.ok(Math.abs(read.vos.totalLinkStrength - 2 * read.vos.strength) < 1e-9, "each link counts at both its ends");
      assert.deepEqual(read.grafana.weights, jointPapers, "Grafana's mainStat is the joint papers; detail__strength the weight");
      assert.deepEqual(read.grafana.edgeKeys, [
        "detail__firstYear",
        "detail__lastYear",
        "detail__strength",
        "id",
        "mainStat",
        "source",
        "target",
      ]);
      // Exactly the Node Graph panel's field names, on every row.
      assert.deepEqual(read.grafana.nodeKeys, GRAFANA_NODE_FIELDS);
      assert.equal(read.grafana.sameKeys, true, "every Grafana row has the same fields");

      // VOSviewer: Links = ties in this network, score = the average publication year (from GraphQL's papers).
      const names = api.nodes.map((n) => n.author.name);
      const unique = api.nodes.filter((n) => names.indexOf(n.author.name) === names.lastIndexOf(n.author.name));
      const degree = new Map<string, number>();
      for (const e of api.edges) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
      for (const n of unique)
        assert.equal(read.vos.linksOf[n.author.name], degree.get(n.author.id) ?? 0, `VOSviewer Links of ${n.author.name}`);
      if (!("yearFrom" in args)) {
        const papers = Object.fromEntries(api.nodes.map((n) => [n.author.name, n.author.paperCount]));
        for (const [label, documents] of Object.entries(read.vos.documents as Record<string, number>))
          assert.equal(documents, papers[label], `VOSviewer documents of ${label}`);
        const checked = unique.filter((n) => n.author.paperCount <= 100).slice(0, 12);
        assert.ok(checked.length >= 5, "enough authors to check the VOSviewer scores");
        const years = await queryApi<Record<string, { papers: { edges: Array<{ node: { year: number | null } }> } }>>(
          server.url,
          `{ ${checked.map((n, i) => `a${i}: author(id: ${JSON.stringify(n.author.id)}) { papers(first: 100) { edges { node { year } } } }`).join("\n")} }`,
        );
        checked.forEach((n, i) => {
          const known = years[`a${i}`].papers.edges.map((e) => e.node.year).filter((y): y is number => y !== null);
          const mean = known.reduce((a, b) => a + b, 0) / known.length;
          assert.equal(read.vos.scores[n.author.name], Number(mean.toFixed(2)), `VOSviewer score (average year) of ${n.author.name}`);
        });
      }
    });
  }

  it("serves the coauthor list, the Grafana frames from GraphQL, and clear errors", async () => {
    const csv = await fetch(new URL("/export/coauthors.csv?author=name:tong%20zhang&minJointPapers=3", server.url));
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get("content-disposition") ?? "", /filename="coauthors_tong-zhang\.csv"/);
    const rows = (await csv.text()).trimEnd().split("\r\n");
    const api = await queryApi(
      server.url,
      `{ author(id: "name:tong zhang") { coauthors(first: 100, minJointPapers: 3) { totalCount edges { jointPapers node { id } } } } }`,
    );
    assert.equal(rows.length - 1, api.author.coauthors.totalCount);
    assert.equal(rows[1].split(",")[0], api.author.coauthors.edges[0].node.id);

    // GraphQL gives the very rows of the export, so Infinity's root selector (data.coauthorNetworkFrames.nodes) reads them as they are.
    const frames = await queryApi(
      server.url,
      `{ coauthorNetworkFrames(authorId: "name:tong zhang", depth: 2, minJointPapers: 3) { nodes { ${GRAFANA_NODE_FIELDS.join(" ")} } edges { id source target mainStat detail__strength detail__firstYear detail__lastYear } } }`,
    );
    const grafana = await (
      await fetch(new URL("/export/network.grafana.json?author=name:tong%20zhang&depth=2&minJointPapers=3", server.url))
    ).json();
    assert.deepEqual(frames.coauthorNetworkFrames.edges, grafana.edges);
    assert.deepEqual(frames.coauthorNetworkFrames.nodes, grafana.nodes);
    assert.ok(grafana.edges.every((e: { mainStat: number; detail__strength: number }) => e.detail__strength === e.mainStat));

    // The frames build ties by the same rules as coauthorNetwork, a strength and a byline cap included.
    const weighed = `(authorId: "name:tong zhang", depth: 2, strength: NEWMAN, maxAuthorsPerPaper: 4)`;
    const both = await queryApi(
      server.url,
      `{ coauthorNetworkFrames${weighed} { edges { id mainStat detail__strength } }
         coauthorNetwork${weighed} { edges { source target jointPapers weight } } }`,
    );
    const expected = both.coauthorNetwork.edges.map((e: { source: string; target: string; jointPapers: number; weight: number }) => ({
      id: `${e.source}|${e.target}`,
      mainStat: e.jointPapers,
      detail__strength: e.weight,
    }));
    assert.deepEqual(both.coauthorNetworkFrames.edges, expected);
    assert.ok(
      expected.length > 0 && expected.some((e: { detail__strength: number; mainStat: number }) => e.detail__strength !== e.mainStat),
    );
    const uncapped = await queryApi(server.url, `{ coauthorNetworkFrames(authorId: "name:tong zhang", depth: 2) { edges { id } } }`);
    assert.ok(uncapped.coauthorNetworkFrames.edges.length > expected.length, "the cap leaves ties out");

    const tooMany = await fetch(new URL("/export/network.grafana.json?author=name:tong%20zhang&maxNodes=1501", server.url));
    assert.equal(tooMany.status, 400);
    assert.match((await tooMany.json()).errors[0].message, /maxNodes/);
    const unknown = await fetch(new URL("/export/network.gexf?author=name:nobody%20at%20all", server.url));
    assert.equal(unknown.status, 404);
    const missing = await fetch(new URL("/export/network.gexf", server.url));
    assert.equal(missing.status, 400);
    assert.match((await missing.json()).errors[0].message, /\?author=/);
    const bad = await fetch(new URL("/export/network.gexf?author=x&depth=two", server.url));
    assert.equal(bad.status, 400);
    const scheme = await fetch(new URL("/export/network.gexf?author=name:tong%20zhang&strength=HEAVY", server.url));
    assert.equal(scheme.status, 400);
    assert.match((await scheme.json()).errors[0].message, /strength must be one of FULL, NEWMAN/);
    const cap = await fetch(new URL("/export/network.net?author=name:tong%20zhang&maxAuthorsPerPaper=1", server.url));
    assert.equal(cap.status, 400);
    assert.match((await cap.json()).errors[0].message, /maxAuthorsPerPaper must be between 2/);
    const unknownList = await fetch(new URL("/export/coauthors.csv?author=name:nobody%20at%20all&strength=NEWMAN", server.url));
    assert.equal(unknownList.status, 404);
    await unknownList.arrayBuffer();
    // A format we do not write: JSON, as every export error, pointing to the list.
    const dot = await fetch(new URL("/export/network.dot?author=name:tong%20zhang", server.url));
    assert.equal(dot.status, 404);
    assert.match(dot.headers.get("content-type") ?? "", /json/);
    const dotError = (await dot.json()).errors[0];
    assert.equal(dotError.extensions.code, "NOT_FOUND");
    assert.match(dotError.message, /No export at GET \/export\/network\.dot\. The exports are network\.gexf, .*GET \/export lists them/);
  });

  it("the coauthor list under Newman's weights and a byline cap is the coauthors field's, row for row", async () => {
    const csv = await fetch(new URL("/export/coauthors.csv?author=name:tong%20zhang&strength=NEWMAN&maxAuthorsPerPaper=6", server.url));
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get("content-disposition") ?? "", /filename="coauthors_tong-zhang_newman_max6authors\.csv"/);
    const [header, ...rows] = parseCsv(await csv.text());
    assert.deepEqual(header, ["id", "name", "jointPapers", "firstYear", "lastYear", "papers", "strength"]);
    const api = await queryApi(
      server.url,
      `{ author(id: "name:tong zhang") { coauthors(first: 100, strength: NEWMAN, maxAuthorsPerPaper: 6) {
          totalCount edges { jointPapers strength node { id paperCount } } } } }`,
    );
    const edges = api.author.coauthors.edges as Array<{ jointPapers: number; strength: number; node: { id: string; paperCount: number } }>;
    assert.ok(api.author.coauthors.totalCount <= 100 && edges.length >= 5, `one page holds them all (${api.author.coauthors.totalCount})`);
    assert.deepEqual(
      rows.map((r) => [r[0], Number(r[2]), Number(r[5]), Number(r[6])]),
      edges.map((e) => [e.node.id, e.jointPapers, e.node.paperCount, e.strength]),
    );
    assert.ok(
      edges.some((e) => e.strength !== e.jointPapers),
      "the weights are not the joint papers",
    );
  });
});
