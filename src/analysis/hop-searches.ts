import type { Csr } from "../kernel/csr";
import { dependencySums } from "../kernel/graph-algorithms";
import type { TimeSlice } from "../util/time-slice";

/*
 * The breadth-first searches (Brandes), one per author, that betweenness and closeness need. They are cut into
 * SEARCH_CHUNKS fixed runs of sources, each summed on its own, and the chunks' sums are added in chunk order: so the
 * figures are the same bits whether one thread made every search or the search thread and this one shared them out
 * (hop-search-thread.ts), whichever took which chunk.
 */

/** Fixed: the order of the additions, hence the bits, depends on nothing else. Small enough chunks to share well. */
export const SEARCH_CHUNKS = 16;

/** What the hop-distance metrics need: each author's summed dependencies (betweenness before its scaling) and reach. */
export interface HopSearches {
  dependencySums: Float64Array;
  reach: { reached: Int32Array; distanceSums: Float64Array };
}

/** One chunk's searches: sums over all authors, and the reach of the chunk's own sources (by position in it). */
export interface ChunkSearches {
  sums: Float64Array;
  reached: Int32Array;
  distanceSums: Float64Array;
}

/** The sources of chunk c: authors from..to−1. */
export function chunkRange(n: number, chunk: number): { from: number; to: number } {
  return { from: Math.floor((n * chunk) / SEARCH_CHUNKS), to: Math.floor((n * (chunk + 1)) / SEARCH_CHUNKS) };
}

export async function searchChunk(csr: Csr, chunk: number, slice?: TimeSlice): Promise<ChunkSearches> {
  const { from, to } = chunkRange(csr.n, chunk);
  const sources = Int32Array.from({ length: to - from }, (_, i) => from + i);
  const reach = { reached: new Int32Array(to - from), distanceSums: new Float64Array(to - from) };
  const sums = await dependencySums(csr, sources, undefined, slice, reach);
  return { sums, ...reach };
}

/** The chunks' results, indexed by chunk, added in chunk order. */
export function combineChunks(n: number, chunks: readonly ChunkSearches[]): HopSearches {
  const dependencySums = new Float64Array(n);
  const reached = new Int32Array(n);
  const distanceSums = new Float64Array(n);
  chunks.forEach((c, chunk) => {
    for (let v = 0; v < n; v++) dependencySums[v] += c.sums[v];
    const { from } = chunkRange(n, chunk);
    reached.set(c.reached, from);
    distanceSums.set(c.distanceSums, from);
  });
  return { dependencySums, reach: { reached, distanceSums } };
}

/** Every chunk in this thread. */
export async function hopSearches(csr: Csr, slice?: TimeSlice): Promise<HopSearches> {
  const chunks: ChunkSearches[] = [];
  for (let c = 0; c < SEARCH_CHUNKS; c++) chunks.push(await searchChunk(csr, c, slice));
  return combineChunks(csr.n, chunks);
}

export function everyAuthor(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, v) => v);
}
