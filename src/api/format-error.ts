import { ApolloServerErrorCode } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import { ErrorCode } from "../errors";

/** Codes whose messages are written for clients (ours, and Apollo's request-level ones). */
const CLIENT_CODES: ReadonlySet<string> = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.LIMIT_EXCEEDED,
  ErrorCode.DATABASE_UNAVAILABLE,
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerErrorCode.BAD_REQUEST,
]);

/**
 * Apollo `formatError`. extensions.code is always kept. In production an error without a client
 * code (a bug, or anything Database mapped to INTERNAL_SERVER_ERROR) becomes a bare
 * "Internal server error", and no error carries a stack trace, so neither Cypher nor internals
 * reach a client. Outside production messages are kept to help development.
 */
export function createFormatError(production: boolean) {
  return (formatted: GraphQLFormattedError, _error?: unknown): GraphQLFormattedError => {
    const code = typeof formatted.extensions?.code === "string" ? formatted.extensions.code : ErrorCode.INTERNAL_SERVER_ERROR;
    if (!production) return { ...formatted, extensions: { ...formatted.extensions, code } };
    if (!CLIENT_CODES.has(code)) {
      return {
        message: "Internal server error",
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
      };
    }
    const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: { ...extensions, code } };
  };
}

/** formatError for the current NODE_ENV ("production" hides internals). */
export const formatError = createFormatError(process.env.NODE_ENV === "production");
