import { AUTHOR_MAP, PAPER_MAP, VENUE_MAP } from "../kernel/projections.cypher";

/**
 * node(id): ids are unique per label and the id forms do not overlap in practice (author ids
 * carry a scheme prefix, paper ids are DOIs or "title|year", venue ids are acronyms or names).
 * Should two labels ever share an id, Author wins over Paper over Venue.
 */
export const NODES_BY_IDS = `
UNWIND $ids AS id
OPTIONAL MATCH (a:Author {id: id})
OPTIONAL MATCH (p:Paper {id: id})
OPTIONAL MATCH (v:Venue {id: id})
WITH id, a, p, v
WHERE a IS NOT NULL OR p IS NOT NULL OR v IS NOT NULL
RETURN id,
  CASE WHEN a IS NOT NULL THEN "Author" WHEN p IS NOT NULL THEN "Paper" ELSE "Venue" END AS label,
  CASE WHEN a IS NOT NULL THEN ${AUTHOR_MAP} END AS author,
  CASE WHEN a IS NULL AND p IS NOT NULL THEN ${PAPER_MAP} END AS paper,
  CASE WHEN a IS NULL AND p IS NULL THEN ${VENUE_MAP} END AS venue`;
