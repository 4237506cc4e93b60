import type { ComplexityEstimator } from "graphql-query-complexity";

/**
 * Cost model for graphql-query-complexity: a field costs 1 plus its selection's cost times the
 * number of times that selection can be resolved. Lists take that number from their arguments
 * (`first`, `maxNodes`, `maxLength`, the ids given), so asking for 100 coauthors of each of 100
 * authors costs 10,000 times the inner selection, not 2. Unbounded lists use a typical size.
 */

/** A typical byline; some physics papers have thousands of authors, which the estimate cannot foresee. */
export const BYLINE_ESTIMATE = 10;
/** Venues shared by a set of authors are usually few. */
export const SHARED_VENUES_ESTIMATE = 20;
/** Joint papers behind one hop of a collaboration path. */
export const LINK_PAPERS_ESTIMATE = 5;

function positive(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** How many times the field's selection set may be resolved. */
export function fieldMultiplier(coordinate: string, args: Record<string, unknown>): number {
  if ("first" in args) return positive(args.first, 20);
  switch (coordinate) {
    case "Query.coauthorNetwork":
      return positive(args.maxNodes, 200);
    case "Query.collaborationPath":
      return positive(args.maxLength, 6) + 1;
    case "Query.sharedVenues":
      return SHARED_VENUES_ESTIMATE;
    case "Query.nodes":
      return Array.isArray(args.ids) ? Math.max(1, args.ids.length) : 1;
    case "Paper.authors":
      return BYLINE_ESTIMATE;
    case "CollaborationLink.papers":
      return LINK_PAPERS_ESTIMATE;
    default:
      return 1;
  }
}

export const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) =>
  1 + fieldMultiplier(`${type.name}.${field.name}`, args) * childComplexity;
