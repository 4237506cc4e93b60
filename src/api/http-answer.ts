import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Plain `node:http` answers, for the code that runs on /graphql without express (graphql-http.ts) and is shared with
 * express routes (an express response is a ServerResponse too).
 */

/** Queries are small; a larger body is almost certainly a mistake or abuse. */
export const JSON_BODY_LIMIT = "256kb";

/** A JSON answer with its length (Node sends no body to a HEAD request). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Content-Length", Buffer.byteLength(text));
  res.end(text);
}

/** A request on /graphql: node's, with the JSON body once it is read (POST). */
export interface GraphqlHttpRequest extends IncomingMessage {
  body?: unknown;
  /**
   * Under a cost budget, who the request is charged to (cost-budget.ts clientOf), named once before any step runs:
   * the response cache charges a kept answer to the same client Apollo would. Undefined without a budget. (Not
   * `client`: node's IncomingMessage has one already, an old name of its socket.)
   */
  costClient?: string;
}

/**
 * One step before Apollo on /graphql, connect-style: it answers (and does not call `next`), or calls `next()` (with
 * an error, which becomes a JSON failure). Plain node types, so that express can mount one too.
 */
export type GraphqlStep = (req: GraphqlHttpRequest, res: ServerResponse, next: (error?: unknown) => void) => void;
