import type { ServerResponse } from "node:http";
import { ErrorCode, RETRY_AFTER_SECONDS } from "../errors";
import { sendJson, type GraphqlStep } from "./http-answer";

/** How long a request may wait in the queue for a free slot before it is refused. */
const MAX_QUEUE_WAIT_MS = 1_000;

export interface AdmissionLimits {
  maxInFlight: number;
  maxQueued: number;
}

export interface Admission {
  middleware: GraphqlStep;
  /**
   * Whether the server has been past its limit since `since` (epoch ms): a request found no free slot (it waited, or
   * was refused), or one is waiting now. A request that ran out of time then was slowed by the others, not by what it
   * asked for.
   */
  busySince(since: number): boolean;
}

/**
 * A concurrency limit in front of Neo4j: at most maxInFlight GraphQL requests run at once, at most
 * maxQueued wait (each for at most a second), and any beyond are refused at once with 503, Retry-After and
 * OVERLOADED. Requests then never wait into the transaction timeout under load, and the memory that answers
 * in progress hold stays bounded. A slot is held until the answer is sent or the client goes away.
 */
export function admission(limits: AdmissionLimits): Admission {
  let running = 0;
  const queue: Array<() => void> = [];
  // When the server was last at its limit (epoch ms); -Infinity: never.
  let lastBusyAt = -Infinity;
  const markBusy = () => (lastBusyAt = Date.now());

  const release = () => {
    const next = queue.shift();
    if (next) next();
    else running -= 1;
  };
  const admit = (res: ServerResponse, next: () => void) => {
    res.once("close", release);
    next();
  };
  const refuse = (res: ServerResponse, why: string) => {
    markBusy();
    const message = `The server is busy (${why}); retry after ${RETRY_AFTER_SECONDS} s.`;
    sendJson(
      res,
      503,
      { errors: [{ message, extensions: { code: ErrorCode.OVERLOADED } }] },
      { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" },
    );
  };

  const middleware: GraphqlStep = (_req, res, next) => {
    if (running < limits.maxInFlight) {
      running += 1;
      admit(res, next);
      return;
    }
    markBusy();
    if (queue.length >= limits.maxQueued) {
      refuse(res, `${limits.maxInFlight} requests running and ${limits.maxQueued} waiting`);
      return;
    }
    // Queued: a released slot passes straight to it (running stays the same).
    const start = () => {
      clearTimeout(timer);
      res.off("close", leave);
      admit(res, next);
    };
    const leave = () => {
      clearTimeout(timer);
      const at = queue.indexOf(start);
      if (at >= 0) queue.splice(at, 1);
    };
    const timer = setTimeout(() => {
      leave();
      res.off("close", leave);
      refuse(res, `no slot of ${limits.maxInFlight} became free within ${MAX_QUEUE_WAIT_MS / 1000} s`);
    }, MAX_QUEUE_WAIT_MS);
    res.once("close", leave);
    queue.push(start);
  };
  return {
    middleware,
    busySince: (since) => queue.length > 0 || lastBusyAt >= since,
  };
}
