// maxLength 1
MATCH (source:Author {id: $fromId}), (target:Author {id: $toId})
MATCH path = SHORTEST 1 (source)-[:COAUTHORED_WITH]-{1,1}(target)
RETURN [a IN nodes(path) WHERE a:Author | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] AS authors

// maxLength 2
MATCH (source:Author {id: $fromId}), (target:Author {id: $toId})
MATCH path = SHORTEST 1 (source)-[:COAUTHORED_WITH]-{1,2}(target)
RETURN [a IN nodes(path) WHERE a:Author | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] AS authors

// maxLength 3
MATCH (source:Author {id: $fromId}), (target:Author {id: $toId})
MATCH path = SHORTEST 1 (source)-[:COAUTHORED_WITH]-{1,3}(target)
RETURN [a IN nodes(path) WHERE a:Author | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] AS authors

// maxLength 4
MATCH (source:Author {id: $fromId}), (target:Author {id: $toId})
MATCH path = SHORTEST 1 (source)-[:COAUTHORED_WITH]-{1,4}(target)
RETURN [a IN nodes(path) WHERE a:Author | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] AS authors

// maxLength 5
MATCH (source:Author {id: $fromId}), (target:Author {id: $toId})
MATCH path = SHORTEST 1 (source)-[:COAUTHORED_WITH]-{1,5}(target)
RETURN [a IN nodes(path) WHERE a:Author | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] AS authors

// maxLength 6
MATCH (source:Author {id: $fromId}), (target:Author {id: $toId})
MATCH path = SHORTEST 1 (source)-[:COAUTHORED_WITH]-{1,6}(target)
RETURN [a IN nodes(path) WHERE a:Author | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] AS authors

// maxLength 7
MATCH (source:Author {id: $fromId}), (target:Author {id: $toId})
MATCH path = SHORTEST 1 (source)-[:COAUTHORED_WITH]-{1,7}(target)
RETURN [a IN nodes(path) WHERE a:Author | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] AS authors

// maxLength 8
MATCH (source:Author {id: $fromId}), (target:Author {id: $toId})
MATCH path = SHORTEST 1 (source)-[:COAUTHORED_WITH]-{1,8}(target)
RETURN [a IN nodes(path) WHERE a:Author | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] AS authors

// maxLength 1, year window
MATCH (source:Author {id: $fromId}), (target:Author {id: $toId})
MATCH path = SHORTEST 1 (source) ((:Author)-[:AUTHORED]->(w:Paper)<-[:AUTHORED]-(:Author)
  WHERE ($yearFrom IS NULL OR w.year >= $yearFrom) AND ($yearTo IS NULL OR w.year <= $yearTo)){1,1} (target)
RETURN [a IN nodes(path) WHERE a:Author | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] AS authors

// maxLength 2, year window
MATCH (source:Author {id: $fromId}), (target:Author {id: $toId})
MATCH path = SHORTEST 1 (source) ((:Author)-[:AUTHORED]->(w:Paper)<-[:AUTHORED]-(:Author)
  WHERE ($yearFrom IS NULL OR w.year >= $yearFrom) AND ($yearTo IS NULL OR w.year <= $yearTo)){1,2} (target)
RETURN [a IN nodes(path) WHERE a:Author | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] AS authors

// maxLength 3, year window
MATCH (source:Author {id: $fromId}), (target:Author {id: $toId})
MATCH path = SHORTEST 1 (source) ((:Author)-[:AUTHORED]->(w:Paper)<-[:AUTHORED]-(:Author)
  WHERE ($yearFrom IS NULL OR w.year >= $yearFrom) AND ($yearTo IS NULL OR w.year <= $yearTo)){1,3} (target)
RETURN [a IN nodes(path) WHERE a:Author | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] AS authors

// maxLength 4, year window
MATCH (source:Author {id: $fromId}), (target:Author {id: $toId})
MATCH path = SHORTEST 1 (source) ((:Author)-[:AUTHORED]->(w:Paper)<-[:AUTHORED]-(:Author)
  WHERE ($yearFrom IS NULL OR w.year >= $yearFrom) AND ($yearTo IS NULL OR w.year <= $yearTo)){1,4} (target)
RETURN [a IN nodes(path) WHERE a:Author | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] AS authors

// maxLength 5, year window
MATCH (source:Author {id: $fromId}), (target:Author {id: $toId})
MATCH path = SHORTEST 1 (source) ((:Author)-[:AUTHORED]->(w:Paper)<-[:AUTHORED]-(:Author)
  WHERE ($yearFrom IS NULL OR w.year >= $yearFrom) AND ($yearTo IS NULL OR w.year <= $yearTo)){1,5} (target)
RETURN [a IN nodes(path) WHERE a:Author | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] AS authors

// maxLength 6, year window
MATCH (source:Author {id: $fromId}), (target:Author {id: $toId})
MATCH path = SHORTEST 1 (source) ((:Author)-[:AUTHORED]->(w:Paper)<-[:AUTHORED]-(:Author)
  WHERE ($yearFrom IS NULL OR w.year >= $yearFrom) AND ($yearTo IS NULL OR w.year <= $yearTo)){1,6} (target)
RETURN [a IN nodes(path) WHERE a:Author | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] AS authors

// maxLength 7, year window
MATCH (source:Author {id: $fromId}), (target:Author {id: $toId})
MATCH path = SHORTEST 1 (source) ((:Author)-[:AUTHORED]->(w:Paper)<-[:AUTHORED]-(:Author)
  WHERE ($yearFrom IS NULL OR w.year >= $yearFrom) AND ($yearTo IS NULL OR w.year <= $yearTo)){1,7} (target)
RETURN [a IN nodes(path) WHERE a:Author | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] AS authors

// maxLength 8, year window
MATCH (source:Author {id: $fromId}), (target:Author {id: $toId})
MATCH path = SHORTEST 1 (source) ((:Author)-[:AUTHORED]->(w:Paper)<-[:AUTHORED]-(:Author)
  WHERE ($yearFrom IS NULL OR w.year >= $yearFrom) AND ($yearTo IS NULL OR w.year <= $yearTo)){1,8} (target)
RETURN [a IN nodes(path) WHERE a:Author | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] AS authors
