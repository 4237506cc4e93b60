import "reflect-metadata";
import { ApolloServer } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";
import type { Database, Params } from "../../src/db/database";
import { apiPlugins } from "../../src/api/api-plugins";
import { createContext, GraphContext } from "../../src/api/context";
import { createFormatError } from "../../src/api/format-error";
import { buildGraphqlSchema } from "../../src/api/schema";

export interface GqlResult<TData = any> {
  data?: TData | null;
  errors?: readonly GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
  /** HTTP status Apollo would answer with (undefined = 200). */
  status?: number;
}

export interface TestApi {
  server: ApolloServer<GraphContext>;
  /** Runs one operation with a fresh context (fresh DataLoaders), as one HTTP request would. */
  run<TData = any>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<TData>>;
  /** Like run, but fails the test on any error and returns data. */
  data<TData = any>(query: string, variables?: Record<string, unknown>): Promise<TData>;
  stop(): Promise<void>;
}

export interface TestApiOptions {
  maxDepth?: number;
  maxComplexity?: number;
  production?: boolean;
}

/** The API as the HTTP server wires it (schema, limits plugin, formatError), without HTTP. */
export async function createTestApi(db: Database, options: TestApiOptions = {}): Promise<TestApi> {
  const schema = await buildGraphqlSchema();
  const server = new ApolloServer<GraphContext>({
    schema,
    plugins: apiPlugins(schema, { maxDepth: options.maxDepth ?? 12, maxComplexity: options.maxComplexity ?? 20_000 }),
    formatError: createFormatError(options.production ?? false),
    includeStacktraceInErrorResponses: !options.production,
  });
  await server.start();
  const run = async <TData>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<TData>> => {
    const response = await server.executeOperation<TData>({ query, variables }, { contextValue: createContext(db) });
    if (response.body.kind !== "single") throw new Error("incremental delivery is not used by this API");
    // Through JSON, as a client over HTTP sees it (graphql-js builds null-prototype objects).
    const { data, errors, extensions } = JSON.parse(JSON.stringify(response.body.singleResult)) as GqlResult<TData>;
    return { data, errors, extensions, status: response.http.status };
  };
  return {
    server,
    run,
    async data<TData>(query: string, variables?: Record<string, unknown>): Promise<TData> {
      const result = await run<TData>(query, variables);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
      return result.data as TData;
    },
    stop: () => server.stop(),
  };
}

/** The extensions.code of each error, for terse assertions. */
export function errorCodes(result: GqlResult): string[] {
  return (result.errors ?? []).map((e) => String(e.extensions?.code));
}

// Type aliases, not interfaces: addPapers passes them to Cypher as they are (src/db/params.ts).
export type TestAuthor = {
  id: string;
  name: string;
};

export interface TestVenue {
  id: string;
  name: string;
  acronym?: string | null;
  kind?: "conference" | "journal" | "workshop" | "other";
}

export interface TestPaper {
  id: string;
  title: string;
  year?: number | null;
  abstract?: string | null;
  doi?: string | null;
  venue?: TestVenue | null;
  /** Byline order. */
  authors: TestAuthor[];
}

const WRITE_PAPERS = `
UNWIND $papers AS row
MERGE (p:Paper {id: row.id})
SET p.title = row.title, p.titleKey = row.titleKey, p.year = row.year, p.abstract = row.abstract,
    p.doi = row.doi, p.sourceKeys = ["test:" + row.id]
WITH p, row
CALL (p, row) {
  WITH p, row WHERE row.venue IS NOT NULL
  MERGE (v:Venue {id: row.venue.id})
  SET v.name = row.venue.name, v.acronym = row.venue.acronym, v.kind = row.venue.kind
  MERGE (p)-[:PUBLISHED_IN]->(v)
}
WITH p, row
UNWIND range(0, size(row.authors) - 1) AS i
WITH p, row.authors[i] AS author, i + 1 AS position
MERGE (a:Author {id: author.id})
SET a.name = author.name, a.nameKey = toLower(author.name), a.aliases = coalesce(a.aliases, []),
    a.keyed = NOT author.id STARTS WITH "name:", a.numbered = false
MERGE (a)-[r:AUTHORED]->(p)
SET r.position = position, r.keyed = a.keyed, r.named = NOT a.keyed`;

/** Per-author aggregates and COAUTHORED_WITH exactly as the importer keeps them (smaller id -> larger id). */
const REFRESH_DERIVED = [
  `MATCH (a:Author)
   CALL (a) {
     MATCH (a)-[:AUTHORED]->(p:Paper)
     RETURN count(DISTINCT p) AS papers, min(p.year) AS firstYear, max(p.year) AS lastYear
   }
   SET a.paperCount = papers, a.firstYear = firstYear, a.lastYear = lastYear`,
  `MATCH ()-[r:COAUTHORED_WITH]->() DELETE r`,
  `MATCH (a:Author)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(b:Author)
   WHERE a.id < b.id
   WITH a, b, collect(DISTINCT p) AS joint
   CREATE (a)-[:COAUTHORED_WITH {papers: size(joint), firstYear: reduce(y = null, p IN joint | CASE WHEN y IS NULL OR p.year < y THEN p.year ELSE y END),
     lastYear: reduce(y = null, p IN joint | CASE WHEN y IS NULL OR p.year > y THEN p.year ELSE y END),
     paperYears: [p IN joint | coalesce(p.year, 0)], paperSizes: [p IN joint | COUNT { (p)<-[:AUTHORED]-() }]}]->(b)`,
];

/**
 * Adds papers (with authors and venues) the way the stored model has them, then recomputes the
 * derived parts (paperCount, years, COAUTHORED_WITH) for the whole graph. For small test graphs.
 */
export async function addPapers(db: Database, papers: TestPaper[]): Promise<void> {
  const rows = papers.map((p) => ({
    id: p.id,
    title: p.title,
    titleKey: `${p.title.toLowerCase()}|${p.year ?? ""}`,
    year: p.year ?? null,
    abstract: p.abstract ?? null,
    doi: p.doi ?? null,
    venue: p.venue ? { id: p.venue.id, name: p.venue.name, acronym: p.venue.acronym ?? null, kind: p.venue.kind ?? "conference" } : null,
    authors: p.authors,
  }));
  await db.write(WRITE_PAPERS, { papers: rows });
  for (const statement of REFRESH_DERIVED) await db.write(statement);
}

/** An ImportRun node as the importer records it. */
export async function addImportRun(db: Database, run: Params): Promise<void> {
  await db.write(`CREATE (r:ImportRun) SET r = $run`, { run });
}
