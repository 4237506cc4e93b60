// Identity: one node per id (and one graph version node). Applied idempotently at start-up and before every import.
CREATE CONSTRAINT author_id IF NOT EXISTS FOR (a:Author) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (p:Paper) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT venue_id IF NOT EXISTS FOR (v:Venue) REQUIRE v.id IS UNIQUE;
CREATE CONSTRAINT import_run_id IF NOT EXISTS FOR (r:ImportRun) REQUIRE r.id IS UNIQUE;
// One writer at a time: imports take the (:ImportLock {name: "import"}) node with MERGE (src/db/import-lock.ts).
CREATE CONSTRAINT import_lock_name IF NOT EXISTS FOR (l:ImportLock) REQUIRE l.name IS UNIQUE;
// One COAUTHORED_WITH per unordered pair: pair is "<lower id>|<higher id>", so a duplicate pair is refused, not counted.
CREATE CONSTRAINT coauthor_pair IF NOT EXISTS FOR ()-[r:COAUTHORED_WITH]-() REQUIRE r.pair IS UNIQUE;
CREATE CONSTRAINT graph_version_key IF NOT EXISTS FOR (g:GraphVersion) REQUIRE g.key IS UNIQUE;
CREATE CONSTRAINT graph_figures_slot IF NOT EXISTS FOR (f:GraphFigures) REQUIRE f.slot IS UNIQUE;
