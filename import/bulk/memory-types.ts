/*
 * The shapes of the in-memory graph of `import --bulk`, in a module of their own so that memory-graph.ts, the edge
 * packing (edge.ts) and the name settlement (memory-names.ts) all depend on them instead of on each other.
 */

export interface MemVenue {
  /** Its place in MemoryGraph.venueList: what a paper's venue column holds. */
  index: number;
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
 * A (:Paper) of the in-memory graph: its row in PaperTable's columns (paper-table.ts), given in creation order. The
 * columns hold what paper resolution and the pairs read (id, DOI, year, venue, authorships); the rest of the row
 * (title, url, abstract, pages, source keys, and the titleKey when it is not the id) is on disk (paper-payloads.ts).
 */
export type PaperHandle = number;

/** The papers' bylines as the name settlement reads and changes them (PaperTable keeps them). */
export interface Bylines {
  /** The paper's i-th authorship. */
  edge(paper: PaperHandle, i: number): PackedAuthorship;
  setEdge(paper: PaperHandle, i: number, edge: PackedAuthorship): void;
  /** Where the author's edge (by MemAuthor.index) sits in the paper's byline, or -1. */
  edgeIndex(paper: PaperHandle, authorIndex: number): number;
}

export interface MemAuthor {
  /** Dense number given at creation (never reused), for array-indexed work such as counting pairs. */
  index: number;
  id: string;
  name: string;
  nameKey: string;
  /** NO_ALIASES (one frozen empty list for all) until a second spelling is seen: replaced, never changed in place. */
  aliases: readonly string[];
  keyed: boolean;
  numbered: boolean;
  orcid: string | null;
  /** The papers this author has an AUTHORED edge to; the edge itself is in the paper's byline (PaperTable). */
  papers: PaperHandle[];
}

/** What the name settlement (memory-names.ts) reads and changes in the graph; MemoryGraph provides it. */
export interface AuthorGraph {
  /** The author with this id, or undefined. */
  author(id: string): MemAuthor | undefined;
  /** The authors under the nameKey, in the order they were added. */
  authorsWithNameKey(nameKey: string): MemAuthor[];
  addAuthor(fields: Pick<MemAuthor, "id" | "name" | "nameKey" | "keyed" | "numbered">): MemAuthor;
  removeAuthor(author: MemAuthor): void;
  /** The papers' bylines, read and changed in place. */
  readonly paperTable: Bylines;
  link(author: MemAuthor, paper: PaperHandle, position: number, keyed: boolean, named: boolean): void;
  unlink(author: MemAuthor, paper: PaperHandle): void;
}

/** The aliases of every author with one spelling: one list, not 32 bytes an author (3.4M authors at 8M records). */
export const NO_ALIASES: readonly string[] = Object.freeze([]);
