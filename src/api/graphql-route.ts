import type { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import type { Database } from "../db/database";
import { admission, type AdmissionLimits } from "./admission";
import { clientOf } from "./cost-budget";
import { createContext, type GraphContext } from "./context";

export const GRAPHQL_PATH = "/graphql";

/** Queries are small; a larger body is almost certainly a mistake or abuse. */
export const JSON_BODY_LIMIT = "256kb";

/**
 * /graphql as an express app of its own, so that it can run without express's ETags: express would hash
 * every answer (megabytes for a big network) to produce one. Answers are "Cache-Control: no-store" unless
 * the response cache (response-cache.ts) gives a GET its own ETag, derived from the graph version and the
 * request, not from the body. Settings it does not set are inherited from the parent app.
 */
export interface GraphqlRouteOptions extends AdmissionLimits {
  /** Every transaction of one request must end within this many ms of its start (0: no deadline). */
  requestDeadlineMs: number;
  /** With a cost budget: the header naming a client's API key ("" for addresses only); undefined: no budget. */
  apiKeyHeader?: string;
}

/**
 * `serving`: middleware run after the body is read and before admission control (GET queries, trusted documents, the
 * response cache), so that an answer from the cache takes no slot.
 */
export function graphqlRoute(
  apollo: ApolloServer<GraphContext>,
  db: Database,
  options: GraphqlRouteOptions,
  serving: express.RequestHandler[] = [],
): express.Express {
  const route = express();
  route.set("etag", false);
  // A sub-app sets its own defaults, which would bring this header back.
  route.disable("x-powered-by");
  const admitted = admission(options);
  route.use(
    (_req, res, next) => {
      res.setHeader("Cache-Control", "no-store");
      next();
    },
    express.json({ limit: JSON_BODY_LIMIT }),
    ...serving,
    // After the body: a slow client does not hold a slot while it sends.
    admitted.middleware,
    // One context per request: DataLoaders must not cache across requests.
    expressMiddleware(apollo, {
      context: ({ req }) => {
        const started = Date.now();
        const deadline = options.requestDeadlineMs > 0 ? started + options.requestDeadlineMs : undefined;
        const client = options.apiKeyHeader === undefined ? undefined : clientOf(req, options.apiKeyHeader);
        const busy = () => admitted.busySince(started);
        return Promise.resolve(createContext(db, (req.body ?? req.query) as Record<string, unknown>, { deadline, client, busy }));
      },
    }),
  );
  return route;
}
