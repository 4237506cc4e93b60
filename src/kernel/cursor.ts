import { createHash } from "node:crypto";
import { BadUserInputError } from "../errors";

/**
 * Opaque, stable cursors: base64url(JSON [order, ...sortKey]). The sort key is the tuple the
 * connection is ordered by (e.g. [jointPapers, name, id]), never an offset, so a page that
 * follows a cursor starts right after that item even when rows were added or removed before it
 * (keyset pagination). `order` names the ordering, so a cursor from one kind of list is refused by
 * another instead of silently returning the wrong page.
 */
export type SortKey = ReadonlyArray<string | number>;
export type KeyShape = ReadonlyArray<"string" | "number">;

/** Orderings in use, with the type of each sort-key element. */
export const ORDERINGS = {
  /** Papers newest first: [year or -1, paper id]. */
  year: ["number", "string"],
  /** Full-text hits: [score, node id]. */
  relevance: ["number", "string"],
  /** Coauthors: [jointPapers, name, author id]. */
  jointPapers: ["number", "string", "string"],
  /** Coauthors under a tie strength scheme: [order key (the strength, or c_ij/w_j), name, author id]. */
  strength: ["number", "string", "string"],
  /** Namesake candidates: [score, candidate key]. */
  namesake: ["number", "string"],
  /** Authors by a whole-graph figure (PageRank, betweenness): [value, author id]. */
  figure: ["number", "string"],
  /** Alphabetical: [lower-cased name, id]. */
  name: ["string", "string"],
} as const satisfies Record<string, KeyShape>;

export type Ordering = keyof typeof ORDERINGS;

/** An ordering with what else decides its sort keys (see listOrder); a bare Ordering has nothing else. */
export interface ListOrder {
  ordering: Ordering;
  scope: string;
}

/**
 * The ordering of one list and the arguments that decide its sort keys: a cursor of coauthors under NEWMAN is not one
 * of coauthors under FRACTIONAL (smaller weights: the next page repeated the first), nor PageRank's one of
 * betweenness's. The arguments go in as a short hash, so a cursor stays short whatever the search text.
 */
export function listOrder(ordering: Ordering, ...decidedBy: unknown[]): ListOrder {
  const scope = createHash("sha256").update(JSON.stringify(decidedBy)).digest("base64url").slice(0, 12);
  return { ordering, scope };
}

const asListOrder = (order: Ordering | ListOrder): ListOrder => (typeof order === "string" ? { ordering: order, scope: "" } : order);

const MAX_CURSOR_LENGTH = 2048;

export function encodeCursor(order: Ordering | ListOrder, key: SortKey): string {
  const { ordering, scope } = asListOrder(order);
  return Buffer.from(JSON.stringify([ordering, scope, ...key]), "utf8").toString("base64url");
}

function invalid(): BadUserInputError {
  return new BadUserInputError("after is not a cursor returned by this list", { argument: "after" });
}

/** Parses any cursor of ours, whatever its ordering; used by the limits plugin before execution. */
export function parseCursor(cursor: string): { ordering: Ordering; scope: string; key: Array<string | number> } {
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(decoded) || typeof decoded[0] !== "string" || !(decoded[0] in ORDERINGS) || typeof decoded[1] !== "string")
    throw invalid();
  const ordering = decoded[0] as Ordering;
  const scope = decoded[1];
  const shape: KeyShape = ORDERINGS[ordering];
  const key = decoded.slice(2) as Array<string | number>; // checked against the ordering's shape below
  if (key.length !== shape.length) throw invalid();
  key.forEach((part, i) => {
    const ok = shape[i] === "number" ? typeof part === "number" && Number.isFinite(part) : typeof part === "string";
    if (!ok) throw invalid();
  });
  return { ordering, scope, key };
}

/** The sort key of a cursor that must belong to `order` (its ordering and scope); null when no cursor was given. */
export function decodeCursor(cursor: string | null | undefined, order: Ordering | ListOrder): Array<string | number> | null {
  if (cursor === null || cursor === undefined) return null;
  const parsed = parseCursor(cursor);
  const { ordering, scope } = asListOrder(order);
  if (parsed.ordering !== ordering) throw invalid();
  if (parsed.scope !== scope)
    throw new BadUserInputError(
      "after is a cursor of this list under other arguments (another search, tie strength, cap, year window or order); " +
        "drop `after` to start again from the first page with these arguments",
      { argument: "after" },
    );
  return parsed.key;
}
