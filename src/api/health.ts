import { Router } from "express";
import type { Database } from "../db/database";
import { RETRY_AFTER_SECONDS } from "../errors";

/** The cheapest statement that proves Bolt, auth and the configured database all answer. */
export const HEALTH_PING_CYPHER = "RETURN 1 AS ok";

/** A health check must answer fast even when Neo4j hangs; load balancers time out around 5s. */
const HEALTH_TIMEOUT_MS = 3_000;

export interface HealthReport {
  status: "ok" | "unavailable";
  neo4j: "up" | "down";
  /** Milliseconds the ping took (or until it failed). */
  latencyMs: number;
  /** The error code when Neo4j is down; never the message, which may name hosts. */
  code?: string;
}

/** Resolves (never rejects) with what /healthz reports. */
export async function checkHealth(db: Database): Promise<HealthReport> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error("health ping timed out"), { code: "TIMEOUT" })), HEALTH_TIMEOUT_MS);
    });
    await Promise.race([db.read(HEALTH_PING_CYPHER, {}, { timeoutMs: HEALTH_TIMEOUT_MS, operation: "health" }), timeout]);
    return { status: "ok", neo4j: "up", latencyMs: Date.now() - started };
  } catch (error) {
    const code = (error as { extensions?: { code?: string }; code?: string }).extensions?.code ?? (error as { code?: string }).code;
    return { status: "unavailable", neo4j: "down", latencyMs: Date.now() - started, code: code ?? "DATABASE_UNAVAILABLE" };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Liveness apart from readiness, the way orchestrators probe:
 *  - GET /livez: 200 while the process serves HTTP at all; restarting it would not help when Neo4j is down.
 *  - GET /readyz (and /healthz, its older name): 200 when Neo4j answers, else 503 with Retry-After, so a load
 *    balancer sends traffic elsewhere until the database is back. While Neo4j is known to be down the answer
 *    is immediate. Also 503 (`{"status": "warming"}`) until the warm-up queries have run.
 * JSON either way, never cached.
 *
 * Once the server has begun to shut down (`draining()`), /readyz answers 503 {"status":"draining"} at once, without
 * asking Neo4j, and closes the connection: a load balancer takes the instance out before its listener closes.
 */
export function healthRouter(db: Database, options: { warm?: () => boolean; draining?: () => boolean } = {}): Router {
  const router = Router();
  const started = Date.now();
  router.get("/livez", (_req, res) => {
    res.set("Cache-Control", "no-store").json({ status: "ok", uptimeMs: Date.now() - started });
  });
  router.get(["/readyz", "/healthz"], async (_req, res) => {
    if (options.draining?.()) {
      res
        .status(503)
        .set({ "Cache-Control": "no-store", "Retry-After": String(RETRY_AFTER_SECONDS), Connection: "close" })
        .json({ status: "draining" });
      return;
    }
    if (options.warm && !options.warm()) {
      // Warming up (warm-up.ts): up, but the first requests would still be the slow ones.
      res.status(503).set("Cache-Control", "no-store").set("Retry-After", String(RETRY_AFTER_SECONDS)).json({ status: "warming" });
      return;
    }
    const report = await checkHealth(db);
    res.status(report.status === "ok" ? 200 : 503).set("Cache-Control", "no-store");
    if (report.status !== "ok") res.set("Retry-After", String(RETRY_AFTER_SECONDS));
    res.json(report);
  });
  return router;
}
