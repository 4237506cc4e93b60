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
  production: boolean;
  maxQueryDepth: number;
  maxQueryComplexity: number;
}

export function defaultHome(): string {
  if (process.env.XDG_DATA_HOME) return path.join(process.env.XDG_DATA_HOME, "coauthor-graph");
  if (process.platform === "darwin") return path.join(os.homedir(), "Library", "Application Support", "coauthor-graph");
  if (process.platform === "win32" && process.env.LOCALAPPDATA) return path.join(process.env.LOCALAPPDATA, "coauthor-graph");
  return path.join(os.homedir(), ".local", "share", "coauthor-graph");
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
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
      txTimeoutMs: intFromEnv("NEO4J_TX_TIMEOUT_MS", 15_000),
    },
    home: path.resolve(env.COAUTHOR_GRAPH_HOME || defaultHome()),
    port: intFromEnv("PORT", 4000),
    host: env.HOST || "0.0.0.0",
    corsOrigins:
      cors === "*"
        ? "*"
        : cors
            .split(",")
            .map((o) => o.trim())
            .filter(Boolean),
    frameAncestors: frameAncestors(env.EMBED_FRAME_ANCESTORS),
    production: env.NODE_ENV === "production",
    maxQueryDepth: intFromEnv("MAX_QUERY_DEPTH", 12),
    maxQueryComplexity: intFromEnv("MAX_QUERY_COMPLEXITY", 20_000),
  };
}
