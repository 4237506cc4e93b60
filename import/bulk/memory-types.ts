import { PaperRow } from "../writer/batch-rows";

/*
 * The shapes of the in-memory graph of `import --bulk`, in a module of their own so that memory-graph.ts, the edge
 * packing (edge.ts) and the name settlement (memory-names.ts) all depend on them instead of on each other.
 */

export interface MemVenue {
  id: string;
  name: string;
  acronym: string | null;
  kind: string;
}

/**
 * An (:Author)-[:AUTHORED {position, keyed, named}]->(:Paper) edge, packed into one number held by the paper:
 * the author's index, the byline position and the two flags. 670k edges cost 16 bytes each this way (the number,
 * and the paper reference in MemAuthor.papers) instead of ~150 as objects; see edge.ts.
 */
export type PackedAuthorship = number;

/**
 * A (:Paper): the row's properties, with its venue as a reference and its authorships packed. A lone source key is
 * held as itself: nearly every paper has one, and an array around it costs 56 bytes (see sourceKeyList).
 */
export interface MemPaper extends Omit<PaperRow, "venueIds" | "sourceKeys"> {
  sourceKeys: string | string[];
  venue: MemVenue | null;
  authorships: PackedAuthorship[];
}

/** The paper's source keys as a list. */
export function sourceKeyList(paper: Pick<MemPaper, "sourceKeys">): string[] {
  return typeof paper.sourceKeys === "string" ? [paper.sourceKeys] : paper.sourceKeys;
}

export interface MemAuthor {
  /** Dense number given at creation (never reused), for array-indexed work such as counting pairs. */
  index: number;
  id: string;
  name: string;
  nameKey: string;
  aliases: string[];
  keyed: boolean;
  numbered: boolean;
  orcid: string | null;
  /** The papers this author has an AUTHORED edge to; the edge itself is in paper.authorships. */
  papers: MemPaper[];
}

/** What the name settlement (memory-names.ts) reads and changes in the graph; MemoryGraph provides it. */
export interface AuthorGraph {
  readonly authors: ReadonlyMap<string, MemAuthor>;
  /** The authors under each nameKey (one-or-many.ts). */
  readonly authorsByNameKey: { get(nameKey: string): readonly MemAuthor[] };
  addAuthor(fields: Pick<MemAuthor, "id" | "name" | "nameKey" | "keyed" | "numbered">): MemAuthor;
  removeAuthor(author: MemAuthor): void;
  link(author: MemAuthor, paper: MemPaper, position: number, keyed: boolean, named: boolean): void;
  unlink(author: MemAuthor, paper: MemPaper): void;
}
