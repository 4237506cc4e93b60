import path from "node:path";

/**
 * Where the local Neo4j keeps things inside COAUTHOR_GRAPH_HOME. The Neo4j home is
 * <home>/neo4j, so the store lands in <home>/neo4j/data and Neo4j's own logs in <home>/neo4j/logs.
 */
export interface HomeLayout {
  home: string;
  neo4jHome: string;
  dataDir: string;
  logsDir: string;
  /** The launcher's stdout/stderr (JVM errors, our progress lines); Neo4j itself writes logs/debug.log. */
  launcherLog: string;
  /** Describes the running server so that a second process on the same home connects to it. */
  stateFile: string;
  /** Held while one process starts a server, so that two never start at once. */
  startLock: string;
  /** Scratch space for ready markers. */
  runDir: string;
  /** One file per process that joined the running server, named by its pid: the server outlives its owner while one lives. */
  leaseDir: string;
}

export function homeLayout(home: string): HomeLayout {
  const neo4jHome = path.join(home, "neo4j");
  const logsDir = path.join(neo4jHome, "logs");
  return {
    home,
    neo4jHome,
    dataDir: path.join(neo4jHome, "data"),
    logsDir,
    launcherLog: path.join(logsDir, "launcher.log"),
    stateFile: path.join(neo4jHome, "server.json"),
    startLock: path.join(neo4jHome, "start.lock"),
    runDir: path.join(neo4jHome, "run"),
    leaseDir: path.join(neo4jHome, "leases"),
  };
}

/**
 * The jar cache: <cache root>/neo4j-<version>/{lib,launcher-<hash>}. COAUTHOR_GRAPH_JAR_CACHE moves the
 * root, so that throwaway homes (the test harness) share one download with the user's home.
 */
export function jarCacheRoot(home: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.COAUTHOR_GRAPH_JAR_CACHE || path.join(home, "cache"));
}
