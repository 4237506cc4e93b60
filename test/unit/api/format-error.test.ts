import assert from "node:assert/strict";
import { test } from "node:test";
import { createFormatError } from "../../../src/api/format-error";

const internal = {
  message: "Neo.ClientError.Statement.SyntaxError: MATCH (a:Author {id: $id}) ...",
  path: ["author"],
  extensions: { code: "INTERNAL_SERVER_ERROR", stacktrace: ["Error: at db.ts:1"] },
};

test("in production, uncoded and internal errors are reduced to a bare message with their code", () => {
  const format = createFormatError(true);
  assert.deepEqual(format(internal), { message: "Internal server error", path: ["author"], extensions: { code: "INTERNAL_SERVER_ERROR" } });
  assert.deepEqual(format({ message: "TypeError: x is undefined" }), {
    message: "Internal server error",
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  });
});

test("in production, client errors keep message, code and details but lose the stack", () => {
  const format = createFormatError(true);
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
  const format = createFormatError(false);
  assert.equal(format(internal).message, internal.message);
  assert.equal(format({ message: "x" }).extensions?.code, "INTERNAL_SERVER_ERROR");
});
