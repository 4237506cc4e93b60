/**
 * Strings kept as bytes outside the collected heap, each read back by the place `add` gave. A JavaScript string costs
 * its header and padding (about 24 bytes) plus a pointer to it, and the collector marks it again at every full
 * collection; 7.9M papers' ids were about 500 MB of the heap at 8M dblp records. Here a string costs its bytes and the
 * 12 bytes of its place, kept by the caller in typed arrays.
 *
 * Exact for every string: one whose code units are all ASCII is kept one byte a unit; any other, its UTF-16 code
 * units as they are (two bytes each, lone surrogates too), never through UTF-8, which would replace a lone surrogate.
 */
export class StringBytes {
  private readonly chunks: Buffer[] = [];
  /** Bytes used of the last chunk. */
  private used = CHUNK_BYTES;

  /** Writes the string; its place is (chunk, offset, length), length negative for two bytes a unit. */
  add(text: string, place: { chunk: number; offset: number; length: number }): void {
    const ascii = Buffer.byteLength(text, "utf8") === text.length;
    const bytes = ascii ? text.length : 2 * text.length;
    if (this.used + bytes > CHUNK_BYTES) {
      this.chunks.push(Buffer.allocUnsafeSlow(Math.max(CHUNK_BYTES, bytes)));
      this.used = 0;
    }
    place.chunk = this.chunks.length - 1;
    place.offset = this.used;
    place.length = ascii ? bytes : -bytes;
    this.chunks[place.chunk].write(text, this.used, bytes, ascii ? "latin1" : "utf16le");
    this.used += bytes;
  }

  get(chunk: number, offset: number, length: number): string {
    return length >= 0
      ? this.chunks[chunk].toString("latin1", offset, offset + length)
      : this.chunks[chunk].toString("utf16le", offset, offset - length);
  }

  /** Bytes of its chunks (for the bench and the tests). */
  get bytes(): number {
    return this.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  }
}

/** 64 KiB: at most that much spare room, and a longer string gets a chunk of its own size. */
const CHUNK_BYTES = 64 * 1024;
