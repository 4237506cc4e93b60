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
 * A (:Paper): what paper resolution and the pairs read (id, titleKey, DOI, year), its venue as a reference and its
 * authorships packed; the rest of the row (title, url, abstract, pages, source keys) is on disk, under the handle
 * `payload` (paper-payloads.ts).
 */
export interface MemPaper extends Pick<PaperRow, "id" | "titleKey" | "doi" | "year"> {
  payload: number;
  venue: MemVenue | null;
  authorships: PackedAuthorship[];
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
