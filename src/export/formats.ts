import { writeEdgesCsv, writeNodesCsv } from "./csv";
import type { ExportGraph } from "./export.model";
import { writeCytoscape } from "./cytoscape";
import { writeGexf } from "./gexf";
import { writeGraphml } from "./graphml";
import { GRAFANA_NODES, writeGrafana } from "./grafana";
import type { IntRange } from "../kernel/argument-rules";
import { writePajek } from "./pajek";
import { writeVosviewer } from "./vosviewer";

/** One export format: how it is named in a URL, what it is called, and its writer. */
export interface NetworkFormat {
  /** The URL's file name after "network", e.g. ".gexf" in /export/network.gexf. */
  suffix: string;
  label: string;
  contentType: string;
  /** Whether the writer reads per-year joint papers (one more statement). */
  perYear: boolean;
  /** The range of maxNodes when it is not coauthorNetwork's. */
  maxNodes?: IntRange;
  write(graph: ExportGraph): string;
}

export const NETWORK_FORMATS: NetworkFormat[] = [
  {
    suffix: ".gexf",
    label: "GEXF 1.3 (dynamic; Gephi, Gephi Lite)",
    contentType: "application/gexf+xml; charset=utf-8",
    perYear: true,
    write: (g) => writeGexf(g),
  },
  {
    suffix: ".graphml",
    label: "GraphML (networkx, yEd, Cytoscape)",
    contentType: "application/graphml+xml; charset=utf-8",
    perYear: true,
    write: writeGraphml,
  },
  { suffix: ".cyjs", label: "Cytoscape.js JSON", contentType: "application/json; charset=utf-8", perYear: true, write: writeCytoscape },
  {
    suffix: "-nodes.csv",
    label: "CSV, nodes",
    contentType: "text/csv; charset=utf-8; header=present",
    perYear: false,
    write: writeNodesCsv,
  },
  {
    suffix: "-edges.csv",
    label: "CSV, edges",
    contentType: "text/csv; charset=utf-8; header=present",
    perYear: true,
    write: writeEdgesCsv,
  },
  { suffix: ".net", label: "Pajek .net", contentType: "text/plain; charset=utf-8", perYear: false, write: writePajek },
  {
    suffix: ".vosviewer.json",
    label: "VOSviewer JSON",
    contentType: "application/json; charset=utf-8",
    perYear: false,
    write: writeVosviewer,
  },
  {
    suffix: ".grafana.json",
    label: "Grafana Node Graph frames",
    contentType: "application/json; charset=utf-8",
    perYear: false,
    maxNodes: GRAFANA_NODES,
    write: writeGrafana,
  },
];

export function networkFormat(suffix: string): NetworkFormat | undefined {
  return NETWORK_FORMATS.find((format) => format.suffix === suffix);
}
