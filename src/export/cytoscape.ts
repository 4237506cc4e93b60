import type { ExportGraph } from "./export.model";
import { perYearText } from "./xml-text";

/*
 * Cytoscape.js JSON (`cy.json()` elements grouped as {nodes, edges}), with the extra keys that
 * networkx's cytoscape_graph() reads: `value` (the node key), `directed`, `multigraph`, and the
 * graph's own `data`. Cytoscape desktop imports the same file as "Cytoscape.js JSON". An edge's `weight` is its
 * strength under the scheme in `data.strength` (the joint papers under FULL), `jointPapers` the count.
 * A value that is not known (an author without dated papers has no firstYear) is left out, not written null: Cytoscape
 * desktop types a column by its values and read a null as 0.0 in a number column ("null" in a text one). Its reader
 * has no objects either, so the per-year counts come twice: `papersByYear` as an object for Cytoscape.js and networkx,
 * `papersByYearText` as "2019:2;2021:1", as in GraphML.
 */
export function cytoscapeJson(graph: ExportGraph): object {
  const centre = graph.nodes[0];
  return {
    data: known({
      name: `Coauthor network of ${centre?.name ?? graph.args.authorId}`,
      centre: graph.args.authorId,
      depth: graph.args.depth,
      minJointPapers: graph.args.minJointPapers,
      yearFrom: graph.args.yearFrom,
      yearTo: graph.args.yearTo,
      maxNodes: graph.args.maxNodes,
      strength: graph.args.strength,
      maxAuthorsPerPaper: graph.args.maxAuthorsPerPaper,
      truncated: graph.truncated,
    }),
    directed: false,
    multigraph: false,
    elements: {
      nodes: graph.nodes.map((node) => ({
        data: known({
          id: node.id,
          value: node.id,
          name: node.name,
          papers: node.papers,
          coauthors: node.coauthors,
          firstYear: node.firstYear,
          lastYear: node.lastYear,
          meanYear: node.meanYear,
          distance: node.distance,
          aliases: node.aliases,
          orcid: node.orcid,
        }),
      })),
      edges: graph.edges.map((edge, index) => ({
        data: known({
          id: `e${index}`,
          source: edge.source,
          target: edge.target,
          weight: edge.strength,
          jointPapers: edge.jointPapers,
          firstYear: edge.firstYear,
          lastYear: edge.lastYear,
          papersByYear: Object.fromEntries(edge.perYear.map(([year, papers]) => [String(year), papers])),
          papersByYearText: perYearText(edge.perYear),
        }),
      })),
    },
  };
}

/** The entries whose value is known (not null or undefined). */
function known(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== null && value !== undefined));
}

export function writeCytoscape(graph: ExportGraph): string {
  return `${JSON.stringify(cytoscapeJson(graph), null, 1)}\n`;
}
