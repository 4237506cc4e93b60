import type { CoauthorListRow, ExportGraph } from "./export.model";
import { perYearText } from "./xml-text";

/*
 * RFC 4180 CSV with a header row and CRLF line ends, one file for the nodes and one for the edges
 * (the shape Gephi's spreadsheet import, pandas and R read without options).
 */

type Cell = string | number | null;

function cell(value: Cell): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRows(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}

export function writeNodesCsv(graph: ExportGraph): string {
  return csvRows(
    ["id", "name", "papers", "coauthors", "firstYear", "lastYear", "meanYear", "distance", "aliases", "orcid"],
    graph.nodes.map((n) => [
      n.id,
      n.name,
      n.papers,
      n.coauthors,
      n.firstYear,
      n.lastYear,
      n.meanYear === null ? null : Number(n.meanYear.toFixed(2)),
      n.distance,
      n.aliases.join("|"),
      n.orcid,
    ]),
  );
}

export function writeEdgesCsv(graph: ExportGraph): string {
  return csvRows(
    // strength last: it came after the others, and readers that take columns by position keep theirs.
    ["source", "target", "jointPapers", "firstYear", "lastYear", "papersByYear", "strength"],
    graph.edges.map((e) => [e.source, e.target, e.jointPapers, e.firstYear, e.lastYear, perYearText(e.perYear), e.strength]),
  );
}

export function writeCoauthorsCsv(rows: CoauthorListRow[]): string {
  return csvRows(
    ["id", "name", "jointPapers", "firstYear", "lastYear", "papers", "strength"],
    rows.map((r) => [r.id, r.name, r.jointPapers, r.firstYear, r.lastYear, r.papers, r.strength]),
  );
}
