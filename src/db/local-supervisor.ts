import { HomeLayout } from "./local/home-layout";
import { isLocalNeo4jProcess } from "./local/process-probe";
import { readState, ServerState } from "./local/server-state";

/** Waits between restart attempts: 1 s, 2 s, 4 s … up to 30 s. */
const BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 16_000, 30_000];
const WATCH_INTERVAL_MS = 1_000;

/** A pause that never keeps the process alive by itself. */
function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

export interface SupervisedServer {
  state: ServerState;
}

/**
 * Keeps a local Neo4j serving a long-running process (`serve`). Every second it checks that the server's
 * Java process lives. When one that ran in owner mode is gone (it crashed, was killed, or its owner died
 * with nobody holding a lease), it calls `restart` (which, under the home's start lock, joins a server
 * another process started meanwhile or starts one) with backoff, logging each step. A detached server
 * (`db start`) that goes away was stopped on purpose: it is not restarted, only followed when the user
 * starts it again (the Database's probe reads the new address from the state file).
 */
export function superviseLocal(opts: {
  layout: HomeLayout;
  initial: ServerState;
  restart: () => Promise<SupervisedServer>;
  log: (message: string) => void;
}): { stop(): void } {
  let current = opts.initial;
  let stopped = false;
  const loop = async () => {
    while (!stopped) {
      await pause(WATCH_INTERVAL_MS);
      if (stopped || isLocalNeo4jProcess(current.pid)) continue;
      const recorded = readState(opts.layout);
      if (recorded && recorded.pid !== current.pid && isLocalNeo4jProcess(recorded.pid)) {
        current = recorded; // someone else already started the next one
        continue;
      }
      if (current.mode === "detached") continue;
      opts.log(`The local Neo4j (pid ${current.pid}) is gone; restarting it.`);
      for (let attempt = 0; !stopped; attempt++) {
        try {
          current = (await opts.restart()).state;
          opts.log(`The local Neo4j runs again (pid ${current.pid}, ${current.uri}).`);
          break;
        } catch (error) {
          const wait = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)];
          opts.log(`Restarting the local Neo4j failed (${(error as Error).message.split("\n")[0]}); next attempt in ${wait / 1000} s.`);
          await pause(wait);
        }
      }
    }
  };
  void loop();
  return {
    stop() {
      stopped = true;
    },
  };
}
