import { randomUUID } from "node:crypto";
import os from "node:os";
import { Database } from "./database";

/*
 * One writer at a time, enforced by the database itself, so it holds for two processes on one machine and
 * for two machines importing into one NEO4J_URI alike. The lock is one (:ImportLock {name: "import"}) node;
 * the uniqueness constraint on ImportLock.name (schema/neo4j) makes MERGE on it atomic, so of two imports
 * starting together exactly one creates it. Its holder renews a heartbeat; a lock whose heartbeat is older
 * than the lease (its importer crashed or was killed) is taken over, so it is never held forever. Times are
 * Neo4j's own clock (timestamp()), not the importers'.
 */

/** The name of the one lock node (readers that watch for imports in progress look it up). */
export const IMPORT_LOCK_NAME = "import";

/** Takes the lock if it is free or stale; returns who holds it afterwards. */
export const TAKE_IMPORT_LOCK = `
MERGE (l:ImportLock {name: $name})
ON CREATE SET l.holder = $holder, l.host = $host, l.pid = $pid, l.since = timestamp(), l.heartbeatAt = timestamp()
WITH l, l.holder <> $holder AND l.heartbeatAt < timestamp() - $leaseMs AS stale, l.holder AS previous
SET l.holder = CASE WHEN stale THEN $holder ELSE l.holder END,
    l.host = CASE WHEN stale THEN $host ELSE l.host END,
    l.pid = CASE WHEN stale THEN $pid ELSE l.pid END,
    l.since = CASE WHEN stale THEN timestamp() ELSE l.since END,
    l.heartbeatAt = CASE WHEN stale THEN timestamp() ELSE l.heartbeatAt END
RETURN l.holder AS holder, l.host AS host, l.pid AS pid, timestamp() - l.since AS heldMs, stale, previous`;

export const RENEW_IMPORT_LOCK = `
MATCH (l:ImportLock {name: $name, holder: $holder})
SET l.heartbeatAt = timestamp()
RETURN count(l) AS renewed`;

export const RELEASE_IMPORT_LOCK = `
MATCH (l:ImportLock {name: $name, holder: $holder})
DELETE l`;

/** A lock whose heartbeat is older than this is taken over (its importer is gone). */
export const IMPORT_LOCK_LEASE_MS = 60_000;

export interface ImportLockOptions {
  /** A lock not renewed for this long is taken over; default 60 s. */
  leaseMs?: number;
  /** How often the holder renews it; default 10 s. */
  heartbeatMs?: number;
  /** How often a waiting import asks again; default 1 s. */
  pollMs?: number;
  /** false: refuse at once (ImportLockedError) instead of waiting for the other import. */
  wait?: boolean;
  log?: (message: string) => void;
  /** Stops the wait for another import's lock (Ctrl-C): ImportLockedError, nothing written. */
  signal?: AbortSignal;
}

export class ImportLockedError extends Error {}

interface Holder {
  holder: string;
  host: string;
  pid: number;
  heldMs: number;
  stale: boolean;
  previous: string;
}

function describe(h: Holder): string {
  return `pid ${h.pid} on ${h.host}, for ${Math.round(h.heldMs / 1000)} s`;
}

/**
 * Runs `work` holding the graph's import lock: waits (saying so) while another import holds it, or with
 * wait: false refuses with ImportLockedError. The lock is renewed while `work` runs and released after it.
 */
export async function withImportLock<T>(db: Database, options: ImportLockOptions, work: () => Promise<T>): Promise<T> {
  const leaseMs = options.leaseMs ?? IMPORT_LOCK_LEASE_MS;
  const log = options.log ?? ((m: string) => console.error(m));
  const lockDb = db.forOperation("import:lock");
  const params = { name: IMPORT_LOCK_NAME, holder: randomUUID(), host: os.hostname(), pid: process.pid, leaseMs };
  let announced = false;
  for (;;) {
    const [record] = await lockDb.write(TAKE_IMPORT_LOCK, params);
    const holder = record.toObject() as Holder;
    if (holder.holder === params.holder) {
      if (holder.stale) log(`Took over the import lock from an import that stopped renewing it (for over ${leaseMs / 1000} s).`);
      else if (announced) log("The other import finished; this one starts now.");
      break;
    }
    if (options.signal?.aborted)
      throw new ImportLockedError("Interrupted while waiting for another import to finish: nothing was written.");
    if (options.wait === false) {
      throw new ImportLockedError(
        `Another import is writing to this graph (${describe(holder)}); imports run one at a time. ` +
          `Try again when it has finished, or leave out --no-wait to wait for it.`,
      );
    }
    if (!announced) {
      log(
        `Another import is writing to this graph (${describe(holder)}); waiting for it to finish, as imports run one at a time ` +
          `(a lock not renewed for ${leaseMs / 1000} s is taken over) …`,
      );
      announced = true;
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 1_000));
  }
  const heartbeat = setInterval(() => {
    lockDb.write(RENEW_IMPORT_LOCK, params).then(
      ([record]) => {
        if (Number(record.get("renewed")) === 0) log("Warning: this import lost the import lock (another import took it over).");
      },
      () => undefined, // a missed heartbeat is retried on the next tick; the lease is six ticks long
    );
  }, options.heartbeatMs ?? 10_000);
  heartbeat.unref();
  try {
    return await work();
  } finally {
    clearInterval(heartbeat);
    await lockDb.write(RELEASE_IMPORT_LOCK, params).catch(() => undefined);
  }
}
