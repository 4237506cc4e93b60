// Lookups the importer and the API make by value.
CREATE INDEX author_name_key IF NOT EXISTS FOR (a:Author) ON (a.nameKey);
CREATE INDEX paper_year IF NOT EXISTS FOR (p:Paper) ON (p.year);
CREATE INDEX paper_doi IF NOT EXISTS FOR (p:Paper) ON (p.doi);
CREATE INDEX paper_title_key IF NOT EXISTS FOR (p:Paper) ON (p.titleKey);
