import type { Database } from "../db/database";
import { ALL_AUTHORS, ALL_PAPERS, COUNT_AUTHORS_AND_PAPERS } from "./career.cypher";
import type { NameHolder } from "./namesakes";
import { etaText } from "../util/eta-text";

/*
 * The graph's bylines as integer arrays for the whole-graph namesake listing (namesake-candidates.ts): read once per
 * snapshot as two streams (authors, then papers with their bylines), papers per author and authors per paper as CSR,
 * and the passes' shared tools (progress lines, event-loop slices, strong ties, an author's coauthors).
 */

export const NO_YEAR = -2147483648;
const WHOLE_GRAPH_TIMEOUT_MS = 600_000;

/** The graph's bylines as integer arrays: author and paper numbers are positions in `authors` and `paperIds`. */
export interface GraphIndex {
  authors: NameHolder[];
  paperIds: string[];
  /** The paper's year, NO_YEAR when it has none. */
  paperYear: Int32Array;
  paperVenue: Array<string | null>;
  /** Authors of paper p: bylineAuthors[bylineStart[p] .. bylineStart[p + 1]) (distinct). */
  bylineStart: Int32Array;
  bylineAuthors: Int32Array;
  /** Papers of author a: authorPapers[papersStart[a] .. papersStart[a + 1]). */
  papersStart: Int32Array;
  authorPapers: Int32Array;
}

export type ListingLog = (message: string) => void;

/** done/total with the rate and an ETA, every 2 s at most. */
export function progress(
  phase: string,
  unit: string,
  total: number,
  log: ListingLog,
): { update: (done: number) => void; done: (n: number) => number } {
  const started = Date.now();
  let last = started;
  return {
    update(done) {
      const now = Date.now();
      if (now - last < 2_000) return;
      last = now;
      const rate = done / ((now - started) / 1000);
      const eta = rate > 0 && total > done ? `, ETA ${etaText((total - done) / rate)}` : "";
      log(`namesakes: ${phase}: ${done}/${total} ${unit}, ${Math.round(rate)} ${unit}/s${eta}`);
    },
    done(n) {
      const ms = Date.now() - started;
      log(`namesakes: ${phase}: ${n} ${unit} in ${(ms / 1000).toFixed(1)} s`);
      return ms;
    },
  };
}

export async function readGraphIndex(db: Database, log: ListingLog, phases: Record<string, number> = {}): Promise<GraphIndex> {
  const [counts] = await db.read(COUNT_AUTHORS_AND_PAPERS);
  const authorTotal = Number(counts.get("authors"));
  const paperTotal = Number(counts.get("papers"));
  const authorProgress = progress("reading authors", "authors", authorTotal, log);
  const authors = await db.stream(
    ALL_AUTHORS,
    {},
    async (records) => {
      const out: NameHolder[] = [];
      for await (const r of records) {
        const id = r.get("id") as string;
        out.push({
          id,
          name: (r.get("name") as string | null) ?? id,
          aliases: (r.get("aliases") as string[] | null) ?? [],
          orcid: (r.get("orcid") as string | null) ?? null,
        });
        if (out.length % 10_000 === 0) authorProgress.update(out.length);
      }
      return out;
    },
    { timeoutMs: WHOLE_GRAPH_TIMEOUT_MS },
  );
  phases.readAuthors = authorProgress.done(authors.length);
  const number = new Map(authors.map((a, i) => [a.id, i]));
  const paperProgress = progress("reading papers", "papers", paperTotal, log);
  const papers = await db.stream(
    ALL_PAPERS,
    {},
    async (records) => {
      const paperIds: string[] = [];
      const years: number[] = [];
      const venues: Array<string | null> = [];
      const starts: number[] = [0];
      const bylines: number[] = [];
      for await (const r of records) {
        paperIds.push(r.get("paperId") as string);
        const year = r.get("year") as unknown;
        years.push(year === null || year === undefined ? NO_YEAR : Number(year));
        venues.push((r.get("venueId") as string | null) ?? null);
        for (const id of new Set(r.get("authors") as string[])) {
          const a = number.get(id);
          if (a !== undefined) bylines.push(a);
        }
        starts.push(bylines.length);
        if (paperIds.length % 10_000 === 0) paperProgress.update(paperIds.length);
      }
      return { paperIds, years, venues, starts, bylines };
    },
    { timeoutMs: WHOLE_GRAPH_TIMEOUT_MS },
  );
  phases.readPapers = paperProgress.done(papers.paperIds.length);
  const bylineStart = Int32Array.from(papers.starts);
  const bylineAuthors = Int32Array.from(papers.bylines);
  // Invert the bylines: papers per author, in paper order.
  const papersStart = new Int32Array(authors.length + 1);
  for (const a of bylineAuthors) papersStart[a + 1]++;
  for (let a = 0; a < authors.length; a++) papersStart[a + 1] += papersStart[a];
  const fill = papersStart.slice(0, authors.length);
  const authorPapers = new Int32Array(bylineAuthors.length);
  for (let p = 0; p < papers.paperIds.length; p++)
    for (let k = bylineStart[p]; k < bylineStart[p + 1]; k++) authorPapers[fill[bylineAuthors[k]]++] = p;
  return {
    authors,
    paperIds: papers.paperIds,
    paperYear: Int32Array.from(papers.years),
    paperVenue: papers.venues,
    bylineStart,
    bylineAuthors,
    papersStart,
    authorPapers,
  };
}

/**
 * Gives the event loop a turn every `sliceMs` of work: the passes run inside the API process, which must keep
 * answering other requests while a listing is built.
 */
export function slicer(sliceMs = 50): () => Promise<void> | undefined {
  let last = Date.now();
  return () => {
    if (Date.now() - last < sliceMs) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        last = Date.now();
        resolve();
      }),
    );
  };
}

export function paperCount(g: GraphIndex, a: number): number {
  return g.papersStart[a + 1] - g.papersStart[a];
}

/** Pairs of authors with at least `minPapers` joint papers, both directions, as CSR: neighbours of a are
 *  neighbours[start[a] .. start[a + 1]). One pass over each author's papers' bylines (Σ byline² over papers). */
export async function strongTies(g: GraphIndex, minPapers: number): Promise<{ start: Int32Array; neighbours: Int32Array }> {
  const n = g.authors.length;
  const pause = slicer();
  const count = new Int32Array(n);
  const touched: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const degree = new Int32Array(n + 1);
  for (let a = 0; a < n; a++) {
    if ((a & 255) === 0) await pause();
    touched.length = 0;
    for (let q = g.papersStart[a]; q < g.papersStart[a + 1]; q++) {
      const p = g.authorPapers[q];
      for (let b = g.bylineStart[p]; b < g.bylineStart[p + 1]; b++) {
        const x = g.bylineAuthors[b];
        if (x > a && count[x]++ === 0) touched.push(x);
      }
    }
    for (const x of touched) {
      if (count[x] >= minPapers) {
        from.push(a);
        to.push(x);
        degree[a + 1]++;
        degree[x + 1]++;
      }
      count[x] = 0;
    }
  }
  for (let a = 0; a < n; a++) degree[a + 1] += degree[a];
  const fill = degree.slice(0, n);
  const neighbours = new Int32Array(from.length * 2);
  for (let e = 0; e < from.length; e++) {
    neighbours[fill[from[e]]++] = to[e];
    neighbours[fill[to[e]]++] = from[e];
  }
  return { start: degree, neighbours };
}

/** The distinct coauthors of author a (numbers), into `out` (cleared first). */
export function coauthorNumbers(g: GraphIndex, a: number, mark: Int32Array, stamp: number, out: number[]): number[] {
  out.length = 0;
  for (let q = g.papersStart[a]; q < g.papersStart[a + 1]; q++) {
    const p = g.authorPapers[q];
    for (let b = g.bylineStart[p]; b < g.bylineStart[p + 1]; b++) {
      const x = g.bylineAuthors[b];
      if (x === a || mark[x] === stamp) continue;
      mark[x] = stamp;
      out.push(x);
    }
  }
  return out;
}
