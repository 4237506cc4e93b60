import { AUTHOR_MAP, PAPER_IN_WINDOW, PAPER_MAP, PAPER_UNDER_CAP } from "../kernel/projections.cypher";
import { KEPT_ENTRIES } from "../kernel/ties.cypher";

/**
 * collaborationPath uses Neo4j's SHORTEST path search, whose hop bound must be a literal. The
 * statement is therefore assembled at run time from fixed fragments: one of eight literal
 * quantifiers, picked by the validated maxLength (1..8). No value is ever written into the text.
 * test/unit/network/path.cypher.test.ts snapshots every variant.
 */
const HOP_BOUNDS = ["{1,1}", "{1,2}", "{1,3}", "{1,4}", "{1,5}", "{1,6}", "{1,7}", "{1,8}"] as const;

export const MAX_PATH_HOPS = HOP_BOUNDS.length;

/** All-time: a hop is a materialised COAUTHORED_WITH relationship. */
const COAUTHOR_HOPS = `MATCH path = SHORTEST 1 (source)-[:COAUTHORED_WITH]-`;
const COAUTHOR_TARGET = `(target)`;

/**
 * Inside a year window: a hop is author -> joint paper in the window <- author, so the path is
 * exact for the window (COAUTHORED_WITH only knows first and last years, not the years between).
 */
const WINDOW_HOPS = `MATCH path = SHORTEST 1 (source) ((:Author)-[:AUTHORED]->(w:Paper)<-[:AUTHORED]-(:Author)
  WHERE ($yearFrom IS NULL OR w.year >= $yearFrom) AND ($yearTo IS NULL OR w.year <= $yearTo))`;
const WINDOW_TARGET = ` (target)`;

/**
 * With a byline cap ($maxAuthors): a hop is a COAUTHORED_WITH tie with at least one joint-paper entry inside the cap
 * (and the window), read from the tie's paperSizes/paperYears, so a 450-author paper makes no hop.
 */
const RULE_HOPS = `MATCH path = SHORTEST 1 (source) (()-[r:COAUTHORED_WITH]-() WHERE size(${KEPT_ENTRIES}) > 0)`;

/** The SHORTEST path pattern for at most `maxLength` hops (already validated to 1..8). */
function pathPattern(maxLength: number, windowed: boolean, capped: boolean): string {
  const bound = HOP_BOUNDS[maxLength - 1];
  if (bound === undefined) throw new RangeError(`maxLength ${maxLength} outside 1..${MAX_PATH_HOPS}`);
  if (capped) return `${RULE_HOPS}${bound}${WINDOW_TARGET}`;
  return windowed ? `${WINDOW_HOPS}${bound}${WINDOW_TARGET}` : `${COAUTHOR_HOPS}${bound}${COAUTHOR_TARGET}`;
}

/**
 * The whole collaborationPath in one statement (two different, known or unknown ids): whether
 * each end exists, the authors along one shortest path (null when none within maxLength) and,
 * per hop, the joint papers behind it, newest first, inside the window when one is given.
 */
export function collaborationPathStatement(maxLength: number, windowed: boolean, capped = false): string {
  const hops = pathPattern(maxLength, windowed, capped);
  return `OPTIONAL MATCH (source:Author {id: $fromId})
OPTIONAL MATCH (target:Author {id: $toId})
OPTIONAL CALL (source, target) {
  WITH source, target WHERE source IS NOT NULL AND target IS NOT NULL
  ${hops.replace(/\n/g, "\n  ")}
  RETURN [n IN nodes(path) WHERE n:Author] AS chain
}
CALL (chain) {
  UNWIND range(0, coalesce(size(chain), 0) - 2) AS hop
  WITH hop, chain[hop] AS x, chain[hop + 1] AS y
  CALL (x, y) {
    MATCH (x)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(y)
    WHERE ${PAPER_IN_WINDOW} AND ${PAPER_UNDER_CAP}
    WITH DISTINCT p
    ORDER BY coalesce(p.year, -1) DESC, p.id ASC
    RETURN collect(${PAPER_MAP}) AS papers
  }
  WITH hop, papers ORDER BY hop
  RETURN collect(papers) AS evidence
}
RETURN source IS NOT NULL AS fromFound, target IS NOT NULL AS toFound,
  CASE WHEN chain IS NULL THEN null ELSE [a IN chain | ${AUTHOR_MAP}] END AS authors, evidence`;
}
