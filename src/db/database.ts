import neo4j, {
  type BookmarkManager,
  Driver,
  ManagedTransaction,
  Neo4jError,
  QueryResult,
  Record as Neo4jRecord,
  Result,
} from "neo4j-driver";
import { DatabaseUnavailableError, InternalError, LimitExceededError, TIME_LIMITS } from "../errors";
import { Availability } from "./availability";
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
  /** Which transaction (attempt) of this connection sent it: statements of one transaction share the number. */
  transaction: number;
}

export type StatementListener = (event: StatementEvent) => void;

/**
 * A statement that rides along in a view's next read transaction instead of running in one of its own (no session,
 * BEGIN or COMMIT of its own): an API request's graph version (db/request-snapshot.ts). `board` is asked once per
 * read transaction and offers its statement at most once; `landed` gets its records when that transaction commits,
 * `missed` the error when it does not.
 */
export interface Passenger {
  board(): Statement | undefined;
  landed(records: Neo4jRecord[]): void;
  missed(error: unknown): void;
}

/** The operation of a Database that no caller has named (see forOperation). */
export const UNNAMED_OPERATION = "unnamed";

/** How a Database reaches Neo4j and finds it again after an outage. */
export interface ConnectOptions {
  /** How long the driver retries a transaction that failed transiently (Neo4j unreachable included); default 30 s. */
  maxRetryMs?: number;
  /** How long opening one connection may take; default 30 s. */
  connectTimeoutMs?: number;
  /** How long a transaction may wait for a connection from the pool (opening one included); default 30 s. */
  acquireTimeoutMs?: number;
  /** Where Neo4j is now (a local server may come back on a new port); default: where it was. */
  resolveTarget?: () => Neo4jTarget | undefined;
  /** How often an unreachable Neo4j is probed; default 500 ms. */
  probeIntervalMs?: number;
  log?: (message: string) => void;
  /**
   * What chains every session of this connection causally (see "Routing and bookmarks" on Database); default: a new one of the
   * driver's. A test passes its own to see what sessions begin with.
   */
  bookmarkManager?: BookmarkManager;
}

/** What every view of one connection shares. The driver and target change when Neo4j comes back elsewhere. */
interface Connection {
  driver: Driver;
  target: Neo4jTarget;
  defaultTimeoutMs: number;
  listeners: Set<StatementListener>;
  availability: Availability;
  /** Transactions (attempts) begun so far, for StatementEvent.transaction. */
  transactions: number;
  /** Given to every session: the bookmarks of this connection's last transactions, whichever view ran them. */
  bookmarks: BookmarkManager;
}

/** A probe gives up after this long, so that a hanging Neo4j counts as down; the first connection to a cold Neo4j is slow. */
const PROBE_TIMEOUT_MS = 5_000;

function createDriver(target: Neo4jTarget, options: ConnectOptions): Driver {
  return neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), {
    // Counts and years fit in a double; plain numbers keep the resolver layer simple. The way
    // back needs care: see toNeo4jParams.
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: options.acquireTimeoutMs ?? 30_000,
    maxTransactionRetryTime: options.maxRetryMs ?? 30_000,
    connectionTimeout: options.connectTimeoutMs ?? 30_000,
    logging: { level: "error", logger: () => undefined },
  });
}

/** A new driver for where Neo4j is now, if it answers there; the connection then uses it. */
async function reconnect(connection: Connection, options: ConnectOptions): Promise<boolean> {
  const target = options.resolveTarget?.() ?? connection.target;
  const candidate = createDriver(target, options);
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("probe timed out")), PROBE_TIMEOUT_MS);
    });
    await Promise.race([candidate.verifyConnectivity({ database: target.database }), timeout]);
  } catch {
    await candidate.close().catch(() => undefined);
    return false;
  } finally {
    clearTimeout(timer);
  }
  // A fresh pool: the old one holds connections to a server that went away.
  const old = connection.driver;
  // Neo4j found at another address (a local server restarted on a new port, perhaps on a store loaded anew): bookmarks
  // of the old one may name transactions this one never had, and a session carrying them would wait for them in vain.
  // At the same address (a cluster's or a server's outage) they stay, so reads after the outage still follow them.
  if (target.uri !== connection.target.uri || target.database !== connection.target.database) {
    connection.bookmarks = options.bookmarkManager ?? neo4j.bookmarkManager();
  }
  connection.driver = candidate;
  connection.target = target;
  void old.close().catch(() => undefined);
  return true;
}

/**
 * The only module that touches the driver. Every statement runs in a managed transaction
 * (executeRead/executeWrite, so transient failures are retried), against an explicit database,
 * with a timeout and metadata naming the operation, and the session is closed in `finally`. Neo4j
 * errors are mapped to our error codes in one place so that no Cypher or stack trace reaches a client.
 * All of that is one private path (`transaction`) that read, write and writeAll go through.
 *
 * Routing and bookmarks. Reads run as READ transactions (executeRead in a READ session) and writes as WRITE ones, so
 * with a routing URI (neo4j://, neo4j+s://) a cluster sends reads to its followers and read replicas and writes to the
 * leader (Neo4j refuses a write in a READ transaction, so a misfiled write fails in every test). Every session of one
 * connection (of one process, in practice) shares one bookmark manager: each transaction begins with the bookmarks of
 * the transactions this process committed or read before it, and a cluster member that has not applied those waits
 * until it has. So a process never reads older data than it has already seen: once its version poll has read a new
 * graph version (whose read returns a bookmark at least as new as the import that wrote it), every later request of
 * that process is answered by members that have the import; an import's reads see its own earlier batches; the index
 * wait after the schema statements waits on a member that has them. On one server it costs nothing measurable
 * (bench/bookmarks.bench.ts).
 */
export class Database {
  private constructor(
    private readonly connection: Connection,
    /** What this view's transactions are for, as their metadata says; QueryOptions.operation overrides it. */
    readonly operation: string,
    /** Epoch ms by which every transaction of this view must end (a request's deadline); none when undefined. */
    readonly deadline?: number,
    /** Rides along in this view's read transactions (withPassenger). */
    private readonly passenger?: Passenger,
  ) {}

  static async connect(target: Neo4jTarget, defaultTimeoutMs = 15_000, options: ConnectOptions = {}): Promise<Database> {
    const driver = createDriver(target, options);
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
    const log = options.log ?? (() => undefined);
    const connection: Connection = {
      driver,
      target,
      defaultTimeoutMs,
      listeners: new Set(),
      availability: undefined!,
      transactions: 0,
      bookmarks: options.bookmarkManager ?? neo4j.bookmarkManager(),
    };
    connection.availability = new Availability(() => reconnect(connection, options), options.probeIntervalMs ?? 500, log);
    return new Database(connection, UNNAMED_OPERATION);
  }

  /** False while Neo4j is known to be unreachable (requests then fail at once). */
  get available(): boolean {
    return this.connection.availability.available;
  }

  get target(): Neo4jTarget {
    return this.connection.target;
  }

  /**
   * The same connection, with `operation` in the metadata of every transaction: one per API
   * request, import stage or command, so that call sites below need not name themselves.
   */
  forOperation(operation: string): Database {
    return new Database(this.connection, operation, this.deadline, this.passenger);
  }

  /**
   * The same connection without this view's deadline: for work that one request starts but that outlives it and
   * serves later ones too (a whole-graph listing kept per snapshot), which the first request's deadline must not cut.
   */
  withoutDeadline(operation: string): Database {
    return new Database(this.connection, operation);
  }

  /**
   * The same connection, whose transactions must all end by `deadline` (epoch ms): each one gets the
   * time that is left as its Neo4j transaction timeout, so Neo4j itself terminates the work at the
   * deadline (nothing is left running), and none starts once it has passed.
   */
  withDeadline(deadline: number): Database {
    return new Database(this.connection, this.operation, Math.min(deadline, this.deadline ?? Infinity), this.passenger);
  }

  /** The same view, whose read transactions (not streams) take `passenger` along when it boards. */
  withPassenger(passenger: Passenger): Database {
    return new Database(this.connection, this.operation, this.deadline, passenger);
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
   * One read statement whose records are handed to `consume` as they arrive (the driver pulls them in batches), so a
   * result of millions of rows is never held whole: for whole-graph computations. `consume` must start from nothing
   * each time it is called: a managed transaction that failed transiently is retried from the start.
   */
  async stream<T>(
    cypher: string,
    params: Params,
    consume: (records: AsyncIterable<Neo4jRecord>) => Promise<T>,
    options: QueryOptions = {},
  ): Promise<T> {
    let consumed: T | undefined;
    await this.transaction("READ", [{ cypher, params }], options, undefined, async (result) => {
      consumed = await consume(result);
    });
    return consumed as T;
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

  /**
   * The bookmarks the next transaction of this connection begins with (opaque strings; for diagnostics and tests): the
   * causal point every later read of this process is at least at, whatever cluster member answers it.
   */
  async bookmarks(): Promise<string[]> {
    return [...(await this.connection.bookmarks.getBookmarks())];
  }

  /** Closes the driver, and with it every view of this connection. */
  async close(): Promise<void> {
    this.connection.availability.close();
    await this.connection.driver.close();
  }

  /** The transaction timeout: the asked or default one, cut to what is left before this view's deadline. */
  private timeoutFor(options: QueryOptions): number {
    const asked = options.timeoutMs ?? this.connection.defaultTimeoutMs;
    if (this.deadline === undefined) return asked;
    const left = Math.floor(this.deadline - Date.now());
    if (left <= 0) throw deadlinePassed();
    return Math.min(asked, left);
  }

  /** The one way to Neo4j: statements in order, in one managed transaction of their own session. */
  private async transaction(
    mode: AccessMode,
    statements: readonly Statement[],
    options: QueryOptions,
    followUp?: (results: QueryResult[]) => readonly Statement[],
    consume?: (records: AsyncIterable<Neo4jRecord>) => Promise<void>,
  ): Promise<QueryResult[]> {
    const { driver, target, listeners, availability, bookmarks } = this.connection;
    if (!availability.available) throw new DatabaseUnavailableError();
    const metadata: TransactionMetadata = { app: APP_NAME, operation: options.operation ?? this.operation };
    const toSend = (list: readonly Statement[]) => list.map((s) => ({ cypher: s.cypher, params: toNeo4jParams(s.params ?? {}) }));
    const sent = toSend(statements);
    const passenger = mode === "READ" && !consume ? this.passenger : undefined;
    let riderRecords: Neo4jRecord[] = [];
    const work = async (tx: ManagedTransaction): Promise<QueryResult[]> => {
      const transaction = ++this.connection.transactions;
      const results: QueryResult[] = [];
      // Sent first and awaited last: it goes out with the transaction's first statement, not in a round trip of its own.
      let riding: Promise<QueryResult> | undefined;
      if (rider) {
        for (const listener of listeners) listener({ mode, cypher: rider.cypher, metadata, transaction });
        riding = Promise.resolve(runWithoutCallSite(tx, rider.cypher, toNeo4jParams(rider.params ?? {})));
        riding.catch(() => undefined);
      }
      const runAll = async (list: ReturnType<typeof toSend>) => {
        for (const { cypher, params } of list) {
          for (const listener of listeners) listener({ mode, cypher, metadata, transaction });
          if (consume) {
            const result = runWithoutCallSite(tx, cypher, params);
            await consume(result);
            results.push(await result.summary().then((summary) => ({ records: [], summary })));
          } else results.push(await runWithoutCallSite(tx, cypher, params));
        }
      };
      await runAll(sent);
      if (followUp) await runAll(toSend(followUp([...results])));
      if (riding) riderRecords = (await riding).records;
      return results;
    };
    const config = { timeout: this.timeoutFor(options), metadata };
    const session = driver.session({
      database: target.database,
      defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: bookmarks,
    });
    // Boarded only where nothing can throw before `try`, which always tells the passenger how its ride ended.
    const rider = passenger?.board();
    try {
      const results = mode === "READ" ? await session.executeRead(work, config) : await session.executeWrite(work, config);
      if (rider) passenger!.landed(riderRecords);
      return results;
    } catch (error) {
      if (rider) passenger!.missed(error);
      const mapped = mapNeo4jError(error);
      // A member that is behind our bookmarks answers, only not yet: nothing to probe.
      if (mapped instanceof DatabaseUnavailableError && !isBookmarkTimeout(error))
        availability.markDown((error as Neo4jError).code ?? "no answer");
      throw mapped;
    } finally {
      await session.close();
    }
  }
}

/**
 * tx.run, without the call site's stack trace that neo4j-driver captures for every Result (a formatted
 * `new Error().stack`, put on the errors the result may carry later). Formatting those traces was 7% of the API
 * server's CPU on an author lookup, half of it for the statements run here (the rest is for the driver's own BEGIN
 * and COMMIT, out of reach). So it is captured with no frames: a Neo4j error in a result keeps its code and message, and the
 * error it is mapped to (mapNeo4jError) has a stack of its own, through this module. The limit is restored before
 * anything else runs: tx.run creates its Result synchronously.
 */
function runWithoutCallSite(tx: ManagedTransaction, cypher: string, params: Record<string, unknown>): Result {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return tx.run(cypher, params);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function deadlinePassed(): LimitExceededError {
  return new LimitExceededError(
    "The request took longer than the server allows (REQUEST_DEADLINE_MS); narrow it (smaller depth, year window or page) and try again.",
    { limit: TIME_LIMITS.requestDeadline },
  );
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
/** Neo4j's memory guard (dbms.memory.transaction.total.max, db.memory.transaction.max): the statement was too big. */
const MEMORY_LIMIT = /MemoryPoolOutOfMemoryError|TransactionMemoryLimit|MemoryLimitExceeded/;
/** The pool's own error (no Neo4j code) when no connection could be had in time: Neo4j is not answering. */
const ACQUISITION_TIMED_OUT = /^Connection acquisition timed out/;

/**
 * The cluster member a transaction reached had not applied the transactions of its bookmarks within the server's
 * bookmark wait (db.transaction.bookmark_ready_timeout, 30 s by default): replication lags, or the store was replaced.
 */
const BOOKMARK_TIMEOUT = "Neo.TransientError.Transaction.BookmarkTimeout";

function isBookmarkTimeout(error: unknown): boolean {
  return error instanceof Neo4jError && error.code === BOOKMARK_TIMEOUT;
}

/** The single place where driver errors become client-safe errors; the original is kept as `cause`. */
export function mapNeo4jError(error: unknown): Error {
  if (error instanceof Neo4jError) {
    const code = error.code ?? "";
    let mapped: Error;
    if (MEMORY_LIMIT.test(code)) {
      // Transient by Neo4j's code, but a statement too big for the memory fails the same way again: not an outage to
      // wait out. Past the pool all transactions share (dbms.memory.transaction.total.max) others may be the cause, so
      // a retry may pass: said, and marked retryable.
      const shared = /total\.max/.test(error.message);
      mapped = new LimitExceededError(
        `Neo4j refused the statement: it needed more memory than ${shared ? "the transactions running together may use" : "a transaction may use"}. ` +
          `${shared ? "Retry when other heavy requests or imports are done; if it fails again alone, narrow" : "Narrow"} the query ` +
          "(a smaller network, page or year window); for an import, lower --batch-size or give Neo4j more heap (COAUTHOR_GRAPH_NEO4J_HEAP for the local one).",
        { limit: "TRANSACTION_MEMORY", ...(shared ? { retryable: true } : {}) },
      );
    } else if (
      UNAVAILABLE.has(code) ||
      code === BOOKMARK_TIMEOUT ||
      code.startsWith("Neo.TransientError.General") ||
      ACQUISITION_TIMED_OUT.test(error.message)
    ) {
      mapped = new DatabaseUnavailableError();
    } else if (code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut") || code.includes("TransactionTimedOut")) {
      mapped = new LimitExceededError("The query took longer than the server allows; narrow it (smaller depth, year window or page).", {
        limit: TIME_LIMITS.transactionTimeout,
      });
    } else {
      mapped = new InternalError();
    }
    (mapped as { cause?: unknown }).cause = error;
    return mapped;
  }
  return error instanceof Error ? error : new Error(String(error));
}
