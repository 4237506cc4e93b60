import type { ExportGraph } from "./export.model";
import { strengthLabel, yearSpan } from "./export.model";
import { xmlText } from "./xml-text";

/*
 * GEXF 1.3 (gexf.net/1.3), dynamic with integer years and closed intervals, so Gephi's timeline
 * replays the collaboration: a node starts in the first year of its papers, a tie in the year of
 * its first joint paper; each tie carries its joint papers in every year (`papersInYear`) and the
 * running total up to then (`jointPapersSoFar`), its weight being its strength under the scheme asked for (the
 * total of joint papers under FULL, the default; the description names the scheme). Edges have one
 * attribute block, all dynamic: readers such as graphology-gexf (Gephi Lite) keep only one block
 * per class, and networkx reads a block's values as timed only when the block is dynamic.
 */

const NODE_ATTRIBUTES: Array<[id: string, type: string]> = [
  ["papers", "integer"],
  ["coauthors", "integer"],
  ["firstYear", "integer"],
  ["lastYear", "integer"],
  ["meanYear", "double"],
  ["distance", "integer"],
  ["aliases", "string"],
  ["orcid", "string"],
];

function attvalue(id: string, value: string | number | null, interval?: [number, number]): string {
  if (value === null || value === "") return "";
  const time = interval ? ` start="${interval[0]}" end="${interval[1]}"` : "";
  return `<attvalue for="${id}" value="${xmlText(value)}"${time}/>`;
}

/** Node size for Gephi's first look: area grows with papers. */
function vizSize(papers: number): string {
  return (4 + 3 * Math.sqrt(papers)).toFixed(1);
}

export function writeGexf(graph: ExportGraph, now = new Date()): string {
  const span = yearSpan(graph);
  const { authorId, depth, minJointPapers, yearFrom, yearTo } = graph.args;
  const lines: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">`,
    `  <meta lastmodifieddate="${now.toISOString().slice(0, 10)}">`,
    `    <creator>coauthor-graph</creator>`,
    `    <description>${xmlText(
      `Coauthor network of ${graph.nodes[0]?.name ?? authorId} (${authorId}): depth ${depth}, at least ${minJointPapers} joint paper(s)` +
        `${yearFrom !== null || yearTo !== null ? `, years ${yearFrom ?? "…"}–${yearTo ?? "…"}` : ""}${graph.truncated ? ", cut at " + graph.args.maxNodes + " authors" : ""}` +
        `; edge weight: ${strengthLabel(graph.args)}`,
    )}</description>`,
    `  </meta>`,
    `  <graph mode="dynamic" defaultedgetype="undirected" timeformat="integer" timerepresentation="interval"${span ? ` start="${span.first}" end="${span.last}"` : ""}>`,
    `    <attributes class="node" mode="static">`,
    ...NODE_ATTRIBUTES.map(([id, type]) => `      <attribute id="${id}" title="${id}" type="${type}"/>`),
    `    </attributes>`,
    `    <attributes class="edge" mode="dynamic">`,
    `      <attribute id="papersInYear" title="papersInYear" type="integer"/>`,
    `      <attribute id="jointPapersSoFar" title="jointPapersSoFar" type="integer"/>`,
    `    </attributes>`,
    `    <nodes>`,
  ];
  for (const node of graph.nodes) {
    const start = node.firstYear !== null ? ` start="${node.firstYear}"` : "";
    const values = [
      attvalue("papers", node.papers),
      attvalue("coauthors", node.coauthors),
      attvalue("firstYear", node.firstYear),
      attvalue("lastYear", node.lastYear),
      attvalue("meanYear", node.meanYear === null ? null : Number(node.meanYear.toFixed(2))),
      attvalue("distance", node.distance),
      attvalue("aliases", node.aliases.join("|")),
      attvalue("orcid", node.orcid),
    ].join("");
    lines.push(
      `      <node id="${xmlText(node.id)}" label="${xmlText(node.name)}"${start}><attvalues>${values}</attvalues><viz:size value="${vizSize(node.papers)}"/></node>`,
    );
  }
  lines.push(`    </nodes>`, `    <edges>`);
  graph.edges.forEach((edge, index) => {
    const first = edge.perYear[0]?.[0];
    const start = first !== undefined ? ` start="${first}"` : "";
    const dynamics: string[] = [];
    let soFar = 0;
    edge.perYear.forEach(([year, papers], i) => {
      soFar += papers;
      dynamics.push(attvalue("papersInYear", papers, [year, year]));
      // The running total holds until the year before the next joint paper, the last one to the end of the span.
      const until = i + 1 < edge.perYear.length ? edge.perYear[i + 1][0] - 1 : Math.max(year, span?.last ?? year);
      dynamics.push(attvalue("jointPapersSoFar", soFar, [year, until]));
    });
    lines.push(
      `      <edge id="${index}" source="${xmlText(edge.source)}" target="${xmlText(edge.target)}" weight="${edge.strength}"${start}>${dynamics.length ? `<attvalues>${dynamics.join("")}</attvalues>` : ""}</edge>`,
    );
  });
  lines.push(`    </edges>`, `  </graph>`, `</gexf>`, ``);
  return lines.join("\n");
}
