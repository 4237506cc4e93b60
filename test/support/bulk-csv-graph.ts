import { readFileSync } from "node:fs";
import { ARRAY_DELIMITER, BulkCsv } from "../../import/bulk/bulk-csv";
import { snapshotLines, SnapshotNode, SnapshotRelationship } from "./graph-checks";

/**
 * The graph that `neo4j-admin database import full` loads from the CSVs of `import --bulk`, read straight from the
 * files with neo4j-admin's rules for them (default options: "," between fields, '"' quotes with "" inside, quoted
 * fields may span lines, no trimming, typed headers, the ID column stored as a property), followed by what
 * bulk-import.ts does after the load (FILL_MISSING_ALIASES). It lets the differential test compare hundreds of
 * cases without starting neo4j-admin and Neo4j for each; bulk-equivalence.test.ts checks, on every fixture, that
 * this reading gives exactly the graph the real load gives.
 *
 * It refuses what it cannot be sure neo4j-admin reads the same way (a quoted empty string outside a list), so it
 * fails loudly rather than agree with a wrong guess.
 */
export function bulkCsvSnapshot(csv: BulkCsv): string[] {
  const nodes: SnapshotNode[] = [];
  const relationships: SnapshotRelationship[] = [];
  for (const input of csv.nodes) {
    for (const row of readCsvFile(input.file)) nodes.push({ labels: [input.label, ...(row.labels ?? [])], props: row.props });
  }
  for (const input of csv.relationships) {
    for (const row of readCsvFile(input.file)) relationships.push({ type: input.label, from: row.start!, to: row.end!, props: row.props });
  }
  // FILL_MISSING_ALIASES (bulk.cypher.ts): an empty list cannot be written in the CSV, so it is set after the load.
  for (const node of nodes) if (node.labels.includes("Author") && node.props.aliases === undefined) node.props.aliases = [];
  return snapshotLines(nodes, relationships);
}

interface Column {
  name: string;
  type: string;
}

interface CsvRow {
  props: Record<string, unknown>;
  start?: string;
  end?: string;
  /** A :LABEL column's labels, besides the file's own. */
  labels?: string[];
}

function readCsvFile(file: string): CsvRow[] {
  const [header, ...rows] = parseCsv(readFileSync(file, "utf8"), file);
  const columns: Column[] = header.map((f) => {
    const colon = f.text.indexOf(":");
    return colon < 0 ? { name: f.text, type: "string" } : { name: f.text.slice(0, colon), type: f.text.slice(colon + 1) };
  });
  return rows.map((fields, line) => {
    if (fields.length !== columns.length)
      throw new Error(`${file}: row ${line + 2} has ${fields.length} fields, the header ${columns.length}`);
    const row: CsvRow = { props: {} };
    columns.forEach((column, i) => {
      const { text, quoted } = fields[i];
      if (column.type.startsWith("START_ID")) row.start = text;
      else if (column.type.startsWith("END_ID")) row.end = text;
      else if (column.type === "LABEL" && text !== "") row.labels = text.split(ARRAY_DELIMITER);
      if (!column.name || (text === "" && (!quoted || column.type.endsWith("[]")))) return; // no property
      if (text === "" && quoted) {
        throw new Error(
          `${file}: row ${line + 2} holds a quoted empty string in ${column.name}; check what neo4j-admin loads for it, then teach bulk-csv-graph.ts`,
        );
      }
      row.props[column.name] = typed(text, column.type, file);
    });
    return row;
  });
}

function typed(text: string, type: string, file: string): unknown {
  if (type === "string" || type.startsWith("ID(")) return text;
  if (type === "int") return Number(text);
  if (type === "boolean") return text === "true";
  if (type === "string[]") return text.split(ARRAY_DELIMITER);
  if (type === "int[]") return text.split(ARRAY_DELIMITER).map(Number);
  throw new Error(`${file}: column type ${type} is not one bulk-csv.ts writes; teach bulk-csv-graph.ts to read it`);
}

interface Field {
  text: string;
  quoted: boolean;
}

/** RFC 4180 as neo4j-admin reads it by default: quoted fields may hold "," "\n" and "" (one quote). */
function parseCsv(content: string, file: string): Field[][] {
  const rows: Field[][] = [];
  let row: Field[] = [];
  let i = 0;
  while (i < content.length) {
    let text = "";
    let quoted = false;
    if (content[i] === '"') {
      quoted = true;
      i++;
      for (;;) {
        const close = content.indexOf('"', i);
        if (close < 0) throw new Error(`${file}: unclosed quote`);
        text += content.slice(i, close);
        i = close + 1;
        if (content[i] !== '"') break;
        text += '"';
        i++;
      }
    } else {
      while (i < content.length && content[i] !== "," && content[i] !== "\n") text += content[i++];
    }
    row.push({ text, quoted });
    if (content[i] === ",") i++;
    else if (content[i] === "\n" || i >= content.length) {
      rows.push(row);
      row = [];
      i++;
    } else throw new Error(`${file}: unexpected ${JSON.stringify(content[i])} after a quoted field`);
  }
  return rows;
}
