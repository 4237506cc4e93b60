import { ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Config, loadConfig } from "../../src/config";
import { jarCacheRoot } from "../../src/db/local/home-layout";
import { findJava } from "../../src/db/local/java-toolchain";

/** Why local-Neo4j tests must skip on this machine, or false when they can run. */
export function localNeo4jUnavailable(): string | false {
  const java = findJava();
  return java.ok ? false : `no usable JDK (${java.problem})`;
}

/**
 * Environment for a throwaway local Neo4j in `home`: small memory, never Docker, never NEO4J_URI,
 * and the shared jar cache (the harness passes it; outside the harness, the user's home's cache).
 */
export function localEnv(home: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEO4J_URI: "",
    COAUTHOR_GRAPH_HOME: home,
    COAUTHOR_GRAPH_NEO4J_VIA: "local",
    COAUTHOR_GRAPH_NEO4J_HEAP: "512m",
    COAUTHOR_GRAPH_NEO4J_PAGECACHE: "64m",
    COAUTHOR_GRAPH_JAR_CACHE: process.env.COAUTHOR_GRAPH_JAR_CACHE || jarCacheRoot(loadConfig({ ...process.env, NEO4J_URI: "" }).home),
  };
}

export function localConfig(env: NodeJS.ProcessEnv): Config {
  return loadConfig(env);
}

export function tempHome(label: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `coauthor-graph-${label}-`));
}

export function removeHome(home: string): void {
  rmSync(home, { recursive: true, force: true });
}

export interface OwnerChild {
  child: ChildProcess;
  uri: string;
  javaPid: number;
}

/** Runs local-neo4j-owner-child.js: a separate Node process that owns a local Neo4j until it is killed. */
export function spawnOwnerChild(env: NodeJS.ProcessEnv): Promise<OwnerChild> {
  const child = spawn(process.execPath, [path.join(__dirname, "local-neo4j-owner-child.js")], { env, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    let stdout = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      const line = stdout.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve({ child, ...(JSON.parse(line) as { uri: string; javaPid: number }) });
    });
    child.once("exit", (code) => reject(new Error(`owner child exited (${code}) before providing Neo4j:\n${stderr}`)));
  });
}
