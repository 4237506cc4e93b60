import type { ExportGraph } from "./export.model";

/*
 * Pajek .net: vertices numbered from 1 in the network's order (centre first) with their names as
 * labels, then *Edges "u v weight" with the tie's strength as the weight (the joint papers under FULL, the default). Pajek has no attributes
 * beyond that; the CSV and GEXF exports carry the rest. Pajek reads CRLF files; quotes inside a
 * label cannot be escaped in .net, so they become apostrophes.
 */
export function writePajek(graph: ExportGraph): string {
  const index = new Map(graph.nodes.map((node, i) => [node.id, i + 1]));
  const lines = [`*Vertices ${graph.nodes.length}`];
  graph.nodes.forEach((node, i) => lines.push(`${i + 1} "${node.name.replace(/"/g, "'").replace(/[\r\n]+/g, " ")}"`));
  lines.push("*Edges");
  for (const edge of graph.edges) {
    const u = index.get(edge.source);
    const v = index.get(edge.target);
    if (u === undefined || v === undefined) throw new Error(`an edge names ${edge.source} or ${edge.target}, outside the network`);
    lines.push(`${u} ${v} ${edge.strength}`);
  }
  return lines.join("\r\n") + "\r\n";
}
