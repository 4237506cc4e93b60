import neo4j, { Driver, ManagedTransaction, Neo4jError, QueryResult, Record as Neo4jRecord } from "neo4j-driver";
import { DatabaseUnavailableError, InternalError, LimitExceededError } from "../errors";
import { type Params, toNeo4jParams } from "./params";

export type { ParamMap, Params, ParamValue } from "./params";

/** What one write statement did, from the driver's summary counters. */
export interface WriteResult {
  records: Neo4jRecord[];
  nodesCreated: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  nodesDeleted: number;
}

/** Connection details, however they were obtained (NEO4J_URI, Docker or the local jars). */
export interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
  database: string;
}

export interface Statement {
  cypher: string;
  params?: Params;
}

export interface QueryOptions {
  /** Transaction timeout in ms; defaults to the Database's own. */
  timeoutMs?: number;
  /** Names the transaction in its metadata; defaults to the operation of this Database view. */
  operation?: string;
}

/** The name every transaction carries as `app` in its metadata. */
export const APP_NAME = "coauthor-graph";

/**
 * Set on every transaction, so that whoever looks at Neo4j (SHOW TRANSACTIONS; the query log of
 * Enterprise Edition) sees who sent it and for what: the API request, the import stage, the health check …
 */
export interface TransactionMetadata {
  app: typeof APP_NAME;
  operation: string;
}

export type AccessMode = "READ" | "WRITE";

/** One statement as it is sent; what a statement listener sees. */
export interface StatementEvent {
  mode: AccessMode;
  cypher: string;
  metadata: TransactionMetadata;
}

export type StatementListener = (event: StatementEvent) => void;

/** The operation of a Database that no caller has named (see forOperation). */
export const UNNAMED_OPERATION = "unnamed";

/** What every view of one connection shares. */
interface Connection {
  driver: Driver;
  target: Neo4jTarget;
  defaultTimeoutMs: number;
  listeners: Set<StatementListener>;
}

/**
 * The only module that touches the driver. Every statement runs in a managed transaction
 * (executeRead/executeWrite, so transient failures are retried), against an explicit database,
 * with a timeout and metadata naming the operation, and the session is closed in `finally`. Neo4j
 * errors are mapped to our error codes in one place so that no Cypher or stack trace reaches a client.
 * All of that is one private path (`transaction`) that read, write and writeAll go through.
 */
export class Database {
  private constructor(
    private readonly connection: Connection,
    /** What this view's transactions are for, as their metadata says; QueryOptions.operation overrides it. */
    readonly operation: string,
  ) {}

  static async connect(target: Neo4jTarget, defaultTimeoutMs = 15_000): Promise<Database> {
    const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), {
      // Counts and years fit in a double; plain numbers keep the resolver layer simple. The way
      // back needs care: see toNeo4jParams.
      disableLosslessIntegers: true,
      maxConnectionPoolSize: 50,
      connectionAcquisitionTimeout: 30_000,
      logging: { level: "error", logger: () => undefined },
    });
    try {
      await driver.verifyConnectivity({ database: target.database });
    } catch (error) {
      await driver.close();
      throw new Error(
        `Cannot reach Neo4j at ${target.uri} (database "${target.database}"): ${(error as Error).message}. ` +
          `Check NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD, or unset NEO4J_URI to let coauthor-graph start its own Neo4j.`,
        { cause: error },
      );
    }
    return new Database({ driver, target, defaultTimeoutMs, listeners: new Set() }, UNNAMED_OPERATION);
  }

  get target(): Neo4jTarget {
    return this.connection.target;
  }

  /**
   * The same connection, with `operation` in the metadata of every transaction: one per API
   * request, import stage or command, so that call sites below need not name themselves.
   */
  forOperation(operation: string): Database {
    return new Database(this.connection, operation);
  }

  /**
   * Calls `listener` for every statement sent from now on, through this view or any other of the
   * same connection (retries of a managed transaction included). For tests and the benchmark, which
   * count statements; production code installs none. Returns the function that removes it.
   */
  observe(listener: StatementListener): () => void {
    const entry: StatementListener = (event) => listener(event);
    this.connection.listeners.add(entry);
    return () => {
      this.connection.listeners.delete(entry);
    };
  }

  async read(cypher: string, params: Params = {}, options: QueryOptions = {}): Promise<Neo4jRecord[]> {
    const [result] = await this.transaction("READ", [{ cypher, params }], options);
    return result.records;
  }

  async write(cypher: string, params: Params = {}, options: QueryOptions = {}): Promise<Neo4jRecord[]> {
    const [result] = await this.transaction("WRITE", [{ cypher, params }], options);
    return result.records;
  }

  /**
   * Several write statements in one transaction: all of them land, or none does. `followUp`, when given, sees what
   * they did and returns statements to run after them in the same transaction (the graph version's bump, which must
   * commit with the change it records); their results follow in the returned array.
   */
  async writeAll(
    statements: readonly Statement[],
    options: QueryOptions = {},
    followUp?: (results: WriteResult[]) => readonly Statement[],
  ): Promise<WriteResult[]> {
    const then = followUp && ((results: QueryResult[]) => followUp(results.map(toWriteResult)));
    const results = await this.transaction("WRITE", statements, options, then);
    return results.map(toWriteResult);
  }

  /** Closes the driver, and with it every view of this connection. */
  async close(): Promise<void> {
    await this.connection.driver.close();
  }

  /** The one way to Neo4j: statements in order, in one managed transaction of their own session. */
  private async transaction(
    mode: AccessMode,
    statements: readonly Statement[],
    options: QueryOptions,
    followUp?: (results: QueryResult[]) => readonly Statement[],
  ): Promise<QueryResult[]> {
    const { driver, target, defaultTimeoutMs, listeners } = this.connection;
    const metadata: TransactionMetadata = { app: APP_NAME, operation: options.operation ?? this.operation };
    const toSend = (list: readonly Statement[]) => list.map((s) => ({ cypher: s.cypher, params: toNeo4jParams(s.params ?? {}) }));
    const sent = toSend(statements);
    const work = async (tx: ManagedTransaction): Promise<QueryResult[]> => {
      const results: QueryResult[] = [];
      const runAll = async (list: ReturnType<typeof toSend>) => {
        for (const { cypher, params } of list) {
          for (const listener of listeners) listener({ mode, cypher, metadata });
          results.push(await tx.run(cypher, params));
        }
      };
      await runAll(sent);
      if (followUp) await runAll(toSend(followUp([...results])));
      return results;
    };
    const config = { timeout: options.timeoutMs ?? defaultTimeoutMs, metadata };
    const session = driver.session({
      database: target.database,
      defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      return mode === "READ" ? await session.executeRead(work, config) : await session.executeWrite(work, config);
    } catch (error) {
      throw mapNeo4jError(error);
    } finally {
      await session.close();
    }
  }
}

function toWriteResult(result: QueryResult): WriteResult {
  const counters = result.summary.counters.updates();
  return {
    records: result.records,
    nodesCreated: counters.nodesCreated,
    relationshipsCreated: counters.relationshipsCreated,
    relationshipsDeleted: counters.relationshipsDeleted,
    nodesDeleted: counters.nodesDeleted,
  };
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
