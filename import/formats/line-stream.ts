import { UnparseableFileError } from "../canonical";

/** One line of a text input, without its line terminator. `line` is 1-based. */
export interface NumberedLine {
  text: string;
  line: number;
}

/**
 * A single line longer than this is not a record any reader accepts; refusing it keeps memory
 * bounded when a binary or minified file is read as text.
 */
export const MAX_LINE_CHARS = 32 * 1024 * 1024;

/**
 * UTF-8 text of a byte stream, chunk by chunk. Multi-byte characters split across chunks are reassembled, and a
 * leading byte-order mark is dropped. Bytes that are not UTF-8 (a Latin-1 or Windows-1252 file) refuse the file,
 * saying on which line and how to re-encode it: decoded leniently, "José" became "Jos�" in the graph without a word.
 */
export async function* decodeUtf8(input: AsyncIterable<Buffer>, file = "the input"): AsyncGenerator<string> {
  // TextDecoder drops a leading byte-order mark itself (ignoreBOM false).
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let linesBefore = 0;
  // The previous chunk's unfinished character, which the decoder holds: where an error is depends on it.
  let tail: Buffer = Buffer.alloc(0);
  let text: string;
  for await (const chunk of input) {
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      const seen = Buffer.concat([tail, chunk]);
      throw notUtf8(file, linesBefore + newlinesBefore(seen, Math.max(0, firstInvalidUtf8(seen))) + 1);
    }
    linesBefore += newlinesBefore(chunk, chunk.length);
    tail = unfinishedTail(tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk);
    if (text.length > 0) yield text;
  }
  try {
    text = decoder.decode();
  } catch {
    throw notUtf8(file, linesBefore + 1);
  }
  if (text.length > 0) yield text;
}

function notUtf8(file: string, line: number): UnparseableFileError {
  return new UnparseableFileError(
    file,
    `line ${line} holds bytes that are not UTF-8: the file is in another encoding (Latin-1 or Windows-1252, most ` +
      `likely). Re-encode it, e.g. \`iconv -f windows-1252 -t utf-8 FILE > FILE.utf8\`, and import that`,
    { file, line },
  );
}

function newlinesBefore(bytes: Buffer, end: number): number {
  let count = 0;
  for (let at = bytes.indexOf(0x0a); at >= 0 && at < end; at = bytes.indexOf(0x0a, at + 1)) count += 1;
  return count;
}

/**
 * Offset of the first byte that is not UTF-8 in `bytes` (the WHATWG rules: no overlong forms, no surrogates, nothing
 * past U+10FFFF), or -1 when there is none (a character cut at the end is not an error here).
 */
export function firstInvalidUtf8(bytes: Buffer): number {
  for (let at = 0; at < bytes.length;) {
    const lead = bytes[at];
    if (lead < 0x80) {
      at += 1;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) need = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return at;
    for (let k = 1; k <= need; k++) {
      if (at + k >= bytes.length) return -1;
      const next = bytes[at + k];
      if (next < low || next > high) return at;
      low = 0x80;
      high = 0xbf;
    }
    at += need + 1;
  }
  return -1;
}

/** The bytes of a character the chunk ends in the middle of (none when it ends on a boundary). */
function unfinishedTail(bytes: Buffer): Buffer {
  for (let at = bytes.length - 1; at >= Math.max(0, bytes.length - 4); at--) {
    const b = bytes[at];
    if ((b & 0xc0) === 0x80) continue;
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return bytes.length - at < length ? Buffer.from(bytes.subarray(at)) : Buffer.alloc(0);
  }
  return Buffer.alloc(0);
}

/**
 * Splits a byte stream into numbered lines ("\n" or "\r\n"), holding at most one partial line.
 * A final line without a terminator is still yielded; a trailing terminator adds no empty line.
 */
export function readLines(input: AsyncIterable<Buffer>, file: string): AsyncGenerator<NumberedLine> {
  return splitLines(decodeUtf8(input, file), file);
}

/** As readLines, over text that is already decoded. */
export async function* splitLines(texts: AsyncIterable<string>, file: string): AsyncGenerator<NumberedLine> {
  let partial: string[] = [];
  let partialLength = 0;
  let lineNumber = 1;
  for await (const text of texts) {
    let start = 0;
    for (;;) {
      const newline = text.indexOf("\n", start);
      if (newline < 0) break;
      const piece = text.slice(start, newline);
      const whole = partial.length > 0 ? partial.join("") + piece : piece;
      partial = [];
      partialLength = 0;
      yield { text: stripCarriageReturn(whole), line: lineNumber };
      lineNumber += 1;
      start = newline + 1;
    }
    if (start < text.length) {
      partial.push(text.slice(start));
      partialLength += text.length - start;
      if (partialLength > MAX_LINE_CHARS) {
        throw new UnparseableFileError(file, `line ${lineNumber} is longer than ${MAX_LINE_CHARS} characters`, {
          file,
          line: lineNumber,
        });
      }
    }
  }
  if (partial.length > 0) yield { text: stripCarriageReturn(partial.join("")), line: lineNumber };
}

function stripCarriageReturn(text: string): string {
  return text.endsWith("\r") ? text.slice(0, -1) : text;
}
