import { stopDockerContainer } from "../docker";
import { HomeLayout } from "./home-layout";
import { isLocalNeo4jProcess, waitForExit } from "./process-probe";
import { clearState, findRunningServer, readState, ServerState } from "./server-state";
import { Neo4jSetupError } from "./setup-error";

export interface ServerStatus {
  running: boolean;
  home: string;
  state?: ServerState;
  /** Present when a state file existed but described a server that is gone (now cleared). */
  staleCleared?: boolean;
}

export async function serverStatus(layout: HomeLayout): Promise<ServerStatus> {
  const recorded = readState(layout);
  const state = await findRunningServer(layout);
  return { running: Boolean(state), home: layout.home, state, staleCleared: Boolean(recorded && !state) };
}

/**
 * Stops the server recorded for this home, whoever started it: SIGTERM to the local Java process
 * (its shutdown hook closes the store cleanly), or stop + remove for a container. An owner-mode
 * server can be stopped too; its owner then loses the connection, as with any server going away.
 */
export async function stopRecordedServer(layout: HomeLayout, log: (msg: string) => void): Promise<ServerState | undefined> {
  const state = await findRunningServer(layout);
  if (!state) return undefined;
  if (state.via === "docker") {
    await stopDockerContainer(state.containerId!);
    clearState(layout, state);
    return state;
  }
  const pid = state.pid!;
  if (!isLocalNeo4jProcess(pid)) {
    clearState(layout, state);
    return state;
  }
  log(`Stopping the local Neo4j (pid ${pid}) for ${layout.home} …`);
  process.kill(pid, "SIGTERM");
  if (!(await waitForExit(pid, 60_000))) {
    throw new Neo4jSetupError(
      `The local Neo4j (pid ${pid}) did not stop within 60 s of SIGTERM; see ${state.logFile ?? layout.launcherLog}. ` +
        `If it is hung, kill -9 ${pid} (the store recovers on the next start).`,
    );
  }
  clearState(layout, state);
  return state;
}
