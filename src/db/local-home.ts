import { mkdirSync } from "node:fs";
import { Config } from "../config";
import { DockerProbe, probeDocker } from "./docker";
import { LockOptions, withExclusiveLock } from "./local/file-lock";
import { homeLayout, HomeLayout, jarCacheRoot } from "./local/home-layout";
import { ensureLocalRuntime, LocalNeo4jRuntime } from "./local/jar-cache";
import { JavaInstallation } from "./local/java-toolchain";
import { startLocalServer, StartedLocalServer } from "./local/local-server";
import { LocalNeo4jSettings, localNeo4jSettings } from "./local/settings";
import { Neo4jSetupError } from "./local/setup-error";

/*
 * What provideNeo4j (neo4j-provider.ts) and the offline store of a bulk load (offline-store.ts) share about the
 * Neo4j of one COAUTHOR_GRAPH_HOME: which engine serves it, its start lock, and starting it from the local jars.
 * Both decide and lock through here, so a bulk load never disagrees with the server that later serves its store.
 */

/** The Neo4j of one home, when it is not NEO4J_URI's: its knobs, its folders, and where to say what happens. */
export interface LocalHome {
  settings: LocalNeo4jSettings;
  layout: HomeLayout;
  /** The jar cache (COAUTHOR_GRAPH_JAR_CACHE or <home>/cache). */
  cacheRoot: string;
  env: NodeJS.ProcessEnv;
  log: (msg: string) => void;
}

/** Reads the knobs (COAUTHOR_GRAPH_NEO4J_*) and lays out the home; creates nothing yet. */
export function localHome(config: Config, env: NodeJS.ProcessEnv, log: (msg: string) => void): LocalHome {
  const layout = homeLayout(config.home);
  return { settings: localNeo4jSettings(env), layout, cacheRoot: jarCacheRoot(layout.home, env), env, log };
}

/** Docker serves the home, or the local jars do; `docker` is what the probe found when one ran and failed (auto). */
export type Engine = { via: "docker" } | { via: "local"; docker?: DockerProbe };

/**
 * Which engine starts for this home when none runs yet: COAUTHOR_GRAPH_NEO4J_VIA=local never asks Docker;
 * docker demands an engine that answers; auto (the default) takes Docker when an engine answers within ~2 s.
 */
export async function chooseEngine(settings: LocalNeo4jSettings, env: NodeJS.ProcessEnv): Promise<Engine> {
  if (settings.route === "local") return { via: "local" };
  const docker = await probeDocker(env);
  if (docker.reachable) return { via: "docker" };
  if (settings.route === "docker") {
    throw new Neo4jSetupError(
      `COAUTHOR_GRAPH_NEO4J_VIA=docker, but no Docker engine answers at ${docker.endpoint} (${docker.problem}). ` +
        `Start Docker, set DOCKER_HOST, or unset COAUTHOR_GRAPH_NEO4J_VIA.`,
    );
  }
  return { via: "local", docker };
}

/**
 * Runs `work` holding the home's start lock: while it is held, no other process starts a server on the home or
 * rewrites its store. The lock file lives in the Neo4j home, which is created here. `wait` says how long to wait
 * for another holder and what to tell the user meanwhile.
 */
export function withStartLock<T>(home: LocalHome, wait: Omit<LockOptions, "staleAfterMs">, work: () => Promise<T>): Promise<T> {
  mkdirSync(home.layout.neo4jHome, { recursive: true });
  return withExclusiveLock(home.layout.startLock, wait, work);
}

/** The Neo4j jars for the configured version, downloaded (Maven) and compiled once into the cache. */
export function localRuntime(home: LocalHome, java: JavaInstallation): Promise<LocalNeo4jRuntime> {
  return ensureLocalRuntime({ cacheRoot: home.cacheRoot, version: home.settings.version, java, env: home.env, log: home.log });
}

/** Starts the local Neo4j from `runtime` on the home's store; the caller holds the start lock. */
export function startLocal(
  home: LocalHome,
  java: JavaInstallation,
  runtime: LocalNeo4jRuntime,
  mode: "owner" | "detached",
): Promise<StartedLocalServer> {
  const { layout, settings, env, log } = home;
  return startLocalServer({ layout, settings, java, runtime, mode, env, log });
}
