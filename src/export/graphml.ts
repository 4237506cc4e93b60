import { TieStrength } from "../kernel/tie-strength";
import type { ExportGraph } from "./export.model";
import { perYearText, xmlText } from "./xml-text";

/*
 * GraphML (graphml.graphdrawing.org), undirected, typed keys; networkx, Gephi, Cytoscape desktop
 * and yEd read it. GraphML has no lists, so the joint papers per year are one string
 * "2019:2;2021:1" (papersByYear). `weight` is the tie's strength under the scheme asked for: an int under FULL (the
 * joint papers, the default), a double under the others; `jointPapers` is always the count.
 */

type KeyType = "string" | "int" | "double";
const NODE_KEYS: Array<[string, KeyType]> = [
  ["label", "string"],
  ["papers", "int"],
  ["coauthors", "int"],
  ["firstYear", "int"],
  ["lastYear", "int"],
  ["meanYear", "double"],
  ["distance", "int"],
  ["aliases", "string"],
  ["orcid", "string"],
];
const edgeKeys = (weight: KeyType): Array<[string, KeyType]> => [
  ["weight", weight],
  ["jointPapers", "int"],
  ["firstYear", "int"],
  ["lastYear", "int"],
  ["papersByYear", "string"],
];

function data(key: string, value: string | number | null): string {
  if (value === null || value === "") return "";
  return `<data key="${key}">${xmlText(value)}</data>`;
}

export function writeGraphml(graph: ExportGraph): string {
  const EDGE_KEYS = edgeKeys(graph.args.strength === TieStrength.FULL ? "int" : "double");
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`,
    ...NODE_KEYS.map(([name, type]) => `  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>`),
    ...EDGE_KEYS.map(([name, type]) => `  <key id="e_${name}" for="edge" attr.name="${name}" attr.type="${type}"/>`),
    `  <graph id="coauthors" edgedefault="undirected">`,
  ];
  for (const node of graph.nodes) {
    const values = [
      data("n_label", node.name),
      data("n_papers", node.papers),
      data("n_coauthors", node.coauthors),
      data("n_firstYear", node.firstYear),
      data("n_lastYear", node.lastYear),
      data("n_meanYear", node.meanYear === null ? null : Number(node.meanYear.toFixed(2))),
      data("n_distance", node.distance),
      data("n_aliases", node.aliases.join("|")),
      data("n_orcid", node.orcid),
    ].join("");
    lines.push(`    <node id="${xmlText(node.id)}">${values}</node>`);
  }
  graph.edges.forEach((edge, index) => {
    const values = [
      data("e_weight", edge.strength),
      data("e_jointPapers", edge.jointPapers),
      data("e_firstYear", edge.firstYear),
      data("e_lastYear", edge.lastYear),
      data("e_papersByYear", perYearText(edge.perYear)),
    ].join("");
    lines.push(`    <edge id="e${index}" source="${xmlText(edge.source)}" target="${xmlText(edge.target)}">${values}</edge>`);
  });
  lines.push(`  </graph>`, `</graphml>`, ``);
  return lines.join("\n");
}
