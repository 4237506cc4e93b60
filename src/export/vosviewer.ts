import { strengthLabel, type ExportGraph } from "./export.model";

/*
 * VOSviewer's JSON network format (what VOSviewer and VOSviewer Online open with
 * `?json=<url>`): items with weights (Documents, Links, Total link strength) and a score (the
 * average publication year, which VOSviewer's overlay view colours by), links with strengths,
 * and the terminology of a co-authorship map. A link's strength is the tie's strength under the scheme asked for
 * (the joint papers under FULL, the default), and the terminology names it.
 */
export function vosviewerJson(graph: ExportGraph): object {
  const label = strengthLabel(graph.args);
  const number = new Map(graph.nodes.map((node, i) => [node.id, i + 1]));
  const links = new Map<string, number>();
  const strength = new Map<string, number>();
  for (const edge of graph.edges) {
    for (const end of [edge.source, edge.target]) {
      links.set(end, (links.get(end) ?? 0) + 1);
      strength.set(end, (strength.get(end) ?? 0) + edge.strength);
    }
  }
  return {
    network: {
      items: graph.nodes.map((node) => ({
        id: number.get(node.id),
        label: node.name,
        // HTML to VOSviewer (it sanitises it): an id like "dblp:O'Brien & <Sons>" is text, not a tag.
        description: `${escapeHtml(node.id)}<br>${node.papers} papers${node.firstYear !== null ? `, ${node.firstYear}–${node.lastYear}` : ""}`,
        weights: { Documents: node.papers, Links: links.get(node.id) ?? 0, "Total link strength": strength.get(node.id) ?? 0 },
        scores: node.meanYear === null ? {} : { "Avg. pub. year": Number(node.meanYear.toFixed(2)) },
      })),
      links: graph.edges.map((edge) => ({
        source_id: number.get(edge.source),
        target_id: number.get(edge.target),
        strength: edge.strength,
      })),
    },
    config: {
      terminology: {
        item: "Author",
        items: "Authors",
        link: "Co-authorship link",
        links: "Co-authorship links",
        link_strength: capitalised(label),
        total_link_strength: `Total ${label}`,
      },
    },
  };
}

export function writeVosviewer(graph: ExportGraph): string {
  return `${JSON.stringify(vosviewerJson(graph), null, 1)}\n`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
