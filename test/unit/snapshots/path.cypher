// maxLength 1
OPTIONAL MATCH (source:Author {id: $fromId})
OPTIONAL MATCH (target:Author {id: $toId})
OPTIONAL CALL (source, target) {
  WITH source, target WHERE source IS NOT NULL AND target IS NOT NULL
  MATCH path = SHORTEST 1 (source)-[:COAUTHORED_WITH]-{1,1}(target)
  RETURN [n IN nodes(path) WHERE n:Author] AS chain
}
CALL (chain) {
  UNWIND range(0, coalesce(size(chain), 0) - 2) AS hop
  WITH hop, chain[hop] AS x, chain[hop + 1] AS y
  CALL (x, y) {
    MATCH (x)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(y)
    WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo) AND ($maxAuthors IS NULL OR COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthors)
    WITH DISTINCT p
    ORDER BY coalesce(p.year, -1) DESC, p.id ASC
    RETURN collect(p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  }) AS papers
  }
  WITH hop, papers ORDER BY hop
  RETURN collect(papers) AS evidence
}
RETURN source IS NOT NULL AS fromFound, target IS NOT NULL AS toFound,
  CASE WHEN chain IS NULL THEN null ELSE [a IN chain | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] END AS authors, evidence

// maxLength 2
OPTIONAL MATCH (source:Author {id: $fromId})
OPTIONAL MATCH (target:Author {id: $toId})
OPTIONAL CALL (source, target) {
  WITH source, target WHERE source IS NOT NULL AND target IS NOT NULL
  MATCH path = SHORTEST 1 (source)-[:COAUTHORED_WITH]-{1,2}(target)
  RETURN [n IN nodes(path) WHERE n:Author] AS chain
}
CALL (chain) {
  UNWIND range(0, coalesce(size(chain), 0) - 2) AS hop
  WITH hop, chain[hop] AS x, chain[hop + 1] AS y
  CALL (x, y) {
    MATCH (x)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(y)
    WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo) AND ($maxAuthors IS NULL OR COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthors)
    WITH DISTINCT p
    ORDER BY coalesce(p.year, -1) DESC, p.id ASC
    RETURN collect(p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  }) AS papers
  }
  WITH hop, papers ORDER BY hop
  RETURN collect(papers) AS evidence
}
RETURN source IS NOT NULL AS fromFound, target IS NOT NULL AS toFound,
  CASE WHEN chain IS NULL THEN null ELSE [a IN chain | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] END AS authors, evidence

// maxLength 3
OPTIONAL MATCH (source:Author {id: $fromId})
OPTIONAL MATCH (target:Author {id: $toId})
OPTIONAL CALL (source, target) {
  WITH source, target WHERE source IS NOT NULL AND target IS NOT NULL
  MATCH path = SHORTEST 1 (source)-[:COAUTHORED_WITH]-{1,3}(target)
  RETURN [n IN nodes(path) WHERE n:Author] AS chain
}
CALL (chain) {
  UNWIND range(0, coalesce(size(chain), 0) - 2) AS hop
  WITH hop, chain[hop] AS x, chain[hop + 1] AS y
  CALL (x, y) {
    MATCH (x)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(y)
    WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo) AND ($maxAuthors IS NULL OR COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthors)
    WITH DISTINCT p
    ORDER BY coalesce(p.year, -1) DESC, p.id ASC
    RETURN collect(p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  }) AS papers
  }
  WITH hop, papers ORDER BY hop
  RETURN collect(papers) AS evidence
}
RETURN source IS NOT NULL AS fromFound, target IS NOT NULL AS toFound,
  CASE WHEN chain IS NULL THEN null ELSE [a IN chain | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] END AS authors, evidence

// maxLength 4
OPTIONAL MATCH (source:Author {id: $fromId})
OPTIONAL MATCH (target:Author {id: $toId})
OPTIONAL CALL (source, target) {
  WITH source, target WHERE source IS NOT NULL AND target IS NOT NULL
  MATCH path = SHORTEST 1 (source)-[:COAUTHORED_WITH]-{1,4}(target)
  RETURN [n IN nodes(path) WHERE n:Author] AS chain
}
CALL (chain) {
  UNWIND range(0, coalesce(size(chain), 0) - 2) AS hop
  WITH hop, chain[hop] AS x, chain[hop + 1] AS y
  CALL (x, y) {
    MATCH (x)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(y)
    WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo) AND ($maxAuthors IS NULL OR COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthors)
    WITH DISTINCT p
    ORDER BY coalesce(p.year, -1) DESC, p.id ASC
    RETURN collect(p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  }) AS papers
  }
  WITH hop, papers ORDER BY hop
  RETURN collect(papers) AS evidence
}
RETURN source IS NOT NULL AS fromFound, target IS NOT NULL AS toFound,
  CASE WHEN chain IS NULL THEN null ELSE [a IN chain | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] END AS authors, evidence

// maxLength 5
OPTIONAL MATCH (source:Author {id: $fromId})
OPTIONAL MATCH (target:Author {id: $toId})
OPTIONAL CALL (source, target) {
  WITH source, target WHERE source IS NOT NULL AND target IS NOT NULL
  MATCH path = SHORTEST 1 (source)-[:COAUTHORED_WITH]-{1,5}(target)
  RETURN [n IN nodes(path) WHERE n:Author] AS chain
}
CALL (chain) {
  UNWIND range(0, coalesce(size(chain), 0) - 2) AS hop
  WITH hop, chain[hop] AS x, chain[hop + 1] AS y
  CALL (x, y) {
    MATCH (x)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(y)
    WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo) AND ($maxAuthors IS NULL OR COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthors)
    WITH DISTINCT p
    ORDER BY coalesce(p.year, -1) DESC, p.id ASC
    RETURN collect(p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  }) AS papers
  }
  WITH hop, papers ORDER BY hop
  RETURN collect(papers) AS evidence
}
RETURN source IS NOT NULL AS fromFound, target IS NOT NULL AS toFound,
  CASE WHEN chain IS NULL THEN null ELSE [a IN chain | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] END AS authors, evidence

// maxLength 6
OPTIONAL MATCH (source:Author {id: $fromId})
OPTIONAL MATCH (target:Author {id: $toId})
OPTIONAL CALL (source, target) {
  WITH source, target WHERE source IS NOT NULL AND target IS NOT NULL
  MATCH path = SHORTEST 1 (source)-[:COAUTHORED_WITH]-{1,6}(target)
  RETURN [n IN nodes(path) WHERE n:Author] AS chain
}
CALL (chain) {
  UNWIND range(0, coalesce(size(chain), 0) - 2) AS hop
  WITH hop, chain[hop] AS x, chain[hop + 1] AS y
  CALL (x, y) {
    MATCH (x)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(y)
    WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo) AND ($maxAuthors IS NULL OR COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthors)
    WITH DISTINCT p
    ORDER BY coalesce(p.year, -1) DESC, p.id ASC
    RETURN collect(p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  }) AS papers
  }
  WITH hop, papers ORDER BY hop
  RETURN collect(papers) AS evidence
}
RETURN source IS NOT NULL AS fromFound, target IS NOT NULL AS toFound,
  CASE WHEN chain IS NULL THEN null ELSE [a IN chain | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] END AS authors, evidence

// maxLength 7
OPTIONAL MATCH (source:Author {id: $fromId})
OPTIONAL MATCH (target:Author {id: $toId})
OPTIONAL CALL (source, target) {
  WITH source, target WHERE source IS NOT NULL AND target IS NOT NULL
  MATCH path = SHORTEST 1 (source)-[:COAUTHORED_WITH]-{1,7}(target)
  RETURN [n IN nodes(path) WHERE n:Author] AS chain
}
CALL (chain) {
  UNWIND range(0, coalesce(size(chain), 0) - 2) AS hop
  WITH hop, chain[hop] AS x, chain[hop + 1] AS y
  CALL (x, y) {
    MATCH (x)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(y)
    WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo) AND ($maxAuthors IS NULL OR COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthors)
    WITH DISTINCT p
    ORDER BY coalesce(p.year, -1) DESC, p.id ASC
    RETURN collect(p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  }) AS papers
  }
  WITH hop, papers ORDER BY hop
  RETURN collect(papers) AS evidence
}
RETURN source IS NOT NULL AS fromFound, target IS NOT NULL AS toFound,
  CASE WHEN chain IS NULL THEN null ELSE [a IN chain | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] END AS authors, evidence

// maxLength 8
OPTIONAL MATCH (source:Author {id: $fromId})
OPTIONAL MATCH (target:Author {id: $toId})
OPTIONAL CALL (source, target) {
  WITH source, target WHERE source IS NOT NULL AND target IS NOT NULL
  MATCH path = SHORTEST 1 (source)-[:COAUTHORED_WITH]-{1,8}(target)
  RETURN [n IN nodes(path) WHERE n:Author] AS chain
}
CALL (chain) {
  UNWIND range(0, coalesce(size(chain), 0) - 2) AS hop
  WITH hop, chain[hop] AS x, chain[hop + 1] AS y
  CALL (x, y) {
    MATCH (x)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(y)
    WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo) AND ($maxAuthors IS NULL OR COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthors)
    WITH DISTINCT p
    ORDER BY coalesce(p.year, -1) DESC, p.id ASC
    RETURN collect(p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  }) AS papers
  }
  WITH hop, papers ORDER BY hop
  RETURN collect(papers) AS evidence
}
RETURN source IS NOT NULL AS fromFound, target IS NOT NULL AS toFound,
  CASE WHEN chain IS NULL THEN null ELSE [a IN chain | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] END AS authors, evidence

// maxLength 1, year window
OPTIONAL MATCH (source:Author {id: $fromId})
OPTIONAL MATCH (target:Author {id: $toId})
OPTIONAL CALL (source, target) {
  WITH source, target WHERE source IS NOT NULL AND target IS NOT NULL
  MATCH path = SHORTEST 1 (source) ((:Author)-[:AUTHORED]->(w:Paper)<-[:AUTHORED]-(:Author)
    WHERE ($yearFrom IS NULL OR w.year >= $yearFrom) AND ($yearTo IS NULL OR w.year <= $yearTo)){1,1} (target)
  RETURN [n IN nodes(path) WHERE n:Author] AS chain
}
CALL (chain) {
  UNWIND range(0, coalesce(size(chain), 0) - 2) AS hop
  WITH hop, chain[hop] AS x, chain[hop + 1] AS y
  CALL (x, y) {
    MATCH (x)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(y)
    WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo) AND ($maxAuthors IS NULL OR COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthors)
    WITH DISTINCT p
    ORDER BY coalesce(p.year, -1) DESC, p.id ASC
    RETURN collect(p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  }) AS papers
  }
  WITH hop, papers ORDER BY hop
  RETURN collect(papers) AS evidence
}
RETURN source IS NOT NULL AS fromFound, target IS NOT NULL AS toFound,
  CASE WHEN chain IS NULL THEN null ELSE [a IN chain | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] END AS authors, evidence

// maxLength 2, year window
OPTIONAL MATCH (source:Author {id: $fromId})
OPTIONAL MATCH (target:Author {id: $toId})
OPTIONAL CALL (source, target) {
  WITH source, target WHERE source IS NOT NULL AND target IS NOT NULL
  MATCH path = SHORTEST 1 (source) ((:Author)-[:AUTHORED]->(w:Paper)<-[:AUTHORED]-(:Author)
    WHERE ($yearFrom IS NULL OR w.year >= $yearFrom) AND ($yearTo IS NULL OR w.year <= $yearTo)){1,2} (target)
  RETURN [n IN nodes(path) WHERE n:Author] AS chain
}
CALL (chain) {
  UNWIND range(0, coalesce(size(chain), 0) - 2) AS hop
  WITH hop, chain[hop] AS x, chain[hop + 1] AS y
  CALL (x, y) {
    MATCH (x)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(y)
    WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo) AND ($maxAuthors IS NULL OR COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthors)
    WITH DISTINCT p
    ORDER BY coalesce(p.year, -1) DESC, p.id ASC
    RETURN collect(p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  }) AS papers
  }
  WITH hop, papers ORDER BY hop
  RETURN collect(papers) AS evidence
}
RETURN source IS NOT NULL AS fromFound, target IS NOT NULL AS toFound,
  CASE WHEN chain IS NULL THEN null ELSE [a IN chain | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] END AS authors, evidence

// maxLength 3, year window
OPTIONAL MATCH (source:Author {id: $fromId})
OPTIONAL MATCH (target:Author {id: $toId})
OPTIONAL CALL (source, target) {
  WITH source, target WHERE source IS NOT NULL AND target IS NOT NULL
  MATCH path = SHORTEST 1 (source) ((:Author)-[:AUTHORED]->(w:Paper)<-[:AUTHORED]-(:Author)
    WHERE ($yearFrom IS NULL OR w.year >= $yearFrom) AND ($yearTo IS NULL OR w.year <= $yearTo)){1,3} (target)
  RETURN [n IN nodes(path) WHERE n:Author] AS chain
}
CALL (chain) {
  UNWIND range(0, coalesce(size(chain), 0) - 2) AS hop
  WITH hop, chain[hop] AS x, chain[hop + 1] AS y
  CALL (x, y) {
    MATCH (x)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(y)
    WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo) AND ($maxAuthors IS NULL OR COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthors)
    WITH DISTINCT p
    ORDER BY coalesce(p.year, -1) DESC, p.id ASC
    RETURN collect(p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  }) AS papers
  }
  WITH hop, papers ORDER BY hop
  RETURN collect(papers) AS evidence
}
RETURN source IS NOT NULL AS fromFound, target IS NOT NULL AS toFound,
  CASE WHEN chain IS NULL THEN null ELSE [a IN chain | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] END AS authors, evidence

// maxLength 4, year window
OPTIONAL MATCH (source:Author {id: $fromId})
OPTIONAL MATCH (target:Author {id: $toId})
OPTIONAL CALL (source, target) {
  WITH source, target WHERE source IS NOT NULL AND target IS NOT NULL
  MATCH path = SHORTEST 1 (source) ((:Author)-[:AUTHORED]->(w:Paper)<-[:AUTHORED]-(:Author)
    WHERE ($yearFrom IS NULL OR w.year >= $yearFrom) AND ($yearTo IS NULL OR w.year <= $yearTo)){1,4} (target)
  RETURN [n IN nodes(path) WHERE n:Author] AS chain
}
CALL (chain) {
  UNWIND range(0, coalesce(size(chain), 0) - 2) AS hop
  WITH hop, chain[hop] AS x, chain[hop + 1] AS y
  CALL (x, y) {
    MATCH (x)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(y)
    WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo) AND ($maxAuthors IS NULL OR COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthors)
    WITH DISTINCT p
    ORDER BY coalesce(p.year, -1) DESC, p.id ASC
    RETURN collect(p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  }) AS papers
  }
  WITH hop, papers ORDER BY hop
  RETURN collect(papers) AS evidence
}
RETURN source IS NOT NULL AS fromFound, target IS NOT NULL AS toFound,
  CASE WHEN chain IS NULL THEN null ELSE [a IN chain | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] END AS authors, evidence

// maxLength 5, year window
OPTIONAL MATCH (source:Author {id: $fromId})
OPTIONAL MATCH (target:Author {id: $toId})
OPTIONAL CALL (source, target) {
  WITH source, target WHERE source IS NOT NULL AND target IS NOT NULL
  MATCH path = SHORTEST 1 (source) ((:Author)-[:AUTHORED]->(w:Paper)<-[:AUTHORED]-(:Author)
    WHERE ($yearFrom IS NULL OR w.year >= $yearFrom) AND ($yearTo IS NULL OR w.year <= $yearTo)){1,5} (target)
  RETURN [n IN nodes(path) WHERE n:Author] AS chain
}
CALL (chain) {
  UNWIND range(0, coalesce(size(chain), 0) - 2) AS hop
  WITH hop, chain[hop] AS x, chain[hop + 1] AS y
  CALL (x, y) {
    MATCH (x)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(y)
    WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo) AND ($maxAuthors IS NULL OR COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthors)
    WITH DISTINCT p
    ORDER BY coalesce(p.year, -1) DESC, p.id ASC
    RETURN collect(p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  }) AS papers
  }
  WITH hop, papers ORDER BY hop
  RETURN collect(papers) AS evidence
}
RETURN source IS NOT NULL AS fromFound, target IS NOT NULL AS toFound,
  CASE WHEN chain IS NULL THEN null ELSE [a IN chain | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] END AS authors, evidence

// maxLength 6, year window
OPTIONAL MATCH (source:Author {id: $fromId})
OPTIONAL MATCH (target:Author {id: $toId})
OPTIONAL CALL (source, target) {
  WITH source, target WHERE source IS NOT NULL AND target IS NOT NULL
  MATCH path = SHORTEST 1 (source) ((:Author)-[:AUTHORED]->(w:Paper)<-[:AUTHORED]-(:Author)
    WHERE ($yearFrom IS NULL OR w.year >= $yearFrom) AND ($yearTo IS NULL OR w.year <= $yearTo)){1,6} (target)
  RETURN [n IN nodes(path) WHERE n:Author] AS chain
}
CALL (chain) {
  UNWIND range(0, coalesce(size(chain), 0) - 2) AS hop
  WITH hop, chain[hop] AS x, chain[hop + 1] AS y
  CALL (x, y) {
    MATCH (x)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(y)
    WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo) AND ($maxAuthors IS NULL OR COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthors)
    WITH DISTINCT p
    ORDER BY coalesce(p.year, -1) DESC, p.id ASC
    RETURN collect(p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  }) AS papers
  }
  WITH hop, papers ORDER BY hop
  RETURN collect(papers) AS evidence
}
RETURN source IS NOT NULL AS fromFound, target IS NOT NULL AS toFound,
  CASE WHEN chain IS NULL THEN null ELSE [a IN chain | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] END AS authors, evidence

// maxLength 7, year window
OPTIONAL MATCH (source:Author {id: $fromId})
OPTIONAL MATCH (target:Author {id: $toId})
OPTIONAL CALL (source, target) {
  WITH source, target WHERE source IS NOT NULL AND target IS NOT NULL
  MATCH path = SHORTEST 1 (source) ((:Author)-[:AUTHORED]->(w:Paper)<-[:AUTHORED]-(:Author)
    WHERE ($yearFrom IS NULL OR w.year >= $yearFrom) AND ($yearTo IS NULL OR w.year <= $yearTo)){1,7} (target)
  RETURN [n IN nodes(path) WHERE n:Author] AS chain
}
CALL (chain) {
  UNWIND range(0, coalesce(size(chain), 0) - 2) AS hop
  WITH hop, chain[hop] AS x, chain[hop + 1] AS y
  CALL (x, y) {
    MATCH (x)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(y)
    WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo) AND ($maxAuthors IS NULL OR COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthors)
    WITH DISTINCT p
    ORDER BY coalesce(p.year, -1) DESC, p.id ASC
    RETURN collect(p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  }) AS papers
  }
  WITH hop, papers ORDER BY hop
  RETURN collect(papers) AS evidence
}
RETURN source IS NOT NULL AS fromFound, target IS NOT NULL AS toFound,
  CASE WHEN chain IS NULL THEN null ELSE [a IN chain | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] END AS authors, evidence

// maxLength 8, year window
OPTIONAL MATCH (source:Author {id: $fromId})
OPTIONAL MATCH (target:Author {id: $toId})
OPTIONAL CALL (source, target) {
  WITH source, target WHERE source IS NOT NULL AND target IS NOT NULL
  MATCH path = SHORTEST 1 (source) ((:Author)-[:AUTHORED]->(w:Paper)<-[:AUTHORED]-(:Author)
    WHERE ($yearFrom IS NULL OR w.year >= $yearFrom) AND ($yearTo IS NULL OR w.year <= $yearTo)){1,8} (target)
  RETURN [n IN nodes(path) WHERE n:Author] AS chain
}
CALL (chain) {
  UNWIND range(0, coalesce(size(chain), 0) - 2) AS hop
  WITH hop, chain[hop] AS x, chain[hop + 1] AS y
  CALL (x, y) {
    MATCH (x)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(y)
    WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo) AND ($maxAuthors IS NULL OR COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthors)
    WITH DISTINCT p
    ORDER BY coalesce(p.year, -1) DESC, p.id ASC
    RETURN collect(p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  }) AS papers
  }
  WITH hop, papers ORDER BY hop
  RETURN collect(papers) AS evidence
}
RETURN source IS NOT NULL AS fromFound, target IS NOT NULL AS toFound,
  CASE WHEN chain IS NULL THEN null ELSE [a IN chain | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] END AS authors, evidence

// maxLength 6, byline cap
OPTIONAL MATCH (source:Author {id: $fromId})
OPTIONAL MATCH (target:Author {id: $toId})
OPTIONAL CALL (source, target) {
  WITH source, target WHERE source IS NOT NULL AND target IS NOT NULL
  MATCH path = SHORTEST 1 (source) (()-[r:COAUTHORED_WITH]-() WHERE size([i IN range(0, size(coalesce(r.paperSizes, [])) - 1)
      WHERE ($maxAuthors IS NULL OR r.paperSizes[i] <= $maxAuthors)
        AND ($yearFrom IS NULL OR (r.paperYears[i] > 0 AND r.paperYears[i] >= $yearFrom))
        AND ($yearTo IS NULL OR (r.paperYears[i] > 0 AND r.paperYears[i] <= $yearTo))]) > 0){1,6} (target)
  RETURN [n IN nodes(path) WHERE n:Author] AS chain
}
CALL (chain) {
  UNWIND range(0, coalesce(size(chain), 0) - 2) AS hop
  WITH hop, chain[hop] AS x, chain[hop + 1] AS y
  CALL (x, y) {
    MATCH (x)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(y)
    WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo) AND ($maxAuthors IS NULL OR COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthors)
    WITH DISTINCT p
    ORDER BY coalesce(p.year, -1) DESC, p.id ASC
    RETURN collect(p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  }) AS papers
  }
  WITH hop, papers ORDER BY hop
  RETURN collect(papers) AS evidence
}
RETURN source IS NOT NULL AS fromFound, target IS NOT NULL AS toFound,
  CASE WHEN chain IS NULL THEN null ELSE [a IN chain | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] END AS authors, evidence

// maxLength 6, byline cap, year window
OPTIONAL MATCH (source:Author {id: $fromId})
OPTIONAL MATCH (target:Author {id: $toId})
OPTIONAL CALL (source, target) {
  WITH source, target WHERE source IS NOT NULL AND target IS NOT NULL
  MATCH path = SHORTEST 1 (source) (()-[r:COAUTHORED_WITH]-() WHERE size([i IN range(0, size(coalesce(r.paperSizes, [])) - 1)
      WHERE ($maxAuthors IS NULL OR r.paperSizes[i] <= $maxAuthors)
        AND ($yearFrom IS NULL OR (r.paperYears[i] > 0 AND r.paperYears[i] >= $yearFrom))
        AND ($yearTo IS NULL OR (r.paperYears[i] > 0 AND r.paperYears[i] <= $yearTo))]) > 0){1,6} (target)
  RETURN [n IN nodes(path) WHERE n:Author] AS chain
}
CALL (chain) {
  UNWIND range(0, coalesce(size(chain), 0) - 2) AS hop
  WITH hop, chain[hop] AS x, chain[hop + 1] AS y
  CALL (x, y) {
    MATCH (x)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(y)
    WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo) AND ($maxAuthors IS NULL OR COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthors)
    WITH DISTINCT p
    ORDER BY coalesce(p.year, -1) DESC, p.id ASC
    RETURN collect(p {
    .id, .title, .year, .doi, .url, .abstract, .pages,
    sourceKeys: coalesce(p.sourceKeys, []),
    authorCount: COUNT { (p)<-[:AUTHORED]-() }
  }) AS papers
  }
  WITH hop, papers ORDER BY hop
  RETURN collect(papers) AS evidence
}
RETURN source IS NOT NULL AS fromFound, target IS NOT NULL AS toFound,
  CASE WHEN chain IS NULL THEN null ELSE [a IN chain | a {
    .id, .name, .orcid, .firstYear, .lastYear,
    aliases: coalesce(a.aliases, []),
    paperCount: COUNT { (a)-[:AUTHORED]->() },
    coauthorCount: COUNT { (a)-[:COAUTHORED_WITH]-() }
  }] END AS authors, evidence
