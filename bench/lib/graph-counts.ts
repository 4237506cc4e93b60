import { Database } from "../../src/db/database";

/** What the identity rules and the pair recomputation must keep exact across imports and re-imports. */
export interface GraphCounts {
  papers: number;
  authors: number;
  venues: number;
  authored: number;
  publishedIn: number;
  coauthorPairs: number;
  coauthorPaperSum: number;
}

const COUNT_GRAPH = `
CALL () { MATCH (p:Paper) RETURN count(p) AS papers }
CALL () { MATCH (a:Author) RETURN count(a) AS authors }
CALL () { MATCH (v:Venue) RETURN count(v) AS venues }
CALL () { MATCH ()-[r:AUTHORED]->() RETURN count(r) AS authored }
CALL () { MATCH ()-[r:PUBLISHED_IN]->() RETURN count(r) AS publishedIn }
CALL () { MATCH ()-[r:COAUTHORED_WITH]->() RETURN count(r) AS coauthorPairs, sum(r.papers) AS coauthorPaperSum }
RETURN papers, authors, venues, authored, publishedIn, coauthorPairs, coauthorPaperSum`;

export async function graphCounts(db: Database): Promise<GraphCounts> {
  const [record] = await db.read(COUNT_GRAPH, {}, { timeoutMs: 10 * 60_000 });
  return record.toObject() as unknown as GraphCounts;
}

export function sameCounts(a: GraphCounts, b: GraphCounts): boolean {
  return (Object.keys(a) as Array<keyof GraphCounts>).every((k) => a[k] === b[k]);
}
