import { parseMemorySize } from "../../util/memory-size";
import { Neo4jSetupError } from "./setup-error";

/** The latest 5.26 LTS patch on Maven Central when this was written (checked with maven-metadata.xml). */
export const DEFAULT_NEO4J_VERSION = "5.26.30";

export type NeoRoute = "auto" | "docker" | "local";

/**
 * Knobs for the Neo4j that coauthor-graph provides itself, all from the environment:
 *   COAUTHOR_GRAPH_NEO4J_VIA        auto (default: Docker if an engine answers, else local) | docker | local
 *   COAUTHOR_GRAPH_NEO4J_HEAP       JVM heap of the local Neo4j (default 2g)
 *   COAUTHOR_GRAPH_NEO4J_PAGECACHE  its page cache (default 1g)
 *   COAUTHOR_GRAPH_NEO4J_VERSION    a 5.26.x to fetch instead of DEFAULT_NEO4J_VERSION
 *   COAUTHOR_GRAPH_JAVA             the java executable or a JDK home (default: JAVA_HOME, then PATH)
 *   COAUTHOR_GRAPH_MVN              the mvn executable (default: PATH); only needed for the first download
 *   COAUTHOR_GRAPH_JAR_CACHE        where the jars are cached (default <home>/cache)
 *   COAUTHOR_GRAPH_NEO4J_THROWAWAY  1: the data need not survive (test runs); Docker then keeps it
 *                                   inside the container instead of a named volume
 */
export interface LocalNeo4jSettings {
  route: NeoRoute;
  version: string;
  heapBytes: number;
  heapText: string;
  pageCacheBytes: number;
  pageCacheText: string;
  throwaway: boolean;
}

export function localNeo4jSettings(env: NodeJS.ProcessEnv = process.env): LocalNeo4jSettings {
  const route = (env.COAUTHOR_GRAPH_NEO4J_VIA || "auto").trim().toLowerCase();
  if (route !== "auto" && route !== "docker" && route !== "local") {
    throw new Neo4jSetupError(`COAUTHOR_GRAPH_NEO4J_VIA=${env.COAUTHOR_GRAPH_NEO4J_VIA} is not one of auto, docker, local.`);
  }
  const version = (env.COAUTHOR_GRAPH_NEO4J_VERSION || DEFAULT_NEO4J_VERSION).trim();
  if (!/^5\.26\.\d+$/.test(version)) {
    throw new Neo4jSetupError(`COAUTHOR_GRAPH_NEO4J_VERSION=${version} is not a Neo4j 5.26.x version (e.g. ${DEFAULT_NEO4J_VERSION}).`);
  }
  const heapText = (env.COAUTHOR_GRAPH_NEO4J_HEAP || "2g").trim();
  const pageCacheText = (env.COAUTHOR_GRAPH_NEO4J_PAGECACHE || "1g").trim();
  return {
    route,
    version,
    heapText,
    heapBytes: memorySize("COAUTHOR_GRAPH_NEO4J_HEAP", heapText, 128 * MIB),
    pageCacheText,
    pageCacheBytes: memorySize("COAUTHOR_GRAPH_NEO4J_PAGECACHE", pageCacheText, 8 * MIB),
    throwaway: ["1", "true", "yes"].includes((env.COAUTHOR_GRAPH_NEO4J_THROWAWAY ?? "").trim().toLowerCase()),
  };
}

const MIB = 1024 * 1024;

/** "512m", "2g", "1.5G", "4096MB", "1073741824" -> bytes; at least `minimum`. */
export function memorySize(variable: string, text: string, minimum: number): number {
  const bytes = parseMemorySize(text);
  if (bytes === null || bytes < minimum) {
    throw new Neo4jSetupError(
      `${variable}=${text} is not a usable memory size: give e.g. 512m or 2g (at least ${Math.round(minimum / MIB)}m).`,
    );
  }
  return bytes;
}

/** A JVM -Xmx value in whole mebibytes (the JVM rejects fractions). */
export function xmxFlag(bytes: number): string {
  return `-Xmx${Math.max(1, Math.floor(bytes / MIB))}m`;
}
