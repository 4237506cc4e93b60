import { BadUserInputError } from "../errors";

/**
 * Every argument limit of the API (DESIGN.md "Limits and errors"), as plain functions with no
 * GraphQL dependency. Services call them before touching Neo4j, and the limits plugin applies
 * the same rules to the whole operation before any resolver runs (see `checkArguments`), so a
 * bad argument deep inside a query never costs a database round trip.
 *
 * A broken argument rule is always BAD_USER_INPUT; LIMIT_EXCEEDED is kept for whole-query
 * depth and cost, and for statements that run out of time.
 */

export interface IntRange {
  min: number;
  max: number;
  default?: number;
}

/** first/after of every connection, as services receive them (the GraphQL declarations are in args.ts). */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** yearFrom/yearTo as services receive them; yearWindow() turns them into a checked YearWindow. */
export interface WindowArgs {
  yearFrom?: number | null;
  yearTo?: number | null;
}

export const PAGE_SIZE: IntRange = { min: 1, max: 100, default: 20 };
export const NETWORK_DEPTH: IntRange = { min: 1, max: 3, default: 1 };
export const NETWORK_MAX_NODES: IntRange = { min: 1, max: 2000, default: 200 };
export const SHARED_VENUE_AUTHORS: IntRange = { min: 2, max: 10 };
export const PATH_MAX_LENGTH: IntRange = { min: 1, max: 8, default: 6 };
export const NODE_IDS: IntRange = { min: 1, max: 100 };
export const MIN_JOINT_PAPERS: IntRange = { min: 1, max: 1_000_000, default: 1 };
export const AUTHOR_VENUES: IntRange = { min: 1, max: 100, default: 20 };
export const IMPORT_RUNS: IntRange = { min: 1, max: 100, default: 20 };
/** authorSetNetwork's members: as many as a network may hold. */
export const AUTHOR_SET: IntRange = { min: 1, max: 2000 };
/** Career timelines: a byline longer than this is a large team. */
export const LARGE_TEAM_THRESHOLD: IntRange = { min: 1, max: 100_000, default: 10 };
/** Namesake flags: a coauthor group's papers to count as substantial, and the shared coauthors of two name variants. */
export const MIN_GROUP_PAPERS: IntRange = { min: 1, max: 1_000, default: 5 };
export const MIN_SHARED_COAUTHORS: IntRange = { min: 1, max: 1_000, default: 4 };
export const MIN_TIE_PAPERS: IntRange = { min: 1, max: 100, default: 3 };
/** Longer search strings only make Lucene work harder; nobody types a 200-character name. */
export const MAX_SEARCH_LENGTH = 200;

/** A whole number inside `range`, or the range's default when the client sent nothing (or null). */
export function intInRange(argument: string, value: number | null | undefined, range: IntRange): number {
  if (value === null || value === undefined) {
    if (range.default === undefined) throw new BadUserInputError(`${argument} is required`, { argument });
    return range.default;
  }
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new BadUserInputError(`${argument} must be between ${range.min} and ${range.max} (got ${value})`, {
      argument,
      min: range.min,
      max: range.max,
    });
  }
  return value;
}

export function pageSize(first: number | null | undefined): number {
  return intInRange("first", first, PAGE_SIZE);
}

/** Inclusive year window; null ends are open. Papers without a year are never inside a window. */
export interface YearWindow {
  yearFrom: number | null;
  yearTo: number | null;
}

export function yearWindow(yearFrom: number | null | undefined, yearTo: number | null | undefined): YearWindow {
  const from = yearFrom ?? null;
  const to = yearTo ?? null;
  if (from !== null && to !== null && from > to) {
    throw new BadUserInputError(`yearFrom (${from}) must not be after yearTo (${to})`, { argument: "yearFrom" });
  }
  return { yearFrom: from, yearTo: to };
}

export function hasWindow(window: YearWindow): boolean {
  return window.yearFrom !== null || window.yearTo !== null;
}

export function minJointPapers(value: number | null | undefined): number {
  return intInRange("minJointPapers", value, MIN_JOINT_PAPERS);
}

/** 2..10 distinct author ids, in the order given (answers keep that order). */
export function sharedVenueAuthorIds(ids: readonly string[]): string[] {
  if (ids.length < SHARED_VENUE_AUTHORS.min || ids.length > SHARED_VENUE_AUTHORS.max) {
    throw new BadUserInputError(
      `authorIds must list between ${SHARED_VENUE_AUTHORS.min} and ${SHARED_VENUE_AUTHORS.max} authors (got ${ids.length})`,
      { argument: "authorIds", min: SHARED_VENUE_AUTHORS.min, max: SHARED_VENUE_AUTHORS.max },
    );
  }
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new BadUserInputError(`authorIds lists "${id}" more than once`, { argument: "authorIds" });
    seen.add(id);
  }
  return [...ids];
}

export function nodeIds(ids: readonly string[]): string[] {
  if (ids.length > NODE_IDS.max) {
    throw new BadUserInputError(`ids may list at most ${NODE_IDS.max} ids (got ${ids.length})`, { argument: "ids", max: NODE_IDS.max });
  }
  return [...ids];
}

/** authorSetNetwork's memberIds: 1..AUTHOR_SET.max ids, none twice. */
export function authorSetIds(ids: readonly string[]): string[] {
  if (ids.length < AUTHOR_SET.min || ids.length > AUTHOR_SET.max)
    throw new BadUserInputError(`memberIds must hold ${AUTHOR_SET.min}..${AUTHOR_SET.max} ids (got ${ids.length})`, {
      argument: "memberIds",
      min: AUTHOR_SET.min,
      max: AUTHOR_SET.max,
    });
  const distinct = [...new Set(ids)];
  if (distinct.length !== ids.length)
    throw new BadUserInputError("memberIds lists an id twice; list each author once", { argument: "memberIds" });
  return distinct;
}
