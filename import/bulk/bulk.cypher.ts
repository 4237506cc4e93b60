/**
 * neo4j-admin cannot express an empty list in CSV (an empty field is no property at all), while the online import
 * gives every author `aliases: []`. This puts the empty lists in after the load, a bounded batch per transaction.
 */
export const FILL_MISSING_ALIASES = `
MATCH (a:Author)
WHERE a.aliases IS NULL
WITH a LIMIT $limit
SET a.aliases = []
RETURN count(a) AS n`;

export const FILL_BATCH_SIZE = 200_000;
