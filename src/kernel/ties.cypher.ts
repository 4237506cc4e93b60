/*
 * Tie strength from COAUTHORED_WITH's joint-paper entries (paperYears/paperSizes, parallel, one per joint paper; a
 * paper without a year is 0). Fixed fragments on a relationship variable `r`; the rule arrives as $maxAuthors,
 * $yearFrom, $yearTo and $strength. Bind KEPT_ENTRIES as `kept` first; the others read it.
 */

/** Indexes of the tie's joint papers inside the rule: byline cap and year window (a yearless paper is in no window). */
export const KEPT_ENTRIES = `[i IN range(0, size(coalesce(r.paperSizes, [])) - 1)
    WHERE ($maxAuthors IS NULL OR r.paperSizes[i] <= $maxAuthors)
      AND ($yearFrom IS NULL OR (r.paperYears[i] > 0 AND r.paperYears[i] >= $yearFrom))
      AND ($yearTo IS NULL OR (r.paperYears[i] > 0 AND r.paperYears[i] <= $yearTo))]`;

/** The tie's weight under $strength (TieStrength; ASSOCIATION_STRENGTH gives the raw count, normalised in code). */
export const KEPT_WEIGHT = `reduce(w = 0.0, i IN kept | w + CASE $strength
    WHEN 'NEWMAN' THEN 1.0 / (r.paperSizes[i] - 1)
    WHEN 'FRACTIONAL' THEN 1.0 / r.paperSizes[i]
    ELSE 1.0 END)`;

export const KEPT_FIRST_YEAR = `reduce(y = null, i IN kept | CASE WHEN r.paperYears[i] > 0 AND (y IS NULL OR r.paperYears[i] < y) THEN r.paperYears[i] ELSE y END)`;
export const KEPT_LAST_YEAR = `reduce(y = null, i IN kept | CASE WHEN r.paperYears[i] > 0 AND (y IS NULL OR r.paperYears[i] > y) THEN r.paperYears[i] ELSE y END)`;

/** A paper `p` inside the rule (n its byline size, bound by the caller). */
const PAPER_IN_RULE = `n >= 2 AND ($maxAuthors IS NULL OR n <= $maxAuthors)
  AND ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo)`;

/** w_i = Σ_{p∋i} (n_p − 1) for the given authors: their total tie count under the rule (association strength). */
export const AUTHOR_TIE_TOTALS = `
UNWIND $ids AS id
MATCH (:Author {id: id})-[:AUTHORED]->(p:Paper)
WITH id, p, COUNT { (p)<-[:AUTHORED]-() } AS n
WHERE ${PAPER_IN_RULE}
RETURN id, sum(n - 1) AS total`;

/** m = Σ_p n_p(n_p − 1)/2: every tie count of the graph under the rule. One pass over the papers. */
export const GRAPH_TIE_TOTAL = `
MATCH (p:Paper)
WITH p, COUNT { (p)<-[:AUTHORED]-() } AS n
WHERE ${PAPER_IN_RULE}
RETURN sum(n * (n - 1) / 2) AS total`;
