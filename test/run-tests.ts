import { ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../src/config";
import { jarCacheRoot } from "../src/db/local/home-layout";
import { provideNeo4j, ProvidedNeo4j } from "../src/db/neo4j-provider";

/**
 * `npm test` = build, then this. Unless TEST_NEO4J_URI is set, it starts a throwaway Neo4j
 * (owner mode, so it dies with this process however it ends) in a fresh temporary
 * COAUTHOR_GRAPH_HOME that reuses the jar cache of the user's home, runs every test file with
 * TEST_NEO4J_URI/USER/PASSWORD pointing at it, stops it and exits with the runner's code.
 *
 *   node dist/test/run-tests.js                                  all of dist/test/**\/*.test.js
 *   node dist/test/run-tests.js dist/test/unit                   a folder
 *   node dist/test/run-tests.js dist/test/integration/x.test.js --test-name-pattern=foo
 *   node dist/test/run-tests.js --unit                           dist/test/unit only, and no Neo4j is started
 *   node dist/test/run-tests.js --unit dist/test/unit/formats    those files, without Neo4j (tests that need it fail)
 *
 * `--unit` is ours (`npm test -- --unit`); other arguments starting with "-" go to `node --test`. Test
 * processes inherit the temporary home, so a CLI they spawn without NEO4J_URI joins this same Neo4j (its
 * state file says it is running).
 * NEO4J_URI and friends are removed from their environment: tests wipe the database they get.
 * Knobs: TEST_NEO4J_URI (use that disposable server instead), COAUTHOR_GRAPH_NEO4J_VIA (default
 * local here), COAUTHOR_GRAPH_NEO4J_HEAP/PAGECACHE (default 1g/256m here), KEEP_TEST_HOME=1 (keep
 * the temporary home for inspection).
 */
const CATEGORY_ORDER = ["unit", "integration", "e2e"];
/** Starts no Neo4j and, unless files or folders are named, runs only the unit tests (which use no database). */
const UNIT_FLAG = "--unit";
const UNIT_ROOT = path.join(__dirname, "unit");

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const unitOnly = args.includes(UNIT_FLAG);
  const runnerFlags = args.filter((a) => a.startsWith("-") && a !== UNIT_FLAG);
  const roots = args.filter((a) => !a.startsWith("-"));
  const searched = roots.length > 0 ? roots : [unitOnly ? UNIT_ROOT : __dirname];
  const files = collectTestFiles(searched);
  if (files.length === 0) {
    console.error(`run-tests: no *.test.js files under ${searched.join(", ")} (did the build run?)`);
    return 1;
  }

  const userHome = loadConfig({ ...process.env, NEO4J_URI: "" }).home;
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"]) delete env[name];
  const testHome = mkdtempSync(path.join(os.tmpdir(), "coauthor-graph-test-"));
  env.COAUTHOR_GRAPH_HOME = testHome;
  env.COAUTHOR_GRAPH_JAR_CACHE = jarCacheRoot(userHome, process.env);
  env.COAUTHOR_GRAPH_NEO4J_THROWAWAY = "1";
  // The local jars by default, as in development; COAUTHOR_GRAPH_NEO4J_VIA=auto or docker lets a CI
  // without a JDK use Docker instead.
  env.COAUTHOR_GRAPH_NEO4J_VIA ||= "local";
  env.COAUTHOR_GRAPH_NEO4J_HEAP ||= "1g";
  env.COAUTHOR_GRAPH_NEO4J_PAGECACHE ||= "256m";

  let neo4j: ProvidedNeo4j | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      await neo4j?.stop().catch((error) => console.error(`run-tests: stopping Neo4j: ${(error as Error).message}`));
      if (process.env.KEEP_TEST_HOME) console.error(`run-tests: kept ${testHome}`);
      else rmSync(testHome, { recursive: true, force: true });
    })());

  // Ctrl-C or a kill at any point: stop the runner, then Neo4j, then remove the temporary home.
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    runner?.kill(signal);
    void cleanUp().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  try {
    if (unitOnly) {
      // Unit tests use no database; one that tries to reach Neo4j fails rather than finding one.
      delete env.TEST_NEO4J_URI;
      console.error(`run-tests: ${UNIT_FLAG}: no Neo4j is started`);
    } else if (env.TEST_NEO4J_URI) {
      console.error(`run-tests: using TEST_NEO4J_URI=${env.TEST_NEO4J_URI}; the tests WIPE that database.`);
    } else {
      const started = Date.now();
      neo4j = await provideNeo4j({ config: loadConfig(env), env, mode: "owner", log: (m) => console.error(`run-tests: ${m}`) });
      env.TEST_NEO4J_URI = neo4j.target.uri;
      env.TEST_NEO4J_USER = neo4j.target.user;
      env.TEST_NEO4J_PASSWORD = neo4j.target.password;
      env.TEST_NEO4J_DATABASE = neo4j.target.database;
      console.error(`run-tests: test Neo4j (${neo4j.via}) ready at ${neo4j.target.uri} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } catch (error) {
    await cleanUp();
    console.error(`run-tests: cannot provide a test Neo4j.\n${(error as Error).message}`);
    return 1;
  }

  console.error(`run-tests: ${files.length} test files`);
  const code = await runNodeTest(files, runnerFlags, env);
  await cleanUp();
  return code;
}

let runner: ChildProcess | undefined;

function runNodeTest(files: string[], flags: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const args = ["--test", "--test-concurrency=1", "--test-reporter=spec", ...flags, ...files];
  const child = spawn(process.execPath, args, { stdio: "inherit", env });
  runner = child;
  return new Promise((resolve) => {
    child.once("error", (error) => {
      console.error(`run-tests: cannot run node --test: ${error.message}`);
      resolve(1);
    });
    child.once("exit", (code, signal) => {
      runner = undefined;
      resolve(code ?? (signal === "SIGINT" ? 130 : 1));
    });
  });
}

/** *.test.js files under the given files/folders, listed unit, integration, e2e (node --test may still reorder them). */
export function collectTestFiles(roots: string[]): string[] {
  const found = new Set<string>();
  const walk = (entry: string) => {
    if (!existsSync(entry)) throw new Error(`run-tests: ${entry} does not exist`);
    if (statSync(entry).isDirectory()) {
      for (const name of readdirSync(entry)) if (name !== "node_modules" && name !== "fixtures") walk(path.join(entry, name));
    } else if (entry.endsWith(".test.js")) {
      found.add(path.resolve(entry));
    }
  };
  roots.forEach(walk);
  const rank = (file: string) => {
    const parts = file.split(path.sep);
    const index = CATEGORY_ORDER.findIndex((c) => parts.includes(c));
    return index === -1 ? CATEGORY_ORDER.length : index;
  };
  return [...found].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`run-tests: ${(error as Error).stack ?? error}`);
      process.exit(1);
    },
  );
}
