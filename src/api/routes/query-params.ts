import type express from "express";
import { BadUserInputError, ErrorCode } from "../../errors";

/*
 * URL query parameters for the routes outside GraphQL (exports, embeds). A repeated parameter or
 * a number that is not a whole number is refused, not guessed at.
 */

type Query = express.Request["query"];

export function queryText(query: Query, name: string): string | null {
  const value = query[name];
  if (value === undefined || value === "") return null;
  if (typeof value !== "string") throw new BadUserInputError(`Give ${name} once, as plain text.`);
  return value;
}

export function queryInt(query: Query, name: string): number | null {
  const text = queryText(query, name);
  if (text === null) return null;
  if (!/^-?\d{1,9}$/.test(text.trim())) throw new BadUserInputError(`${name}=${text} is not a whole number; give e.g. ${name}=2.`);
  return Number(text);
}

/** The HTTP status for one of our coded errors (anything else is a 500). */
export function errorStatus(error: unknown): number {
  switch ((error as { extensions?: { code?: string } })?.extensions?.code) {
    case ErrorCode.BAD_USER_INPUT:
      return 400;
    case ErrorCode.NOT_FOUND:
      return 404;
    case ErrorCode.LIMIT_EXCEEDED:
      return 413;
    case ErrorCode.RATE_LIMITED:
      return 429;
    case ErrorCode.DATABASE_UNAVAILABLE:
      return 503;
    default:
      return 500;
  }
}
