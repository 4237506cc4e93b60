import type { Database } from "../db/database";
import { GRAPH_VERSION_KEY, snapshotIdOf } from "../db/graph-version";
import { IMPORT_LOCK_LEASE_MS, IMPORT_LOCK_NAME } from "../db/import-lock";

/*
 * How API processes learn that the graph changed, without a statement per request and without talking to each other:
 * each one reads the version node (with the import lock and the import runs' count) every `pollMs`, one small
 * statement on unique keys, and every request uses the last value read. An import committed at time T is seen by
 * every process by T + pollMs + one read (a few ms), whatever process ran it: that is the staleness bound of every
 * cached answer, ETag and event. Processes agree because they all read the same node; none is told anything.
 */

/** One statement: the version node and the import lock by their unique keys, and the import runs (a handful). */
export const WATCH_GRAPH_VERSION = `
OPTIONAL MATCH (g:GraphVersion {key: $key})
OPTIONAL MATCH (l:ImportLock {name: $lock})
CALL () {
  OPTIONAL MATCH (r:ImportRun)
  RETURN count(r) AS runs, max(r.finishedAt) AS lastFinishedAt
}
RETURN g.epoch AS epoch, g.counter AS counter, g.changedAt AS changedAt,
       l IS NOT NULL AND l.heartbeatAt >= timestamp() - $leaseMs AS importing, runs, lastFinishedAt`;

/** The graph's version as one poll read it. */
export interface WatchedVersion {
  /** The snapshot id ("<epoch>-<counter>"): changes with every import transaction that changed the graph. */
  snapshotId: string;
  changedAt: string | null;
  /** An import holds the lock (it may change the graph again before it ends). */
  importing: boolean;
  /**
   * What cached answers are keyed on: the snapshot id and the import runs, so that `stats { importRuns }` is not
   * served from before a run that changed nothing else.
   */
  cacheVersion: string;
  /** Date.now() when it was read. */
  readAt: number;
}

/** A change of the graph that dashboards hear about: once per import that changed it, after that import ended. */
export interface GraphVersionChange {
  snapshotId: string;
  previousSnapshotId: string;
  changedAt: string | null;
}

export interface GraphVersionWatchOptions {
  pollMs: number;
  log?: (message: string) => void;
}

export class GraphVersionWatch {
  private latest: WatchedVersion | undefined;
  private announced: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private inFlight: Promise<void> | undefined;
  private failing = false;
  private readonly cacheListeners = new Set<(version: string) => void>();
  private readonly changeListeners = new Set<(change: GraphVersionChange) => void>();
  private readonly db: Database;

  constructor(
    db: Database,
    private readonly options: GraphVersionWatchOptions,
  ) {
    this.db = db.forOperation("api:graph-version");
  }

  get pollMs(): number {
    return this.options.pollMs;
  }

  /** Reads the version once (a failure is not fatal: requests then bypass the cache), then keeps polling. */
  async start(): Promise<void> {
    await this.poll();
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /**
   * The version to key cached answers on, or undefined when it is not known recently enough (Neo4j unreachable, or
   * not read yet): answers are then neither cached nor served from cache.
   */
  cacheVersion(): string | undefined {
    const latest = this.latest;
    if (!latest || Date.now() - latest.readAt > 2 * this.options.pollMs + 1_000) return undefined;
    return latest.cacheVersion;
  }

  /** The snapshot id last announced to listeners (the graph as the last finished import left it). */
  announcedSnapshot(): { snapshotId: string; changedAt: string | null } | undefined {
    if (this.announced === undefined || !this.latest) return undefined;
    return { snapshotId: this.announced, changedAt: this.announced === this.latest.snapshotId ? this.latest.changedAt : null };
  }

  current(): WatchedVersion | undefined {
    return this.latest;
  }

  /** Called when cacheVersion() changes (the response cache drops what it holds). */
  onCacheVersion(listener: (version: string) => void): () => void {
    this.cacheListeners.add(listener);
    return () => this.cacheListeners.delete(listener);
  }

  /** Called once per import that changed the graph, when no import holds the lock any more. */
  onChange(listener: (change: GraphVersionChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Polls now (sharing a poll in flight); resolves when it is done. */
  poll(): Promise<void> {
    this.inFlight ??= this.readOnce().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.poll().finally(() => this.schedule());
    }, this.options.pollMs);
    this.timer.unref();
  }

  private async readOnce(): Promise<void> {
    let next: WatchedVersion;
    try {
      const [record] = await this.db.read(
        WATCH_GRAPH_VERSION,
        { key: GRAPH_VERSION_KEY, lock: IMPORT_LOCK_NAME, leaseMs: IMPORT_LOCK_LEASE_MS },
        // Generous: the first read plans the statement, and a loaded Neo4j may take seconds for that.
        { timeoutMs: Math.max(10_000, this.options.pollMs * 2) },
      );
      const epoch = (record?.get("epoch") as string | null) ?? null;
      const snapshotId = snapshotIdOf(epoch, Number(record?.get("counter") ?? 0));
      const runs = Number(record?.get("runs") ?? 0);
      const lastFinishedAt = (record?.get("lastFinishedAt") as string | null) ?? "";
      next = {
        snapshotId,
        changedAt: (record?.get("changedAt") as string | null) ?? null,
        importing: record?.get("importing") === true,
        cacheVersion: `${snapshotId}.${runs}.${lastFinishedAt}`,
        readAt: Date.now(),
      };
      if (this.failing) this.options.log?.("The graph version is readable again; cached answers are used again.");
      this.failing = false;
    } catch (error) {
      if (!this.failing && !this.stopped) {
        this.options.log?.(
          `Could not read the graph version (${(error as Error).message}); answers are not cached until it can be read again.`,
        );
      }
      this.failing = true;
      return;
    }
    if (this.stopped) return;
    const previous = this.latest;
    this.latest = next;
    if (previous?.cacheVersion !== next.cacheVersion) for (const listener of this.cacheListeners) listener(next.cacheVersion);
    if (this.announced === undefined) {
      this.announced = next.snapshotId;
    } else if (!next.importing && next.snapshotId !== this.announced) {
      const change: GraphVersionChange = { snapshotId: next.snapshotId, previousSnapshotId: this.announced, changedAt: next.changedAt };
      this.announced = next.snapshotId;
      for (const listener of this.changeListeners) listener(change);
    }
  }
}
