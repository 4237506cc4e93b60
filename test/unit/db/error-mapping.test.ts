import assert from "node:assert/strict";
import { test } from "node:test";
import { Neo4jError } from "neo4j-driver";

const newError = (message: string, code: string) => new Neo4jError(message, code, "50N42", "error: general processing exception");
import { mapNeo4jError } from "../../../src/db/database";

// The one place where driver errors become client codes: what each failure a server meets is answered as.

const codeOf = (error: Error) => (error as { extensions?: { code?: string; limit?: string } }).extensions;

test("no connection from the pool in time (Neo4j gone, or bound but not answering) is DATABASE_UNAVAILABLE, not a fault", () => {
  // The pool's own error has no Neo4j code (neo4j-driver-core pool.js).
  const error = newError("Connection acquisition timed out in 3000 ms. Pool status: Active conn count = 50, Idle conn count = 0.", "N/A");
  assert.equal(codeOf(mapNeo4jError(error))?.code, "DATABASE_UNAVAILABLE");
});

test("Neo4j's transaction timeout is LIMIT_EXCEEDED naming the transaction timeout", () => {
  const error = newError("The transaction has been terminated.", "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration");
  assert.deepEqual(
    { code: codeOf(mapNeo4jError(error))?.code, limit: codeOf(mapNeo4jError(error))?.limit },
    { code: "LIMIT_EXCEEDED", limit: "TRANSACTION_TIMEOUT" },
  );
});

test("an unreachable server is DATABASE_UNAVAILABLE; an unknown Neo4j error is an internal fault", () => {
  assert.equal(codeOf(mapNeo4jError(newError("Could not perform discovery", "ServiceUnavailable")))?.code, "DATABASE_UNAVAILABLE");
  assert.equal(codeOf(mapNeo4jError(newError("Invalid input", "Neo.ClientError.Statement.SyntaxError")))?.code, "INTERNAL_SERVER_ERROR");
});

test("a cluster member still behind the bookmarks a transaction carries is DATABASE_UNAVAILABLE (503, try again)", () => {
  const error = newError(
    "Database 'neo4j' not up to the requested version: 1200. Latest database version is 1100",
    "Neo.TransientError.Transaction.BookmarkTimeout",
  );
  assert.equal(codeOf(mapNeo4jError(error))?.code, "DATABASE_UNAVAILABLE");
});

test("Neo4j's transaction memory guard is LIMIT_EXCEEDED, not an outage to wait out: the same statement fails again", () => {
  const error = newError(
    "The allocation of an extra 2.0 MiB would use more than the limit 1.4 GiB. Currently using 1.4 GiB. dbms.memory.transaction.total.max threshold reached",
    "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
  );
  const mapped = mapNeo4jError(error);
  // The pool all transactions share: others may be the cause, so it may pass later.
  assert.deepEqual(codeOf(mapped), { code: "LIMIT_EXCEEDED", limit: "TRANSACTION_MEMORY", retryable: true });
  assert.match(mapped.message, /Retry when other heavy requests or imports are done; .* lower --batch-size or give Neo4j more heap/);
  const own = mapNeo4jError(
    newError(
      "The allocation of an extra 2.0 MiB would use more than the limit 500.0 MiB. Currently using 499.0 MiB. db.memory.transaction.max threshold reached",
      "Neo.TransientError.General.TransactionMemoryLimit",
    ),
  );
  assert.deepEqual(codeOf(own), { code: "LIMIT_EXCEEDED", limit: "TRANSACTION_MEMORY" });
});
