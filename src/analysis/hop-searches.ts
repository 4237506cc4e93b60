import type { Csr } from "../kernel/csr";
import { dependencySums } from "../kernel/graph-algorithms";
import { closedTwins, perAuthor, type Twins } from "../kernel/twins";
import type { TimeSlice } from "../util/time-slice";

/*
 * The breadth-first searches (Brandes) that betweenness and closeness need: one per class of closed twins (authors
 * with the same coauthors, each other included; kernel/twins.ts), which stands for a search from each of its authors.
 * They are cut into SEARCH_CHUNKS fixed runs of classes, each summed on its own, and the chunks' sums are added in
 * chunk order: so the figures are the same bits whether one thread made every search or the search thread and this
 * one shared them out (hop-search-thread.ts), whichever took which chunk.
 */

/** Fixed: the order of the additions, hence the bits, depends on nothing else. Small enough chunks to share well. */
export const SEARCH_CHUNKS = 16;

/** What the hop-distance metrics need: each author's summed dependencies (betweenness before its scaling) and reach. */
export interface HopSearches {
  dependencySums: Float64Array;
  reach: { reached: Int32Array; distanceSums: Float64Array };
}

/** What the searches run on: the graph between classes of twins and each class's size. */
export type SearchGraph = Pick<Twins, "quotient" | "size">;

/** One chunk's searches: sums over all classes, and the reach of the chunk's own source classes (by position in it). */
export interface ChunkSearches {
  sums: Float64Array;
  reached: Int32Array;
  distanceSums: Float64Array;
}

/** The source classes of chunk c: from..to−1. */
export function chunkRange(n: number, chunk: number): { from: number; to: number } {
  return { from: Math.floor((n * chunk) / SEARCH_CHUNKS), to: Math.floor((n * (chunk + 1)) / SEARCH_CHUNKS) };
}

export async function searchChunk({ quotient, size }: SearchGraph, chunk: number, slice?: TimeSlice): Promise<ChunkSearches> {
  const { from, to } = chunkRange(quotient.n, chunk);
  const sources = Int32Array.from({ length: to - from }, (_, i) => from + i);
  const reach = { reached: new Int32Array(to - from), distanceSums: new Float64Array(to - from) };
  // Every author is a source: a class's search counts once per member.
  const sums = await dependencySums(quotient, sources, { slice, reach, twins: { size, counts: size.subarray(from, to) } });
  return { sums, ...reach };
}

/** The chunks' results, indexed by chunk, added in chunk order, then given to each class's authors. */
export function combineChunks(twins: Twins, chunks: readonly ChunkSearches[]): HopSearches {
  const classes = twins.quotient.n;
  const sums = new Float64Array(classes);
  const reached = new Int32Array(classes);
  const distanceSums = new Float64Array(classes);
  chunks.forEach((c, chunk) => {
    for (let v = 0; v < classes; v++) sums[v] += c.sums[v];
    const { from } = chunkRange(classes, chunk);
    reached.set(c.reached, from);
    distanceSums.set(c.distanceSums, from);
  });
  return {
    dependencySums: perAuthor(twins, sums),
    reach: { reached: perAuthor(twins, reached), distanceSums: perAuthor(twins, distanceSums) },
  };
}

/** Every chunk in this thread. */
export async function hopSearches(csr: Csr, slice?: TimeSlice): Promise<HopSearches> {
  const twins = closedTwins(csr);
  const chunks: ChunkSearches[] = [];
  for (let c = 0; c < SEARCH_CHUNKS; c++) chunks.push(await searchChunk(twins, c, slice));
  return combineChunks(twins, chunks);
}

export function everyAuthor(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, v) => v);
}
