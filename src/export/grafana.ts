import type { IntRange } from "../kernel/argument-rules";
import type { ExportGraph } from "./export.model";

/*
 * Grafana's Node Graph panel reads two data frames with fixed field names: nodes (id, title,
 * subTitle, mainStat, secondaryStat, arc__*, detail__*) and edges (id, source, target, mainStat).
 * Flat rows of those names are what the Infinity data source turns into frames (root selector
 * `nodes` or `edges`). The arc__ fields of a node add up to 1: here they colour the node by its
 * distance from the centre, in the colours that arc__*_color gives (Infinity reads those; no field
 * overrides needed). The panel shows at most 1,500 nodes (GRAFANA_MAX_NODES).
 */

export const GRAFANA_MAX_NODES = 1500;

/** maxNodes for the frames (HTTP and GraphQL alike). */
export const GRAFANA_NODES: IntRange = { min: 1, max: GRAFANA_MAX_NODES, default: 200 };

export interface GrafanaNodeRow {
  id: string;
  title: string;
  subTitle: string;
  mainStat: number;
  secondaryStat: number;
  arc__centre: number;
  arc__coauthor: number;
  arc__further: number;
  arc__centre_color: string;
  arc__coauthor_color: string;
  arc__further_color: string;
  detail__papers: number;
  detail__years: string;
  detail__distance: number;
  detail__aliases: string;
}

export interface GrafanaEdgeRow {
  id: string;
  source: string;
  target: string;
  mainStat: number;
  detail__strength: number;
  detail__firstYear: number | null;
  detail__lastYear: number | null;
}

export interface GrafanaFrames {
  nodes: GrafanaNodeRow[];
  edges: GrafanaEdgeRow[];
}

export function grafanaFrames(graph: ExportGraph): GrafanaFrames {
  const degree = new Map<string, number>();
  for (const edge of graph.edges) {
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
  return {
    nodes: graph.nodes.map((node) => ({
      id: node.id,
      title: node.name,
      subTitle:
        node.firstYear === null ? "" : node.firstYear === node.lastYear ? `${node.firstYear}` : `${node.firstYear}–${node.lastYear}`,
      mainStat: node.papers,
      secondaryStat: degree.get(node.id) ?? 0,
      arc__centre: node.distance === 0 ? 1 : 0,
      arc__coauthor: node.distance === 1 ? 1 : 0,
      arc__further: node.distance >= 2 ? 1 : 0,
      // The explorer's light-theme colours by distance.
      arc__centre_color: "#c2255c",
      arc__coauthor_color: "#1864ab",
      arc__further_color: "#2b8a3e",
      detail__papers: node.papers,
      detail__years: node.firstYear === null ? "" : `${node.firstYear}–${node.lastYear}`,
      detail__distance: node.distance,
      detail__aliases: node.aliases.join(", "),
    })),
    edges: graph.edges.map((edge) => ({
      id: `${edge.source}|${edge.target}`,
      source: edge.source,
      target: edge.target,
      mainStat: edge.jointPapers,
      detail__strength: edge.strength,
      detail__firstYear: edge.firstYear,
      detail__lastYear: edge.lastYear,
    })),
  };
}

export function writeGrafana(graph: ExportGraph): string {
  return `${JSON.stringify(grafanaFrames(graph))}\n`;
}
