import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * What the server's code is, as a short hash of its compiled files: part of every ETag and response-cache key
 * (response-cache.ts, the exports), beside the graph version. The graph version survives a deploy, so without it a
 * client or a shared cache holding an answer of the previous build would have it confirmed by a 304 until the next
 * import, though the new build may answer differently (a new field's value, an export's new column). Two processes
 * of one build hash the same files and agree, as their ETags must.
 */
export function buildId(dir: string = path.resolve(__dirname, "..")): string {
  const cached = byDir.get(dir);
  if (cached !== undefined) return cached;
  const hash = createHash("sha256");
  for (const file of codeFiles(dir)) hash.update(path.relative(dir, file)).update("\u0000").update(readFileSync(file)).update("\u0000");
  const id = hash.digest("base64url").slice(0, 16);
  byDir.set(dir, id);
  return id;
}

const byDir = new Map<string, string>();

/** The .js files under `dir`, in a fixed order (source maps and declarations do not change an answer). */
function codeFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith(".js")) files.push(full);
    }
  };
  walk(dir);
  return files;
}
