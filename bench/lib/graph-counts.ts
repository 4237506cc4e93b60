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

/**
 * Sums and counts over every property the importer writes (not a hash of the text, which Cypher lacks, but enough
 * that a different identity decision, stat, year or flag anywhere shows): two imports that should build the same
 * graph must give the same fingerprint.
 */
const FINGERPRINT = `
CALL () { MATCH (a:Author) RETURN count(a) AS authors, sum(a.paperCount) AS paperCounts, sum(coalesce(a.firstYear, 0)) AS authorFirstYears,
  sum(coalesce(a.lastYear, 0)) AS authorLastYears, sum(size(a.aliases)) AS aliases, count(a.orcid) AS orcids,
  sum(CASE WHEN a.keyed THEN 1 ELSE 0 END) AS keyed, sum(size(a.name)) AS nameLengths }
CALL () { MATCH (p:Paper) RETURN count(p) AS papers, sum(size(p.sourceKeys)) AS sourceKeys, count(p.doi) AS dois, count(p.url) AS urls,
  count(p.pages) AS pages, count(p.abstract) AS abstracts, sum(coalesce(p.year, 0)) AS paperYears, sum(size(p.title)) AS titleLengths }
CALL () { MATCH ()-[r:AUTHORED]->() RETURN count(r) AS authored, sum(r.position) AS positions, sum(CASE WHEN r.named THEN 1 ELSE 0 END) AS named }
CALL () { MATCH ()-[r:COAUTHORED_WITH]->() RETURN count(r) AS pairs, sum(r.papers) AS pairPapers, sum(coalesce(r.firstYear, 0)) AS pairFirstYears,
  sum(coalesce(r.lastYear, 0)) AS pairLastYears }
CALL () { MATCH (v:Venue) RETURN count(v) AS venues, count(v.acronym) AS acronyms, sum(size(v.name)) AS venueNameLengths }
CALL () { MATCH (p:Paper)-[:PUBLISHED_IN]->(v:Venue) RETURN count(*) AS publishedIn, sum(size(v.id)) AS venueIdLengths }
RETURN *`;

export async function graphFingerprint(db: Database): Promise<Record<string, number>> {
  const [record] = await db.read(FINGERPRINT, {}, { timeoutMs: 10 * 60_000 });
  return record.toObject() as Record<string, number>;
}
