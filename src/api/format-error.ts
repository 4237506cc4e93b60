import { randomBytes } from "node:crypto";
import { ApolloServerErrorCode } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { ErrorCode } from "../errors";

/** Codes whose messages are written for clients (ours, and Apollo's request-level ones). */
const CLIENT_CODES: ReadonlySet<string> = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.LIMIT_EXCEEDED,
  ErrorCode.DATABASE_UNAVAILABLE,
  ErrorCode.BAD_REQUEST,
  ErrorCode.OVERLOADED,
  ErrorCode.PERSISTED_QUERY_NOT_IN_LIST,
  ErrorCode.RATE_LIMITED,
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerErrorCode.BAD_REQUEST,
]);

/**
 * Apollo answers two persisted-query mistakes with an uncoded error (which it then labels
 * INTERNAL_SERVER_ERROR) and a terse message; these say what the client should change.
 */
const APOLLO_CLIENT_MISTAKES: ReadonlyMap<string, string> = new Map([
  [
    "provided sha does not match query",
    "extensions.persistedQuery.sha256Hash is not the SHA-256 of the query text sent with it: send the lower-case hex SHA-256 of the exact query string, or leave out the persistedQuery extension.",
  ],
  [
    "Unsupported persisted query version",
    "extensions.persistedQuery.version is not supported: this server speaks automatic persisted queries version 1; send version: 1.",
  ],
]);

/** Short and unique enough to find one error in a server log, and nothing else. */
export function newErrorId(): string {
  return randomBytes(6).toString("hex");
}

function httpStatusOf(error: unknown): number | undefined {
  const http = error instanceof GraphQLError ? (error.extensions?.http as { status?: unknown } | undefined) : undefined;
  return typeof http?.status === "number" ? http.status : undefined;
}

/** The original error and its causes, as the server log shows them (stack traces included). */
export function describeForLog(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  for (let depth = 0; current && depth < 4; depth++) {
    parts.push(current instanceof Error ? (current.stack ?? `${current.name}: ${current.message}`) : JSON.stringify(current));
    current = current instanceof Error ? (current as { cause?: unknown }).cause : undefined;
  }
  return parts.join("\n  caused by: ");
}

export type ErrorLog = (line: string) => void;

/**
 * Apollo `formatError`. extensions.code is always present.
 *  - Client mistakes that Apollo leaves uncoded (a 4xx status, the persisted-query checks) become BAD_REQUEST
 *    with a message that says what to change.
 *  - A real fault (INTERNAL_SERVER_ERROR) is logged on the server with its stack and causes under a fresh id,
 *    and the answer carries that id (extensions.errorId), so a user's report finds the log line.
 *  - In production such a fault is reduced to "Internal server error" and no error carries a stack trace, so
 *    neither Cypher nor internals reach a client. Outside production messages are kept to help development.
 */
export function createFormatError(production: boolean, log: ErrorLog = (line) => console.error(line)) {
  return (formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError => {
    let code: string = typeof formatted.extensions?.code === "string" ? formatted.extensions.code : ErrorCode.INTERNAL_SERVER_ERROR;
    let message = formatted.message;
    const status = httpStatusOf(error);
    if (code === (ErrorCode.INTERNAL_SERVER_ERROR as string) && !(error instanceof GraphQLError && error.extensions?.code)) {
      const advice = APOLLO_CLIENT_MISTAKES.get(message);
      if (advice || (status !== undefined && status >= 400 && status < 500)) {
        code = ErrorCode.BAD_REQUEST;
        message = advice ?? message;
      }
    }
    const { stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
    if (code === (ErrorCode.INTERNAL_SERVER_ERROR as string)) {
      const errorId = newErrorId();
      const where = formatted.path ? ` at ${formatted.path.join(".")}` : "";
      log(`Internal server error ${errorId}${where}: ${error ? describeForLog(error) : message}`);
      if (!production)
        return { ...formatted, message, extensions: { ...extensions, code, errorId, ...(stacktrace ? { stacktrace } : {}) } };
      return {
        message: `Internal server error (id ${errorId}); the server log has the details.`,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code, errorId },
      };
    }
    if (!production) return { ...formatted, message, extensions: { ...extensions, code, ...(stacktrace ? { stacktrace } : {}) } };
    if (!CLIENT_CODES.has(code)) {
      // An unknown code is not known to be written for clients: keep the code, hide the message.
      return { message: "Internal server error", ...(formatted.path ? { path: formatted.path } : {}), extensions: { code } };
    }
    return { ...formatted, message, extensions: { ...extensions, code } };
  };
}
