// Search. Author aliases are a list of strings, which full-text indexes accept since Neo4j 5.
CREATE FULLTEXT INDEX paperText IF NOT EXISTS FOR (p:Paper) ON EACH [p.title, p.abstract];
CREATE FULLTEXT INDEX authorNames IF NOT EXISTS FOR (a:Author) ON EACH [a.name, a.aliases];
CREATE FULLTEXT INDEX venueNames IF NOT EXISTS FOR (v:Venue) ON EACH [v.name, v.acronym];
