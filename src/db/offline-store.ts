import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { Config } from "../config";
import { Database } from "./database";
import { AdminImportOptions, runAdminImport } from "./local/admin-import";
import { LocalNeo4jRuntime } from "./local/jar-cache";
import { findJava, JavaInstallation } from "./local/java-toolchain";
import { findRunningServer } from "./local/server-state";
import { chooseEngine, LocalHome, localHome, localRuntime, startLocal, withStartLock } from "./local-home";
import { applySchema } from "./schema-setup";

/** `import --bulk` cannot run here; the message says why and what to do instead. Nothing was written. */
export class BulkImportRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BulkImportRefused";
  }
}

/** What neo4j-admin loads: the CSVs and how to read them. Java, the jars and the Neo4j home are the store's own. */
export type StoreImport = Omit<AdminImportOptions, "java" | "libDir" | "neo4jHome">;

/** The empty store of this home's local Neo4j, offline, while withOfflineStore holds its start lock. */
export interface OfflineStore {
  /** `neo4j-admin database import full` into the store, replacing it; resolves with the wall seconds it took. */
  adminImport(input: StoreImport): Promise<number>;
  /**
   * After adminImport: starts Neo4j once on the loaded store, runs `fill` (writes that are cheaper before the
   * indexes exist, which would otherwise be updated too), creates the schema's constraints and indexes, waits for
   * them to come online, and stops Neo4j.
   */
  buildSchema(fill: (db: Database) => Promise<void>): Promise<void>;
}

export interface OfflineStoreOptions {
  config: Config;
  env: NodeJS.ProcessEnv;
  log: (message: string) => void;
}

/**
 * Runs `work` with the empty, offline store of the local Neo4j that serves this home, holding the home's start lock
 * throughout so that no Neo4j starts on the store meanwhile. Refuses (BulkImportRefused, before `work` runs) when
 * the home is not served from its local store (NEO4J_URI, Docker), when Java is missing, when Neo4j is running for
 * the home, or when the store holds nodes. When `work` fails after it began an import, the half-built store is
 * removed: the store was empty before, so the home is left as it was.
 */
export async function withOfflineStore<T>(opts: OfflineStoreOptions, work: (store: OfflineStore) => Promise<T>): Promise<T> {
  const home = await localStoreHome(opts);
  const java = findJava(opts.env);
  if (!java.ok) throw new BulkImportRefused(`--bulk runs neo4j-admin from the local Neo4j jars, which needs Java: ${java.problem}.`);
  const local: LocalStore = { home, java: java.value, runtime: await localRuntime(home, java.value) };
  const { layout } = home;
  return withStartLock(
    home,
    {
      timeoutMs: 60_000,
      purpose: `another process starting Neo4j for ${layout.home}`,
      onWait: () => opts.log("Waiting for another process that is starting Neo4j on this home …"),
    },
    async () => {
      await assertEmptyAndOffline(local);
      let written = false;
      const store: OfflineStore = {
        adminImport: (input) => {
          written = true;
          return runAdminImport({ ...input, java: local.java.java, libDir: local.runtime.libDir, neo4jHome: layout.neo4jHome });
        },
        buildSchema: (fill) =>
          withLocalNeo4j(local, async (db) => {
            opts.log("Creating constraints and indexes on the loaded graph …");
            await fill(db);
            await applySchema(db, { awaitSeconds: 3600, log: opts.log });
          }),
      };
      try {
        return await work(store);
      } catch (error) {
        if (written) removeDatabaseStore(local.home);
        throw error;
      }
    },
  );
}

interface LocalStore {
  home: LocalHome;
  java: JavaInstallation;
  runtime: LocalNeo4jRuntime;
}

/** Bulk writes the store files of the local Neo4j, so it must be the Neo4j that serve and the API will use. */
async function localStoreHome(opts: OfflineStoreOptions): Promise<LocalHome> {
  const { config, env } = opts;
  if (config.neo4j.uri) {
    throw new BulkImportRefused(
      `--bulk writes the store files of coauthor-graph's local Neo4j and cannot load the server at NEO4J_URI=${config.neo4j.uri}. ` +
        `Import without --bulk (the online import works with any Neo4j), or unset NEO4J_URI.`,
    );
  }
  const home = localHome(config, env, opts.log);
  // The setting alone says Docker: no need to ask an engine (chooseEngine would, and fail if none answers).
  if (home.settings.route === "docker") {
    throw new BulkImportRefused(
      "--bulk loads the local Neo4j's store, but COAUTHOR_GRAPH_NEO4J_VIA=docker. Import without --bulk, or set COAUTHOR_GRAPH_NEO4J_VIA=local.",
    );
  }
  if ((await chooseEngine(home.settings, env)).via === "docker") {
    throw new BulkImportRefused(
      "A Docker engine answers, so coauthor-graph would serve from a Neo4j container, not from the local store --bulk writes. " +
        "Set COAUTHOR_GRAPH_NEO4J_VIA=local for the import and for serving, or import without --bulk.",
    );
  }
  return home;
}

function databaseStoreDirs(home: LocalHome): string[] {
  return [path.join(home.layout.dataDir, "databases", "neo4j"), path.join(home.layout.dataDir, "transactions", "neo4j")];
}

function removeDatabaseStore(home: LocalHome): void {
  for (const dir of databaseStoreDirs(home)) rmSync(dir, { recursive: true, force: true });
}

/** neo4j-admin needs the database offline, and bulk only ever fills an empty one. */
async function assertEmptyAndOffline(local: LocalStore): Promise<void> {
  const { layout } = local.home;
  const running = await findRunningServer(layout);
  if (running) {
    const who = running.mode === "owner" ? `started by process ${running.ownerPid}` : "started by `coauthor-graph db start`";
    throw new BulkImportRefused(
      `Neo4j is running for ${layout.home} at ${running.uri} (${who}). neo4j-admin needs the database offline: ` +
        `stop it (\`coauthor-graph db stop\`, or end process ${running.ownerPid ?? running.pid}) and run the bulk import again.`,
    );
  }
  if (!existsSync(databaseStoreDirs(local.home)[0])) return;
  const nodes = await withLocalNeo4j(local, async (db) => (await db.read(COUNT_NODES))[0].get("n") as number);
  if (nodes > 0) {
    throw new BulkImportRefused(
      `The database in ${layout.home} already holds ${nodes} nodes; --bulk only fills an empty database. ` +
        `Import without --bulk to add to it, or point COAUTHOR_GRAPH_HOME at a new folder.`,
    );
  }
}

const COUNT_NODES = "MATCH (n) RETURN count(n) AS n";

/** Starts the local Neo4j on the home (the caller holds its start lock), runs `work`, and stops it. */
async function withLocalNeo4j<T>(local: LocalStore, work: (db: Database) => Promise<T>): Promise<T> {
  const server = await startLocal(local.home, local.java, local.runtime, "owner");
  try {
    const db = await Database.connect(server.state, 60 * 60_000);
    try {
      return await work(db.forOperation("import:bulk"));
    } finally {
      await db.close();
    }
  } finally {
    await server.stop();
  }
}
