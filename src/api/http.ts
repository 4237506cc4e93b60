import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, type GraphQLRequest, type GraphQLResponse } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import cors from "cors";
import express from "express";
import type { Config } from "../config";
import type { Database } from "../db/database";
import { apiPlugins } from "./api-plugins";
import { CostBudget } from "./cost-budget";
import { createContext, type GraphContext } from "./context";
import { jsonErrorHandler } from "./error-handler";
import { clientErrorAnswerer } from "./client-errors";
import { admission, type AdmissionLimits } from "./admission";
import { GRAPHQL_PATH, graphqlHandler, isGraphqlPath } from "./graphql-http";
import { createFormatError } from "./format-error";
import { buildGraphqlSchema, printSchemaSdl } from "./schema";
import { healthRouter } from "./health";
import { playgroundRouter } from "./playground";
import { exportRouter } from "./routes/export.routes";
import { webRouter } from "./routes/web.routes";
import { createServing, type Serving } from "./serving";
import { warmUp } from "./warm-up";

/** How often Node checks the header and request timeouts of open connections (its default is 30 s). */
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

export interface HttpServerOptions {
  db: Database;
  config: Config;
  /** Defaults to config.port; 0 picks a free port (the returned `port` is the real one). */
  port?: number;
  /** Defaults to config.host. */
  host?: string;
  log?: (message: string) => void;
}

export interface RunningHttpServer {
  url: string;
  port: number;
  /**
   * One request through the same Apollo pipeline (plugins, limits, execution, a fresh context) but
   * without HTTP or JSON: lets the benchmark tell the GraphQL cost from the transport's.
   */
  executeOperation(request: GraphQLRequest): Promise<GraphQLResponse>;
  /** The graph version watch, the response cache and the event streams (for tests and the benchmark). */
  serving: Serving;
  /**
   * Stops Apollo, drains and closes the HTTP server; the port is free when this resolves. Does not close `db`.
   * From the call on, /readyz answers 503 ("draining"); with `readinessDelayMs` the server goes on accepting and
   * answering requests that long before it drains (a load balancer's time to notice).
   */
  close(options?: { readinessDelayMs?: number }): Promise<void>;
  /** True once close() has been called. */
  readonly draining: boolean;
}

/** The exports' concurrency limit: a quarter of GraphQL's running and waiting requests, at least one of each. */
export function exportLimits(limits: AdmissionLimits): AdmissionLimits {
  return { maxInFlight: Math.max(1, Math.floor(limits.maxInFlight / 4)), maxQueued: Math.max(1, Math.floor(limits.maxQueued / 4)) };
}

function corsOptions(origins: Config["corsOrigins"]): cors.CorsOptions {
  // "*" answers any origin without credentials, which is what public dashboards need. A page of another origin may
  // read the fields a client acts on: what is left of its budget and when to retry, an export's file name, the ETag.
  return {
    origin: origins === "*" ? "*" : origins,
    maxAge: 600,
    exposedHeaders: ["ETag", "RateLimit", "RateLimit-Policy", "Retry-After", "Content-Disposition"],
  };
}

/** A URL a person can click: wildcard binds are reported as localhost. */
function displayUrl(host: string, port: number): string {
  const shown = host === "0.0.0.0" || host === "::" || host === "" ? "localhost" : host;
  return `http://${shown.includes(":") ? `[${shown}]` : shown}:${port}`;
}

function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(new Error(`Port ${port} on ${host} is already in use; set PORT to another port (or 0 for any free one).`));
      } else {
        reject(error);
      }
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Starts the API: GraphQL at /graphql (POST and GET), the offline GraphiQL playground at / and
 * /playground, the SDL at /schema.graphql and a Neo4j-backed health check at /healthz.
 */
export async function startHttpServer(opts: HttpServerOptions): Promise<RunningHttpServer> {
  const { db, config } = opts;
  const log = opts.log ?? (() => undefined);
  // Real faults are always logged (with the id their answer carries), whoever started the server.
  const errorLog = opts.log ?? ((line: string) => console.error(line));
  const schema = await buildGraphqlSchema();
  const sdl = printSchemaSdl(schema);
  // Built before Apollo starts so a missing playground package fails with nothing to clean up.
  const playground = playgroundRouter({ graphqlPath: GRAPHQL_PATH });
  const web = webRouter({ frameAncestors: config.frameAncestors });
  const budget = config.costBudget.perMinute > 0 ? new CostBudget(config.costBudget.perMinute) : undefined;
  const serving = createServing(db, config, log, budget);

  const app = express();
  app.disable("x-powered-by");
  // Which X-Forwarded-For to believe for req.ip (the client a cost budget is charged to); off unless configured.
  app.set("trust proxy", config.costBudget.trustProxy);
  const limits = config.http;
  // Against slow clients: all headers within headersTimeout, the whole request (body included) within
  // requestTimeout, else Node answers 408 and closes the socket. Checked every second, not every 30 s.
  // Its request listener is added once Apollo has started (below), before it listens.
  const httpServer = http.createServer({
    headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs || Infinity),
    requestTimeout: limits.requestTimeoutMs,
    connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
  });
  // A GET whose URL is too long for Node's parser is told to POST (or use a persisted query) instead of a bare 431.
  httpServer.on("clientError", clientErrorAnswerer({ anyOrigin: config.corsOrigins === "*" }));

  const apollo = new ApolloServer<GraphContext>({
    schema,
    // On by default: the schema is public anyway (/schema.graphql) and the playground needs it.
    introspection: config.introspection,
    // Without introspection, "Did you mean …?" would still spell the schema out field by field.
    hideSchemaDetailsFromClientErrors: !config.introspection,
    includeStacktraceInErrorResponses: !config.production,
    // Follows config.production (not only NODE_ENV), like the stack-trace switch above.
    formatError: createFormatError(config.production, errorLog),
    // The CLI owns signal handling: it must also stop Neo4j, so Apollo must not exit on SIGTERM itself.
    stopOnTerminationSignals: false,
    // Shared with the response cache, which must know a document sent by its hash alone (src/api/documents.ts).
    persistedQueries: { cache: serving.persisted },
    plugins: [
      ...apiPlugins<GraphContext>(schema, { maxDepth: config.maxQueryDepth, maxComplexity: config.maxQueryComplexity }, budget),
      // In-flight requests get shutdownGraceMs to finish when the server closes; then sockets are cut.
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: limits.shutdownGraceMs }),
    ],
  });
  await apollo.start();
  await serving.start();

  const allowOrigins = cors(corsOptions(config.corsOrigins));
  app.use(allowOrigins);
  // The exports read the graph at a client's request too, so they run behind a concurrency limit, but one of their own,
  // a quarter of GraphQL's: an export may read for up to a minute (its statements' timeout) where a GraphQL request
  // has REQUEST_DEADLINE_MS, so a handful of heavy exports sharing GraphQL's slots could hold them all.
  const exportsAdmitted = admission(exportLimits(limits));
  const graphql = graphqlHandler(
    apollo,
    db,
    {
      ...limits,
      apiKeyHeader: budget ? config.costBudget.apiKeyHeader : undefined,
      trust: app.get("trust proxy fn") as (address: string, hop: number) => boolean,
      cors: allowOrigins,
      errorLog,
    },
    serving.middleware,
  );
  // /graphql is answered beside express, not through it (graphql-http.ts): nearly all the traffic, none of express's use.
  httpServer.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (isGraphqlPath(req.url)) graphql(req, res);
    else void app(req, res);
  });
  let warm = !config.serving.warmUp;
  let draining = false;
  app.use(healthRouter(db, { warm: () => warm, draining: () => draining }));
  app.use(serving.events.router);
  app.get("/schema.graphql", (_req, res) => {
    res.type("text/plain; charset=utf-8").set("Cache-Control", "no-cache").send(sdl);
  });
  app.use(playground);
  app.use(web);
  app.use(
    exportRouter(db, {
      production: config.production,
      errorLog,
      serving,
      admission: exportsAdmitted,
      budget: budget ? { budget, apiKeyHeader: config.costBudget.apiKeyHeader } : undefined,
    }),
  );
  app.use(jsonErrorHandler(errorLog));

  let port: number;
  try {
    port = await listen(httpServer, opts.port ?? config.port, opts.host ?? config.host);
  } catch (error) {
    serving.close();
    await apollo.stop();
    throw error;
  }
  const url = displayUrl(opts.host ?? config.host, port);
  log(`HTTP server listening on ${opts.host ?? config.host}:${port}`);
  if (budget) {
    const who = config.costBudget.apiKeyHeader ? `the ${config.costBudget.apiKeyHeader} header, else the address` : "the address";
    log(
      `Query-cost budget: ${budget.perMinute} points per minute per client (by ${who}; trust proxy: ${String(config.costBudget.trustProxy)}).`,
    );
  }
  const executeOperation = (request: GraphQLRequest) => apollo.executeOperation(request, { contextValue: createContext(db, request) });
  if (!warm) {
    await warmUp(executeOperation, db.forOperation("warm-up"), { budgetMs: config.serving.warmUpMs, log });
    warm = true;
  }

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    executeOperation,
    serving,
    get draining() {
      return draining;
    },
    close(options = {}) {
      draining = true;
      const delay = options.readinessDelayMs ?? 0;
      closing ??= (async () => {
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        // Event streams never end by themselves: end them first, so that draining waits only for real requests.
        serving.close();
        // apollo.stop() runs the drain plugin, which closes the listener and every socket.
        await apollo.stop();
        if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      })();
      return closing;
    },
  };
}
