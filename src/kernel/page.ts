import { encodeCursor, type ListOrder, type Ordering, type SortKey } from "./cursor";

/** Relay PageInfo. Pagination is forward-only: hasPreviousPage is true when the page followed a cursor. */
export interface PageInfoData {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface EdgeData<TNode> {
  cursor: string;
  node: TNode;
}

/**
 * One page of a connection. `totalCount` is a lazy getter: the count statement runs only when a
 * client selects the field (GraphQL reads the property), and at most once per page.
 */
export interface PageData<TEdge> {
  edges: TEdge[];
  pageInfo: PageInfoData;
  readonly totalCount: Promise<number>;
}

export interface PageRequest {
  /** Page size the client asked for; rows were fetched with LIMIT first + 1 to learn hasNextPage. */
  first: number;
  after: string | null | undefined;
}

/**
 * Builds a page from rows read with `LIMIT first + 1`. `toEdge` turns a row into an edge without
 * its cursor; `sortKey` gives the row's key in the connection's `ordering`.
 */
export function toPage<TRow, TEdge extends object>(
  rows: TRow[],
  request: PageRequest,
  ordering: Ordering | ListOrder,
  sortKey: (row: TRow) => SortKey,
  toEdge: (row: TRow) => TEdge,
  countTotal: () => Promise<number>,
): PageData<TEdge & { cursor: string }> {
  const visible = rows.slice(0, request.first);
  const edges = visible.map((row) => ({ ...toEdge(row), cursor: encodeCursor(ordering, sortKey(row)) }));
  let total: Promise<number> | undefined;
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > request.first,
      hasPreviousPage: request.after !== null && request.after !== undefined,
      startCursor: edges.length > 0 ? edges[0].cursor : null,
      endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null,
    },
    get totalCount() {
      total ??= countTotal();
      return total;
    },
  };
}
