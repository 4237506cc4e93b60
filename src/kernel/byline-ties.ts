import type { TimeSlice } from "../util/time-slice";
import type { Csr } from "./csr";

/*
 * The whole coauthor graph built from the papers' bylines instead of from the stored ties: each paper's authors (as
 * external integer ids, Neo4j's internal node ids) are read once, and every tie with its Newman weight
 * Σ_p 1/(n_p − 1) is derived here. Reading the bylines sends 0.67M author ids for the 158k-paper graph where reading
 * the stored ties sends 1.59M ties with a weight each, and Neo4j reads no relationship property at all (README,
 * "Whole-graph figures", for the times). The same ties as COAUTHORED_WITH (the import keeps those exact; the tests
 * compare the counts), with every weight exact even on a graph imported before ties kept their papers' sizes.
 */

const MAX_NODE_ID = 0x7fffffff;

/** An Int32Array that grows by doubling. */
class Int32List {
  values = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) this.reserve(this.length + 1);
    this.values[this.length++] = value;
  }

  reserve(size: number): void {
    if (size <= this.values.length) return;
    let capacity = this.values.length;
    while (capacity < size) capacity *= 2;
    const grown = new Int32Array(capacity);
    grown.set(this.values.subarray(0, this.length));
    this.values = grown;
  }

  clear(): void {
    this.values = new Int32Array(0);
    this.length = 0;
  }
}

/** One read lane's papers, in arrival order: each paper's external id and its authors' external ids, ascending. */
export class BylineCollector {
  readonly paperIds = new Int32List();
  /** Where each paper's authors start in `authors` (they end where the next paper's start, or at its end). */
  readonly firstAuthor = new Int32List();
  readonly authors = new Int32List();

  /**
   * Each byline is kept in ascending id order, so the arrays built from it depend on the graph alone, not on the order
   * Neo4j lists a paper's relationships in.
   */
  add(paperId: number, authorIds: readonly number[]): void {
    checkNodeId(paperId);
    this.paperIds.push(paperId);
    this.firstAuthor.push(this.authors.length);
    const sorted = Float64Array.from(authorIds).sort();
    for (let i = 0; i < sorted.length; i++) {
      checkNodeId(sorted[i]);
      if (i > 0 && sorted[i] === sorted[i - 1]) throw new Error(`paper node ${paperId} names author node ${sorted[i]} twice`);
      this.authors.push(sorted[i]);
    }
  }

  get papers(): number {
    return this.paperIds.length;
  }

  clear(): void {
    this.paperIds.clear();
    this.firstAuthor.clear();
    this.authors.clear();
  }
}

function checkNodeId(id: number): void {
  if (!(Number.isInteger(id) && id >= 0 && id <= MAX_NODE_ID)) throw new RangeError(`node id ${id} is outside 0..${MAX_NODE_ID}`);
}

export interface BylineGraph {
  csr: Csr;
  /** externalIds[k]: author k's external id; authors are numbered in ascending external id. */
  externalIds: Float64Array;
  /** Each paper's number of authors (papers in ascending external id). */
  bylineSizes: Int32Array;
}

/**
 * The coauthor graph of `authorIds` (every author, whatever order) from the bylines the collectors hold (filled side by
 * side, whatever order): authors are numbered by external id and the papers taken in external id order (both by
 * direct addressing: an Int32 per node id up to the largest, no sort), so the arrays are the same bits however the
 * reads were split and interleaved. Author a's row lists each coauthor once, in the order a's papers first name them; a
 * tie's weight is summed over the joint papers in paper order, the same order at both of its ends. O(Σ_p n_p² + largest
 * node id) time, O(authorships + ties + largest node id) memory; the collectors are emptied once their bylines are
 * grouped. Hands the event loop a turn when `slice` says so (checked without an await in between: a resolved await per
 * step would cost more than the step): at dblp size this runs for many seconds. `progress` sees, at each turn, how far
 * the two passes over the authors are (each author counts twice).
 */
export async function tiesFromBylines(
  authorIds: ArrayLike<number>,
  parts: readonly BylineCollector[],
  slice?: TimeSlice,
  progress?: (authorsDone: number, total: number) => void,
): Promise<BylineGraph> {
  const { index, externalIds } = await numberAuthors(authorIds, slice);
  const n = externalIds.length;
  const { paperStart, paperAuthors } = await groupBylines(parts, index, slice);
  const papers = paperStart.length - 1;
  const bylineSizes = new Int32Array(papers);
  for (let q = 0; q < papers; q++) bylineSizes[q] = paperStart[q + 1] - paperStart[q];
  const filled = paperAuthors.length;

  // Each author's papers, ascending.
  const authorStart = new Int32Array(n + 1);
  for (let i = 0; i < filled; i++) authorStart[paperAuthors[i] + 1]++;
  for (let v = 0; v < n; v++) authorStart[v + 1] += authorStart[v];
  const authorPapers = new Int32Array(filled);
  const next = authorStart.slice(0, n);
  for (let q = 0; q < papers; q++) for (let i = paperStart[q]; i < paperStart[q + 1]; i++) authorPapers[next[paperAuthors[i]]++] = q;

  // First pass: each author's number of distinct coauthors (mark[b] === a once b is counted for a).
  const mark = new Int32Array(n).fill(-1);
  const offsets = new Int32Array(n + 1);
  for (let a = 0; a < n; a++) {
    let degree = 0;
    for (let i = authorStart[a]; i < authorStart[a + 1]; i++) {
      if (slice?.due()) {
        progress?.(a, 2 * n);
        await slice.turn();
      }
      const q = authorPapers[i];
      for (let k = paperStart[q]; k < paperStart[q + 1]; k++) {
        const b = paperAuthors[k];
        if (b !== a && mark[b] !== a) {
          mark[b] = a;
          degree++;
        }
      }
    }
    offsets[a + 1] = offsets[a] + degree;
  }
  // Second pass: the rows, each weight summed in a dense accumulator and reset after its row is written.
  const targets = new Int32Array(offsets[n]);
  const weights = new Float32Array(offsets[n]);
  const sums = new Float64Array(n);
  mark.fill(-1);
  for (let a = 0; a < n; a++) {
    let end = offsets[a];
    for (let i = authorStart[a]; i < authorStart[a + 1]; i++) {
      if (slice?.due()) {
        progress?.(n + a, 2 * n);
        await slice.turn();
      }
      const q = authorPapers[i];
      const share = 1 / (paperStart[q + 1] - paperStart[q] - 1);
      for (let k = paperStart[q]; k < paperStart[q + 1]; k++) {
        const b = paperAuthors[k];
        if (b === a) continue;
        if (mark[b] !== a) {
          mark[b] = a;
          targets[end++] = b;
        }
        sums[b] += share;
      }
    }
    for (let i = offsets[a]; i < end; i++) {
      weights[i] = sums[targets[i]];
      sums[targets[i]] = 0;
    }
  }
  return { csr: { n, m: offsets[n] / 2, offsets, targets, weights }, externalIds, bylineSizes };
}

/** index[external id] = dense number (−1: no author), dense numbers in ascending external id. */
async function numberAuthors(
  authorIds: ArrayLike<number>,
  slice: TimeSlice | undefined,
): Promise<{ index: Int32Array; externalIds: Float64Array }> {
  let maxId = -1;
  for (let i = 0; i < authorIds.length; i++) {
    checkNodeId(authorIds[i]);
    maxId = Math.max(maxId, authorIds[i]);
  }
  const index = new Int32Array(maxId + 1).fill(-1);
  for (let i = 0; i < authorIds.length; i++) {
    if (index[authorIds[i]] !== -1) throw new Error(`author node ${authorIds[i]} was read twice`);
    index[authorIds[i]] = 0;
  }
  const externalIds = new Float64Array(authorIds.length);
  let n = 0;
  for (let id = 0; id <= maxId; id++) {
    if (slice?.due()) await slice.turn();
    if (index[id] === 0) {
      externalIds[n] = id;
      index[id] = n++;
    } else index[id] = -1;
  }
  return { index, externalIds };
}

/**
 * The bylines in paper id order, as dense author numbers: paper q's authors are paperAuthors[paperStart[q] ..
 * paperStart[q + 1]). Empties the collectors.
 */
async function groupBylines(
  parts: readonly BylineCollector[],
  index: Int32Array,
  slice: TimeSlice | undefined,
): Promise<{ paperStart: Int32Array; paperAuthors: Int32Array }> {
  let maxId = -1;
  let papers = 0;
  let authorships = 0;
  for (const part of parts) {
    for (let j = 0; j < part.papers; j++) maxId = Math.max(maxId, part.paperIds.values[j]);
    papers += part.papers;
    authorships += part.authors.length;
  }
  // arrivalOf[paper id] = the paper's arrival number g (part p's paper g − base[p]) + 1; 0: no such paper.
  const arrivalOf = new Int32Array(maxId + 1);
  const partOf = new Int32Array(papers);
  const base: number[] = [];
  let g = 0;
  parts.forEach((part, p) => {
    base.push(g);
    for (let j = 0; j < part.papers; j++) {
      const id = part.paperIds.values[j];
      if (arrivalOf[id] !== 0) throw new Error(`paper node ${id} was read twice`);
      arrivalOf[id] = g + 1;
      partOf[g++] = p;
    }
  });
  const paperStart = new Int32Array(papers + 1);
  const paperAuthors = new Int32Array(authorships);
  let q = 0;
  let filled = 0;
  for (let id = 0; id <= maxId; id++) {
    if (slice?.due()) await slice.turn();
    if (arrivalOf[id] === 0) continue;
    const arrival = arrivalOf[id] - 1;
    const part = parts[partOf[arrival]];
    const j = arrival - base[partOf[arrival]];
    const to = j + 1 < part.papers ? part.firstAuthor.values[j + 1] : part.authors.length;
    for (let i = part.firstAuthor.values[j]; i < to; i++) {
      const externalId = part.authors.values[i];
      const author = externalId < index.length ? index[externalId] : -1;
      if (author < 0) throw new Error(`paper node ${id} names node ${externalId} as an author, which is not among the authors read`);
      paperAuthors[filled++] = author;
    }
    paperStart[++q] = filled;
  }
  for (const part of parts) part.clear();
  return { paperStart, paperAuthors };
}
