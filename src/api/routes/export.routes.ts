import express, { Router } from "express";
import type { Database } from "../../db/database";
import { BadUserInputError, ErrorCode, LimitExceededError, NotFoundError, RateLimitedError } from "../../errors";
import { checkListArgs, checkNetworkArgs } from "../../export/export.service";
import { coauthorListFileName, networkFileStem } from "../../export/export.model";
import { writeCoauthorsCsv } from "../../export/csv";
import { NETWORK_FORMATS, type NetworkFormat } from "../../export/formats";
import type { Admission } from "../admission";
import { clientOf, rateLimitHeaders, type CostBudget } from "../cost-budget";
import { COAUTHOR_LIST_EXPORT_COST, networkExportCost } from "../query-cost";
import { createContext } from "../context";
import { describeForLog, newErrorId, type ErrorLog } from "../format-error";
import { sendJson } from "../http-answer";
import { answerKey, matchesIfNoneMatch, type CachedAnswer } from "../response-cache";
import type { Serving } from "../serving";
import { errorStatus, queryInt, queryText } from "./query-params";

/** Where the exports live: /export/network.gexf?author=…, /export/coauthors.csv?author=… */
export const EXPORT_PREFIX = "/export";

/** A file to send: its text, media type, and the name the browser saves it under. */
interface ExportFile {
  body: string;
  contentType: string;
  fileName: string;
}

/** An export's place in the caches: its key in the response cache, its ETag and Cache-Control. */
interface ExportCaching {
  key: string;
  etag: string;
  cacheControl: string;
}

/**
 * Sends a file the browser saves under `fileName`; a cross-origin fetch may read that name too. `caching` ties it to
 * the graph version (below); without it the file is `no-store`.
 */
function sendFile(res: express.Response, file: CachedAnswer, caching: ExportCaching | undefined): void {
  res.set({
    "Content-Type": file.contentType,
    "Content-Disposition": `attachment; filename="${file.fileName}"`,
    "Cache-Control": caching?.cacheControl ?? "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  if (caching) res.set("ETag", caching.etag);
  // end(), not send(): send() would give an uncached file an ETag of its body, and answer a revalidation of it 304.
  res.set("Content-Length", String(Buffer.byteLength(file.body))).end(file.body);
}

/**
 * An export is a function of the graph version and its URL, as a GraphQL answer is of the version and the operation
 * (response-cache.ts), so it gets the same treatment: an ETag from the version (read before the file is made, so a
 * file is never older than its tag) and the path with its parameters, GraphQL's Cache-Control for GETs, a 304 for a
 * matching If-None-Match without a statement, and kept files served from the response cache. Errors stay `no-store`.
 * A dashboard that polls an export every minute costs Neo4j one read per import.
 */
async function answerExport(
  req: express.Request,
  res: express.Response,
  options: ExportRouterOptions,
  cost: () => number,
  make: () => Promise<ExportFile>,
): Promise<void> {
  const { serving } = options;
  const caching = serving && exportCaching(req, serving);
  if (caching) {
    // Counted once answered: a kept file a client's budget cannot pay for is not served.
    const kept = serving.cache?.get(caching.key);
    if (matchesIfNoneMatch(req.headers["if-none-match"], caching.etag, kept?.fileName !== undefined)) {
      serving.cache?.count(kept?.fileName !== undefined);
      res.status(304).set({ ETag: caching.etag, "Cache-Control": caching.cacheControl }).end();
      return;
    }
    if (kept?.fileName !== undefined) {
      // Charged as a file made now would be: a client's budget does not depend on what this process keeps.
      try {
        chargeExport(req, res, options, cost);
      } catch (error) {
        serving.cache?.count(false);
        sendError(res, error, options);
        return;
      }
      serving.cache?.count(true);
      sendFile(res, kept, caching);
      return;
    }
    serving.cache?.count(false);
  }
  const produce = async () => {
    try {
      chargeExport(req, res, options, cost);
      const made = await make();
      // Kept as bytes, as graphql-http.ts keeps its answers: the response cache counts bytes, and sends them as they are.
      const file = { ...made, body: Buffer.from(made.body, "utf8") };
      if (caching) serving.cache?.set(caching.key, file);
      sendFile(res, file, caching);
    } catch (error) {
      sendError(res, error, options);
    }
  };
  // A refused request is answered by the admission step itself (503) and never reaches produce. Should answering
  // the error itself fail, the connection is closed rather than the rejection left unhandled.
  const run = () => produce().catch(() => res.destroy());
  if (options.admission) options.admission.run(res, run);
  else await run();
}

/**
 * Charges an export that reads the graph to the request's client, as GraphQL charges a query (limits.ts): what the
 * same data costs through GraphQL (query-cost.ts), before it runs; the RateLimit fields say what is left. A client
 * without enough left is refused 429 RATE_LIMITED with Retry-After; an export costing more than the whole budget is
 * LIMIT_EXCEEDED. A kept file is charged the same; a 304 reads nothing and is not charged.
 */
function chargeExport(req: express.Request, res: express.Response, options: ExportRouterOptions, cost: () => number): void {
  if (!options.budget) return;
  const { budget, apiKeyHeader } = options.budget;
  const charged = budget.charge(clientOf({ ip: req.ip, header: (name) => req.get(name) }, apiKeyHeader), cost());
  if (charged.ok) {
    res.set(rateLimitHeaders(charged));
    return;
  }
  const headers = charged.reason === "exhausted" ? rateLimitHeaders(charged, charged.retryAfterSeconds) : rateLimitHeaders(charged);
  const asked = `The export would cost ${charged.cost} (what the same data costs through GraphQL)`;
  if (charged.reason === "too-costly")
    throw new LimitExceededError(
      `${asked}, more than this server's whole budget of ${charged.limit} per minute per client; ask for a smaller network (maxNodes).`,
      { http: { status: 413, headers: new Map(Object.entries(headers)) } },
    );
  const wait = charged.retryAfterSeconds;
  throw new RateLimitedError(
    `${asked}, and this client has ${charged.remaining} of its ${charged.limit} query-cost points per minute left; retry after ${wait} s, or ask for less.`,
    { "Retry-After": String(wait), ...headers },
  );
}

/** The export's key and headers under the graph version last polled; undefined when no version is known. */
function exportCaching(req: express.Request, serving: NonNullable<ExportRouterOptions["serving"]>): ExportCaching | undefined {
  const version = serving.watch.cacheVersion();
  if (version === undefined) return undefined;
  const key = answerKey({ version, normalizedHash: `GET ${req.path}`, variables: req.query });
  return { key, etag: `W/"${key}"`, cacheControl: serving.cacheControl };
}

function sendError(res: express.Response, error: unknown, options: Pick<ExportRouterOptions, "production" | "errorLog">): void {
  const status = errorStatus(error);
  const coded = error as { extensions?: { code?: string }; message?: string };
  const code = coded?.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR;
  const extensions: Record<string, string> = { code };
  let message = String(coded?.message ?? error);
  // A fault, as GraphQL answers one (format-error.ts): an id the client can quote, and the same id in the server's log
  // with what happened; in production the message says no more than that.
  if (status >= 500 && code === (ErrorCode.INTERNAL_SERVER_ERROR as string)) {
    extensions.errorId = newErrorId();
    (options.errorLog ?? ((line: string) => console.error(line)))(
      `Internal server error ${extensions.errorId} (export): ${describeForLog(error)}`,
    );
    if (options.production) message = `Internal server error (id ${extensions.errorId}); the server log has the details.`;
  }
  // Retry-After and the RateLimit fields of a refusal, as GraphQL sends them.
  const given = (error as { extensions?: { http?: { headers?: Map<string, string> } } })?.extensions?.http?.headers;
  const headers = given instanceof Map ? Object.fromEntries(given) : {};
  // sendJson, not express's json(): send() would give the error an ETag of its body, and an error is not to be
  // revalidated or kept.
  sendJson(res, status, { errors: [{ message, extensions }] }, { ...headers, "Cache-Control": "no-store" });
}

/** coauthorNetwork's arguments from a URL; `author` and `authorId` both name the centre. */
function networkArgs(query: express.Request["query"]) {
  return {
    authorId: queryText(query, "author") ?? queryText(query, "authorId") ?? "",
    depth: queryInt(query, "depth"),
    minJointPapers: queryInt(query, "minJointPapers"),
    yearFrom: queryInt(query, "yearFrom"),
    yearTo: queryInt(query, "yearTo"),
    maxNodes: queryInt(query, "maxNodes"),
    strength: queryText(query, "strength"),
    maxAuthorsPerPaper: queryInt(query, "maxAuthorsPerPaper"),
  };
}

function requireAuthor<T extends { authorId: string }>(args: T): T {
  if (args.authorId === "")
    throw new BadUserInputError(
      "Give the centre author as ?author=<author id>, e.g. ?author=name:wei%20xiong (ids come from authors(search:) in GraphQL).",
    );
  return args;
}

export interface ExportRouterOptions {
  production: boolean;
  /** Where a fault's line (its id and stack) goes: the server's log; stderr when not given. */
  errorLog?: ErrorLog;
  /** The graph version watch and response cache GraphQL's GETs use; without it every export is `no-store`. */
  serving?: Pick<Serving, "watch" | "cache" | "cacheControl">;
  /**
   * The exports' concurrency limit (http.ts: a quarter of GraphQL's, apart from it): an export that reads the graph
   * takes a slot (a 304 or a kept file takes none), and beyond it is refused 503 OVERLOADED with Retry-After as a
   * GraphQL request would be.
   */
  admission?: Admission;
  /** A per-client cost budget (COST_BUDGET_PER_MINUTE) and the header naming a client's API key: see chargeExport. */
  budget?: { budget: CostBudget; apiKeyHeader: string };
}

/**
 * The network exports, one URL per format, taking coauthorNetwork's arguments (tie strength and byline cap included),
 * plus an author's coauthor list as CSV; `GET /export` lists them. CORS follows the API's (CORS_ORIGINS, "*" by
 * default), so Gephi Lite (`?file=<url>`), VOSviewer Online (`?json=<url>`), Observable and Grafana can read them from
 * another origin; they are cached as GraphQL GETs are (answerExport).
 */
export function exportRouter(db: Database, options: ExportRouterOptions): Router {
  const router = Router();
  const route =
    (format: NetworkFormat): express.RequestHandler =>
    (req, res) =>
      answerExport(
        req,
        res,
        options,
        // Arguments that can never succeed are refused before anything is charged (as GraphQL refuses them unmeasured).
        () => networkExportCost(checkNetworkArgs(requireAuthor(networkArgs(req.query)), format.maxNodes).maxNodes),
        async () => {
          const args = requireAuthor(networkArgs(req.query));
          const graph = await createContext(db).services.export.networkGraph(args, {
            perYear: format.perYear,
            maxNodesRange: format.maxNodes,
          });
          return { body: format.write(graph), contentType: format.contentType, fileName: `${networkFileStem(graph)}${format.suffix}` };
        },
      );
  for (const format of NETWORK_FORMATS) router.get(`${EXPORT_PREFIX}/network${format.suffix}`, route(format));

  router.get(`${EXPORT_PREFIX}/coauthors.csv`, (req, res) =>
    answerExport(
      req,
      res,
      options,
      () => (checkListArgs(requireAuthor(networkArgs(req.query))), COAUTHOR_LIST_EXPORT_COST),
      async () => {
        const args = requireAuthor(networkArgs(req.query));
        const list = await createContext(db).services.export.coauthorList(args);
        return {
          body: writeCoauthorsCsv(list.rows),
          contentType: "text/csv; charset=utf-8; header=present",
          fileName: coauthorListFileName(list.name, list.rule),
        };
      },
    ),
  );

  router.get(EXPORT_PREFIX, (_req, res) => {
    res.set("Cache-Control", "no-cache").json({
      arguments:
        "author (an author id; required), depth 1..3, minJointPapers, yearFrom, yearTo, maxNodes, strength (FULL, NEWMAN, FRACTIONAL, ASSOCIATION_STRENGTH: the edges' weight), maxAuthorsPerPaper (as coauthorNetwork)",
      network: NETWORK_FORMATS.map((f) => ({
        url: `${EXPORT_PREFIX}/network${f.suffix}?author=name:wei%20xiong&depth=2`,
        format: f.label,
      })),
      coauthors: { url: `${EXPORT_PREFIX}/coauthors.csv?author=name:wei%20xiong`, format: "CSV, an author's coauthors" },
    });
  });
  // Any other path under /export (a format we do not write, a typo) is answered as the exports answer errors, in JSON.
  router.use(`${EXPORT_PREFIX}/`, (req, res) => {
    const formats = [...NETWORK_FORMATS.map((f) => `network${f.suffix}`), "coauthors.csv"].join(", ");
    sendError(
      res,
      new NotFoundError(
        `No export at ${req.method} ${req.originalUrl.split("?")[0]}. The exports are ${formats}: GET ${EXPORT_PREFIX} lists them with examples.`,
      ),
      options,
    );
  });
  return router;
}
