import { spawnSync } from "node:child_process";
import { existsSync, realpathSync, statSync } from "node:fs";
import path from "node:path";

/** Neo4j 5.26 is built for and supported on these Java releases. */
export const SUPPORTED_JAVA = [17, 21];

export interface JavaInstallation {
  java: string;
  /** Absent on a bare JRE: the launcher then runs from its source file (Java 11+ single-file mode). */
  javac?: string;
  major: number;
  versionLine: string;
}

export type Lookup<T> = { ok: true; value: T } | { ok: false; problem: string };

const EXE = process.platform === "win32" ? ".exe" : "";

/**
 * Finds a usable java: COAUTHOR_GRAPH_JAVA (the executable or a JDK home), else JAVA_HOME, else PATH.
 * Never throws: the provider turns a failed lookup into its "three options" message.
 */
export function findJava(env: NodeJS.ProcessEnv = process.env): Lookup<JavaInstallation> {
  const requested = env.COAUTHOR_GRAPH_JAVA || (env.JAVA_HOME ? path.join(env.JAVA_HOME, "bin", `java${EXE}`) : undefined);
  const source = env.COAUTHOR_GRAPH_JAVA ? "COAUTHOR_GRAPH_JAVA" : env.JAVA_HOME ? "JAVA_HOME" : "PATH";
  let java = requested ? executableOrHome(requested, "java") : onPath("java", env);
  if (!java) return { ok: false, problem: `no java executable found (looked in ${source}${requested ? `: ${requested}` : ""})` };
  java = resolveLinks(java);
  const probe = spawnSync(java, ["-version"], { encoding: "utf8", timeout: 15_000 });
  if (probe.error || probe.status !== 0) {
    return { ok: false, problem: `${java} -version failed: ${probe.error?.message ?? probe.stderr.trim().split("\n")[0]}` };
  }
  const versionLine = (probe.stderr || probe.stdout).split("\n")[0].trim();
  const major = parseJavaMajor(versionLine);
  if (!major || major < SUPPORTED_JAVA[0]) {
    return { ok: false, problem: `${java} is "${versionLine}", but Neo4j 5.26 needs Java ${SUPPORTED_JAVA.join(" or ")}` };
  }
  const javac = path.join(path.dirname(java), `javac${EXE}`);
  return { ok: true, value: { java, javac: isFile(javac) ? javac : undefined, major, versionLine } };
}

/** Finds mvn: COAUTHOR_GRAPH_MVN, else PATH. Only the first run on a machine needs it. */
export function findMaven(env: NodeJS.ProcessEnv = process.env): Lookup<string> {
  const names = process.platform === "win32" ? ["mvn.cmd", "mvn"] : ["mvn"];
  if (env.COAUTHOR_GRAPH_MVN) {
    return isFile(env.COAUTHOR_GRAPH_MVN)
      ? { ok: true, value: env.COAUTHOR_GRAPH_MVN }
      : { ok: false, problem: `COAUTHOR_GRAPH_MVN=${env.COAUTHOR_GRAPH_MVN} is not a file` };
  }
  for (const name of names) {
    const found = onPath(name, env);
    if (found) return { ok: true, value: found };
  }
  return { ok: false, problem: "no mvn (Apache Maven) on PATH" };
}

/** `openjdk version "17.0.15" 2025-04-15` -> 17; `java version "1.8.0_202"` -> 8. */
export function parseJavaMajor(versionLine: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionLine);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

function executableOrHome(candidate: string, name: string): string | undefined {
  if (isFile(candidate)) return candidate;
  const inHome = path.join(candidate, "bin", `${name}${EXE}`);
  return isFile(inHome) ? inHome : undefined;
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isFile(candidate)) return candidate;
  }
  return undefined;
}

/** /usr/bin/java is usually a chain of links; javac sits beside the real file. */
function resolveLinks(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

function isFile(file: string): boolean {
  try {
    return existsSync(file) && statSync(file).isFile();
  } catch {
    return false;
  }
}
