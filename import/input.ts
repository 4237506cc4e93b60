import { createReadStream, createWriteStream, statSync, type Stats } from "node:fs";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import { UnparseableFileError } from "./canonical";

/** The name used in reports for standard input. */
export const STDIN_NAME = "<stdin>";

/** How many decompressed bytes format detection looks at. */
export const HEAD_BYTES = 8 * 1024;

const GZIP_MAGIC = [0x1f, 0x8b] as const;

/** Something the user asked for cannot be opened (missing file, a folder, stdin read twice). */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

export interface OpenedInput {
  /** The name used in reports: the path as given, or "<stdin>". */
  file: string;
  /**
   * The decompressed bytes, streamed. Gzip is recognised by its magic bytes, whatever the name.
   * For a file, every call reads it again from the start (the importer validates in one pass and
   * writes in a second). Standard input can be read ONCE: a second call throws InputError, so
   * the importer spools stdin to a temporary file first (spoolStdin) and opens that instead.
   */
  bytes(): AsyncIterable<Buffer>;
  /**
   * Bytes of the source as stored (still compressed, if it is) that the latest bytes() has consumed, and the
   * source's size when it is known (a file): together they estimate how much of the input is left, which is
   * what a progress ETA needs before the number of records is known.
   */
  sourceProgress(): { consumed: number; size: number | undefined };
}

/** Opens a file path, or "-" for standard input. Fails at once, with advice, when the path cannot be read. */
export function openInput(pathOrDash: string): OpenedInput {
  if (pathOrDash === "-") return openStdin(process.stdin);
  const stats = statOrExplain(pathOrDash);
  if (!stats.isFile()) {
    throw new InputError(`${pathOrDash} is not a regular file. Pass the path of one data file (or - to read standard input).`);
  }
  let stream: ReturnType<typeof createReadStream> | undefined;
  return {
    file: pathOrDash,
    bytes: () =>
      decompressed(() => {
        stream = createReadStream(pathOrDash);
        return stream;
      }, pathOrDash),
    sourceProgress: () => ({ consumed: stream?.bytesRead ?? 0, size: stats.size }),
  };
}

/** Opens an already-open byte stream that can be read once, such as process.stdin. */
export function openStdin(source: NodeJS.ReadableStream, file = STDIN_NAME): OpenedInput {
  let used = false;
  return {
    file,
    sourceProgress: () => ({ consumed: 0, size: undefined }),
    bytes() {
      if (used) {
        throw new InputError(
          `${file} can only be read once. Spool it to a file first (spoolStdin) or save the data to a file and import that.`,
        );
      }
      used = true;
      return decompressed(() => source as AsyncIterable<Buffer>, file);
    },
  };
}

/**
 * Copies standard input (still compressed, if it was) into a new private temporary file and
 * returns its path. The caller owns the file and removes it when the import is done.
 */
export async function spoolStdin(source: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const target = path.join(os.tmpdir(), `coauthor-graph-stdin-${process.pid}-${randomBytes(6).toString("hex")}.spool`);
  await pipeline(source, createWriteStream(target, { flags: "wx", mode: 0o600 }));
  return target;
}

/** The first `limit` decompressed bytes (fewer if the input is shorter), for format detection. Stops reading early. */
export async function readHead(input: OpenedInput, limit = HEAD_BYTES): Promise<Buffer> {
  const parts: Buffer[] = [];
  let length = 0;
  for await (const chunk of input.bytes()) {
    parts.push(chunk);
    length += chunk.length;
    if (length >= limit) break;
  }
  return Buffer.concat(parts, length).subarray(0, limit);
}

function statOrExplain(file: string): Stats {
  try {
    return statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw new InputError(
        `No such file: ${file} (resolved to ${path.resolve(file)}). Check the path, or pass - to read from standard input.`,
      );
    }
    if (code === "EACCES") throw new InputError(`Cannot read ${file}: permission denied. Check the file's permissions.`);
    throw new InputError(`Cannot open ${file}: ${(error as Error).message}`);
  }
}

/**
 * Yields the bytes of the source, gunzipped when they start with the gzip magic number. The
 * source is opened on first iteration, and stopping early (break) destroys it, so no file
 * handle leaks.
 */
async function* decompressed(openSource: () => AsyncIterable<Buffer>, file: string): AsyncGenerator<Buffer> {
  const iterator = openSource()[Symbol.asyncIterator]();
  try {
    const head = await readAtLeast(iterator, GZIP_MAGIC.length);
    if (head.length === 0) return;
    if (head[0] !== GZIP_MAGIC[0] || head[1] !== GZIP_MAGIC[1]) {
      yield head;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield toBuffer(next.value);
      return;
    }
    yield* gunzip(head, iterator, file);
  } finally {
    await iterator.return?.();
  }
}

async function* gunzip(head: Buffer, rest: AsyncIterator<Buffer>, file: string): AsyncGenerator<Buffer> {
  async function* compressed(): AsyncGenerator<Buffer> {
    yield head;
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield toBuffer(next.value);
  }
  const source = Readable.from(compressed(), { objectMode: false });
  const inflater = zlib.createGunzip();
  source.on("error", (error) => inflater.destroy(error));
  source.pipe(inflater);
  try {
    for await (const chunk of inflater) yield chunk as Buffer;
  } catch (error) {
    if (isZlibError(error)) {
      throw new UnparseableFileError(file, `the gzip data is corrupt or truncated (${(error as Error).message})`);
    }
    throw error;
  } finally {
    source.destroy();
    inflater.destroy();
  }
}

/** Reads chunks until at least `count` bytes are buffered (or the input ends), so a 1-byte first chunk cannot fool the magic check. */
async function readAtLeast(iterator: AsyncIterator<Buffer>, count: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let length = 0;
  while (length < count) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = toBuffer(next.value);
    parts.push(chunk);
    length += chunk.length;
  }
  return parts.length === 1 ? parts[0] : Buffer.concat(parts, length);
}

function toBuffer(chunk: Buffer | string): Buffer {
  return typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
}

function isZlibError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === "string" && code.startsWith("Z_");
}
