/*
 * Strings the in-memory graph keeps must not keep the parser's input alive. V8 makes a substring of 13 or more
 * characters a "sliced string": a view that holds its parent. The readers take titles, urls, names and ids as
 * substrings of their 32 KiB read chunks, so a graph that keeps one title keeps the whole chunk: a heap snapshot after
 * reading 200k generated dblp records held 89 MiB of such chunks, nearly all of the uncompressed XML, in a live heap
 * of 311 MiB. Concatenations ("cons strings") hold their parts the same way. The online import drops its batches, so
 * only `import --bulk` needs this.
 */

/** V8 copies substrings shorter than this instead of slicing them. */
const SHORTEST_SLICE = 13;

/** Lone surrogates (possible in a JavaScript string, not in UTF-8) would not survive the UTF-8 round trip below. */
interface WellFormedCheck {
  isWellFormed(): boolean;
}

/** Reused for every copy: a Buffer per string made the copies garbage for the collector. */
const scratch = Buffer.allocUnsafe(1 << 16);

/**
 * The same text in a string of its own (flat, holding nothing else): written to a scratch buffer as UTF-8 and read
 * back, the fastest exact copy measured (about 200 ns for 60 characters). Tricks that concatenate and cut again leave
 * a slice of a copy (32 bytes more per string).
 */
export function detached(text: string): string {
  if (text.length < SHORTEST_SLICE || !(text as unknown as WellFormedCheck).isWellFormed()) return text;
  if (3 * text.length > scratch.length) return Buffer.from(text, "utf8").toString("utf8"); // a UTF-16 unit is at most 3 bytes of UTF-8
  const bytes = scratch.write(text, 0, "utf8");
  return scratch.toString("utf8", 0, bytes);
}

export function detachedOrNull(text: string | null): string | null {
  return text === null ? null : detached(text);
}
