import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { HomeLayout } from "./home-layout";
import { liveLeases } from "./leases";
import { isLocalNeo4jProcess, isProcessAlive, portAnswers, waitForExit } from "./process-probe";
import { Neo4jSetupError } from "./setup-error";

/**
 * <home>/neo4j/server.json: the Neo4j that coauthor-graph started for this home. Written once the
 * server answers; removed by whoever stops it (the launcher removes it too on its own shutdown).
 */
export interface ServerState {
  via: "local" | "docker";
  uri: string;
  host: string;
  boltPort: number;
  user: string;
  password: string;
  database: string;
  version: string;
  home: string;
  /** owner: lives as long as ownerPid; detached: until `coauthor-graph db stop`. */
  mode: "owner" | "detached";
  ownerPid?: number;
  /** The Java process (local) ... */
  pid?: number;
  /** ... or the container (docker). */
  containerId?: string;
  startedAt: string;
  logFile?: string;
}

export function readState(layout: HomeLayout): ServerState | undefined {
  try {
    const state = JSON.parse(readFileSync(layout.stateFile, "utf8")) as ServerState;
    return typeof state.boltPort === "number" && typeof state.uri === "string" ? state : undefined;
  } catch {
    return undefined;
  }
}

export function writeState(layout: HomeLayout, state: ServerState): void {
  mkdirSync(path.dirname(layout.stateFile), { recursive: true });
  const tmp = `${layout.stateFile}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(tmp, layout.stateFile);
}

/** Removes the state file, but only if it still describes the given server (a newer one may have replaced it). */
export function clearState(layout: HomeLayout, expected?: Pick<ServerState, "pid" | "containerId">): void {
  const current = readState(layout);
  if (expected && current && (current.pid !== expected.pid || current.containerId !== expected.containerId)) return;
  rmSync(layout.stateFile, { force: true });
}

/**
 * The server recorded for this home if it still serves, else undefined (clearing stale state).
 * Stale means: its process is gone, its owner is gone (it is shutting down), or its port is dead.
 * A local server that is still alive but silent, e.g. half way through a shutdown, is waited for
 * briefly, because a new one could not open the store while it holds the lock on it.
 */
export async function findRunningServer(layout: HomeLayout): Promise<ServerState | undefined> {
  const state = readState(layout);
  if (!state) return undefined;
  // An owner that is gone means a server on its way down, unless processes that joined it hold leases on it.
  const ownerGone = state.mode === "owner" && !isProcessAlive(state.ownerPid) && liveLeases(layout).length === 0;
  if (state.via === "local") {
    if (!isLocalNeo4jProcess(state.pid)) {
      clearState(layout, state);
      return undefined;
    }
    if (!ownerGone && (await portAnswers(state.host, state.boltPort))) return state;
    if (!(await waitForExit(state.pid!, 30_000))) {
      throw new Neo4jSetupError(
        `A local Neo4j (pid ${state.pid}) still runs for ${layout.home} but does not answer on port ${state.boltPort}. ` +
          `Stop it with "coauthor-graph db stop" (or kill ${state.pid}) and try again; its log is ${state.logFile ?? layout.launcherLog}.`,
      );
    }
    clearState(layout, state);
    return undefined;
  }
  if (!ownerGone && (await portAnswers(state.host, state.boltPort))) return state;
  clearState(layout, state);
  return undefined;
}
