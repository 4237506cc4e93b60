import type { ServerResponse } from "node:http";
import type express from "express";
import { type ErrorLog, describeForLog, newErrorId } from "./format-error";
import { JSON_BODY_LIMIT, sendJson } from "./http-answer";

/** What body-parser (and Node's request timeout) report, in words a client can act on. */
function clientMessage(status: number, type: unknown): string {
  if (status === 413) return `The request body is larger than ${JSON_BODY_LIMIT}; send a smaller query or variables.`;
  if (type === "entity.parse.failed") return "The body is not valid JSON; send a JSON object with a `query` string.";
  if (type === "encoding.unsupported" || type === "charset.unsupported")
    return "Send the body as UTF-8 JSON (Content-Type: application/json).";
  if (type === "request.aborted") return "The request body ended before its announced length.";
  return "The request cannot be processed; send a GraphQL request as JSON (POST) or as query parameters (GET).";
}

/**
 * Turns body-parser and other non-GraphQL failures into GraphQL-shaped JSON, never with a stack.
 * Apollo handles everything that reaches it; this only sees what fails before it. A 5xx is a real
 * fault: logged with an id that the answer carries.
 */
export function jsonErrorHandler(log: ErrorLog = (line) => console.error(line)): express.ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    sendFailure(error, res, log);
  };
}

/** The answer to a failure before GraphQL (jsonErrorHandler, and /graphql's own path), headers not yet sent. */
export function sendFailure(error: unknown, res: ServerResponse, log: ErrorLog): void {
  const failure = (error ?? {}) as { status?: unknown; statusCode?: unknown; type?: unknown };
  const status = Number(failure.status ?? failure.statusCode) || 500;
  if (status >= 500) {
    const errorId = newErrorId();
    log(`Internal server error ${errorId} (HTTP): ${describeForLog(error)}`);
    const message = `Internal server error (id ${errorId}); the server log has the details.`;
    sendJson(res, status, { errors: [{ message, extensions: { code: "INTERNAL_SERVER_ERROR", errorId } }] });
    return;
  }
  const code = status === 413 ? "LIMIT_EXCEEDED" : "BAD_REQUEST";
  sendJson(res, status, { errors: [{ message: clientMessage(status, failure.type), extensions: { code } }] });
}
