import { randomBytes } from "node:crypto";
import { closeSync, openSync, readSync, unlinkSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * What of a paper nothing but the CSV stage reads: neither paper resolution (id, DOI, year) nor the pairs
 * (authorships, year) need it. `import --bulk` keeps it on disk instead of in the heap: at 1M generated dblp
 * records it was about a quarter of the in-memory graph. The titleKey is here too when it is not the paper's id
 * (handles-by-key.ts finds papers by it with a hash and reads it back to compare).
 */
export interface PaperPayload {
  /** null: the titleKey is the paper's id (PaperTable.titleKeyIsId). */
  titleKey: string | null;
  title: string;
  url: string | null;
  abstract: string | null;
  pages: string | null;
  sourceKeys: string[];
}

/** Records start at multiples of this, so that a handle (offset / ALIGN) stays a small integer up to 8 GiB of payload. */
const ALIGN = 8;
/** Each record is its UTF-8 length (4 bytes, little-endian), then its JSON. */
const LENGTH_BYTES = 4;
const BUFFER_BYTES = 4 << 20;

/**
 * An append-only file of paper payloads, each read back by the handle `add` gave. A paper whose payload changes
 * (a later record fills its url, adds a source key) gets a new record and handle; the old record stays as dead bytes,
 * and such merges are rare against creations. Reads go through a buffer of the file, so the CSV stage, which asks in
 * about the order the papers were added, reads the file about sequentially. JSON keeps every string exactly, lone
 * surrogates included (they are written as \u escapes).
 *
 * The file is unlinked as soon as it is opened: it lives as long as the descriptor, so no crash leaves it behind.
 */
export class PaperPayloads {
  private fd: number;
  private writeBuffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private buffered = 0;
  private flushed = 0;
  private readBuffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private readStart = 0;
  private readEnd = 0;
  private readonly file: string;
  private unlinked = false;

  /** `dir`: where the file is made; the bulk import puts it in its home, not in a temporary directory that may be in memory. */
  constructor(dir: string = os.tmpdir()) {
    this.file = path.join(dir, `paper-payloads-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
    this.fd = openSync(this.file, "wx+", 0o600);
    try {
      unlinkSync(this.file);
      this.unlinked = true;
    } catch {
      // A system that cannot unlink an open file: removed by close() instead.
    }
  }

  /** Bytes written so far, dead records included. */
  get bytes(): number {
    return this.flushed + this.buffered;
  }

  add(payload: PaperPayload): number {
    const json = JSON.stringify([payload.title, payload.url, payload.abstract, payload.pages, payload.sourceKeys, payload.titleKey]);
    const most = LENGTH_BYTES + 3 * json.length + ALIGN; // a UTF-16 unit is at most 3 bytes of UTF-8
    if (most > this.writeBuffer.length - this.buffered) this.flush();
    const offset = this.bytes;
    if (most > this.writeBuffer.length) {
      const record = Buffer.from(json, "utf8");
      const header = Buffer.alloc(LENGTH_BYTES);
      header.writeUInt32LE(record.length);
      this.append(Buffer.concat([header, record, Buffer.alloc(padding(LENGTH_BYTES + record.length))]));
      return offset / ALIGN;
    }
    const length = this.writeBuffer.write(json, this.buffered + LENGTH_BYTES, "utf8");
    this.writeBuffer.writeUInt32LE(length, this.buffered);
    const end = this.buffered + LENGTH_BYTES + length;
    this.buffered = end + padding(end);
    return offset / ALIGN;
  }

  /** The payload under `handle`, read through the 4 MiB read buffer: for reading in about the order of `add`. */
  get(handle: number): PaperPayload {
    return decode(this.recordAt(handle * ALIGN));
  }

  /**
   * The same, for one record anywhere in the file (handles-by-key.ts's comparisons): a read of a few hundred bytes that
   * leaves the read buffer, and the sequential reader's place in the file, alone.
   */
  peek(handle: number): PaperPayload {
    const offset = handle * ALIGN;
    if (offset >= this.flushed) return this.get(handle);
    let bytes = this.readAt(offset, PEEK_BYTES, LENGTH_BYTES);
    const length = bytes.readUInt32LE(0);
    if (LENGTH_BYTES + length > bytes.length) bytes = this.readAt(offset, LENGTH_BYTES + length, LENGTH_BYTES + length);
    return decode(bytes.toString("utf8", LENGTH_BYTES, LENGTH_BYTES + length));
  }

  /** Closes the file (and removes it, where it could not be unlinked while open). */
  close(): void {
    if (this.fd < 0) return;
    closeSync(this.fd);
    this.fd = -1;
    if (!this.unlinked) unlinkSync(this.file);
  }

  private recordAt(offset: number): string {
    if (offset >= this.flushed) {
      const at = offset - this.flushed;
      const length = this.writeBuffer.readUInt32LE(at);
      return this.writeBuffer.toString("utf8", at + LENGTH_BYTES, at + LENGTH_BYTES + length);
    }
    if (offset < this.readStart || offset + LENGTH_BYTES > this.readEnd) this.fill(offset, LENGTH_BYTES);
    const length = this.readBuffer.readUInt32LE(offset - this.readStart);
    if (offset + LENGTH_BYTES + length > this.readEnd) this.fill(offset, LENGTH_BYTES + length);
    const at = offset - this.readStart + LENGTH_BYTES;
    return this.readBuffer.toString("utf8", at, at + length);
  }

  /** Up to `wanted` bytes of the file from `offset`, into a buffer of their own; fewer than `needed` is a cut record. */
  private readAt(offset: number, wanted: number, needed: number): Buffer {
    const bytes = Buffer.allocUnsafe(Math.min(wanted, this.flushed - offset));
    return bytes.subarray(0, this.readInto(bytes, offset, needed));
  }

  /** Reads the file from `offset` into the read buffer (grown when one record is larger than it). */
  private fill(offset: number, needed: number): void {
    if (needed > this.readBuffer.length) this.readBuffer = Buffer.allocUnsafe(needed);
    // Empty while the buffer is overwritten, so that a cut record leaves no stale range behind.
    this.readStart = this.readEnd = offset;
    this.readEnd += this.readInto(this.readBuffer, offset, needed);
  }

  /** Fills `buffer` from the file at `offset`, up to what is flushed; returns the bytes read (at least `needed`). */
  private readInto(buffer: Buffer, offset: number, needed: number): number {
    let read = 0;
    while (read < buffer.length && offset + read < this.flushed) {
      const n = readSync(this.fd, buffer, read, buffer.length - read, offset + read);
      if (n === 0) break;
      read += n;
    }
    if (read < needed) throw new Error(`paper payloads: the record at byte ${offset} is cut short (${read} of ${needed} bytes)`);
    return read;
  }

  private flush(): void {
    if (this.buffered === 0) return;
    this.append(this.writeBuffer.subarray(0, this.buffered));
    this.buffered = 0;
  }

  private append(bytes: Buffer): void {
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written, this.flushed + written);
    this.flushed += bytes.length;
  }
}

/** What peek reads first: most records (a title, a url, a few keys) are shorter. */
const PEEK_BYTES = 1024;

function decode(json: string): PaperPayload {
  const [title, url, abstract, pages, sourceKeys, titleKey] = JSON.parse(json) as [
    string,
    string | null,
    string | null,
    string | null,
    string[],
    string | null,
  ];
  return { titleKey, title, url, abstract, pages, sourceKeys };
}

function padding(end: number): number {
  return (ALIGN - (end % ALIGN)) % ALIGN;
}
