import { StringDecoder } from "node:string_decoder";
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
 * UTF-8 text of a byte stream, chunk by chunk. Multi-byte characters split across chunks are
 * reassembled, and a leading byte-order mark is dropped.
 */
export async function* decodeUtf8(input: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  let first = true;
  for await (const chunk of input) {
    let text = decoder.write(chunk);
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (text.length > 0) yield text;
  }
  const rest = decoder.end();
  if (rest.length > 0) yield first && rest.charCodeAt(0) === 0xfeff ? rest.slice(1) : rest;
}

/**
 * Splits a byte stream into numbered lines ("\n" or "\r\n"), holding at most one partial line.
 * A final line without a terminator is still yielded; a trailing terminator adds no empty line.
 */
export function readLines(input: AsyncIterable<Buffer>, file: string): AsyncGenerator<NumberedLine> {
  return splitLines(decodeUtf8(input), file);
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
