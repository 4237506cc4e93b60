import { UnparseableFileError } from "../../canonical";

/** The source text of one top-level BibTeX entry, as found between its "@" and its closing delimiter. */
export interface RawBibtexEntry {
  /** Lower-cased entry type: "article", "inproceedings", "string", "comment", ... */
  type: string;
  text: string;
  /** 1-based line of the "@". */
  line: number;
}

/**
 * An entry larger than this is a runaway (usually an unclosed brace swallowing the rest of the
 * file); refusing it keeps memory bounded.
 */
export const MAX_ENTRY_CHARS = 4 * 1024 * 1024;

const AT = 0x40;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const QUOTE = 0x22;
const NEWLINE = 0x0a;

type State = "outside" | "header" | "body";

/**
 * Splits BibTeX text into top-level entries without parsing their fields. As in BibTeX, text
 * between entries is a comment. An entry is "@type{...}" or "@type(...)": braces are balanced
 * inside it (quoted values too), and a "(" entry ends at the first ")" outside braces and quotes.
 * An "@" not followed by a type and an opening delimiter (an e-mail address in a comment) is text.
 * Throws UnparseableFileError, naming the entry's first line, when an entry is still open at the end.
 */
export async function* splitBibtexEntries(chunks: AsyncIterable<string>, file: string): AsyncGenerator<RawBibtexEntry> {
  let state: State = "outside";
  let line = 1;
  let entryLine = 0;
  let entryType = "";
  let typeEnded = false;
  let parts: string[] = [];
  let size = 0;
  let closer = CLOSE_BRACE;
  let depth = 0;
  let inQuote = false;

  for await (const chunk of chunks) {
    let segmentStart = state === "outside" ? -1 : 0;
    for (let i = 0; i < chunk.length; i++) {
      const code = chunk.charCodeAt(i);
      if (code === NEWLINE) line += 1;
      if (state === "outside") {
        if (code === AT) {
          state = "header";
          entryLine = line;
          entryType = "";
          typeEnded = false;
          segmentStart = i;
          parts = [];
          size = 0;
        }
      } else if (state === "header") {
        if (isLetter(code) && !typeEnded) {
          entryType += chunk[i];
        } else if (isSpace(code)) {
          typeEnded = entryType.length > 0;
        } else if ((code === OPEN_BRACE || code === OPEN_PAREN) && entryType.length > 0) {
          state = "body";
          closer = code === OPEN_BRACE ? CLOSE_BRACE : CLOSE_PAREN;
          depth = 0;
          inQuote = false;
        } else {
          state = "outside";
          segmentStart = -1;
          if (code === AT) i -= 1; // re-examine this "@" as a possible entry start
        }
      } else if (code === OPEN_BRACE) {
        depth += 1;
      } else if (code === CLOSE_BRACE && depth > 0) {
        depth -= 1;
      } else if (code === QUOTE && depth === 0 && closer === CLOSE_PAREN) {
        inQuote = !inQuote;
      } else if (code === closer && depth === 0 && !inQuote) {
        parts.push(chunk.slice(segmentStart, i + 1));
        yield { type: entryType.toLowerCase(), text: parts.join(""), line: entryLine };
        parts = [];
        size = 0;
        state = "outside";
        segmentStart = -1;
      }
    }
    if (state !== "outside" && segmentStart >= 0) {
      parts.push(chunk.slice(segmentStart));
      size += chunk.length - segmentStart;
      if (size > MAX_ENTRY_CHARS) {
        throw new UnparseableFileError(
          file,
          `the @${entryType} entry starting here is longer than ${MAX_ENTRY_CHARS} characters; a brace is probably not closed`,
          { file, line: entryLine },
        );
      }
    }
  }
  if (state === "body") {
    throw new UnparseableFileError(
      file,
      `the @${entryType} entry starting here is not closed (an unbalanced "{" or missing "${String.fromCharCode(closer)}")`,
      { file, line: entryLine },
    );
  }
}

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}
