import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fromRoot } from "../../src/util/project-root";

/*
 * The floors of src/, bottom to top (README "Design notes"). A file may import from its own
 * folder or from a folder on a LOWER floor, never from one above or beside it; the importer
 * (import/) sits beside the API and may use only the foundation and db; only the CLI may use it.
 * A new folder of src/ must be given its floor here before anything can import it.
 */
const FLOORS: string[][] = [
  ["config.ts", "errors.ts", "util"], // foundation
  ["db"], // the one driver module, schema setup, where Neo4j comes from
  ["kernel"], // what every domain shares
  ["venue", "stats"], // domains, lowest first; a relationship field lives in the upper domain
  ["paper"],
  ["author"],
  ["node", "network", "career"], // career: timelines, collaborations, namesake flags (uses author, paper, venue)
  ["analysis", "figures"], // metrics and communities of the networks the API returns; whole-graph figures
  ["export"], // network exports (GEXF, GraphML, ...): pure writers over NetworkService
  ["api"], // the API root: schema, context, limits, HTTP routes
  ["cli"], // on top of everything; may use import/
];
const IMPORTER_MAY_USE = new Set(["config.ts", "errors.ts", "util", "db"]);

const ROOT = fromRoot();
const floorOf = new Map<string, number>(FLOORS.flatMap((room, floor) => room.map((name) => [name, floor] as [string, number])));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "node_modules" || name === "samples" ? [] : sourceFiles(full);
    return name.endsWith(".ts") && !name.endsWith(".d.ts") ? [full] : [];
  });
}

/** Relative imports of a file (static, dynamic and type-only), resolved to repo paths without extension. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)["'](\.{1,2}\/[^"']+)["']/gm)].map((m) => m[1]);
  return specs.map((spec) => path.relative(ROOT, path.resolve(path.dirname(file), spec)).replace(/\.(js|ts)$/, ""));
}

/** The room of a repo path: "src/<folder or file>", or "import", or null outside both. */
function roomOf(repoPath: string): string | null {
  const parts = repoPath.split(path.sep);
  if (parts[0] === "import") return "import";
  if (parts[0] !== "src") return null;
  return parts.length === 2 ? `${parts[1]}.ts`.replace(/\.ts\.ts$/, ".ts") : parts[1];
}

test("every folder of src/ has a floor", () => {
  const rooms = readdirSync(fromRoot("src")).filter((name) => statSync(fromRoot("src", name)).isDirectory() || name.endsWith(".ts"));
  const missing = rooms.filter((room) => !floorOf.has(room));
  assert.deepEqual(missing, [], `give these a floor in test/unit/architecture.test.ts (and the README's floors): ${missing.join(", ")}`);
});

test("no import runs up a floor or sideways, and only the CLI uses the importer", () => {
  const wrong: string[] = [];
  for (const file of [...sourceFiles(fromRoot("src")), ...sourceFiles(fromRoot("import"))]) {
    const from = roomOf(path.relative(ROOT, file))!;
    for (const target of importsOf(file)) {
      const to = roomOf(target);
      if (to === null || to === from) continue;
      const where = `${path.relative(ROOT, file)} -> ${target}`;
      if (from === "import") {
        if (!IMPORTER_MAY_USE.has(to)) wrong.push(`${where} (the importer may use only ${[...IMPORTER_MAY_USE].join(", ")})`);
      } else if (to === "import") {
        if (from !== "cli") wrong.push(`${where} (only src/cli may use import/)`);
      } else if ((floorOf.get(to) ?? Infinity) >= (floorOf.get(from) ?? -Infinity)) {
        wrong.push(`${where} (floor ${floorOf.get(from)} may not use floor ${floorOf.get(to)})`);
      }
    }
  }
  assert.deepEqual(wrong, [], `imports that run the wrong way:\n${wrong.join("\n")}`);
});

test("no circle of imports between files, type-only imports included", () => {
  const files = [...sourceFiles(fromRoot("src")), ...sourceFiles(fromRoot("import")), ...sourceFiles(fromRoot("bench"))];
  const graph = new Map(files.map((f) => [path.relative(ROOT, f).replace(/\.ts$/, ""), importsOf(f)]));
  const state = new Map<string, "open" | "done">();
  const circles: string[] = [];
  const visit = (node: string, trail: string[]) => {
    if (state.get(node) === "done") return;
    if (state.get(node) === "open") {
      circles.push([...trail.slice(trail.indexOf(node)), node].join(" -> "));
      return;
    }
    state.set(node, "open");
    for (const next of graph.get(node) ?? []) if (graph.has(next)) visit(next, [...trail, node]);
    state.set(node, "done");
  };
  for (const node of graph.keys()) visit(node, []);
  assert.deepEqual(circles, [], `import circles:\n${circles.join("\n")}`);
});
