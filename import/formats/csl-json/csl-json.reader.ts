import { UnparseableFileError, type FormatReader, type ReadItem } from "../../canonical";
import { decodeUtf8, splitLines } from "../line-stream";
import { mapCslItem } from "./csl-json.mapping";
import { splitJsonArray } from "./json-array-splitter";

/**
 * Reads CSL-JSON in either shape, decided by the first non-blank character:
 * - "[": one JSON array of items (the CSL-JSON file shape), split item by item;
 * - "{": JSON Lines, one item per line (blank lines allowed).
 * Either way one item is parsed at a time, so memory stays bounded. A line or item that is not
 * valid JSON, or not a usable item, is a rejection with its line; the rest continue.
 */
export const cslJsonReader: FormatReader = {
  format: "csl-json",
  read: readCslJson,
};

async function* readCslJson(input: AsyncIterable<Buffer>, file: string): AsyncGenerator<ReadItem> {
  const texts = decodeUtf8(input, file);
  const first = await firstNonBlank(texts);
  if (!first) return;
  const whole = prepend(first.buffered, texts);
  if (first.char === "[") {
    for await (const item of splitJsonArray(whole, file)) {
      yield parseAndMap(item.text === "" ? undefined : item.text, file, item.line, "empty array item (a stray comma)");
    }
  } else if (first.char === "{") {
    for await (const { text, line } of splitLines(whole, file)) {
      if (text.trim() === "") continue;
      yield parseAndMap(text, file, line, "");
    }
  } else {
    throw new UnparseableFileError(file, `expected a JSON array ("[") or JSON Lines ("{"), found "${first.char}"`, {
      file,
      line: first.line,
    });
  }
}

function parseAndMap(text: string | undefined, file: string, line: number, emptyReason: string): ReadItem {
  const location = { file, line };
  if (text === undefined) return { kind: "rejected", location, reason: emptyReason };
  let item: unknown;
  try {
    item = JSON.parse(text);
  } catch (error) {
    return { kind: "rejected", location, reason: `invalid JSON: ${(error as Error).message}` };
  }
  return mapCslItem(item, location);
}

interface FirstChar {
  char: string;
  line: number;
  /** Every chunk read so far, to be replayed in front of the rest. */
  buffered: string[];
}

/** Reads chunks until the first non-whitespace character; undefined for a blank input. */
async function firstNonBlank(texts: AsyncIterator<string>): Promise<FirstChar | undefined> {
  const buffered: string[] = [];
  let line = 1;
  for (let next = await texts.next(); !next.done; next = await texts.next()) {
    buffered.push(next.value);
    const match = /\S/.exec(next.value);
    if (match) {
      line += countNewlines(next.value.slice(0, match.index));
      return { char: match[0], line, buffered };
    }
    line += countNewlines(next.value);
  }
  return undefined;
}

async function* prepend(head: string[], rest: AsyncIterator<string>): AsyncGenerator<string> {
  try {
    yield* head;
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
  } finally {
    await rest.return?.(undefined); // closes the input when the consumer stops early
  }
}

function countNewlines(text: string): number {
  let count = 0;
  for (let index = text.indexOf("\n"); index >= 0; index = text.indexOf("\n", index + 1)) count += 1;
  return count;
}
