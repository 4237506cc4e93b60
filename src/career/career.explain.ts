import { readFileSync } from "node:fs";
import type { Explanation } from "../kernel/explanation";
import { fromRoot } from "../util/project-root";

let version: string | undefined;

/** "coauthor-graph <version>": what computed a career figure (plain TypeScript over Cypher reads, no library). */
export function careerImplementation(): string {
  if (version === undefined) {
    try {
      version = String((JSON.parse(readFileSync(fromRoot("package.json"), "utf8")) as { version?: string }).version ?? "unknown");
    } catch {
      version = "unknown";
    }
  }
  return `coauthor-graph ${version} (src/career)`;
}

export function careerExplanation(fields: Omit<Explanation, "implementation" | "notes"> & { notes?: string[] }): Explanation {
  return { implementation: careerImplementation(), notes: [], ...fields };
}
