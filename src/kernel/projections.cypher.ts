/**
 * The map projections every read returns, so an Author/Paper/Venue looks the same whichever
 * statement produced it. Fixed text only: statements embed them by convention on fixed variable
 * names (`a` for an Author, `p` for a Paper, `v` for a Venue).
 *
 * Counts use COUNT { } over a single relationship type, which Neo4j answers from the node's
 * degree store instead of walking relationships.
 */
export const AUTHOR_MAP = `a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }`;

export const PAPER_MAP = `p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  }`;

export const VENUE_MAP = `v {
    .id, .name, .acronym, .kind,
    paperCount: COUNT { (v)<-[:PUBLISHED_IN]-() }
  }`;

/** Inclusive year window on `p`; a null end is open. Papers without a year never match a bounded window. */
export const PAPER_IN_WINDOW = `($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo)`;

/** `p` has at most $maxAuthors authors (maxAuthorsPerPaper, its byline counted as the ties' paperSizes are); null: no cap. */
export const PAPER_UNDER_CAP = `($maxAuthors IS NULL OR COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthors)`;
