import type { IncomingMessage, ServerResponse } from "node:http";
import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest } from "@apollo/server";
import express from "express";
import proxyaddr from "proxy-addr";
import type { Database } from "../db/database";
import { admission, type AdmissionLimits } from "./admission";
import { clientOf } from "./cost-budget";
import { createContext, type GraphContext } from "./context";
import { sendFailure } from "./error-handler";
import { describeForLog, type ErrorLog } from "./format-error";
import { readGraphqlRequest } from "./graphql-request";
import { JSON_BODY_LIMIT, type GraphqlHttpRequest, type GraphqlStep } from "./http-answer";

export const GRAPHQL_PATH = "/graphql";

/*
 * /graphql on plain node:http, beside express rather than inside it. Nearly all the traffic is GraphQL, and express's
 * machinery around it (routers, the request and response prototypes, res.send) cost 5–13% of the server's CPU per
 * request (two builds side by side; README, design notes; bench/RESULTS.md section 4), for nothing this route uses. The steps are
 * the same as before and keep their libraries: cors, express's JSON body parser (body-parser), the serving steps
 * (GET queries, trusted documents, the response cache), admission control, then Apollo's own HTTP entry point
 * (executeHTTPGraphQLRequest, which its express integration also calls). Answers are `Cache-Control: no-store` unless
 * the response cache gives a GET its ETag, derived from the graph version and the request, not from the body.
 */
export interface GraphqlHttpOptions extends AdmissionLimits {
  /** Every transaction of one request must end within this many ms of its start (0: no deadline). */
  requestDeadlineMs: number;
  /** With a cost budget: the header naming a client's API key ("" for addresses only); undefined: no budget. */
  apiKeyHeader?: string;
  /**
   * Which X-Forwarded-For hops to believe for the client's address: express's compiled "trust proxy" setting (the
   * app's `trust proxy fn`), so that /graphql and express's own req.ip agree.
   */
  trust: (address: string, hop: number) => boolean;
  /** The same CORS step as the other routes'. */
  cors: GraphqlStep;
  errorLog: ErrorLog;
}

/**
 * Whether a request is for /graphql, as express's mount matched it: any case, the path itself or below it, the
 * absolute form a forward proxy sends (`POST http://host/graphql`) too.
 */
export function isGraphqlPath(url: string | undefined): boolean {
  if (!url) return false;
  let path = url;
  if (!url.startsWith("/")) {
    try {
      path = new URL(url).pathname;
    } catch {
      return false;
    }
  }
  const end = path.search(/[?#]/);
  path = (end >= 0 ? path.slice(0, end) : path).toLowerCase();
  return path === GRAPHQL_PATH || path.startsWith(`${GRAPHQL_PATH}/`);
}

/** Runs `steps` in order, connect-style; `done` gets the first error, or nothing once every step has called next. */
function runSteps(steps: readonly GraphqlStep[], req: GraphqlHttpRequest, res: ServerResponse, done: (error?: unknown) => void): void {
  let at = 0;
  const next = (error?: unknown) => {
    if (error !== undefined && error !== null) return done(error);
    const step = steps[at++];
    if (!step) return done();
    try {
      step(req, res, next);
    } catch (thrown) {
      done(thrown);
    }
  };
  next();
}

function apolloRequest(req: GraphqlHttpRequest): HTTPGraphQLRequest {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  const url = req.url ?? "";
  const at = url.indexOf("?");
  return { method: (req.method ?? "GET").toUpperCase(), headers, search: at >= 0 ? url.slice(at) : "", body: req.body };
}

/**
 * The /graphql handler. `serving` runs after the body is read and before admission control, so that an answer from
 * the cache takes no slot, and a slow client does not hold a slot while it sends.
 */
export function graphqlHandler(
  apollo: ApolloServer<GraphContext>,
  db: Database,
  options: GraphqlHttpOptions,
  serving: readonly GraphqlStep[] = [],
): (req: IncomingMessage, res: ServerResponse) => void {
  const admitted = admission(options);
  const noStore: GraphqlStep = (_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  };
  const steps: GraphqlStep[] = [options.cors, noStore, express.json({ limit: JSON_BODY_LIMIT }), ...serving];

  const execute = async (req: GraphqlHttpRequest, res: ServerResponse) => {
    const started = Date.now();
    const deadline = options.requestDeadlineMs > 0 ? started + options.requestDeadlineMs : undefined;
    const busy = () => admitted.busySince(started);
    // Only names the transactions: a request Apollo will refuse (unreadable, a batch) runs none.
    const named = readGraphqlRequest(req) ?? {};
    // One context per request: DataLoaders must not cache across requests.
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: apolloRequest(req),
      context: () => Promise.resolve(createContext(db, named, { deadline, client: req.costClient, busy })),
    });
    for (const [key, value] of answer.headers) res.setHeader(key, value);
    res.statusCode = answer.status ?? 200;
    if (answer.body.kind === "complete") {
      // As bytes, as express's res.send sent it: the response cache keeps what it is given, and a string with one
      // character past U+00FF would take two bytes a character in memory against the one the cache counts.
      const body = Buffer.from(answer.body.string, "utf8");
      res.setHeader("Content-Length", body.length);
      res.end(body);
      return;
    }
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  };

  const fail = (error: unknown, res: ServerResponse) => {
    if (!res.headersSent) return sendFailure(error, res, options.errorLog);
    // Too late for an answer (a streamed body failed): cut the connection, and say so in the log.
    options.errorLog(`Answer cut off after its headers (HTTP): ${describeForLog(error)}`);
    res.destroy();
  };

  return (req, res) => {
    const request = req as GraphqlHttpRequest;
    // HEAD is GET without the body (RFC 9110 9.3.2): answered as a GET (Node sends no body to a HEAD request itself).
    if (request.method === "HEAD") request.method = "GET";
    if (options.apiKeyHeader !== undefined)
      request.costClient = clientOf({ ip: proxyaddr(req, options.trust), header: (name) => headerText(req, name) }, options.apiKeyHeader);
    runSteps(steps, request, res, (error) => {
      if (error !== undefined) fail(error, res);
      // Admission last: its slot is held until the execution ends, also when the client has gone before that.
      else admitted.run(res, () => execute(request, res).catch((thrown: unknown) => fail(thrown, res)));
    });
  };
}

function headerText(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(", ") : value;
}
