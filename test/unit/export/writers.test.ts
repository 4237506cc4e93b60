import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { writeCoauthorsCsv, writeEdgesCsv, writeNodesCsv } from "../../../src/export/csv";
import { cytoscapeJson } from "../../../src/export/cytoscape";
import { coauthorListFileName, networkFileStem, type ExportGraph } from "../../../src/export/export.model";
import { writeGexf } from "../../../src/export/gexf";
import { grafanaFrames } from "../../../src/export/grafana";
import { writeGraphml } from "../../../src/export/graphml";
import { writePajek } from "../../../src/export/pajek";
import { vosviewerJson } from "../../../src/export/vosviewer";
import { TieStrength } from "../../../src/kernel/tie-strength";
import { pythonWithNetworkx, runPython } from "../../support/python";

// The writers on a small network with awkward names, read back by graphology's own GEXF and
// GraphML parsers (not our code). test/e2e/exports.test.ts reads the served files with networkx.

const node = (id: string, name: string, papers: number, distance: number, firstYear: number | null, meanYear: number | null) => ({
  id,
  name,
  aliases: name.includes("é") ? [name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "")] : [],
  orcid: null,
  papers,
  coauthors: papers,
  firstYear,
  lastYear: firstYear === null ? null : firstYear + 3,
  meanYear,
  distance,
});

const GRAPH: ExportGraph = {
  args: {
    authorId: "name:véronique hoste",
    depth: 2,
    minJointPapers: 1,
    yearFrom: null,
    yearTo: null,
    maxNodes: 200,
    strength: TieStrength.FULL,
    maxAuthorsPerPaper: null,
  },
  truncated: false,
  nodes: [
    node("name:véronique hoste", "Véronique Hoste", 12, 0, 2015, 2018.5),
    node("dblp:O'Brien & <Sons>", 'Pat "P." O\'Brien & <Sons>', 3, 1, 2016, 2017),
    node("acl:cynthia-van-hee", "Cynthia Van Hee", 7, 1, 2016, 2018),
    node("name:no year", "No Year, Jr.", 1, 2, null, null),
  ],
  edges: [
    {
      source: "acl:cynthia-van-hee",
      target: "name:véronique hoste",
      jointPapers: 5,
      strength: 5,
      firstYear: 2016,
      lastYear: 2019,
      perYear: [
        [2016, 2],
        [2018, 1],
        [2019, 2],
      ],
    },
    {
      source: "dblp:O'Brien & <Sons>",
      target: "name:véronique hoste",
      jointPapers: 2,
      strength: 2,
      firstYear: 2017,
      lastYear: 2017,
      perYear: [[2017, 2]],
    },
    { source: "acl:cynthia-van-hee", target: "name:no year", jointPapers: 1, strength: 1, firstYear: null, lastYear: null, perYear: [] },
  ],
};

/** The same network under Newman's weights with a byline cap of 6: strengths that differ from the joint papers. */
const NEWMAN_GRAPH: ExportGraph = {
  ...GRAPH,
  args: { ...GRAPH.args, strength: TieStrength.NEWMAN, maxAuthorsPerPaper: 6 },
  edges: GRAPH.edges.map((edge, i) => ({ ...edge, strength: [1.5, 0.4, 0.25][i] })),
};

const pairKey = (a: string, b: string) => [a, b].sort().join(" | ");

describe("export writers, read back by independent parsers", () => {
  it("GEXF 1.3: graphology-gexf reads every node, tie, label, weight and attribute", () => {
    const xml = writeGexf(GRAPH, new Date("2025-01-02T00:00:00Z"));
    assert.match(xml, /xmlns="http:\/\/gexf\.net\/1\.3"/);
    assert.match(xml, /mode="dynamic"[^>]*timeformat="integer"/);
    const g: Graph = parseGexf(Graph, xml);
    assert.equal(g.order, GRAPH.nodes.length);
    assert.equal(g.size, GRAPH.edges.length);
    for (const n of GRAPH.nodes) {
      assert.equal(g.getNodeAttribute(n.id, "label"), n.name);
      assert.equal(g.getNodeAttribute(n.id, "papers"), n.papers);
    }
    const weights = new Map(g.mapEdges((_e, a, s, t) => [pairKey(s, t), a.weight] as [string, number]));
    for (const e of GRAPH.edges) assert.equal(weights.get(pairKey(e.source, e.target)), e.jointPapers);
  });

  it("GEXF: per-year joint papers and the running total are intervals that never overlap", () => {
    const xml = writeGexf(GRAPH);
    const edge = xml.split("\n").find((line) => line.includes('source="acl:cynthia-van-hee" target="name:véronique hoste"'))!;
    assert.match(edge, /start="2016"/);
    const inYear = [...edge.matchAll(/for="papersInYear" value="(\d+)" start="(\d+)" end="(\d+)"/g)].map((m) => m.slice(1).map(Number));
    assert.deepEqual(inYear, [
      [2, 2016, 2016],
      [1, 2018, 2018],
      [2, 2019, 2019],
    ]);
    const soFar = [...edge.matchAll(/for="jointPapersSoFar" value="(\d+)" start="(\d+)" end="(\d+)"/g)].map((m) => m.slice(1).map(Number));
    assert.deepEqual(soFar, [
      [2, 2016, 2017],
      [3, 2018, 2018],
      [5, 2019, 2019],
    ]);
  });

  it("GraphML: graphology-graphml reads nodes, ties, weights and the per-year string", () => {
    const g: Graph = parseGraphml(Graph, writeGraphml(GRAPH));
    assert.equal(g.order, GRAPH.nodes.length);
    assert.equal(g.size, GRAPH.edges.length);
    assert.equal(g.getNodeAttribute("dblp:O'Brien & <Sons>", "label"), 'Pat "P." O\'Brien & <Sons>');
    const byPair = new Map(g.mapEdges((_e, a, s, t) => [pairKey(s, t), a] as [string, Record<string, unknown>]));
    const first = byPair.get(pairKey("acl:cynthia-van-hee", "name:véronique hoste"))!;
    assert.equal(first.weight, 5);
    assert.equal(first.papersByYear, "2016:2;2018:1;2019:2");
  });

  it("Cytoscape.js JSON, Pajek, CSV, VOSviewer and Grafana carry the same counts", () => {
    const cy = cytoscapeJson(GRAPH) as {
      data: Record<string, unknown>;
      elements: {
        nodes: Array<{ data: Record<string, unknown> & { id: string; value: string } }>;
        edges: Array<{ data: Record<string, unknown> & { weight: number; papersByYear: Record<string, number> } }>;
      };
    };
    assert.equal(cy.elements.nodes.length, 4);
    assert.ok(cy.elements.nodes.every((n) => n.data.value === n.data.id));
    assert.deepEqual(cy.elements.edges[0].data.papersByYear, { "2016": 2, "2018": 1, "2019": 2 });
    assert.equal(cy.elements.edges[0].data.papersByYearText, "2016:2;2018:1;2019:2", "for Cytoscape desktop, which reads no objects");
    // Unknown values are left out, never null (Cytoscape desktop read a null year as 0.0).
    const noYear = cy.elements.nodes.find((n) => n.data.id === "name:no year")!.data;
    assert.equal("firstYear" in noYear || "meanYear" in noYear || "orcid" in noYear, false);
    assert.equal(cy.elements.nodes[0].data.firstYear, 2015);
    assert.equal("yearFrom" in cy.data, false);
    assert.ok(
      [cy.data, ...cy.elements.nodes.map((n) => n.data), ...cy.elements.edges.map((e) => e.data)].every((d) =>
        Object.values(d).every((v) => v !== null),
      ),
    );

    const pajek = writePajek(GRAPH).split("\r\n");
    assert.equal(pajek[0], "*Vertices 4");
    assert.equal(pajek[2], `2 "Pat 'P.' O'Brien & <Sons>"`);
    assert.deepEqual(pajek.slice(6, 9), ["3 1 5", "2 1 2", "3 4 1"]);

    const nodesCsv = writeNodesCsv(GRAPH).trimEnd().split("\r\n");
    assert.equal(nodesCsv.length, 5);
    assert.equal(nodesCsv[2].split(",")[0], `dblp:O'Brien & <Sons>`);
    assert.match(nodesCsv[2], /"Pat ""P\."" O'Brien & <Sons>"/);
    assert.match(writeEdgesCsv(GRAPH), /acl:cynthia-van-hee,name:véronique hoste,5,2016,2019,2016:2;2018:1;2019:2,5\r\n/);
    assert.equal(writeCoauthorsCsv([]), "id,name,jointPapers,firstYear,lastYear,papers,strength\r\n");

    const vos = vosviewerJson(GRAPH) as {
      network: {
        items: Array<{ id: number; description: string; weights: Record<string, number>; scores: Record<string, number> }>;
        links: Array<{ strength: number }>;
      };
    };
    // The description is HTML to VOSviewer: the id is escaped text in it.
    assert.equal(vos.network.items[1].description, "dblp:O'Brien &amp; &lt;Sons&gt;<br>3 papers, 2016–2019");
    assert.deepEqual(vos.network.items[0].weights, { Documents: 12, Links: 2, "Total link strength": 7 });
    assert.deepEqual(vos.network.items[0].scores, { "Avg. pub. year": 2018.5 });
    assert.deepEqual(vos.network.items[3].scores, {});
    assert.equal(
      vos.network.links.reduce((sum, l) => sum + l.strength, 0),
      8,
    );

    const frames = grafanaFrames(GRAPH);
    assert.deepEqual(
      Object.keys(frames.nodes[0]).filter((k) => !k.startsWith("detail__") && !k.startsWith("arc__")),
      ["id", "title", "subTitle", "mainStat", "secondaryStat"],
    );
    assert.deepEqual(
      Object.keys(frames.edges[0]).filter((k) => !k.startsWith("detail__")),
      ["id", "source", "target", "mainStat"],
    );
    for (const n of frames.nodes) assert.equal(n.arc__centre + n.arc__coauthor + n.arc__further, 1);
    assert.equal(frames.nodes[0].secondaryStat, 2);
  });

  it("Pajek: namesakes are separate vertices in networkx, and a backslash cannot leave a label open", () => {
    // dblp's homonyms share a display name ("Wei Xiong 0001" and "0002" are both "Wei Xiong").
    const graph: ExportGraph = {
      ...GRAPH,
      nodes: [
        node("dblp:Wei Xiong 0001", "Wei Xiong", 4, 0, 2019, 2020),
        node("dblp:Wei Xiong 0002", "Wei Xiong", 2, 1, 2021, 2021),
        node("name:tong zhang", "Tong Zhang", 9, 1, 2015, 2019),
        node("name:back", "Back\\", 1, 2, null, null),
      ],
      edges: [
        {
          source: "dblp:Wei Xiong 0001",
          target: "dblp:Wei Xiong 0002",
          jointPapers: 1,
          strength: 1,
          firstYear: null,
          lastYear: null,
          perYear: [],
        },
        {
          source: "dblp:Wei Xiong 0001",
          target: "name:tong zhang",
          jointPapers: 3,
          strength: 3,
          firstYear: null,
          lastYear: null,
          perYear: [],
        },
        {
          source: "dblp:Wei Xiong 0002",
          target: "name:tong zhang",
          jointPapers: 1,
          strength: 1,
          firstYear: null,
          lastYear: null,
          perYear: [],
        },
        { source: "name:tong zhang", target: "name:back", jointPapers: 2, strength: 2, firstYear: null, lastYear: null, perYear: [] },
      ],
    };
    const text = writePajek(graph);
    assert.deepEqual(text.split("\r\n").slice(1, 5), [
      `1 "Wei Xiong (dblp:Wei Xiong 0001)"`,
      `2 "Wei Xiong (dblp:Wei Xiong 0002)"`,
      `3 "Tong Zhang"`,
      `4 "Back"`,
    ]);
    const dir = mkdtempSync(path.join(os.tmpdir(), "pajek-"));
    let read: { nodes: number; edges: number; loops: number; labels: string[] };
    try {
      writeFileSync(path.join(dir, "network.net"), text);
      read = runPython(
        pythonWithNetworkx(),
        `import json, sys, networkx as nx
g = nx.read_pajek(sys.argv[1])
print(json.dumps({"nodes": g.number_of_nodes(), "edges": nx.Graph(g).number_of_edges(), "loops": nx.number_of_selfloops(g), "labels": sorted(g.nodes)}))`,
        [path.join(dir, "network.net")],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    assert.deepEqual(read, {
      nodes: 4,
      edges: 4,
      loops: 0,
      labels: ["Back", "Tong Zhang", "Wei Xiong (dblp:Wei Xiong 0001)", "Wei Xiong (dblp:Wei Xiong 0002)"],
    });
  });

  it("names files after the centre and the arguments", () => {
    assert.equal(networkFileStem(GRAPH), "coauthor-network_veronique-hoste_d2");
    assert.equal(
      networkFileStem({ ...GRAPH, args: { ...GRAPH.args, minJointPapers: 2, yearFrom: 2019, yearTo: null } }),
      "coauthor-network_veronique-hoste_d2_min2_2019-",
    );
    assert.equal(networkFileStem(NEWMAN_GRAPH), "coauthor-network_veronique-hoste_d2_newman_max6authors");
    assert.equal(coauthorListFileName("Véronique Hoste", GRAPH.args), "coauthors_veronique-hoste.csv");
    assert.equal(
      coauthorListFileName("Véronique Hoste", { ...NEWMAN_GRAPH.args, yearFrom: 2019, yearTo: null }),
      "coauthors_veronique-hoste_2019-_newman_max6authors.csv",
    );
  });

  it("under another scheme every format's weight is the strength, and the joint papers stay beside it", () => {
    const strengths = new Map(NEWMAN_GRAPH.edges.map((e) => [pairKey(e.source, e.target), e.strength]));
    const joint = new Map(NEWMAN_GRAPH.edges.map((e) => [pairKey(e.source, e.target), e.jointPapers]));

    const gexf = writeGexf(NEWMAN_GRAPH);
    assert.match(gexf, /edge weight: Newman weight \(papers of at most 6 authors\)/);
    const g: Graph = parseGexf(Graph, gexf);
    g.forEachEdge((_e, a, s, t) => assert.equal(a.weight, strengths.get(pairKey(s, t))));

    const gm: Graph = parseGraphml(Graph, writeGraphml(NEWMAN_GRAPH));
    gm.forEachEdge((_e, a, s, t) => {
      assert.equal(a.weight, strengths.get(pairKey(s, t)), "GraphML weight (a double)");
      assert.equal(a.jointPapers, joint.get(pairKey(s, t)), "GraphML jointPapers");
    });
    assert.match(writeGraphml(NEWMAN_GRAPH), /attr\.name="weight" attr\.type="double"/);
    assert.match(writeGraphml(GRAPH), /attr\.name="weight" attr\.type="int"/);

    const cy = cytoscapeJson(NEWMAN_GRAPH) as {
      data: Record<string, unknown>;
      elements: { edges: Array<{ data: { source: string; target: string; weight: number; jointPapers: number } }> };
    };
    assert.equal(cy.data.strength, "NEWMAN");
    assert.equal(cy.data.maxAuthorsPerPaper, 6);
    for (const { data } of cy.elements.edges) {
      assert.equal(data.weight, strengths.get(pairKey(data.source, data.target)));
      assert.equal(data.jointPapers, joint.get(pairKey(data.source, data.target)));
    }

    assert.deepEqual(writePajek(NEWMAN_GRAPH).split("\r\n").slice(6, 9), ["3 1 1.5", "2 1 0.4", "3 4 0.25"]);
    assert.match(writeEdgesCsv(NEWMAN_GRAPH), /^source,target,jointPapers,firstYear,lastYear,papersByYear,strength\r\n/);
    assert.match(writeEdgesCsv(NEWMAN_GRAPH), /acl:cynthia-van-hee,name:véronique hoste,5,2016,2019,2016:2;2018:1;2019:2,1\.5\r\n/);

    const vos = vosviewerJson(NEWMAN_GRAPH) as {
      network: { items: Array<{ weights: Record<string, number> }>; links: Array<{ strength: number }> };
      config: { terminology: Record<string, string> };
    };
    assert.deepEqual(
      vos.network.links.map((l) => l.strength),
      [1.5, 0.4, 0.25],
    );
    assert.equal(vos.network.items[0].weights["Total link strength"], 1.9);
    assert.equal(vos.config.terminology.link_strength, "Newman weight (papers of at most 6 authors)");
    assert.equal(grafanaFrames(NEWMAN_GRAPH).edges[0].detail__strength, 1.5);
  });
});
