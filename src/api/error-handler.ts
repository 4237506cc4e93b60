import type express from "express";
import { JSON_BODY_LIMIT } from "./graphql-route";

/**
 * Turns body-parser and other non-GraphQL failures into GraphQL-shaped JSON, never with a stack.
 * Apollo handles everything that reaches it; this only sees what fails before it.
 */
export const jsonErrorHandler: express.ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  const status = Number(error?.status ?? error?.statusCode) || 500;
  const code = status === 413 ? "LIMIT_EXCEEDED" : status < 500 ? "BAD_REQUEST" : "INTERNAL_SERVER_ERROR";
  const message =
    status === 413
      ? `Request body is larger than ${JSON_BODY_LIMIT}.`
      : status < 500
        ? `Bad request: ${error?.type === "entity.parse.failed" ? "the body is not valid JSON" : "cannot be processed"}.`
        : "Internal server error";
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
};
