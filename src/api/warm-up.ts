import type { GraphQLRequest, GraphQLResponse } from "@apollo/server";
import type { Database } from "../db/database";
import { readExampleQuery } from "./playground";

/*
 * Warm before ready. The first requests after a start are slow for reasons that have nothing to do with them: Neo4j
 * plans each Cypher statement on first sight and its page cache is cold, and V8 has compiled nothing of the request
 * path yet. So before the server says it is ready (/readyz, and the "ready" line), it runs the playground's example
 * and the explorer's kinds of requests around one well-connected author, each through the full Apollo pipeline. It is
 * bounded in time: past the budget the server becomes ready anyway, and a failing query is only logged.
 */

/** An author with many papers: the representative case (a network, a page of coauthors, shared venues). */
const PICK_AUTHOR = `
MATCH (a:Author) WHERE a.paperCount IS NOT NULL
WITH a ORDER BY a.paperCount DESC LIMIT 1
OPTIONAL MATCH (a)-[c:COAUTHORED_WITH]-(b:Author)
WITH a, b ORDER BY c.papers DESC LIMIT 1
RETURN a.id AS id, a.name AS name, b.id AS coauthorId`;

const AUTHOR_PAGE = `query WarmAuthor($id: ID!) {
  author(id: $id) {
    id name aliases paperCount coauthorCount firstYear lastYear
    papers(first: 8) { totalCount edges { node { id title year url doi venue { name acronym } } } }
    coauthors(first: 8) { totalCount edges { jointPapers firstYear lastYear node { id name } } }
    venues(first: 5) { paperCount venue { id name } }
  }
}`;

const NETWORK = `query WarmNetwork($id: ID!, $depth: Int) {
  coauthorNetwork(authorId: $id, depth: $depth, maxNodes: 200) {
    truncated
    nodes { distance author { id name paperCount firstYear lastYear } }
    edges { source target jointPapers firstYear lastYear }
  }
}`;

/**
 * An analysis: it starts the process's search thread (its first job pays the thread's start), and has Neo4j plan the
 * communities' venue read, which the first analysis asked for after a start would otherwise pay for.
 */
const ANALYSIS = `query WarmAnalysis($id: ID!) {
  coauthorNetwork(authorId: $id, depth: 2, maxNodes: 200) {
    analysis { modularity authors { author { id } betweenness constraint community } communities { size topVenues { papers } } }
  }
}`;

const SEARCH = `query WarmSearch($search: String!) {
  authors(search: $search, first: 8) { edges { node { id name paperCount firstYear lastYear } } }
  papers(search: $search, first: 5) { totalCount edges { node { id title year venue { name } } } }
}`;

const PAIR = `query WarmPair($a: ID!, $b: ID!) {
  sharedVenues(authorIds: [$a, $b]) { venue { id name acronym } paperCounts jointPaperCount }
  collaborationPath(fromId: $a, toId: $b, maxLength: 1) { length authors { id name } links { papers { id title year } } }
}`;

const STATS = `query WarmStats { stats { authors papers venues coauthorPairs snapshotId importRuns(first: 5) { source status } } }`;

/** The queries around an author (left out when the graph has none): its page, two networks, an analysis, a search, a pair. */
const AUTHOR_QUERIES = 6;

export interface WarmUpReport {
  /** Queries run (whatever their answer). */
  ran: number;
  /** Queries left out because the budget was spent, or because the graph has no author. */
  skipped: number;
  ms: number;
}

export interface WarmUpOptions {
  budgetMs: number;
  log?: (message: string) => void;
}

/** Runs the warm-up queries through `execute` (a fresh context each, as a request would get). Never throws. */
export async function warmUp(
  execute: (request: GraphQLRequest) => Promise<GraphQLResponse>,
  db: Database,
  options: WarmUpOptions,
): Promise<WarmUpReport> {
  const started = Date.now();
  const requests: GraphQLRequest[] = [{ query: readExampleQuery() }, { query: STATS }];
  let author: { id: string; name: string; coauthorId: string | null } | undefined;
  try {
    const [record] = await db.read(PICK_AUTHOR, {}, { operation: "warm-up", timeoutMs: Math.max(1_000, options.budgetMs) });
    if (record) author = record.toObject() as typeof author;
  } catch (error) {
    // Neo4j does not answer: there is nothing to warm, and every query would only fail the same way.
    options.log?.(`Warm-up skipped: Neo4j did not answer (${(error as Error).message}).`);
    return { ran: 0, skipped: requests.length + AUTHOR_QUERIES, ms: Date.now() - started };
  }
  if (author) {
    const { id, name, coauthorId } = author;
    const word = name.split(/\s+/).filter(Boolean).pop() ?? name;
    requests.push(
      { query: AUTHOR_PAGE, variables: { id } },
      { query: NETWORK, variables: { id, depth: 1 } },
      { query: NETWORK, variables: { id, depth: 2 } },
      { query: ANALYSIS, variables: { id } },
      { query: SEARCH, variables: { search: word } },
    );
    if (coauthorId) requests.push({ query: PAIR, variables: { a: id, b: coauthorId } });
  }
  let ran = 0;
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, Math.max(0, options.budgetMs - (Date.now() - started)));
  });
  const run = async () => {
    for (const request of requests) {
      if (Date.now() - started >= options.budgetMs) break;
      try {
        const response = await execute(request);
        const errors = response.body.kind === "single" ? response.body.singleResult.errors : undefined;
        if (errors?.length) options.log?.(`Warm-up: ${request.query?.slice(0, 40)}… answered with ${errors[0].message}`);
      } catch (error) {
        options.log?.(`Warm-up: a query failed (${(error as Error).message}); going on.`);
      }
      ran += 1;
    }
  };
  // A query still running when the budget is spent goes on in the background; the server is ready meanwhile.
  await Promise.race([run(), budget]);
  clearTimeout(timer);
  const report = { ran, skipped: requests.length - ran + (author ? 0 : AUTHOR_QUERIES), ms: Date.now() - started };
  options.log?.(`Warmed up: ${report.ran} queries in ${report.ms} ms${report.skipped ? ` (${report.skipped} left out)` : ""}.`);
  return report;
}
