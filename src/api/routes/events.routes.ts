import type http from "node:http";
import { Router } from "express";
import { ErrorCode, RETRY_AFTER_SECONDS } from "../../errors";
import type { GraphVersionChange, GraphVersionWatch } from "../graph-version-watch";

export const EVENTS_PATH = "/events";

/** Proxies and load balancers close a silent connection after 30–60 s; a comment line keeps it open. */
const HEARTBEAT_MS = 25_000;
/** How long an EventSource waits before it reconnects after the stream broke. */
const RETRY_MS = 3_000;

export interface EventsRoute {
  router: Router;
  /** Open streams right now. */
  readonly streams: number;
  /** Ends every stream (on shutdown, so that draining does not wait for them). */
  close(): void;
}

function event(name: string, data: unknown, id?: string): string {
  return `${id === undefined ? "" : `id: ${id}\n`}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * GET /events: Server-Sent Events, so that a dashboard refreshes when, and only when, the graph changed.
 *  - `graphVersion` at once: the graph's snapshot id now (`{snapshotId, changedAt}`);
 *  - `graphVersionChanged` once per import that changed the graph (whichever process ran it), after it ended:
 *    `{snapshotId, previousSnapshotId, changedAt}`; an import that changed nothing sends nothing.
 * Each event's id is the snapshot id, so a reconnecting EventSource (Last-Event-ID) that missed a change hears it
 * at once. Heard within the version poll interval (GRAPH_VERSION_POLL_MS) of the import's end.
 */
export function eventsRoute(watch: GraphVersionWatch, options: { maxStreams: number }): EventsRoute {
  const open = new Set<http.ServerResponse>();
  const router = Router();
  router.get(EVENTS_PATH, async (req, res) => {
    if (open.size >= options.maxStreams) {
      res
        .status(503)
        .set("Retry-After", String(RETRY_AFTER_SECONDS))
        .set("Cache-Control", "no-store")
        .json({
          errors: [
            { message: `Too many open event streams (${options.maxStreams}); retry later.`, extensions: { code: ErrorCode.OVERLOADED } },
          ],
        });
      return;
    }
    // Not read yet (or not lately): one read, so that the first event says where the graph is.
    if (!watch.announcedSnapshot()) await watch.poll();
    res.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      Connection: "keep-alive",
      // nginx would otherwise buffer the stream.
      "X-Accel-Buffering": "no",
    });
    open.add(res);
    const now = watch.announcedSnapshot();
    let head = `retry: ${RETRY_MS}\n\n`;
    head += event("graphVersion", now ?? { snapshotId: null, changedAt: null }, now?.snapshotId);
    const lastSeen = req.get("last-event-id");
    if (now && lastSeen && lastSeen !== now.snapshotId) {
      head += event(
        "graphVersionChanged",
        { snapshotId: now.snapshotId, previousSnapshotId: lastSeen, changedAt: now.changedAt },
        now.snapshotId,
      );
    }
    res.write(head);
    const unsubscribe = watch.onChange((change: GraphVersionChange) => {
      res.write(event("graphVersionChanged", change, change.snapshotId));
    });
    const heartbeat = setInterval(() => res.write(": keep-alive\n\n"), HEARTBEAT_MS);
    heartbeat.unref();
    res.once("close", () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(res);
    });
  });
  return {
    router,
    get streams() {
      return open.size;
    },
    close() {
      for (const res of open) res.end();
    },
  };
}
