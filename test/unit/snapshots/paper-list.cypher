// page: plain
MATCH (p:Paper)
WITH p, coalesce(p.year, -1) AS sortKey, (p.id + '') AS sortId
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: plain
MATCH (p:Paper)
RETURN count(p) AS total

// page: search
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper
WITH p, score AS sortKey, (p.id + '') AS sortId
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: search
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper
RETURN count(p) AS total

// page: venue
MATCH (:Venue {id: $venueId})<-[:PUBLISHED_IN]-(p:Paper)
WITH p, coalesce(p.year, -1) AS sortKey, (p.id + '') AS sortId
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: venue
MATCH (:Venue {id: $venueId})<-[:PUBLISHED_IN]-(p:Paper)
RETURN count(p) AS total

// page: search+venue
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper AND EXISTS { (p)-[:PUBLISHED_IN]->(:Venue {id: $venueId}) }
WITH p, score AS sortKey, (p.id + '') AS sortId
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: search+venue
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper AND EXISTS { (p)-[:PUBLISHED_IN]->(:Venue {id: $venueId}) }
RETURN count(p) AS total

// page: yearFrom
MATCH (p:Paper)
WHERE p.year >= $yearFrom
WITH p, coalesce(p.year, -1) AS sortKey, (p.id + '') AS sortId
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: yearFrom
MATCH (p:Paper)
WHERE p.year >= $yearFrom
RETURN count(p) AS total

// page: search+yearFrom
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper AND p.year >= $yearFrom
WITH p, score AS sortKey, (p.id + '') AS sortId
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: search+yearFrom
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper AND p.year >= $yearFrom
RETURN count(p) AS total

// page: venue+yearFrom
MATCH (:Venue {id: $venueId})<-[:PUBLISHED_IN]-(p:Paper)
WHERE p.year >= $yearFrom
WITH p, coalesce(p.year, -1) AS sortKey, (p.id + '') AS sortId
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: venue+yearFrom
MATCH (:Venue {id: $venueId})<-[:PUBLISHED_IN]-(p:Paper)
WHERE p.year >= $yearFrom
RETURN count(p) AS total

// page: search+venue+yearFrom
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper AND EXISTS { (p)-[:PUBLISHED_IN]->(:Venue {id: $venueId}) } AND p.year >= $yearFrom
WITH p, score AS sortKey, (p.id + '') AS sortId
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: search+venue+yearFrom
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper AND EXISTS { (p)-[:PUBLISHED_IN]->(:Venue {id: $venueId}) } AND p.year >= $yearFrom
RETURN count(p) AS total

// page: yearTo
MATCH (p:Paper)
WHERE p.year <= $yearTo
WITH p, coalesce(p.year, -1) AS sortKey, (p.id + '') AS sortId
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: yearTo
MATCH (p:Paper)
WHERE p.year <= $yearTo
RETURN count(p) AS total

// page: search+yearTo
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper AND p.year <= $yearTo
WITH p, score AS sortKey, (p.id + '') AS sortId
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: search+yearTo
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper AND p.year <= $yearTo
RETURN count(p) AS total

// page: venue+yearTo
MATCH (:Venue {id: $venueId})<-[:PUBLISHED_IN]-(p:Paper)
WHERE p.year <= $yearTo
WITH p, coalesce(p.year, -1) AS sortKey, (p.id + '') AS sortId
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: venue+yearTo
MATCH (:Venue {id: $venueId})<-[:PUBLISHED_IN]-(p:Paper)
WHERE p.year <= $yearTo
RETURN count(p) AS total

// page: search+venue+yearTo
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper AND EXISTS { (p)-[:PUBLISHED_IN]->(:Venue {id: $venueId}) } AND p.year <= $yearTo
WITH p, score AS sortKey, (p.id + '') AS sortId
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: search+venue+yearTo
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper AND EXISTS { (p)-[:PUBLISHED_IN]->(:Venue {id: $venueId}) } AND p.year <= $yearTo
RETURN count(p) AS total

// page: yearFrom+yearTo
MATCH (p:Paper)
WHERE p.year >= $yearFrom AND p.year <= $yearTo
WITH p, coalesce(p.year, -1) AS sortKey, (p.id + '') AS sortId
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: yearFrom+yearTo
MATCH (p:Paper)
WHERE p.year >= $yearFrom AND p.year <= $yearTo
RETURN count(p) AS total

// page: search+yearFrom+yearTo
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper AND p.year >= $yearFrom AND p.year <= $yearTo
WITH p, score AS sortKey, (p.id + '') AS sortId
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: search+yearFrom+yearTo
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper AND p.year >= $yearFrom AND p.year <= $yearTo
RETURN count(p) AS total

// page: venue+yearFrom+yearTo
MATCH (:Venue {id: $venueId})<-[:PUBLISHED_IN]-(p:Paper)
WHERE p.year >= $yearFrom AND p.year <= $yearTo
WITH p, coalesce(p.year, -1) AS sortKey, (p.id + '') AS sortId
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: venue+yearFrom+yearTo
MATCH (:Venue {id: $venueId})<-[:PUBLISHED_IN]-(p:Paper)
WHERE p.year >= $yearFrom AND p.year <= $yearTo
RETURN count(p) AS total

// page: search+venue+yearFrom+yearTo
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper AND EXISTS { (p)-[:PUBLISHED_IN]->(:Venue {id: $venueId}) } AND p.year >= $yearFrom AND p.year <= $yearTo
WITH p, score AS sortKey, (p.id + '') AS sortId
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: search+venue+yearFrom+yearTo
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper AND EXISTS { (p)-[:PUBLISHED_IN]->(:Venue {id: $venueId}) } AND p.year >= $yearFrom AND p.year <= $yearTo
RETURN count(p) AS total

// page: after
MATCH (p:Paper)
WITH p, coalesce(p.year, -1) AS sortKey, (p.id + '') AS sortId
WHERE sortKey < $afterKey OR (sortKey = $afterKey AND sortId > $afterId)
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: after
MATCH (p:Paper)
RETURN count(p) AS total

// page: search+after
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper
WITH p, score AS sortKey, (p.id + '') AS sortId
WHERE sortKey < $afterKey OR (sortKey = $afterKey AND sortId > $afterId)
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: search+after
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper
RETURN count(p) AS total

// page: venue+after
MATCH (:Venue {id: $venueId})<-[:PUBLISHED_IN]-(p:Paper)
WITH p, coalesce(p.year, -1) AS sortKey, (p.id + '') AS sortId
WHERE sortKey < $afterKey OR (sortKey = $afterKey AND sortId > $afterId)
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: venue+after
MATCH (:Venue {id: $venueId})<-[:PUBLISHED_IN]-(p:Paper)
RETURN count(p) AS total

// page: search+venue+after
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper AND EXISTS { (p)-[:PUBLISHED_IN]->(:Venue {id: $venueId}) }
WITH p, score AS sortKey, (p.id + '') AS sortId
WHERE sortKey < $afterKey OR (sortKey = $afterKey AND sortId > $afterId)
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: search+venue+after
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper AND EXISTS { (p)-[:PUBLISHED_IN]->(:Venue {id: $venueId}) }
RETURN count(p) AS total

// page: yearFrom+after
MATCH (p:Paper)
WHERE p.year >= $yearFrom
WITH p, coalesce(p.year, -1) AS sortKey, (p.id + '') AS sortId
WHERE sortKey < $afterKey OR (sortKey = $afterKey AND sortId > $afterId)
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: yearFrom+after
MATCH (p:Paper)
WHERE p.year >= $yearFrom
RETURN count(p) AS total

// page: search+yearFrom+after
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper AND p.year >= $yearFrom
WITH p, score AS sortKey, (p.id + '') AS sortId
WHERE sortKey < $afterKey OR (sortKey = $afterKey AND sortId > $afterId)
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: search+yearFrom+after
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper AND p.year >= $yearFrom
RETURN count(p) AS total

// page: venue+yearFrom+after
MATCH (:Venue {id: $venueId})<-[:PUBLISHED_IN]-(p:Paper)
WHERE p.year >= $yearFrom
WITH p, coalesce(p.year, -1) AS sortKey, (p.id + '') AS sortId
WHERE sortKey < $afterKey OR (sortKey = $afterKey AND sortId > $afterId)
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: venue+yearFrom+after
MATCH (:Venue {id: $venueId})<-[:PUBLISHED_IN]-(p:Paper)
WHERE p.year >= $yearFrom
RETURN count(p) AS total

// page: search+venue+yearFrom+after
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper AND EXISTS { (p)-[:PUBLISHED_IN]->(:Venue {id: $venueId}) } AND p.year >= $yearFrom
WITH p, score AS sortKey, (p.id + '') AS sortId
WHERE sortKey < $afterKey OR (sortKey = $afterKey AND sortId > $afterId)
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: search+venue+yearFrom+after
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper AND EXISTS { (p)-[:PUBLISHED_IN]->(:Venue {id: $venueId}) } AND p.year >= $yearFrom
RETURN count(p) AS total

// page: yearTo+after
MATCH (p:Paper)
WHERE p.year <= $yearTo
WITH p, coalesce(p.year, -1) AS sortKey, (p.id + '') AS sortId
WHERE sortKey < $afterKey OR (sortKey = $afterKey AND sortId > $afterId)
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: yearTo+after
MATCH (p:Paper)
WHERE p.year <= $yearTo
RETURN count(p) AS total

// page: search+yearTo+after
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper AND p.year <= $yearTo
WITH p, score AS sortKey, (p.id + '') AS sortId
WHERE sortKey < $afterKey OR (sortKey = $afterKey AND sortId > $afterId)
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: search+yearTo+after
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper AND p.year <= $yearTo
RETURN count(p) AS total

// page: venue+yearTo+after
MATCH (:Venue {id: $venueId})<-[:PUBLISHED_IN]-(p:Paper)
WHERE p.year <= $yearTo
WITH p, coalesce(p.year, -1) AS sortKey, (p.id + '') AS sortId
WHERE sortKey < $afterKey OR (sortKey = $afterKey AND sortId > $afterId)
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: venue+yearTo+after
MATCH (:Venue {id: $venueId})<-[:PUBLISHED_IN]-(p:Paper)
WHERE p.year <= $yearTo
RETURN count(p) AS total

// page: search+venue+yearTo+after
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper AND EXISTS { (p)-[:PUBLISHED_IN]->(:Venue {id: $venueId}) } AND p.year <= $yearTo
WITH p, score AS sortKey, (p.id + '') AS sortId
WHERE sortKey < $afterKey OR (sortKey = $afterKey AND sortId > $afterId)
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: search+venue+yearTo+after
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper AND EXISTS { (p)-[:PUBLISHED_IN]->(:Venue {id: $venueId}) } AND p.year <= $yearTo
RETURN count(p) AS total

// page: yearFrom+yearTo+after
MATCH (p:Paper)
WHERE p.year >= $yearFrom AND p.year <= $yearTo
WITH p, coalesce(p.year, -1) AS sortKey, (p.id + '') AS sortId
WHERE sortKey < $afterKey OR (sortKey = $afterKey AND sortId > $afterId)
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: yearFrom+yearTo+after
MATCH (p:Paper)
WHERE p.year >= $yearFrom AND p.year <= $yearTo
RETURN count(p) AS total

// page: search+yearFrom+yearTo+after
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper AND p.year >= $yearFrom AND p.year <= $yearTo
WITH p, score AS sortKey, (p.id + '') AS sortId
WHERE sortKey < $afterKey OR (sortKey = $afterKey AND sortId > $afterId)
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: search+yearFrom+yearTo+after
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper AND p.year >= $yearFrom AND p.year <= $yearTo
RETURN count(p) AS total

// page: venue+yearFrom+yearTo+after
MATCH (:Venue {id: $venueId})<-[:PUBLISHED_IN]-(p:Paper)
WHERE p.year >= $yearFrom AND p.year <= $yearTo
WITH p, coalesce(p.year, -1) AS sortKey, (p.id + '') AS sortId
WHERE sortKey < $afterKey OR (sortKey = $afterKey AND sortId > $afterId)
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: venue+yearFrom+yearTo+after
MATCH (:Venue {id: $venueId})<-[:PUBLISHED_IN]-(p:Paper)
WHERE p.year >= $yearFrom AND p.year <= $yearTo
RETURN count(p) AS total

// page: search+venue+yearFrom+yearTo+after
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper AND EXISTS { (p)-[:PUBLISHED_IN]->(:Venue {id: $venueId}) } AND p.year >= $yearFrom AND p.year <= $yearTo
WITH p, score AS sortKey, (p.id + '') AS sortId
WHERE sortKey < $afterKey OR (sortKey = $afterKey AND sortId > $afterId)
ORDER BY sortKey DESC, sortId ASC
LIMIT $limit
RETURN p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  } AS paper, sortKey

// count: search+venue+yearFrom+yearTo+after
CALL db.index.fulltext.queryNodes("paperText", $query) YIELD node AS p, score
WHERE p:Paper AND EXISTS { (p)-[:PUBLISHED_IN]->(:Venue {id: $venueId}) } AND p.year >= $yearFrom AND p.year <= $yearTo
RETURN count(p) AS total
