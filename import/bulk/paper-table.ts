import { detached } from "./detached";
import { edgeAuthor } from "./edge";
import { HandleIndex } from "./handle-index";
import { StringBytes } from "./string-bytes";
import type { Bylines, PackedAuthorship, PaperHandle } from "./memory-types";

/**
 * The in-memory graph's papers as columns: a paper is a handle (its row, given in creation order, never reused),
 * and its fields are typed arrays indexed by it, its id bytes outside the heap too (string-bytes.ts); its authorships
 * are a run of a shared pool of packed edges (edge.ts).
 * As objects, each paper cost about 300 bytes beside its id (the object, an array and its element store for the
 * byline, a Map entry by id and one by title hash): about 2.3 GB of the heap at 8M dblp records, all of it marked by
 * the collector again and again during the read. As columns it costs about 60 bytes, outside the collected heap but
 * for its id string.
 *
 * A paper's byline is appended to where its run ends the pool (always, for a paper being created); a byline that
 * grows after other papers' came is moved to the pool's end first, its old run left unused (rare: a later record
 * adding an author to a known paper). The pool is a list of fixed-size chunks, a run always inside one, so that it
 * grows without a copy: one array grown by half held both copies at once, 480 MB at 26M authorships.
 */
export class PaperTable implements Bylines {
  private count = 0;
  /** Each paper's id: where its bytes are in `idBytes` (string-bytes.ts). */
  private readonly idBytes = new StringBytes();
  private idChunks = new Int32Array(INITIAL_ROWS);
  private idOffsets = new Int32Array(INITIAL_ROWS);
  private idLengths = new Int32Array(INITIAL_ROWS);
  private readonly idPlace = { chunk: 0, offset: 0, length: 0 };
  private years = new Int32Array(INITIAL_ROWS);
  private venues = new Int32Array(INITIAL_ROWS);
  private payloads = new Float64Array(INITIAL_ROWS);
  private flags = new Uint8Array(INITIAL_ROWS);
  private edgeStarts = new Int32Array(INITIAL_ROWS);
  private edgeCounts = new Int32Array(INITIAL_ROWS);
  /** The packed edges of every byline, at positions chunk * POOL_CHUNK + offset; positions below `edgesUsed` are taken. */
  private readonly pool: Float64Array[] = [];
  private edgesUsed = 0;
  /** DOIs that are neither the paper's id nor missing (a paper made by titleKey that got a DOI later): rare. */
  private readonly otherDois = new Map<PaperHandle, string>();
  private readonly byId = new HandleIndex((paper) => this.id(paper));

  get size(): number {
    return this.count;
  }

  /** A new paper with no authorships; a `doi` that is not the id is copied (detached.ts), as every string the graph keeps. */
  add(fields: { id: string; titleKeyIsId: boolean; doi: string | null; year: number | null; venue: number; payload: number }): PaperHandle {
    if (fields.year !== null && !(Number.isInteger(fields.year) && Math.abs(fields.year) < 2 ** 31 - 1))
      throw new Error(`bulk import: the year ${fields.year} of paper ${fields.id} is not an integer the graph can hold`);
    const paper = this.count;
    if (paper === this.years.length) this.growRows();
    this.count += 1;
    const id = fields.id;
    this.setId(paper, id);
    this.years[paper] = fields.year ?? NO_YEAR;
    this.venues[paper] = fields.venue;
    this.payloads[paper] = fields.payload;
    this.flags[paper] = fields.titleKeyIsId ? TITLE_KEY_IS_ID : 0;
    this.setDoi(paper, fields.doi, id);
    this.edgeStarts[paper] = this.edgesUsed;
    this.edgeCounts[paper] = 0;
    this.byId.add(id, paper);
    return paper;
  }

  /** The paper with this id, or -1. */
  find(id: string): PaperHandle {
    return this.byId.get(id);
  }

  id(paper: PaperHandle): string {
    return this.idBytes.get(this.idChunks[paper], this.idOffsets[paper], this.idLengths[paper]);
  }

  private setId(paper: PaperHandle, id: string): void {
    const place = this.idPlace;
    this.idBytes.add(id, place);
    this.idChunks[paper] = place.chunk;
    this.idOffsets[paper] = place.offset;
    this.idLengths[paper] = place.length;
  }

  /**
   * Gives the paper another id (RENAME_PAPERS) and the DOI it was renamed for. Returns the titleKey when it was the
   * old id: it is no longer kept by the id, and the caller must put it in the paper's payload.
   */
  rename(paper: PaperHandle, to: string, doi: string): string | null {
    const old = this.id(paper);
    this.byId.delete(old);
    this.setId(paper, to);
    this.byId.add(to, paper);
    this.setDoi(paper, doi, to);
    if (!this.titleKeyIsId(paper)) return null;
    this.flags[paper] &= ~TITLE_KEY_IS_ID;
    return old;
  }

  /** Whether the paper's titleKey is its id (else it is in the payload). */
  titleKeyIsId(paper: PaperHandle): boolean {
    return (this.flags[paper] & TITLE_KEY_IS_ID) !== 0;
  }

  doi(paper: PaperHandle): string | null {
    const flags = this.flags[paper];
    if (flags & DOI_IS_ID) return this.id(paper);
    return flags & OTHER_DOI ? this.otherDois.get(paper)! : null;
  }

  /**
   * Sets the DOI (null for none); one that is the id costs nothing. `id`, when the caller has it, saves reading the id
   * back; the id is only read for a DOI to compare, and the Map of other DOIs only touched for a paper that has one.
   */
  setDoi(paper: PaperHandle, doi: string | null, id?: string): void {
    if (this.flags[paper] & OTHER_DOI) this.otherDois.delete(paper);
    this.flags[paper] &= ~(DOI_IS_ID | OTHER_DOI);
    if (doi === null) return;
    if (doi === (id ?? this.id(paper))) this.flags[paper] |= DOI_IS_ID;
    else {
      this.flags[paper] |= OTHER_DOI;
      this.otherDois.set(paper, detached(doi));
    }
  }

  year(paper: PaperHandle): number | null {
    const year = this.years[paper];
    return year === NO_YEAR ? null : year;
  }

  /** The venue's number (MemVenue.index), or -1 for none. */
  venue(paper: PaperHandle): number {
    return this.venues[paper];
  }

  setVenue(paper: PaperHandle, venue: number): void {
    this.venues[paper] = venue;
  }

  payload(paper: PaperHandle): number {
    return this.payloads[paper];
  }

  setPayload(paper: PaperHandle, payload: number): void {
    this.payloads[paper] = payload;
  }

  /** Authorships of the paper. */
  edgeCount(paper: PaperHandle): number {
    return this.edgeCounts[paper];
  }

  /** The paper's i-th authorship (0 ≤ i < edgeCount). */
  edge(paper: PaperHandle, i: number): PackedAuthorship {
    const at = this.edgeStarts[paper] + i;
    return this.pool[at >>> POOL_BITS][at & POOL_MASK];
  }

  setEdge(paper: PaperHandle, i: number, edge: PackedAuthorship): void {
    const at = this.edgeStarts[paper] + i;
    this.pool[at >>> POOL_BITS][at & POOL_MASK] = edge;
  }

  /** Where the author's edge sits in the paper's byline, or -1. */
  edgeIndex(paper: PaperHandle, authorIndex: number): number {
    const start = this.edgeStarts[paper];
    const count = this.edgeCounts[paper];
    const chunk = this.pool[start >>> POOL_BITS];
    const offset = start & POOL_MASK;
    for (let i = 0; i < count; i++) if (edgeAuthor(chunk[offset + i]) === authorIndex) return i;
    return -1;
  }

  appendEdge(paper: PaperHandle, edge: PackedAuthorship): void {
    const start = this.edgeStarts[paper];
    const count = this.edgeCounts[paper];
    // In place when the run ends the pool and its chunk has room; else the run moves to the pool's end first.
    if (count === 0 || start + count !== this.edgesUsed || (this.edgesUsed & POOL_MASK) === 0) {
      const to = this.reserve(count + 1);
      if (count > 0)
        this.pool[to >>> POOL_BITS].set(
          this.pool[start >>> POOL_BITS].subarray(start & POOL_MASK, (start & POOL_MASK) + count),
          to & POOL_MASK,
        );
      this.edgeStarts[paper] = to;
      this.edgesUsed = to + count;
    }
    const at = this.edgesUsed;
    this.pool[at >>> POOL_BITS][at & POOL_MASK] = edge;
    this.edgesUsed += 1;
    this.edgeCounts[paper] = count + 1;
  }

  /** Takes the author's edge out of the paper's byline (the others keep their order). */
  removeEdgesOf(paper: PaperHandle, authorIndex: number): void {
    const start = this.edgeStarts[paper];
    const count = this.edgeCounts[paper];
    const chunk = this.pool[start >>> POOL_BITS];
    const offset = start & POOL_MASK;
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const edge = chunk[offset + i];
      if (edgeAuthor(edge) !== authorIndex) chunk[offset + kept++] = edge;
    }
    this.edgeCounts[paper] = kept;
  }

  /** Bytes of the columns, the pool and the id index, outside the collected heap (for the bench and the tests). */
  get columnBytes(): number {
    return (
      this.byId.bytes +
      this.idBytes.bytes +
      this.idChunks.byteLength +
      this.idOffsets.byteLength +
      this.idLengths.byteLength +
      this.years.byteLength +
      this.venues.byteLength +
      this.payloads.byteLength +
      this.flags.byteLength +
      this.edgeStarts.byteLength +
      this.edgeCounts.byteLength +
      this.pool.length * POOL_CHUNK * Float64Array.BYTES_PER_ELEMENT
    );
  }

  private growRows(): void {
    const rows = Math.ceil(this.years.length * GROWTH);
    this.years = grown(this.years, new Int32Array(rows));
    this.venues = grown(this.venues, new Int32Array(rows));
    this.payloads = grown(this.payloads, new Float64Array(rows));
    this.flags = grown(this.flags, new Uint8Array(rows));
    this.edgeStarts = grown(this.edgeStarts, new Int32Array(rows));
    this.edgeCounts = grown(this.edgeCounts, new Int32Array(rows));
    this.idChunks = grown(this.idChunks, new Int32Array(rows));
    this.idOffsets = grown(this.idOffsets, new Int32Array(rows));
    this.idLengths = grown(this.idLengths, new Int32Array(rows));
  }

  /** The pool position of `length` free slots in one chunk at the pool's end (the rest of a chunk too short is left). */
  private reserve(length: number): number {
    if (length > POOL_CHUNK)
      throw new Error(`bulk import: a byline of ${length} authors is longer than the graph can hold (${POOL_CHUNK})`);
    let at = this.edgesUsed;
    if ((at & POOL_MASK) + length > POOL_CHUNK) at = ((at >>> POOL_BITS) + 1) * POOL_CHUNK;
    const lastChunk = (at + length - 1) >>> POOL_BITS;
    if (lastChunk >= MAX_CHUNKS) throw new Error(`bulk import: more than 2^31 authorships do not fit the in-memory graph`);
    while (this.pool.length <= lastChunk) this.pool.push(new Float64Array(POOL_CHUNK));
    return at;
  }
}

const INITIAL_ROWS = 4096;
/** The pool's chunks: 2^16 edges, 512 KiB each (a byline longer than that is refused). */
const POOL_BITS = 16;
const POOL_CHUNK = 2 ** POOL_BITS;
const POOL_MASK = POOL_CHUNK - 1;
/** Positions are Int32 (edgeStarts). */
const MAX_CHUNKS = 2 ** (31 - POOL_BITS);
/** Columns grow by half: the copy briefly holds both, and the spare room after it is at most a third. */
const GROWTH = 1.5;
/** A paper without a year (years are integers well inside Int32). */
const NO_YEAR = -(2 ** 31);
const TITLE_KEY_IS_ID = 1;
const DOI_IS_ID = 2;
const OTHER_DOI = 4;

function grown<T extends Int32Array | Float64Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
