import type { ExportGraph } from "./export.model";

/*
 * Cytoscape.js JSON (`cy.json()` elements grouped as {nodes, edges}), with the extra keys that
 * networkx's cytoscape_graph() reads: `value` (the node key), `directed`, `multigraph`, and the
 * graph's own `data`. Cytoscape desktop imports the same file as "Cytoscape.js JSON". An edge's `weight` is its
 * strength under the scheme in `data.strength` (the joint papers under FULL), `jointPapers` the count.
 */
export function cytoscapeJson(graph: ExportGraph): object {
  const centre = graph.nodes[0];
  return {
    data: {
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
    },
    directed: false,
    multigraph: false,
    elements: {
      nodes: graph.nodes.map((node) => ({
        data: {
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
        },
      })),
      edges: graph.edges.map((edge, index) => ({
        data: {
          id: `e${index}`,
          source: edge.source,
          target: edge.target,
          weight: edge.strength,
          jointPapers: edge.jointPapers,
          firstYear: edge.firstYear,
          lastYear: edge.lastYear,
          papersByYear: Object.fromEntries(edge.perYear.map(([year, papers]) => [String(year), papers])),
        },
      })),
    },
  };
}

export function writeCytoscape(graph: ExportGraph): string {
  return `${JSON.stringify(cytoscapeJson(graph), null, 1)}\n`;
}
