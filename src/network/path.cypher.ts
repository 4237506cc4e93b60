import { AUTHOR_MAP } from "../graphql/projections.cypher";

/**
 * collaborationPath uses Neo4j's SHORTEST path search, whose hop bound must be a literal. The
 * statement is therefore assembled at run time from fixed fragments: one of eight literal
 * quantifiers, picked by the validated maxLength (1..8). No value is ever written into the text.
 * test/unit/graphql/path.cypher.test.ts snapshots every variant.
 */
const HOP_BOUNDS = ["{1,1}", "{1,2}", "{1,3}", "{1,4}", "{1,5}", "{1,6}", "{1,7}", "{1,8}"] as const;

export const MAX_PATH_HOPS = HOP_BOUNDS.length;

const ENDPOINTS = `MATCH (source:Author {id: $fromId}), (target:Author {id: $toId})`;

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

const RETURN_AUTHORS = `RETURN [a IN nodes(path) WHERE a:Author | ${AUTHOR_MAP}] AS authors`;

/** The shortest-path statement for at most `maxLength` hops (already validated to 1..8). */
export function shortestPathStatement(maxLength: number, windowed: boolean): string {
  const bound = HOP_BOUNDS[maxLength - 1];
  if (bound === undefined) throw new RangeError(`maxLength ${maxLength} outside 1..${MAX_PATH_HOPS}`);
  const hops = windowed ? `${WINDOW_HOPS}${bound}${WINDOW_TARGET}` : `${COAUTHOR_HOPS}${bound}${COAUTHOR_TARGET}`;
  return [ENDPOINTS, hops, RETURN_AUTHORS].join("\n");
}
