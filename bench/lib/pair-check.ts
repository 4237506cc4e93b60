import type { Database } from "../../src/db/database";
import { SAME_ENTRIES } from "../../test/support/graph-checks";

/** Coauthor pairs recounted from the AUTHORED edges (the source of truth) against the stored COAUTHORED_WITH edges. */
export interface PairCheck {
  /** Pairs of authors with at least one joint paper, recounted. */
  expectedPairs: number;
  /** Their joint papers, summed. */
  expectedPaperSum: number;
  storedPairs: number;
  storedPaperSum: number;
  /**
   * Recounted pairs whose edge is missing or whose papers, firstYear, lastYear or joint-paper entries (each joint
   * paper's year and byline size: what every tie strength scheme and byline cap reads) differ.
   */
  wrong: number;
  /** Authors (of those checked) whose paperCount, firstYear or lastYear differ from their papers'. */
  wrongAuthors: number;
  /** Stored edges with no joint paper behind them, or stored with the higher id first. */
  stale: number;
  exact: boolean;
  seconds: number;
  /**
   * Absent: every pair of the graph. Otherwise the pairs with at least one author in a set (each counted once): the
   * authors of the papers the month's records touched, and every k-th author in id order as a sample of the rest.
   */
  scope?: { monthAuthors: number; monthPapers: number; sampledAuthors: number; sampleStep: number; authors: number };
}

/**
 * The pairs counted from author a's side (`side` says which b), each recounted from the AUTHORED edges (joint papers,
 * first and last year, the [year, byline size] entry of each joint paper) against its stored edge (`edge`, binding r).
 */
const PAIRS_FROM_A = (side: string, edge: string) => `MATCH (a)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(b:Author)
  WHERE ${side}
  WITH DISTINCT a, b, p
  WITH a, b, count(p) AS expected, min(p.year) AS fy, max(p.year) AS ly,
       collect([coalesce(p.year, 0), COUNT { (p)<-[:AUTHORED]-() }]) AS entries
  OPTIONAL MATCH ${edge}
  RETURN count(*) AS pairs, sum(expected) AS paperSum,
    sum(CASE WHEN r IS NULL OR r.papers <> expected OR coalesce(r.firstYear, -1) <> coalesce(fy, -1)
      OR coalesce(r.lastYear, -1) <> coalesce(ly, -1) OR NOT ${SAME_ENTRIES} THEN 1 ELSE 0 END) AS wrong`;

/** Author a's stored paperCount, firstYear and lastYear against its papers: 1 when one differs. */
const AUTHOR_STATS_OF_A = `OPTIONAL MATCH (a)-[:AUTHORED]->(p:Paper)
  WITH a, count(p) AS n, min(p.year) AS fy, max(p.year) AS ly
  RETURN CASE WHEN a.paperCount IS NULL OR a.paperCount <> n OR coalesce(a.firstYear, -1) <> coalesce(fy, -1)
    OR coalesce(a.lastYear, -1) <> coalesce(ly, -1) THEN 1 ELSE 0 END AS wrongAuthor`;

/*
 * One author at a time (a CALL per author), so Neo4j never holds the whole pair table: the check stays in bounded
 * memory at dblp size, where test/support/graph-checks.ts's single aggregation (which also compares the per-paper
 * entries) would not. Pairs are counted from the lower id's side, as the importer stores them.
 */
const RECOUNT = `
MATCH (a:Author)
CALL (a) {
  ${PAIRS_FROM_A("a.id < b.id", "(a)-[r:COAUTHORED_WITH]->(b)")}
}
CALL (a) {
  ${AUTHOR_STATS_OF_A}
}
RETURN sum(pairs) AS expectedPairs, sum(paperSum) AS expectedPaperSum, sum(wrong) AS wrong, sum(wrongAuthor) AS wrongAuthors`;

const STORED = `
MATCH (a:Author)-[r:COAUTHORED_WITH]->(b:Author)
RETURN count(r) AS storedPairs, sum(r.papers) AS storedPaperSum,
  sum(CASE WHEN NOT a.id < b.id OR NOT EXISTS { (a)-[:AUTHORED]->(:Paper)<-[:AUTHORED]-(b) } THEN 1 ELSE 0 END) AS stale`;

/** Equal totals and no wrong or stale edge, no wrong author: every recounted pair has its exact edge and none is extra. */
function isExact(c: Omit<PairCheck, "exact" | "seconds" | "scope">): boolean {
  return (
    c.wrong === 0 && c.wrongAuthors === 0 && c.stale === 0 && c.expectedPairs === c.storedPairs && c.expectedPaperSum === c.storedPaperSum
  );
}

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
    wrongAuthors: n(recount.get("wrongAuthors")),
    storedPairs: n(stored.get("storedPairs")),
    storedPaperSum: n(stored.get("storedPaperSum")),
    stale: n(stored.get("stale")),
  };
  return {
    ...check,
    exact: isExact(check),
    seconds: (Date.now() - started) / 1000,
  };
}

/*
 * The same recount for the pairs of a set of authors, for graphs where recounting every pair is too slow (34M pairs at
 * 8M records). A pair {a, b} is in scope when a or b is in the set, and is counted from a's side when b is not in the
 * set or a.id < b.id, so each is counted once; the stored edges of the same pairs are counted the same way.
 */
const RECOUNT_OF = `
UNWIND $ids AS id
MATCH (a:Author {id: id})
CALL (a) {
  ${PAIRS_FROM_A("a.id < b.id OR NOT b.id IN $ids", "(a)-[r:COAUTHORED_WITH]-(b) WHERE startNode(r).id < endNode(r).id")}
}
CALL (a) {
  ${AUTHOR_STATS_OF_A}
}
CALL (a) {
  MATCH (a)-[r:COAUTHORED_WITH]-(b:Author)
  WHERE a.id < b.id OR NOT b.id IN $ids
  RETURN count(r) AS storedPairs, sum(r.papers) AS storedPaperSum,
    sum(CASE WHEN NOT startNode(r).id < endNode(r).id OR NOT EXISTS { (a)-[:AUTHORED]->(:Paper)<-[:AUTHORED]-(b) } THEN 1 ELSE 0 END) AS stale
}
RETURN sum(pairs) AS expectedPairs, sum(paperSum) AS expectedPaperSum, sum(wrong) AS wrong, sum(wrongAuthor) AS wrongAuthors,
  sum(storedPairs) AS storedPairs, sum(storedPaperSum) AS storedPaperSum, sum(stale) AS stale`;

/** Authors of the papers that carry one of the dblp keys (the month's records): one scan of the papers. */
const AUTHORS_OF_KEYS = `
MATCH (p:Paper)
WHERE any(k IN p.sourceKeys WHERE k IN $keys)
WITH collect(p) AS papers
UNWIND papers AS p
MATCH (p)<-[:AUTHORED]-(a:Author)
RETURN size(papers) AS papers, collect(DISTINCT a.id) AS ids`;

/** Every `step`-th author in id order (read from the id index): a systematic sample, the same for the same graph. */
const EVERY_KTH_AUTHOR = `
MATCH (a:Author)
WHERE a.id IS NOT NULL
WITH a.id AS id ORDER BY id
WITH collect(id) AS ids
RETURN [i IN range(0, size(ids) - 1, $step) | ids[i]] AS ids`;

/** The dblp keys of a dblp XML file's records (`key="…"` of every element that has one). */
export function dblpKeys(xml: string): string[] {
  return [...xml.matchAll(/\bkey="([^"]+)"/g)].map((m) => `dblp:${m[1]}`);
}

/**
 * The recount limited to the authors of the papers that carry `keys` (the month's records) and every `sampleStep`-th
 * author of the graph, `chunk` authors a statement.
 */
export async function checkPairsOf(
  db: Database,
  opts: { keys: string[]; sampleStep: number; chunk?: number; log?: (line: string) => void },
): Promise<PairCheck> {
  const started = Date.now();
  const timeoutMs = 60 * 60_000;
  const n = (value: unknown) => Number(value ?? 0);
  const [touched] = await db.read(AUTHORS_OF_KEYS, { keys: opts.keys }, { timeoutMs });
  const monthAuthors = touched.get("ids") as string[];
  const [sample] = await db.read(EVERY_KTH_AUTHOR, { step: opts.sampleStep }, { timeoutMs });
  const sampled = sample.get("ids") as string[];
  const ids = [...new Set([...monthAuthors, ...sampled])].sort();
  opts.log?.(
    `  pair check: ${monthAuthors.length} authors of ${n(touched.get("papers"))} papers with the month's keys, ` +
      `${sampled.length} sampled (every ${opts.sampleStep}th), ${ids.length} in all`,
  );
  const totals = { expectedPairs: 0, expectedPaperSum: 0, wrong: 0, wrongAuthors: 0, storedPairs: 0, storedPaperSum: 0, stale: 0 };
  const chunk = opts.chunk ?? 10_000;
  for (let i = 0; i < ids.length; i += chunk) {
    // Membership is asked of the whole set (a pair inside the set is counted once, from its lower id).
    const [row] = await db.read(
      RECOUNT_OF.replace("UNWIND $ids AS id", "UNWIND $slice AS id"),
      { slice: ids.slice(i, i + chunk), ids },
      { timeoutMs },
    );
    for (const key of Object.keys(totals) as Array<keyof typeof totals>) totals[key] += n(row.get(key));
    opts.log?.(`  pair check: ${Math.min(ids.length, i + chunk)}/${ids.length} authors, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  return {
    ...totals,
    exact: isExact(totals),
    seconds: (Date.now() - started) / 1000,
    scope: {
      monthAuthors: monthAuthors.length,
      monthPapers: n(touched.get("papers")),
      sampledAuthors: sampled.length,
      sampleStep: opts.sampleStep,
      authors: ids.length,
    },
  };
}
