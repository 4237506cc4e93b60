// Search. Author aliases are a list of strings, which full-text indexes accept since Neo4j 5.
// standard-folding: lower-cased and folded to ASCII (núñez, nunez and Núñez are one word), so a name is found by
// the spelling in its id and same-as checks read alike from either spelling. An index made with another analyzer
// (the default standard-no-stop-words, before) is dropped and made again by the schema step (schema-setup.ts).
CREATE FULLTEXT INDEX paperText IF NOT EXISTS FOR (p:Paper) ON EACH [p.title, p.abstract] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
CREATE FULLTEXT INDEX authorNames IF NOT EXISTS FOR (a:Author) ON EACH [a.name, a.aliases] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
CREATE FULLTEXT INDEX venueNames IF NOT EXISTS FOR (v:Venue) ON EACH [v.name, v.acronym] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
