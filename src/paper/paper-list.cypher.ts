import { textKey } from "../kernel/keyset.cypher";
import { PAPER_MAP } from "../kernel/projections.cypher";

/**
 * The top-level `papers` list is the one statement assembled at run time: which source, which
 * filters and whether a cursor applies change the plan (a year range can use the Paper.year
 * index only when the predicate is really there). It is assembled from the fixed fragments below,
 * never from values; every value is a parameter. test/unit/paper/paper-list.cypher.test.ts
 * snapshots each shape.
 */
export interface PaperListShape {
  /** Full-text "paperText" (relevance order) instead of newest first. */
  search: boolean;
  venue: boolean;
  yearFrom: boolean;
  yearTo: boolean;
  /** A cursor was given (keyset condition on [sortKey, id]). */
  after: boolean;
}

const SOURCE_SEARCH = `CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score`;
const SOURCE_VENUE = `MATCH (:Venue {id: $venueId})<-[:PUBLISHED_IN]-(p:Paper)`;
const SOURCE_ALL = `MATCH (p:Paper)`;
const IS_PAPER = `p:Paper`;
const IN_VENUE = `EXISTS { (p)-[:PUBLISHED_IN]->(:Venue {id: $venueId}) }`;
const FROM_YEAR = `p.year >= $yearFrom`;
const TO_YEAR = `p.year <= $yearTo`;
const SORT_ID = `${textKey("p.id")} AS sortId`;
const KEY_RELEVANCE = `WITH p, score AS sortKey, ${SORT_ID}`;
const KEY_YEAR = `WITH p, coalesce(p.year, -1) AS sortKey, ${SORT_ID}`;
const KEYSET = `WHERE sortKey < $afterKey OR (sortKey = $afterKey AND sortId > $afterId)`;
const ORDER_AND_LIMIT = `ORDER BY sortKey DESC, sortId ASC\nLIMIT $limit`;
const RETURN_PAGE = `RETURN ${PAPER_MAP} AS paper, sortKey`;
const RETURN_COUNT = `RETURN count(p) AS total`;

function sourceAndFilters(shape: PaperListShape): string[] {
  const lines: string[] = [];
  const filters: string[] = [];
  if (shape.search) {
    lines.push(SOURCE_SEARCH);
    filters.push(IS_PAPER);
    if (shape.venue) filters.push(IN_VENUE);
  } else {
    lines.push(shape.venue ? SOURCE_VENUE : SOURCE_ALL);
  }
  if (shape.yearFrom) filters.push(FROM_YEAR);
  if (shape.yearTo) filters.push(TO_YEAR);
  if (filters.length > 0) lines.push(`WHERE ${filters.join(" AND ")}`);
  return lines;
}

/** One page: rows {paper, sortKey} ordered by sortKey desc (score or year), then id. */
export function paperListPageStatement(shape: PaperListShape): string {
  const lines = sourceAndFilters(shape);
  lines.push(shape.search ? KEY_RELEVANCE : KEY_YEAR);
  if (shape.after) lines.push(KEYSET);
  lines.push(ORDER_AND_LIMIT, RETURN_PAGE);
  return lines.join("\n");
}

/** totalCount for the same filters (the cursor does not change the total). */
export function paperListCountStatement(shape: PaperListShape): string {
  return [...sourceAndFilters({ ...shape, after: false }), RETURN_COUNT].join("\n");
}
