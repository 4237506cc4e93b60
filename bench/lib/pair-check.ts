import type { Database } from "../../src/db/database";

/** Coauthor pairs recounted from the AUTHORED edges (the source of truth) against the stored COAUTHORED_WITH edges. */
export interface PairCheck {
  /** Pairs of authors with at least one joint paper, recounted. */
  expectedPairs: number;
  /** Their joint papers, summed. */
  expectedPaperSum: number;
  storedPairs: number;
  storedPaperSum: number;
  /** Recounted pairs whose edge is missing or whose papers, firstYear or lastYear differ. */
  wrong: number;
  /** Stored edges with no joint paper behind them, or stored with the higher id first. */
  stale: number;
  exact: boolean;
  seconds: number;
}

/*
 * One author at a time (a CALL per author), so Neo4j never holds the whole pair table: the check stays in bounded
 * memory at dblp size, where test/support/graph-checks.ts's single aggregation (which also compares the per-paper
 * entries) would not. Pairs are counted from the lower id's side, as the importer stores them.
 */
const RECOUNT = `
MATCH (a:Author)
CALL (a) {
  MATCH (a)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(b:Author)
  WHERE a.id < b.id
  WITH b, count(DISTINCT p) AS expected, min(p.year) AS fy, max(p.year) AS ly
  OPTIONAL MATCH (a)-[r:COAUTHORED_WITH]->(b)
  RETURN count(*) AS pairs, sum(expected) AS paperSum,
    sum(CASE WHEN r IS NULL OR r.papers <> expected OR coalesce(r.firstYear, -1) <> coalesce(fy, -1)
      OR coalesce(r.lastYear, -1) <> coalesce(ly, -1) THEN 1 ELSE 0 END) AS wrong
}
RETURN sum(pairs) AS expectedPairs, sum(paperSum) AS expectedPaperSum, sum(wrong) AS wrong`;

const STORED = `
MATCH (a:Author)-[r:COAUTHORED_WITH]->(b:Author)
RETURN count(r) AS storedPairs, sum(r.papers) AS storedPaperSum,
  sum(CASE WHEN NOT a.id < b.id OR NOT EXISTS { (a)-[:AUTHORED]->(:Paper)<-[:AUTHORED]-(b) } THEN 1 ELSE 0 END) AS stale`;

export async function checkPairs(db: Database): Promise<PairCheck> {
  const started = Date.now();
  const timeoutMs = 60 * 60_000;
  const [recount] = await db.read(RECOUNT, {}, { timeoutMs });
  const [stored] = await db.read(STORED, {}, { timeoutMs });
  const n = (value: unknown) => Number(value ?? 0);
  const check = {
    expectedPairs: n(recount.get("expectedPairs")),
    expectedPaperSum: n(recount.get("expectedPaperSum")),
    wrong: n(recount.get("wrong")),
    storedPairs: n(stored.get("storedPairs")),
    storedPaperSum: n(stored.get("storedPaperSum")),
    stale: n(stored.get("stale")),
  };
  return {
    ...check,
    // Equal totals and no wrong or stale edge: every recounted pair has its exact edge and no edge is extra.
    exact:
      check.wrong === 0 &&
      check.stale === 0 &&
      check.expectedPairs === check.storedPairs &&
      check.expectedPaperSum === check.storedPaperSum,
    seconds: (Date.now() - started) / 1000,
  };
}
