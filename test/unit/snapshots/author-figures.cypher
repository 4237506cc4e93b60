// PAGERANK A

MATCH (a:Author) WHERE a.pageRankA IS NOT NULL
WITH a, (a.id + '') AS sortId
WHERE $afterKey IS NULL OR a.pageRankA < $afterKey OR (a.pageRankA = $afterKey AND sortId > $afterId)
WITH a, sortId
ORDER BY a.pageRankA DESC, sortId ASC
LIMIT $limit
RETURN a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  } AS author, a.pageRankA AS key
// PAGERANK A search

CALL db.index.fulltext.queryNodes("authorNames", $query) YIELD node AS a
WHERE a:Author AND a.pageRankA IS NOT NULL
WITH a, (a.id + '') AS sortId
WHERE $afterKey IS NULL OR a.pageRankA < $afterKey OR (a.pageRankA = $afterKey AND sortId > $afterId)
WITH a, sortId
ORDER BY a.pageRankA DESC, sortId ASC
LIMIT $limit
RETURN a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  } AS author, a.pageRankA AS key

// PAGERANK B

MATCH (a:Author) WHERE a.pageRankB IS NOT NULL
WITH a, (a.id + '') AS sortId
WHERE $afterKey IS NULL OR a.pageRankB < $afterKey OR (a.pageRankB = $afterKey AND sortId > $afterId)
WITH a, sortId
ORDER BY a.pageRankB DESC, sortId ASC
LIMIT $limit
RETURN a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  } AS author, a.pageRankB AS key
// PAGERANK B search

CALL db.index.fulltext.queryNodes("authorNames", $query) YIELD node AS a
WHERE a:Author AND a.pageRankB IS NOT NULL
WITH a, (a.id + '') AS sortId
WHERE $afterKey IS NULL OR a.pageRankB < $afterKey OR (a.pageRankB = $afterKey AND sortId > $afterId)
WITH a, sortId
ORDER BY a.pageRankB DESC, sortId ASC
LIMIT $limit
RETURN a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  } AS author, a.pageRankB AS key

// BETWEENNESS A

MATCH (a:Author) WHERE a.betweennessA IS NOT NULL
WITH a, (a.id + '') AS sortId
WHERE $afterKey IS NULL OR a.betweennessA < $afterKey OR (a.betweennessA = $afterKey AND sortId > $afterId)
WITH a, sortId
ORDER BY a.betweennessA DESC, sortId ASC
LIMIT $limit
RETURN a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  } AS author, a.betweennessA AS key
// BETWEENNESS A search

CALL db.index.fulltext.queryNodes("authorNames", $query) YIELD node AS a
WHERE a:Author AND a.betweennessA IS NOT NULL
WITH a, (a.id + '') AS sortId
WHERE $afterKey IS NULL OR a.betweennessA < $afterKey OR (a.betweennessA = $afterKey AND sortId > $afterId)
WITH a, sortId
ORDER BY a.betweennessA DESC, sortId ASC
LIMIT $limit
RETURN a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  } AS author, a.betweennessA AS key

// BETWEENNESS B

MATCH (a:Author) WHERE a.betweennessB IS NOT NULL
WITH a, (a.id + '') AS sortId
WHERE $afterKey IS NULL OR a.betweennessB < $afterKey OR (a.betweennessB = $afterKey AND sortId > $afterId)
WITH a, sortId
ORDER BY a.betweennessB DESC, sortId ASC
LIMIT $limit
RETURN a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  } AS author, a.betweennessB AS key
// BETWEENNESS B search

CALL db.index.fulltext.queryNodes("authorNames", $query) YIELD node AS a
WHERE a:Author AND a.betweennessB IS NOT NULL
WITH a, (a.id + '') AS sortId
WHERE $afterKey IS NULL OR a.betweennessB < $afterKey OR (a.betweennessB = $afterKey AND sortId > $afterId)
WITH a, sortId
ORDER BY a.betweennessB DESC, sortId ASC
LIMIT $limit
RETURN a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  } AS author, a.betweennessB AS key

// count PAGERANK A

MATCH (a:Author) WHERE a.pageRankA IS NOT NULL
RETURN count(a) AS total
// count PAGERANK A search

CALL db.index.fulltext.queryNodes("authorNames", $query) YIELD node AS a
WHERE a:Author AND a.pageRankA IS NOT NULL
RETURN count(a) AS total

// count PAGERANK B

MATCH (a:Author) WHERE a.pageRankB IS NOT NULL
RETURN count(a) AS total
// count PAGERANK B search

CALL db.index.fulltext.queryNodes("authorNames", $query) YIELD node AS a
WHERE a:Author AND a.pageRankB IS NOT NULL
RETURN count(a) AS total

// count BETWEENNESS A

MATCH (a:Author) WHERE a.betweennessA IS NOT NULL
RETURN count(a) AS total
// count BETWEENNESS A search

CALL db.index.fulltext.queryNodes("authorNames", $query) YIELD node AS a
WHERE a:Author AND a.betweennessA IS NOT NULL
RETURN count(a) AS total

// count BETWEENNESS B

MATCH (a:Author) WHERE a.betweennessB IS NOT NULL
RETURN count(a) AS total
// count BETWEENNESS B search

CALL db.index.fulltext.queryNodes("authorNames", $query) YIELD node AS a
WHERE a:Author AND a.betweennessB IS NOT NULL
RETURN count(a) AS total
