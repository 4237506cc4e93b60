import { UnparseableFileError } from "../../canonical";

/** The source text of one top-level item of a JSON array, not yet parsed. */
export interface RawJsonItem {
  text: string;
  /** 1-based line where the item starts. */
  line: number;
}

/** An item larger than this is refused, which keeps memory bounded on a broken file. */
export const MAX_ITEM_CHARS = 16 * 1024 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const NEWLINE = 0x0a;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/**
 * Splits a top-level JSON array into its items' texts, one at a time, by tracking nesting and
 * strings (with their escapes); each item is then parsed on its own, so one malformed item is a
 * rejection, not a failed file. An empty item (a stray comma) is yielded with empty text.
 * Throws UnparseableFileError when the array is not closed, nesting does not balance, or text
 * follows the closing bracket.
 */
export async function* splitJsonArray(texts: AsyncIterable<string>, file: string): AsyncGenerator<RawJsonItem> {
  let line = 1;
  let started = false;
  let finished = false;
  let depth = 0; // 0 = outside the array, 1 = between items
  let inString = false;
  let escaped = false;
  let parts: string[] = [];
  let size = 0;
  let itemLine = 0;
  let hasItemText = false;
  const fail = (detail: string, atLine = line): never => {
    throw new UnparseableFileError(file, detail, { file, line: atLine });
  };

  for await (const text of texts) {
    let segmentStart = depth >= 1 ? 0 : -1;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === NEWLINE) line += 1;
      if (inString) {
        if (escaped) escaped = false;
        else if (code === BACKSLASH) escaped = true;
        else if (code === QUOTE) inString = false;
        continue;
      }
      if (isSpace(code)) continue;
      if (finished) fail("unexpected text after the closing ] of the array");
      if (!started) {
        if (code !== OPEN_BRACKET) fail("expected a JSON array starting with [");
        started = true;
        depth = 1;
        segmentStart = i + 1;
        continue;
      }
      if (depth === 1 && (code === COMMA || code === CLOSE_BRACKET)) {
        parts.push(text.slice(segmentStart, i));
        const itemText = parts.join("").trim();
        if (code === COMMA || itemText !== "" || hasItemText) yield { text: itemText, line: hasItemText ? itemLine : line };
        parts = [];
        size = 0;
        hasItemText = false;
        segmentStart = i + 1;
        if (code === CLOSE_BRACKET) {
          depth = 0;
          finished = true;
          segmentStart = -1;
        }
        continue;
      }
      if (!hasItemText) {
        hasItemText = true;
        itemLine = line;
      }
      if (code === QUOTE) inString = true;
      else if (code === OPEN_BRACE || code === OPEN_BRACKET) depth += 1;
      else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        if (depth === 1) fail(`unbalanced "${String.fromCharCode(code)}"`);
        depth -= 1;
      }
    }
    if (depth >= 1 && segmentStart >= 0) {
      parts.push(text.slice(segmentStart));
      size += text.length - segmentStart;
      if (size > MAX_ITEM_CHARS) fail(`an array item is longer than ${MAX_ITEM_CHARS} characters`, itemLine);
    }
  }
  if (started && !finished) fail("the JSON array is not closed (the file may be truncated)", hasItemText ? itemLine : line);
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === NEWLINE || code === 0x0d;
}
