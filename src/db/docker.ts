import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { HomeLayout } from "./local/home-layout";
import { portAnswers } from "./local/process-probe";
import { ServerState } from "./local/server-state";
import { LocalNeo4jSettings } from "./local/settings";

export const NEO4J_IMAGE = "neo4j:5.26-community";
const PROBE_TIMEOUT_MS = 2_000;
const MIB = 1024 * 1024;

export interface DockerProbe {
  reachable: boolean;
  /** What was tried, for messages ("unix:///var/run/docker.sock"). */
  endpoint: string;
  problem?: string;
}

/**
 * A quick "is there a Docker engine?" (a couple of seconds at most), instead of testcontainers'
 * own discovery, which waits much longer before giving up. Looks where testcontainers looks:
 * DOCKER_HOST, then the usual sockets.
 */
export async function probeDocker(env: NodeJS.ProcessEnv = process.env, timeoutMs = PROBE_TIMEOUT_MS): Promise<DockerProbe> {
  const host = env.DOCKER_HOST?.trim();
  if (host) {
    if (host.startsWith("unix://")) return pingSocket(host.slice("unix://".length), host, timeoutMs);
    if (host.startsWith("npipe://")) return pingSocket(host.slice("npipe://".length).replace(/\//g, "\\"), host, timeoutMs);
    const tcp = /^(?:tcp|http|https):\/\/([^:/]+):(\d+)/.exec(host);
    if (tcp) {
      const ok = await portAnswers(tcp[1], Number(tcp[2]), timeoutMs);
      return { reachable: ok, endpoint: host, problem: ok ? undefined : "nothing answers there" };
    }
    return { reachable: true, endpoint: host }; // ssh:// and the like: let testcontainers try
  }
  if (process.platform === "win32") return pingSocket("\\\\.\\pipe\\docker_engine", "npipe:////./pipe/docker_engine", timeoutMs);
  const candidates = [
    "/var/run/docker.sock",
    env.XDG_RUNTIME_DIR ? path.join(env.XDG_RUNTIME_DIR, "docker.sock") : "",
    path.join(os.homedir(), ".docker", "run", "docker.sock"),
    path.join(os.homedir(), ".docker", "desktop", "docker.sock"),
  ].filter((p) => p && existsSync(p));
  if (candidates.length === 0)
    return { reachable: false, endpoint: "/var/run/docker.sock", problem: "no Docker socket and DOCKER_HOST is unset" };
  return pingSocket(candidates[0], `unix://${candidates[0]}`, timeoutMs);
}

function pingSocket(socketPath: string, endpoint: string, timeoutMs: number): Promise<DockerProbe> {
  return new Promise((resolve) => {
    const request = http.get({ socketPath, path: "/_ping", timeout: timeoutMs }, (response) => {
      response.resume();
      const ok = response.statusCode === 200;
      resolve({ reachable: ok, endpoint, problem: ok ? undefined : `the engine answered ${response.statusCode}` });
    });
    request.on("timeout", () => request.destroy(new Error("no answer")));
    request.on("error", (error) => resolve({ reachable: false, endpoint, problem: error.message }));
  });
}

export interface StartedDockerServer {
  state: ServerState;
  stop(): Promise<void>;
}

/**
 * neo4j:5.26-community through @testcontainers/neo4j, with the store in a named volume per home
 * (coauthor-graph-<hash of the home path>) so data outlives the container. Owner mode leaves cleanup to
 * testcontainers' reaper (the container goes when this process goes); detached mode marks it
 * reusable, which keeps the reaper away, and `db stop` removes it by id.
 */
export async function startDockerServer(opts: {
  layout: HomeLayout;
  settings: LocalNeo4jSettings;
  mode: "owner" | "detached";
  log: (msg: string) => void;
}): Promise<StartedDockerServer> {
  const { Neo4jContainer } = await import("@testcontainers/neo4j");
  const volume = opts.settings.throwaway ? undefined : dataVolumeName(opts.layout.home);
  mkdirSync(opts.layout.neo4jHome, { recursive: true });
  opts.log(
    `Starting ${NEO4J_IMAGE} with Docker (${opts.mode}); data ${volume ? `in the Docker volume ${volume}` : "inside the container (throwaway)"} …`,
  );
  // A source that is not a path makes Docker use (and create) a named volume: no file-ownership
  // trouble in the user's home, and the data survives the container.
  const container = new Neo4jContainer(NEO4J_IMAGE)
    .withPassword(dockerPassword(opts.layout))
    .withBindMounts(volume ? [{ source: volume, target: "/data", mode: "rw" }] : [])
    .withLabels({ "coauthor-graph.home": opts.layout.home })
    .withEnvironment({
      NEO4J_server_memory_heap_max__size: `${Math.floor(opts.settings.heapBytes / MIB)}m`,
      NEO4J_server_memory_pagecache_size: `${Math.floor(opts.settings.pageCacheBytes / MIB)}m`,
    });
  const started = await (opts.mode === "detached" ? container.withReuse() : container).start();
  const state: ServerState = {
    via: "docker",
    uri: `bolt://${started.getHost()}:${started.getMappedPort(7687)}`,
    host: started.getHost(),
    boltPort: started.getMappedPort(7687),
    user: started.getUsername(),
    password: started.getPassword(),
    database: "neo4j",
    version: NEO4J_IMAGE,
    home: opts.layout.home,
    mode: opts.mode,
    ownerPid: opts.mode === "owner" ? process.pid : undefined,
    containerId: started.getId(),
    startedAt: new Date().toISOString(),
  };
  opts.log(`Neo4j is up in container ${state.containerId?.slice(0, 12)} at ${state.uri}.`);
  return { state, stop: opts.mode === "owner" ? async () => void (await started.stop({ timeout: 20_000 })) : async () => undefined };
}

export async function stopDockerContainer(containerId: string): Promise<void> {
  const { getContainerRuntimeClient } = await import("testcontainers");
  const client = await getContainerRuntimeClient();
  const container = client.container.getById(containerId);
  await client.container.stop(container, { timeout: 20_000 });
  await client.container.remove(container, { removeVolumes: true });
}

/** One volume per home, so that two homes never share a store. */
export function dataVolumeName(home: string): string {
  return `coauthor-graph-${createHash("sha256").update(home).digest("hex").slice(0, 12)}`;
}

/** One password per home, kept beside the store it protects (the store remembers it after the first start). */
function dockerPassword(layout: HomeLayout): string {
  const file = path.join(layout.neo4jHome, "docker-password");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const password = randomBytes(18).toString("base64url");
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}
