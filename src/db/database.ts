import neo4j, { Driver, Neo4jError, Record as Neo4jRecord } from "neo4j-driver";

/** What one write statement did, from the driver's summary counters. */
export interface WriteResult {
  records: Neo4jRecord[];
  nodesCreated: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  nodesDeleted: number;
}
import { DatabaseUnavailableError, InternalError, LimitExceededError } from "../errors";

/** Connection details, however they were obtained (NEO4J_URI, Docker or the local jars). */
export interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
  database: string;
}

export type Params = Record<string, unknown>;

export interface QueryOptions {
  /** Transaction timeout in ms; defaults to the Database's own. */
  timeoutMs?: number;
}

/**
 * The only module that touches the driver. Every statement runs in a managed transaction
 * (executeRead/executeWrite, so transient failures are retried), against an explicit database,
 * with a timeout, and the session is closed in `finally`. Neo4j errors are mapped to our error
 * codes in one place so that no Cypher or stack trace reaches a client.
 */
export class Database {
  /** Counts Bolt round trips (one per statement), for benchmarks and N+1 tests. */
  statementCount = 0;

  private constructor(
    readonly driver: Driver,
    readonly target: Neo4jTarget,
    private readonly defaultTimeoutMs: number,
  ) {}

  static async connect(target: Neo4jTarget, defaultTimeoutMs = 15_000): Promise<Database> {
    const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), {
      // Counts and years fit in a double; plain numbers keep the resolver layer simple.
      disableLosslessIntegers: true,
      maxConnectionPoolSize: 50,
      connectionAcquisitionTimeout: 30_000,
      logging: { level: "error", logger: () => undefined },
    });
    const db = new Database(driver, target, defaultTimeoutMs);
    try {
      await driver.verifyConnectivity({ database: target.database });
    } catch (error) {
      await driver.close();
      throw new Error(
        `Cannot reach Neo4j at ${target.uri} (database "${target.database}"): ${(error as Error).message}. ` +
          `Check NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD, or unset NEO4J_URI to let coauthor-graph start its own Neo4j.`,
      );
    }
    return db;
  }

  async read(cypher: string, params: Params = {}, options: QueryOptions = {}): Promise<Neo4jRecord[]> {
    return this.run("READ", cypher, params, options);
  }

  async write(cypher: string, params: Params = {}, options: QueryOptions = {}): Promise<Neo4jRecord[]> {
    return this.run("WRITE", cypher, params, options);
  }

  /** Several write statements in one transaction: all of them land, or none does. */
  async writeAll(statements: Array<{ cypher: string; params?: Params }>, options: QueryOptions = {}): Promise<WriteResult[]> {
    const session = this.driver.session({ database: this.target.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(
        async (tx) => {
          const results: WriteResult[] = [];
          for (const s of statements) {
            this.statementCount += 1;
            const result = await tx.run(s.cypher, toNeo4jParams(s.params ?? {}));
            const counters = result.summary.counters.updates();
            results.push({
              records: result.records,
              nodesCreated: counters.nodesCreated,
              relationshipsCreated: counters.relationshipsCreated,
              relationshipsDeleted: counters.relationshipsDeleted,
              nodesDeleted: counters.nodesDeleted,
            });
          }
          return results;
        },
        { timeout: options.timeoutMs ?? this.defaultTimeoutMs },
      );
    } catch (error) {
      throw mapNeo4jError(error);
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async run(mode: "READ" | "WRITE", cypher: string, params: Params, options: QueryOptions): Promise<Neo4jRecord[]> {
    const session = this.driver.session({
      database: this.target.database,
      defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const config = { timeout: options.timeoutMs ?? this.defaultTimeoutMs };
    const work = async (tx: { run: (q: string, p: Params) => Promise<{ records: Neo4jRecord[] }> }) => {
      this.statementCount += 1;
      return (await tx.run(cypher, toNeo4jParams(params))).records;
    };
    try {
      return mode === "READ" ? await session.executeRead(work, config) : await session.executeWrite(work, config);
    } catch (error) {
      throw mapNeo4jError(error);
    } finally {
      await session.close();
    }
  }
}

/**
 * With lossless integers disabled the driver sends JS numbers as floats, and Cypher refuses
 * floats for LIMIT/SKIP and stores years as 2024.0. Whole numbers become Neo4j integers here.
 */
export function toNeo4jParams(value: unknown): any {
  if (typeof value === "number") return Number.isInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toNeo4jParams);
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toNeo4jParams(v);
    return out;
  }
  return value;
}

const UNAVAILABLE = new Set(["ServiceUnavailable", "SessionExpired", "Neo.TransientError.General.DatabaseUnavailable"]);

/** The single place where driver errors become client-safe errors; the original is kept as `cause`. */
export function mapNeo4jError(error: unknown): Error {
  if (error instanceof Neo4jError) {
    const code = error.code ?? "";
    let mapped: Error;
    if (UNAVAILABLE.has(code) || code.startsWith("Neo.TransientError.General")) {
      mapped = new DatabaseUnavailableError();
    } else if (code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut") || code.includes("TransactionTimedOut")) {
      mapped = new LimitExceededError("The query took longer than the server allows; narrow it (smaller depth, year window or page).");
    } else {
      mapped = new InternalError();
    }
    (mapped as { cause?: unknown }).cause = error;
    return mapped;
  }
  return error instanceof Error ? error : new Error(String(error));
}
