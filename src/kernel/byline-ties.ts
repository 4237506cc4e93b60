import type { Csr } from "./csr";

/*
 * The whole coauthor graph built from the papers' bylines instead of from the stored ties: each paper's authors (as
 * external integer ids, Neo4j's internal node ids) are read once, and every tie with its Newman weight
 * Σ_p 1/(n_p − 1) is derived here. Reading the bylines sends 0.67M author ids for the 158k-paper graph where reading
 * the stored ties sends 1.59M ties with a weight each, and Neo4j reads no relationship property at all: 1.3–1.7 s
 * against 4.7–5.2 s. The same ties as COAUTHORED_WITH (the import keeps those exact; the tests derive their oracle
 * from the bylines as well), with every weight exact even on a graph imported before ties kept their papers' sizes.
 */

/** One read lane's papers, in arrival order: each paper's external id and its authors' external ids. */
export class BylineCollector {
  readonly paperIds: number[] = [];
  /** Where each paper's authors start in `authors` (they end where the next paper's start, or at `used`). */
  readonly firstAuthor: number[] = [];
  authors = new Int32Array(1024);
  used = 0;

  add(paperId: number, authorIds: readonly number[]): void {
    this.paperIds.push(paperId);
    this.firstAuthor.push(this.used);
    if (this.used + authorIds.length > this.authors.length) {
      let capacity = this.authors.length;
      while (capacity < this.used + authorIds.length) capacity *= 2;
      const grown = new Int32Array(capacity);
      grown.set(this.authors.subarray(0, this.used));
      this.authors = grown;
    }
    for (const id of authorIds) this.authors[this.used++] = id;
  }

  get papers(): number {
    return this.paperIds.length;
  }
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
 * side, whatever order): authors are numbered by external id and the papers taken in external id order, so the arrays
 * are the same bits however the reads were split and interleaved. Author a's row lists each coauthor once, in the
 * order a's papers first name them; a tie's weight is summed over the joint papers in paper order, the same order at
 * both of its ends. O(Σ_p n_p²) time, O(authorships + ties) memory.
 */
export function tiesFromBylines(authorIds: ArrayLike<number>, parts: readonly BylineCollector[]): BylineGraph {
  const externalIds = Float64Array.from(authorIds).sort();
  const n = externalIds.length;
  for (let k = 1; k < n; k++) if (externalIds[k] === externalIds[k - 1]) throw new Error(`author node ${externalIds[k]} was read twice`);
  const maxId = n > 0 ? externalIds[n - 1] : 0;
  const index = new Int32Array(maxId + 1).fill(-1);
  for (let k = 0; k < n; k++) index[externalIds[k]] = k;

  // Papers in external id order (arrival g is part p's paper g − base[p]); paperAuthors[paperStart[q] ..
  // paperStart[q + 1]) are paper q's authors, as dense indices.
  const papers = parts.reduce((sum, part) => sum + part.papers, 0);
  const arrivalIds = new Float64Array(papers);
  const partOf = new Int32Array(papers);
  const base: number[] = [];
  let g = 0;
  parts.forEach((part, p) => {
    base.push(g);
    for (const id of part.paperIds) {
      arrivalIds[g] = id;
      partOf[g++] = p;
    }
  });
  const byId = Int32Array.from({ length: papers }, (_, k) => k).sort((x, y) => arrivalIds[x] - arrivalIds[y]);
  const paperStart = new Int32Array(papers + 1);
  const paperAuthors = new Int32Array(parts.reduce((sum, part) => sum + part.used, 0));
  let filled = 0;
  for (let q = 0; q < papers; q++) {
    const arrival = byId[q];
    const id = arrivalIds[arrival];
    if (q > 0 && id === arrivalIds[byId[q - 1]]) throw new Error(`paper node ${id} was read twice`);
    const part = parts[partOf[arrival]];
    const j = arrival - base[partOf[arrival]];
    const to = j + 1 < part.papers ? part.firstAuthor[j + 1] : part.used;
    for (let i = part.firstAuthor[j]; i < to; i++) {
      const author = part.authors[i] <= maxId ? index[part.authors[i]] : -1;
      if (author < 0) throw new Error(`paper node ${id} names node ${part.authors[i]} as an author, which is not among the authors read`);
      paperAuthors[filled++] = author;
    }
    paperStart[q + 1] = filled;
  }
  const bylineSizes = new Int32Array(papers);
  for (let q = 0; q < papers; q++) bylineSizes[q] = paperStart[q + 1] - paperStart[q];

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
  for (const part of parts) {
    part.paperIds.length = part.firstAuthor.length = part.used = 0;
    part.authors = new Int32Array(0);
  }
  return { csr: { n, m: offsets[n] / 2, offsets, targets, weights }, externalIds, bylineSizes };
}
