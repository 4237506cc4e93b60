import type { ExportGraph } from "./export.model";

/*
 * Pajek .net: vertices numbered from 1 in the network's order (centre first) with their names as
 * labels, then *Edges "u v weight" with the tie's strength as the weight (the joint papers under FULL, the default). Pajek has no attributes
 * beyond that; the CSV and GEXF exports carry the rest. Pajek reads CRLF files.
 */
export function writePajek(graph: ExportGraph): string {
  const index = new Map(graph.nodes.map((node, i) => [node.id, i + 1]));
  const labels = vertexLabels(graph.nodes);
  const lines = [`*Vertices ${graph.nodes.length}`];
  labels.forEach((label, i) => lines.push(`${i + 1} "${label}"`));
  lines.push("*Edges");
  for (const edge of graph.edges) {
    const u = index.get(edge.source);
    const v = index.get(edge.target);
    if (u === undefined || v === undefined) throw new Error(`an edge names ${edge.source} or ${edge.target}, outside the network`);
    lines.push(`${u} ${v} ${edge.strength}`);
  }
  return lines.join("\r\n") + "\r\n";
}

/**
 * One label per vertex, each different: networkx's read_pajek keys its nodes by label, so two authors of one name
 * (dblp's "Wei Xiong 0001" and "Wei Xiong 0002" are both "Wei Xiong") were one node there, their ties parallel edges
 * and the tie between them a loop. A name that occurs more than once gets its author id beside it; should that still
 * repeat, the vertex number. Inside a label, a double quote cannot be escaped in .net (it becomes an apostrophe), and
 * a backslash is an escape to networkx's reader (a name ending in one left the label unclosed), so it goes.
 */
function vertexLabels(nodes: ExportGraph["nodes"]): string[] {
  const clean = (text: string) =>
    text
      .replace(/"/g, "'")
      .replace(/\\/g, "")
      .replace(/[\r\n]+/g, " ");
  const repeated = (labels: string[]) => {
    const seen = new Map<string, number>();
    for (const label of labels) seen.set(label, (seen.get(label) ?? 0) + 1);
    return (label: string) => (seen.get(label) ?? 0) > 1;
  };
  const names = nodes.map((node) => clean(node.name));
  const namesake = repeated(names);
  const withIds = names.map((name, i) => (namesake(name) ? `${name} (${clean(nodes[i].id)})` : name));
  const stillRepeated = repeated(withIds);
  return withIds.map((label, i) => (stillRepeated(label) ? `${label} #${i + 1}` : label));
}
