import type { FormatReader, ReadItem } from "../../canonical";
import { decodeUtf8 } from "../line-stream";
import { loadBibtexLibrary, parseEntryText, type MacroTable } from "./bibtex-library";
import { mapBibtexEntry } from "./bibtex.mapping";
import { splitBibtexEntries, type RawBibtexEntry } from "./entry-splitter";

/** Entry types that carry no record. */
const SKIPPED_TYPES = new Set(["comment", "preamble"]);

/**
 * Streams a BibTeX file entry by entry: the splitter cuts the text into top-level entries, each
 * is parsed alone with the @string macros defined above it (so "@string" and "#" concatenation
 * work), then mapped. Only one entry and the macro table are held in memory. A malformed entry is
 * a rejection with its line; a structurally broken file (an entry never closed) throws
 * UnparseableFileError from the splitter.
 */
export const bibtexReader: FormatReader = {
  format: "bibtex",
  read: readBibtex,
};

async function* readBibtex(input: AsyncIterable<Buffer>, file: string): AsyncGenerator<ReadItem> {
  const library = await loadBibtexLibrary();
  const macros: MacroTable = {};
  for await (const raw of splitBibtexEntries(decodeUtf8(input, file), file)) {
    if (SKIPPED_TYPES.has(raw.type)) continue;
    const location = { file, line: raw.line };
    const parsed = parseEntryText(library, raw.text, macros);
    if (raw.type === "string") {
      if (parsed.errors.length > 0) {
        yield { kind: "rejected", location, reason: `@string: ${parsed.errors[0]}` };
      } else {
        Object.assign(macros, parsed.strings);
      }
      continue;
    }
    if (parsed.errors.length > 0 || !parsed.entry) {
      const reason = parsed.errors[0] ?? "not a BibTeX entry (expected @type{key, field = value, ...})";
      yield { kind: "rejected", location, reason: `${entryLabel(raw)}: ${inFileTerms(reason, raw.line)}` };
      continue;
    }
    yield mapBibtexEntry(parsed.entry, location);
  }
}

/** "@article{key}" from the raw text, for reports about entries the parser could not read. */
function entryLabel(raw: RawBibtexEntry): string {
  const key = /^@\s*[A-Za-z]+\s*[{(]\s*([^,\s]+)\s*,/.exec(raw.text)?.[1];
  return key ? `@${raw.type}{${key}}` : `@${raw.type}`;
}

/** The parser counts lines from the start of the entry text; reports count from the start of the file. */
function inFileTerms(message: string, entryLine: number): string {
  return message.replace(/at line (\d+), column (\d+)/, (_whole, line: string, column: string) => {
    return `at line ${entryLine + Number(line) - 1}, column ${column}`;
  });
}
