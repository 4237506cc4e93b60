import { Database, Params } from "../../src/db/database";

/**
 * Independent checks of the importer's invariants, computed from the AUTHORED edges (the source of truth)
 * rather than from anything the importer materialised.
 */

/** Two years differ, a missing year (no paper has one) included: `<>` alone is null, not true, when one side is null. */
const differs = (stored: string, expected: string) => `coalesce(${stored}, -1) <> coalesce(${expected}, -1)`;

/**
 * The tie's [year (0 for none), byline size] entries, one per joint paper, equal as multisets to `entries` recomputed
 * from the AUTHORED edges: same count, and every expected entry held as often as expected.
 */
export const SAME_ENTRIES = `(r.paperYears IS NOT NULL AND r.paperSizes IS NOT NULL
  AND size(r.paperYears) = size(entries) AND size(r.paperSizes) = size(entries)
  AND all(e IN entries WHERE
    size([i IN range(0, size(entries) - 1) WHERE r.paperYears[i] = e[0] AND r.paperSizes[i] = e[1]]) =
    size([x IN entries WHERE x = e])))`;

/** Pairs whose COAUTHORED_WITH is missing, wrong, reversed or stale. Empty means the materialised edges are exact. */
export async function coauthorEdgeMismatches(db: Database): Promise<string[]> {
  const rows = await db.read(`
    CALL () {
      MATCH (a:Author)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(b:Author)
      WHERE a.id < b.id
      WITH DISTINCT a, b, p
      WITH a, b, count(p) AS expected, min(p.year) AS fy, max(p.year) AS ly,
           collect([coalesce(p.year, 0), COUNT { (p)<-[:AUTHORED]-() }]) AS entries
      OPTIONAL MATCH (a)-[r:COAUTHORED_WITH]->(b)
      WITH a, b, expected, fy, ly, r, entries
      WHERE r IS NULL OR r.papers <> expected OR ${differs("r.firstYear", "fy")} OR ${differs("r.lastYear", "ly")}
        OR NOT ${SAME_ENTRIES}
      RETURN a.id + ' ~ ' + b.id + ': expected ' + expected + ' [' + reduce(s = '', e IN entries | s + toString(e[0]) + '/' + toString(e[1]) + ' ') +
        '], stored ' + coalesce(toString(r.papers), 'none') + ' [' +
        reduce(s = '', i IN range(0, size(coalesce(r.paperYears, [])) - 1) | s + toString(r.paperYears[i]) + '/' + coalesce(toString(r.paperSizes[i]), '?') + ' ') + ']' AS problem
      UNION
      MATCH (a:Author)-[r:COAUTHORED_WITH]->(b:Author)
      WHERE NOT a.id < b.id OR NOT EXISTS { (a)-[:AUTHORED]->(:Paper)<-[:AUTHORED]-(b) }
      RETURN 'stale or reversed edge ' + a.id + ' -> ' + b.id AS problem
      UNION
      MATCH (a:Author)-[r:COAUTHORED_WITH]-(b:Author)
      WITH a, b, count(r) AS n WHERE n > 1
      RETURN 'duplicate edge ' + a.id + ' ~ ' + b.id AS problem
    }
    RETURN problem ORDER BY problem LIMIT 50`);
  return rows.map((r) => r.get("problem"));
}

/** Author stats recomputed from AUTHORED edges that differ from the stored ones. */
export async function authorStatMismatches(db: Database): Promise<string[]> {
  const rows = await db.read(`
    MATCH (a:Author)
    OPTIONAL MATCH (a)-[:AUTHORED]->(p:Paper)
    WITH a, count(p) AS n, min(p.year) AS fy, max(p.year) AS ly
    WHERE a.paperCount <> n OR ${differs("a.firstYear", "fy")} OR ${differs("a.lastYear", "ly")} OR a.paperCount IS NULL
    RETURN a.id + ': paperCount ' + toString(a.paperCount) + ' vs ' + n AS problem LIMIT 50`);
  return rows.map((r) => r.get("problem"));
}

/**
 * Everything identity decides, as sorted text: authors, papers with their sources, authorships and coauthor edges.
 * Two imports of the same records in different orders must give the same snapshot.
 */
export async function identitySnapshot(db: Database): Promise<string[]> {
  const rows = await db.read(`
    CALL () {
      MATCH (a:Author) RETURN 'author ' + a.id + ' name=' + a.name + ' papers=' + toString(a.paperCount) AS line
      UNION
      MATCH (p:Paper) RETURN 'paper ' + p.id + ' sources=' + reduce(s = '', k IN p.sourceKeys | s + k + ',') AS line
    }
    RETURN line`);
  const edges = await db.read(`
    CALL () {
      MATCH (a:Author)-[r:AUTHORED]->(p:Paper) RETURN 'authored ' + a.id + ' -> ' + p.id AS line
      UNION
      MATCH (a:Author)-[r:COAUTHORED_WITH]->(b:Author) RETURN 'coauthored ' + a.id + ' -> ' + b.id + ' ' + toString(r.papers) AS line
      UNION
      MATCH (p:Paper)-[:PUBLISHED_IN]->(v:Venue) RETURN 'venue ' + p.id + ' -> ' + v.id AS line
    }
    RETURN line`);
  const sortSources = (line: string) =>
    line.startsWith("paper ")
      ? line.replace(/sources=(.*)$/, (_, s: string) => `sources=${s.split(",").filter(Boolean).sort().join(",")}`)
      : line;
  return [...rows, ...edges].map((r) => sortSources(r.get("line") as string)).sort();
}

export async function countOf(db: Database, cypher: string, params: Params = {}): Promise<number> {
  const [row] = await db.read(cypher, params);
  return row.get(0) as number;
}

/** ImportRun fields that differ between any two runs (ids, clocks) and so are left out of fullGraphSnapshot. */
const RUN_VOLATILE = new Set([
  "id",
  "startedAt",
  "finishedAt",
  "seconds",
  "stageSeconds",
  "bulk",
  "coauthorPairsCreated",
  "coauthorPairsRecomputed",
  "pairsCreated",
  "pairsAdded",
]);

/**
 * Every node with its labels and every property, and every relationship with its type, ends and properties, as
 * sorted text lines: two graphs with the same snapshot are the same graph. Import runs keep what identifies the
 * data (source, format, sha256, status, record counts) and drop clocks and how the pairs were produced.
 */
export async function fullGraphSnapshot(db: Database): Promise<string[]> {
  const nodes = await db.read(`
    MATCH (n)
    RETURN labels(n) AS labels, properties(n) AS props`);
  const relationships = await db.read(`
    MATCH (a)-[r]->(b)
    RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props`);
  return snapshotLines(
    nodes.map((row) => ({ labels: row.get("labels") as string[], props: row.get("props") as Record<string, unknown> })),
    relationships.map((row) => ({
      type: row.get("type") as string,
      from: row.get("from") as string,
      to: row.get("to") as string,
      props: row.get("props") as Record<string, unknown>,
    })),
  );
}

export interface SnapshotNode {
  labels: string[];
  props: Record<string, unknown>;
}

export interface SnapshotRelationship {
  type: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
}

/** The lines of fullGraphSnapshot, from nodes and relationships read anywhere (Neo4j, or the CSVs of a bulk load). */
export function snapshotLines(nodes: SnapshotNode[], relationships: SnapshotRelationship[]): string[] {
  const lines: string[] = [];
  for (const node of nodes) {
    const labels = [...node.labels].sort().join(":");
    // The version counts changing transactions, which differ between an online and a bulk import of the same files.
    if (labels === "GraphVersion") continue;
    const props = { ...node.props };
    if (labels === "ImportRun") {
      const counts = JSON.parse((props.counts as string | undefined) ?? "{}") as Record<string, unknown>;
      props.counts = sortedJson(Object.fromEntries(Object.entries(counts).filter(([k]) => !RUN_VOLATILE.has(k))));
      for (const key of RUN_VOLATILE) delete props[key];
    }
    lines.push(`(:${labels} ${sortedJson(props)})`);
  }
  for (const r of relationships) lines.push(`(${r.from})-[:${r.type} ${sortedJson(canonicalTie(r))}]->(${r.to})`);
  return lines.sort();
}

/** A tie's joint-paper entries (paperYears/paperSizes, parallel) are a multiset: sorted here, as pairs, to compare. */
function canonicalTie(r: SnapshotRelationship): Record<string, unknown> {
  const { paperYears, paperSizes } = r.props as { paperYears?: number[]; paperSizes?: number[] };
  if (r.type !== "COAUTHORED_WITH" || !Array.isArray(paperYears) || !Array.isArray(paperSizes)) return r.props;
  const entries = paperYears.map((year, i) => [year, paperSizes[i]] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return { ...r.props, paperYears: entries.map((e) => e[0]), paperSizes: entries.map((e) => e[1]) };
}

function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${sortedJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
