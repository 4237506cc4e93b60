import { GraphQLError } from "graphql";

/** The only codes clients see in `extensions.code`, besides Apollo's own for malformed requests. */
export enum ErrorCode {
  BAD_USER_INPUT = "BAD_USER_INPUT",
  NOT_FOUND = "NOT_FOUND",
  LIMIT_EXCEEDED = "LIMIT_EXCEEDED",
  DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE",
  INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR",
}

abstract class CodedError extends GraphQLError {
  abstract readonly code: ErrorCode;
  constructor(message: string, code: ErrorCode, details?: Record<string, unknown>) {
    super(message, { extensions: { code, ...details } });
  }
}

export class BadUserInputError extends CodedError {
  readonly code = ErrorCode.BAD_USER_INPUT;
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, ErrorCode.BAD_USER_INPUT, details);
  }
}

export class NotFoundError extends CodedError {
  readonly code = ErrorCode.NOT_FOUND;
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, ErrorCode.NOT_FOUND, details);
  }
}

export class LimitExceededError extends CodedError {
  readonly code = ErrorCode.LIMIT_EXCEEDED;
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, ErrorCode.LIMIT_EXCEEDED, details);
  }
}

export class DatabaseUnavailableError extends CodedError {
  readonly code = ErrorCode.DATABASE_UNAVAILABLE;
  constructor(message = "The graph database is unavailable; try again shortly.") {
    super(message, ErrorCode.DATABASE_UNAVAILABLE);
  }
}

export class InternalError extends CodedError {
  readonly code = ErrorCode.INTERNAL_SERVER_ERROR;
  constructor(message = "Internal server error") {
    super(message, ErrorCode.INTERNAL_SERVER_ERROR);
  }
}
