import type { ServerResponse } from "node:http";
import { finished } from "node:stream";
import { ErrorCode, RETRY_AFTER_SECONDS } from "../errors";
import { sendJson, type GraphqlStep } from "./http-answer";

/** How long a request may wait in the queue for a free slot before it is refused. */
const MAX_QUEUE_WAIT_MS = 1_000;

export interface AdmissionLimits {
  maxInFlight: number;
  maxQueued: number;
}

export interface Admission {
  /**
   * Runs `work` in a slot, or queues or refuses it (503) as the limits say. The slot is held until `work` has settled
   * and the response has ended: a client that hangs up (a fetch aborted by its timeout, a proxy giving up) leaves its
   * statements running in Neo4j until their deadline, and an answer a slow client has not read yet is still in memory;
   * both must count against the limit.
   */
  run(res: ServerResponse, work: () => Promise<unknown>): void;
  /** As a step before a handler: the slot is held until the response has ended (the handler's end is not known here). */
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
 * in progress hold stays bounded. A slot is held until both the work it admitted and its answer have ended (see
 * Admission.run).
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
  const admit = (res: ServerResponse, work: () => Promise<unknown>) => {
    // Released once both have ended: the work (however it ends; one that throws at once ends then) and the response
    // (sent, or its client gone). An answer still in Node's buffers for a slow reader holds memory and its slot.
    const worked = Promise.resolve()
      .then(work)
      .then(
        () => undefined,
        () => undefined,
      );
    const answered = new Promise<void>((resolve) => finished(res, () => resolve()));
    void Promise.all([worked, answered]).then(release);
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

  const run = (res: ServerResponse, work: () => Promise<unknown>) => {
    if (running < limits.maxInFlight) {
      running += 1;
      admit(res, work);
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
      admit(res, work);
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
  // As a step the handler's end is not known: the slot is held until the response has ended.
  const middleware: GraphqlStep = (_req, res, next) =>
    run(res, () => {
      next();
      return Promise.resolve();
    });
  return {
    run,
    middleware,
    busySince: (since) => queue.length > 0 || lastBusyAt >= since,
  };
}
