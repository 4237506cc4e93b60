import { existsSync } from "node:fs";
import path from "node:path";

/**
 * The repository root, found from this compiled file's location. Non-TypeScript assets
 * (schema/neo4j/*.cypher, the pinned DTD, the Java launcher, the playground page) are read
 * from the checkout rather than copied into dist/, so there is one copy of each.
 */
export function projectRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (existsSync(path.join(dir, "package.json")) && existsSync(path.join(dir, "schema"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`coauthor-graph: cannot find the project root above ${__dirname}`);
    dir = parent;
  }
}

export function fromRoot(...parts: string[]): string {
  return path.join(projectRoot(), ...parts);
}
