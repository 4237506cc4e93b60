import { Config } from "../config";
import { Database, Neo4jTarget } from "./database";
import { startDockerServer, DockerProbe, NEO4J_IMAGE } from "./docker";
import { isRuntimeCached } from "./local/jar-cache";
import { findJava, findMaven, JavaInstallation, SUPPORTED_JAVA } from "./local/java-toolchain";
import { HomeLayout } from "./local/home-layout";
import { takeLease } from "./local/leases";
import { clearState, findRunningServer, readState, ServerState, writeState } from "./local/server-state";
import { superviseLocal } from "./local-supervisor";
import { Neo4jSetupError } from "./local/setup-error";
import { chooseEngine, LocalHome, localHome, localRuntime, startLocal, withStartLock } from "./local-home";
import { applySchema } from "./schema-setup";

export { Neo4jSetupError } from "./local/setup-error";

/**
 * A Neo4j to talk to, however it was obtained.
 *  - owned: this process started it and stop() shuts it down; otherwise stop() does nothing
 *    (the server belongs to NEO4J_URI's operator, to another process on the same home, or to
 *    `coauthor-graph db start`).
 *  - started: this call started it (owned, or detached by `db start`).
 */
export interface ProvidedNeo4j {
  target: Neo4jTarget;
  via: "env" | "docker" | "local";
  owned: boolean;
  started: boolean;
  /** The home's record of the server (local and docker routes). */
  state?: ServerState;
  stop(): Promise<void>;
}

export interface ProvideOptions {
  config: Config;
  log?: (msg: string) => void;
  /** owner (default): the server ends with this process. detached: it keeps running (`db start`). */
  mode?: "owner" | "detached";
  /** Defaults to process.env; read for the knobs listed in local/settings.ts and for DOCKER_HOST. */
  env?: NodeJS.ProcessEnv;
}

/**
 * The one place that decides where Neo4j comes from, in this order:
 *  1. NEO4J_URI (any scheme the driver takes, neo4j+s:// routing included): used as given.
 *  2. A server coauthor-graph already runs for this home (state file): joined, not owned.
 *  3. A Docker engine that answers within ~2 s: neo4j:5.26-community via testcontainers.
 *  4. A JDK 17/21 (+ Maven for the first download): the local Neo4j from the official jars.
 *  5. Otherwise one Neo4jSetupError naming the three options.
 * Steps 2-4 run under the home's start lock, so two processes never start two servers.
 */
export async function provideNeo4j(opts: ProvideOptions): Promise<ProvidedNeo4j> {
  const { config } = opts;
  const log = opts.log ?? (() => undefined);
  const env = opts.env ?? process.env;
  const mode = opts.mode ?? "owner";
  if (config.neo4j.uri) {
    const { uri, user, password, database } = config.neo4j;
    return { target: { uri, user, password, database }, via: "env", owned: false, started: false, stop: () => Promise.resolve() };
  }
  const home = localHome(config, env, log);
  const { layout } = home;
  const running = await findRunningServer(layout);
  if (running) return joined(running, layout, log);
  return withStartLock(
    home,
    {
      timeoutMs: 20 * 60_000,
      purpose: `another process to start Neo4j for ${layout.home}`,
      onWait: (pid) => log(`Another coauthor-graph process (pid ${pid ?? "?"}) is starting Neo4j for ${layout.home}; waiting for it …`),
    },
    async () => {
      const again = await findRunningServer(layout);
      if (again) return joined(again, layout, log);
      return startServer(home, mode);
    },
  );
}

export interface OpenOptions extends ProvideOptions {
  /**
   * For a long-running server: fail fast while Neo4j is unreachable (short driver retries and connect
   * timeout; see Database), follow a local Neo4j to a new address, and restart an owner-mode local
   * Neo4j that dies (local-supervisor.ts).
   */
  serving?: boolean;
}

/** provideNeo4j, then a connected Database with the schema applied; close() undoes both. */
export async function openDatabase(opts: OpenOptions): Promise<{ db: Database; neo4j: ProvidedNeo4j; close(): Promise<void> }> {
  let neo4j = await provideNeo4j(opts);
  const log = opts.log ?? (() => undefined);
  const layout = neo4j.via === "env" ? undefined : localHome(opts.config, opts.env ?? process.env, log).layout;
  let db: Database | undefined;
  try {
    db = await Database.connect(neo4j.target, opts.config.neo4j.txTimeoutMs, {
      // Where the home's state file says Neo4j is now: a restarted local server has a new port.
      resolveTarget: () => {
        const state = layout && readState(layout);
        return state ? targetOf(state) : neo4j.target;
      },
      log,
      // No driver retries for a server: its first retry alone waits 1 s, and a client retrying on 503 does the same job.
      // Nor a 30 s wait for a connection while Neo4j is gone or coming back (its port open, Bolt not yet answering).
      ...(opts.serving ? { maxRetryMs: 0, connectTimeoutMs: 3_000, acquireTimeoutMs: 3_000 } : {}),
    });
    await applySchema(db, { log: opts.log });
  } catch (error) {
    await db?.close().catch(() => undefined);
    await neo4j.stop().catch(() => undefined);
    throw error;
  }
  const connected = db;
  const supervisor =
    opts.serving && layout && neo4j.via === "local" && neo4j.state
      ? superviseLocal({
          layout,
          initial: neo4j.state,
          log,
          restart: async () => {
            // First: a joined process's lease file is named by its pid, the same for the next server.
            await neo4j.stop().catch(() => undefined);
            neo4j = await provideNeo4j({ ...opts, mode: "owner" });
            if (!neo4j.state) throw new Error("the restarted Neo4j has no state record");
            return { state: neo4j.state };
          },
        })
      : undefined;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      supervisor?.stop();
      await connected.close().catch(() => undefined);
      await neo4j.stop();
    })());
  return { db: connected, neo4j, close };
}

async function startServer(home: LocalHome, mode: "owner" | "detached"): Promise<ProvidedNeo4j> {
  const { layout, settings, env, log } = home;
  const route = await chooseRoute(home);
  if (route.via === "docker") {
    let server: Awaited<ReturnType<typeof startDockerServer>>;
    try {
      server = await startDockerServer({ layout, settings, mode, log });
    } catch (error) {
      const java = settings.route === "auto" ? findJava(env) : undefined;
      const reason = (error as Error).message;
      if (!java?.ok) {
        throw new Neo4jSetupError(
          `Starting ${NEO4J_IMAGE} with Docker failed: ${reason}. Fix Docker (can it pull the image?), ` +
            `or set NEO4J_URI to a running Neo4j, or install a JDK 17/21 and set COAUTHOR_GRAPH_NEO4J_VIA=local.`,
          { cause: error },
        );
      }
      log(`Starting ${NEO4J_IMAGE} with Docker failed (${reason}); using the local jars instead.`);
      return startLocalOwned(home, mode, java.value);
    }
    writeState(layout, server.state);
    return fromState(server.state, mode === "owner", true, async () => {
      await server.stop();
      clearState(layout, server.state);
    });
  }
  return startLocalOwned(home, mode, route.java);
}

async function startLocalOwned(home: LocalHome, mode: "owner" | "detached", java: JavaInstallation): Promise<ProvidedNeo4j> {
  const server = await startLocal(home, java, await localRuntime(home, java), mode);
  return fromState(server.state, mode === "owner", true, () => server.stop());
}

type Route = { via: "docker" } | { via: "local"; java: JavaInstallation };

/** The engine (local-home.ts), and for the local jars a Java and a way to get the jars, or the three options. */
async function chooseRoute(home: LocalHome): Promise<Route> {
  const { settings, cacheRoot, env, log } = home;
  const engine = await chooseEngine(settings, env);
  if (engine.via === "docker") return engine;
  const java = findJava(env);
  if (!java.ok) throw noNeo4jAvailable(engine.docker, java.problem);
  if (!SUPPORTED_JAVA.includes(java.value.major)) {
    log(
      `Warning: ${java.value.versionLine}; Neo4j 5.26 supports Java ${SUPPORTED_JAVA.join(" and ")} only. Set COAUTHOR_GRAPH_JAVA to one of those if it fails.`,
    );
  }
  if (!isRuntimeCached(cacheRoot, settings.version)) {
    const mvn = findMaven(env);
    if (!mvn.ok)
      throw noNeo4jAvailable(engine.docker, `Java is there, but the Neo4j jars are not cached in ${cacheRoot} and ${mvn.problem}`);
  }
  return { via: "local", java: java.value };
}

/** The "three options" message: the only error a user sees when nothing can provide Neo4j. */
export function noNeo4jAvailable(docker: DockerProbe | undefined, localProblem: string): Neo4jSetupError {
  const dockerNote = docker ? `tried ${docker.endpoint}: ${docker.problem}` : "skipped: COAUTHOR_GRAPH_NEO4J_VIA=local";
  return new Neo4jSetupError(
    [
      "No Neo4j is available to coauthor-graph. Choose one of these three options:",
      "  1. NEO4J_URI: point at a running Neo4j 5.26 (with NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE), e.g. NEO4J_URI=neo4j+s://<id>.databases.neo4j.io",
      `  2. Docker: start a Docker engine (or set DOCKER_HOST) and coauthor-graph runs ${NEO4J_IMAGE} itself (${dockerNote}).`,
      `  3. Local Neo4j: install a JDK ${SUPPORTED_JAVA.join(" or ")} and Apache Maven, and coauthor-graph runs Neo4j from the official jars ` +
        `(${localProblem}; JAVA_HOME, COAUTHOR_GRAPH_JAVA and COAUTHOR_GRAPH_MVN can point at them).`,
    ].join("\n"),
  );
}

/**
 * Joins the server another process runs for the home. For a local one this process takes a lease
 * (local/leases.ts), so the server outlives its owner while this process lives; stop() gives it back.
 */
function joined(state: ServerState, layout: HomeLayout, log: (msg: string) => void): ProvidedNeo4j {
  const who = state.mode === "owner" ? `started by pid ${state.ownerPid}` : "started by `coauthor-graph db start`";
  log(`Using the ${state.via} Neo4j already running for ${state.home} at ${state.uri} (${who}).`);
  const release = state.via === "local" && state.mode === "owner" ? takeLease(layout) : () => undefined;
  return { ...fromState(state, false, false, () => Promise.resolve()), stop: () => Promise.resolve(release()) };
}

function targetOf(state: ServerState): Neo4jTarget {
  const { uri, user, password, database } = state;
  return { uri, user, password, database };
}

function fromState(state: ServerState, owned: boolean, started: boolean, stop: () => Promise<void>): ProvidedNeo4j {
  return { target: targetOf(state), via: state.via, owned, started, state, stop: owned ? stop : () => Promise.resolve() };
}
