import { getNamedType, isLeafType } from "graphql";
import type { ComplexityEstimator } from "graphql-query-complexity";

/**
 * Cost model for graphql-query-complexity, counting objects rather than scalars: a field that
 * returns objects costs (1 + its selection's cost) times the number of objects it can return;
 * scalars are free except totalCount, which is a statement of its own. Lists take that number
 * from their arguments (`first`, `maxNodes`, `maxLength`, the ids given), so 100 coauthors of each
 * of 100 authors cost 10,000 times the inner selection, not 2. Unbounded lists use a typical size.
 *
 * With the default limit (MAX_QUERY_COMPLEXITY 20,000) a 2,000-node network with names and edges
 * (about 8,000) passes, and two nested pages of 100 with bylines (about 130,000) do not.
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
    case "Query.coauthorNetworkFrames":
      return positive(args.maxNodes, 200);
    case "Query.collaborationPath":
      return positive(args.maxLength, 6) + 1;
    case "Query.sharedVenues":
      return SHARED_VENUES_ESTIMATE;
    case "Query.authorSetNetwork":
      return Array.isArray(args.memberIds) ? Math.max(1, args.memberIds.length) : 1;
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

export const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (isLeafType(getNamedType(field.type))) return field.name === "totalCount" ? 1 : 0;
  return fieldMultiplier(`${type.name}.${field.name}`, args) * (1 + childComplexity);
};

/**
 * What an export is charged against a client's cost budget: what the same data costs through GraphQL. A network file
 * holds each node's author and the ties between them, as coauthorNetwork(maxNodes: N) { nodes { author { … } }
 * edges { … } }, which costs 4 a node (N · (1 + nodes 2 + edges 1)); a test holds the two equal. A coauthor list
 * holds every coauthor, a number the request cannot foresee: it is charged as a page of COAUTHOR_LIST_ESTIMATE
 * coauthors with their names.
 */
export const NETWORK_EXPORT_COST_PER_NODE = 4;
export const COAUTHOR_LIST_ESTIMATE = 200;
export const COAUTHOR_LIST_EXPORT_COST = COAUTHOR_LIST_ESTIMATE * 2;

export function networkExportCost(maxNodes: number): number {
  return NETWORK_EXPORT_COST_PER_NODE * maxNodes;
}
