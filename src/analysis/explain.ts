import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Explanation } from "../kernel/explanation";
import { fromRoot } from "../util/project-root";

/** "coauthor-graph <version> (<library> <version>, …)": what computed a figure, with versions, for its explanation. */
export function implementation(libraries: readonly string[]): string {
  const own = `coauthor-graph ${versionOf(fromRoot("package.json"))}`;
  return libraries.length === 0 ? own : `${own} (${libraries.map((l) => `${l} ${libraryVersion(l)}`).join(", ")})`;
}

const requireHere = createRequire(__filename);
const versions = new Map<string, string>();

/** A dependency's version from its package.json (found from its entry point: some packages do not export the file). */
function libraryVersion(name: string): string {
  let version = versions.get(name);
  if (version === undefined) {
    let dir = path.dirname(requireHere.resolve(name));
    while (path.basename(dir) !== name && path.dirname(dir) !== dir) dir = path.dirname(dir);
    version = versionOf(path.join(dir, "package.json"));
    versions.set(name, version);
  }
  return version;
}

function versionOf(file: string): string {
  try {
    return String((JSON.parse(readFileSync(file, "utf8")) as { version?: string }).version ?? "unknown");
  } catch {
    return "unknown";
  }
}

export function explanation(fields: Omit<Explanation, "notes"> & { notes?: string[] }): Explanation {
  return { notes: [], ...fields };
}
