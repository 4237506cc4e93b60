import assert from "node:assert/strict";
import { test } from "node:test";
import { createFormatError } from "../../../src/api/format-error";

const internal = {
  message: "Neo.ClientError.Statement.SyntaxError: MATCH (a:Author {id: $id}) ...",
  path: ["author"],
  extensions: { code: "INTERNAL_SERVER_ERROR", stacktrace: ["Error: at db.ts:1"] },
};

test("in production, uncoded and internal errors are reduced to a bare message with their code and a logged id", () => {
  const logged: string[] = [];
  const format = createFormatError(true, (line) => logged.push(line));
  const formatted = format(internal);
  const errorId = String(formatted.extensions?.errorId);
  assert.match(errorId, /^[0-9a-f]{12}$/);
  assert.deepEqual(formatted, {
    message: `Internal server error (id ${errorId}); the server log has the details.`,
    path: ["author"],
    extensions: { code: "INTERNAL_SERVER_ERROR", errorId },
  });
  assert.match(logged[0], new RegExp(`^Internal server error ${errorId} at author: Neo\\.ClientError`));
  const uncoded = format({ message: "TypeError: x is undefined" });
  assert.equal(uncoded.extensions?.code, "INTERNAL_SERVER_ERROR");
  assert.match(uncoded.message, /^Internal server error \(id [0-9a-f]{12}\)/);
  assert.notEqual(uncoded.extensions?.errorId, errorId, "every fault its own id");
});

test("Apollo's uncoded persisted-query errors become BAD_REQUEST with advice", () => {
  const format = createFormatError(true, () => undefined);
  const mismatch = format({ message: "provided sha does not match query", extensions: { code: "INTERNAL_SERVER_ERROR" } });
  assert.equal(mismatch.extensions?.code, "BAD_REQUEST");
  assert.match(mismatch.message, /SHA-256 of the exact query string/);
});

test("in production, client errors keep message, code and details but lose the stack", () => {
  const format = createFormatError(true, () => undefined);
  const formatted = format({
    message: "first must be between 1 and 100 (got 500)",
    extensions: { code: "BAD_USER_INPUT", argument: "first", stacktrace: ["..."] },
  });
  assert.deepEqual(formatted, {
    message: "first must be between 1 and 100 (got 500)",
    extensions: { code: "BAD_USER_INPUT", argument: "first" },
  });
  for (const code of ["NOT_FOUND", "LIMIT_EXCEEDED", "DATABASE_UNAVAILABLE", "GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED"]) {
    assert.equal(format({ message: "m", extensions: { code } }).message, "m");
  }
});

test("outside production messages are kept and a code is always present", () => {
  const format = createFormatError(false, () => undefined);
  assert.equal(format(internal).message, internal.message);
  assert.equal(format({ message: "x" }).extensions?.code, "INTERNAL_SERVER_ERROR");
});
