import { maxAuthorsPerPaper } from "../kernel/tie-strength";
import {
  authorSetIds,
  intInRange,
  LARGE_TEAM_THRESHOLD,
  MIN_GROUP_PAPERS,
  MIN_SHARED_COAUTHORS,
  minJointPapers,
  NETWORK_DEPTH,
  NETWORK_MAX_NODES,
  nodeIds,
  pageSize,
  PATH_MAX_LENGTH,
  sharedVenueAuthorIds,
  yearWindow,
} from "../kernel/argument-rules";
import { parseCursor } from "../kernel/cursor";
import { toLuceneQuery } from "../kernel/search-text";

type Rule = (value: unknown, args: Record<string, unknown>) => void;

const optionalInt = (value: unknown) => (value === null || value === undefined ? null : (value as number));

/**
 * The argument rules by argument name. Every argument name means the same thing wherever it
 * appears in the schema (`first` is always a page size 1..100, `after` always one of our cursors,
 * ...), so the limits plugin can check a whole operation before any resolver runs.
 */
const RULES: Record<string, Rule> = {
  first: (v) => pageSize(optionalInt(v)),
  after: (v) => {
    if (v !== null && v !== undefined) parseCursor(v as string);
  },
  depth: (v) => intInRange("depth", optionalInt(v), NETWORK_DEPTH),
  maxNodes: (v) => intInRange("maxNodes", optionalInt(v), NETWORK_MAX_NODES),
  maxLength: (v) => intInRange("maxLength", optionalInt(v), PATH_MAX_LENGTH),
  minJointPapers: (v) => minJointPapers(optionalInt(v)),
  largeTeamThreshold: (v) => intInRange("largeTeamThreshold", optionalInt(v), LARGE_TEAM_THRESHOLD),
  minGroupPapers: (v) => intInRange("minGroupPapers", optionalInt(v), MIN_GROUP_PAPERS),
  minSharedCoauthors: (v) => intInRange("minSharedCoauthors", optionalInt(v), MIN_SHARED_COAUTHORS),
  authorIds: (v) => sharedVenueAuthorIds((v as string[]) ?? []),
  memberIds: (v) => authorSetIds((v as string[]) ?? []),
  maxAuthorsPerPaper: (v) => maxAuthorsPerPaper(optionalInt(v)),
  ids: (v) => nodeIds((v as string[]) ?? []),
  search: (v) => {
    if (v !== null && v !== undefined) toLuceneQuery(v as string);
  },
  yearFrom: (_v, args) => yearWindow(optionalInt(args.yearFrom), optionalInt(args.yearTo)),
};

/** Throws the BAD_USER_INPUT a service would throw for these (coerced) field arguments. */
export function checkArguments(args: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(args)) RULES[name]?.(value, args);
}
