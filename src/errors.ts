import { GraphQLError } from "graphql";

/** The only codes clients see in `extensions.code`, besides Apollo's own for malformed requests. */
export enum ErrorCode {
  BAD_USER_INPUT = "BAD_USER_INPUT",
  NOT_FOUND = "NOT_FOUND",
  LIMIT_EXCEEDED = "LIMIT_EXCEEDED",
  DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE",
  /** The request itself is malformed (not GraphQL, a mutation on this read-only API, a bad persisted query). */
  BAD_REQUEST = "BAD_REQUEST",
  /** The server is at its limit of work in flight; retry after the Retry-After header's seconds. */
  OVERLOADED = "OVERLOADED",
  /** Trusted-documents mode: the operation is not in the server's manifest; send a listed one by its hash. */
  PERSISTED_QUERY_NOT_IN_LIST = "PERSISTED_QUERY_NOT_IN_LIST",
  /** This client has spent its query-cost budget (COST_BUDGET_PER_MINUTE); retry after the Retry-After header's seconds. */
  RATE_LIMITED = "RATE_LIMITED",
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

/**
 * `extensions.limit` of a LIMIT_EXCEEDED that ran out of time rather than being refused before it ran; on a busy
 * server the API answers these as OVERLOADED instead (src/api/overload.ts), since the query itself was fine.
 */
export const TIME_LIMITS = { requestDeadline: "REQUEST_DEADLINE_MS", transactionTimeout: "TRANSACTION_TIMEOUT" } as const;

/** Seconds a client (or load balancer) should wait before retrying an unavailable or overloaded server. */
export const RETRY_AFTER_SECONDS = 2;

/**
 * Apollo applies `extensions.http` of any error to the response (and removes it from the JSON): a
 * 503 with Retry-After is what load balancers and HTTP clients understand as "try again later".
 */
function serviceUnavailableHttp(): { status: number; headers: Map<string, string> } {
  return { status: 503, headers: new Map([["retry-after", String(RETRY_AFTER_SECONDS)]]) };
}

export class DatabaseUnavailableError extends CodedError {
  readonly code = ErrorCode.DATABASE_UNAVAILABLE;
  constructor(message = `The graph database is unavailable; try again in ${RETRY_AFTER_SECONDS} s.`) {
    super(message, ErrorCode.DATABASE_UNAVAILABLE, { http: serviceUnavailableHttp() });
  }
}

export class BadRequestError extends CodedError {
  readonly code = ErrorCode.BAD_REQUEST;
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, ErrorCode.BAD_REQUEST, { http: { status: 400, headers: new Map() }, ...details });
  }
}

/** HTTP 429 with Retry-After and the RateLimit fields (given as `headers`), applied by Apollo from extensions.http. */
export class RateLimitedError extends CodedError {
  readonly code = ErrorCode.RATE_LIMITED;
  constructor(message: string, headers: Record<string, string>, details?: Record<string, unknown>) {
    super(message, ErrorCode.RATE_LIMITED, {
      http: { status: 429, headers: new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) },
      ...details,
    });
  }
}

export class InternalError extends CodedError {
  readonly code = ErrorCode.INTERNAL_SERVER_ERROR;
  constructor(message = "Internal server error") {
    super(message, ErrorCode.INTERNAL_SERVER_ERROR);
  }
}
