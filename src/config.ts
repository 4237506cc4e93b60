import os from "node:os";
import path from "node:path";

/** Everything configurable comes from the environment, read once here and documented in the README. */
export interface Config {
  neo4j: {
    uri?: string;
    user: string;
    password: string;
    database: string;
    /** Per-transaction timeout for API reads; imports use their own, longer one. */
    txTimeoutMs: number;
  };
  /** Holds the local Neo4j's data, its jar cache and its runtime state. */
  home: string;
  port: number;
  host: string;
  corsOrigins: string[] | "*";
  /** CSP frame-ancestors sources for the embeddable pages (/embed/*): who may put them in an iframe. */
  frameAncestors: string;
  /**
   * Hide internals from clients (messages of real faults, stack traces). On unless NODE_ENV=development
   * (or `serve --dev`): a server started the documented way is safe to expose.
   */
  production: boolean;
  /** Whether the schema answers introspection (the playground and code generators need it). */
  introspection: boolean;
  http: HttpLimits;
  maxQueryDepth: number;
  maxQueryComplexity: number;
  serving: ServingConfig;
  costBudget: CostBudgetConfig;
}

/** Reads by GET, the response cache, trusted documents, events and warm-up; see "Caching" in the README. */
export interface ServingConfig {
  /** How often each API process reads the graph's version (one statement); the staleness bound of cached answers. */
  graphVersionPollMs: number;
  /** `Cache-Control: public, max-age=N` on cacheable GET answers (0: `no-cache`, i.e. revalidate every time). */
  cacheMaxAgeSeconds: number;
  /** The in-process response cache's bound in bytes (0 turns it off). */
  responseCacheBytes: number;
  /** A persisted-operation manifest: when set, only its operations run (trusted documents). */
  trustedDocuments?: string;
  /** Run representative queries before saying ready; at most warmUpMs of them. */
  warmUp: boolean;
  warmUpMs: number;
  /** Open /events streams at most (each is one socket). */
  maxEventStreams: number;
}

/** A per-client budget of query cost per minute for public deployments; see "Running it in production" in the README. */
export interface CostBudgetConfig {
  /** Query-cost points each client may spend per minute (a token bucket refilling continuously); 0: no budget. */
  perMinute: number;
  /** A request carrying this header is charged to its value (an API key); others to their address. "": addresses only. */
  apiKeyHeader: string;
  /**
   * express's "trust proxy": which proxies' X-Forwarded-For to believe for the client address. false (default): the
   * socket's peer address; else a hop count, "loopback", or addresses/CIDRs, as express takes them.
   */
  trustProxy: boolean | number | string;
}

/** TRUST_PROXY as express takes it: unset/false/0 off, true, a hop count, or a list of addresses, CIDRs or names. */
function trustProxy(raw: string | undefined): boolean | number | string {
  const value = (raw ?? "").trim();
  if (value === "" || value === "false" || value === "0") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/** How long the HTTP server waits for clients and for itself; see "Running it in production" in the README. */
export interface HttpLimits {
  /** A client must send all request headers within this (Node's headersTimeout). */
  headersTimeoutMs: number;
  /** ... and the whole request, body included, within this (Node's requestTimeout): a slow body is cut. */
  requestTimeoutMs: number;
  /**
   * An idle kept-alive connection is closed after this (Node's keepAliveTimeout, 5 s by default). Longer than the
   * idle timeouts of the proxies in front (60 s on AWS's load balancers, nginx's upstream keepalive_timeout), so that
   * they, not this server, close idle connections: else a proxy can send a request into a socket this server is
   * closing, and its client gets a 502.
   */
  keepAliveTimeoutMs: number;
  /** Everything a GraphQL request does in Neo4j must finish within this; its transaction is then terminated. */
  requestDeadlineMs: number;
  /** GraphQL requests that run at once; more wait in a queue of maxQueued, and beyond it are refused (503). */
  maxInFlight: number;
  maxQueued: number;
  /** On SIGTERM, in-flight requests get this long; then connections are cut and the process exits. */
  shutdownGraceMs: number;
  /**
   * On SIGTERM, /readyz answers 503 at once, but the server keeps accepting and answering requests this long before it
   * drains, so that a load balancer notices and sends new traffic elsewhere first (0: drain at once).
   */
  shutdownDelayMs: number;
}

export function defaultHome(): string {
  if (process.env.XDG_DATA_HOME) return path.join(process.env.XDG_DATA_HOME, "coauthor-graph");
  if (process.platform === "darwin") return path.join(os.homedir(), "Library", "Application Support", "coauthor-graph");
  if (process.platform === "win32" && process.env.LOCALAPPDATA) return path.join(process.env.LOCALAPPDATA, "coauthor-graph");
  return path.join(os.homedir(), ".local", "share", "coauthor-graph");
}

function intFromEnv(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name}=${raw} is not a whole number; unset it or give e.g. ${name}=${fallback}`);
  }
  return value;
}

/**
 * Space- or comma-separated CSP sources ("https://grafana.example.org 'self'"); the default "*"
 * lets any http(s) page frame the embeds, which is what public dashboards need.
 */
function frameAncestors(raw: string | undefined): string {
  const sources = (raw ?? "*").split(/[\s,]+/).filter(Boolean);
  if (sources.length === 0) return "*";
  const bad = sources.find((s) => /[;"]/.test(s));
  if (bad)
    throw new Error(
      `EMBED_FRAME_ANCESTORS has ${bad}, which is not a CSP source; give origins such as "https://grafana.example.org 'self'", or unset it for "*".`,
    );
  return sources.join(" ");
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cors = (env.CORS_ORIGINS ?? "*").trim();
  return {
    neo4j: {
      uri: env.NEO4J_URI || undefined,
      user: env.NEO4J_USER || "neo4j",
      password: env.NEO4J_PASSWORD || "neo4j",
      database: env.NEO4J_DATABASE || "neo4j",
      txTimeoutMs: intFromEnv("NEO4J_TX_TIMEOUT_MS", 15_000, env),
    },
    home: path.resolve(env.COAUTHOR_GRAPH_HOME || defaultHome()),
    port: intFromEnv("PORT", 4000, env),
    // Loopback unless asked: exposing the API (HOST=0.0.0.0, as the Docker image does) is a decision.
    host: env.HOST || "127.0.0.1",
    corsOrigins:
      cors === "*"
        ? "*"
        : cors
            .split(",")
            .map((o) => o.trim())
            .filter(Boolean),
    frameAncestors: frameAncestors(env.EMBED_FRAME_ANCESTORS),
    production: env.NODE_ENV !== "development",
    introspection: (env.GRAPHQL_INTROSPECTION ?? "true").trim().toLowerCase() !== "false",
    http: {
      headersTimeoutMs: intFromEnv("HTTP_HEADERS_TIMEOUT_MS", 10_000, env),
      requestTimeoutMs: intFromEnv("HTTP_REQUEST_TIMEOUT_MS", 30_000, env),
      keepAliveTimeoutMs: intFromEnv("HTTP_KEEP_ALIVE_TIMEOUT_MS", 65_000, env),
      requestDeadlineMs: intFromEnv("REQUEST_DEADLINE_MS", 10_000, env),
      maxInFlight: Math.max(1, intFromEnv("MAX_IN_FLIGHT", 16, env)),
      maxQueued: intFromEnv("MAX_QUEUED", 32, env),
      shutdownGraceMs: intFromEnv("SHUTDOWN_GRACE_MS", 10_000, env),
      shutdownDelayMs: intFromEnv("SHUTDOWN_DELAY_MS", 0, env),
    },
    maxQueryDepth: intFromEnv("MAX_QUERY_DEPTH", 12, env),
    maxQueryComplexity: intFromEnv("MAX_QUERY_COMPLEXITY", 20_000, env),
    serving: {
      graphVersionPollMs: Math.max(10, intFromEnv("GRAPH_VERSION_POLL_MS", 1_000, env)),
      cacheMaxAgeSeconds: intFromEnv("CACHE_MAX_AGE", 5, env),
      responseCacheBytes: intFromEnv("RESPONSE_CACHE_MB", 64, env) * 1024 * 1024,
      trustedDocuments: env.TRUSTED_DOCUMENTS || undefined,
      warmUp: (env.WARM_UP ?? "true").trim().toLowerCase() !== "false",
      warmUpMs: intFromEnv("WARM_UP_MS", 30_000, env),
      maxEventStreams: intFromEnv("MAX_EVENT_STREAMS", 256, env),
    },
    costBudget: {
      perMinute: intFromEnv("COST_BUDGET_PER_MINUTE", 0, env),
      apiKeyHeader: (env.API_KEY_HEADER ?? "X-API-Key").trim(),
      trustProxy: trustProxy(env.TRUST_PROXY),
    },
  };
}
