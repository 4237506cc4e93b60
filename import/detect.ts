import path from "node:path";
import { FORMATS, type Format } from "./canonical";
import { isPaperMarkerLine, isYearHeading } from "./formats/acl-author-page/acl-author-page.shape";

/** The content and name gave no format; the user has to say which one with --format. */
export class FormatDetectionError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`Cannot tell the format of ${file}: ${detail}. Pass --format with one of: ${FORMATS.join(", ")}.`);
    this.name = "FormatDetectionError";
  }
}

/** Extensions that settle the question when the content alone does not (an empty or comment-only file). */
const FORMAT_BY_EXTENSION: Readonly<Record<string, Format>> = {
  ".bib": "bibtex",
  ".bibtex": "bibtex",
  ".json": "csl-json",
  ".jsonl": "csl-json",
  ".ndjson": "csl-json",
};

/**
 * Decides the format from the first few KB of decompressed content, then the file name.
 * Content wins over the extension: a ".txt" holding BibTeX is BibTeX. `firstBytes` may end in
 * the middle of a record or a character; only markers near the start are needed.
 */
export function detectFormat(file: string, firstBytes: Buffer): Format {
  const head = firstBytes.toString("utf8").replace(/^\uFEFF/, "");
  const start = head.trimStart();
  if (start.startsWith("<")) return detectXml(file, head);
  const fromContent = detectJson(start) ?? detectBibtex(head) ?? detectAuthorPage(head);
  if (fromContent) return fromContent;
  const fromName = FORMAT_BY_EXTENSION[extensionOf(file)];
  const looksLikeJson = start.startsWith("{") || start.startsWith("[");
  if (fromName && (start.length === 0 || fromName === "bibtex" || looksLikeJson)) return fromName;
  if (start.length === 0) throw new FormatDetectionError(file, "it is empty and its name has no known extension");
  throw new FormatDetectionError(file, "its first bytes look like none of the supported formats");
}

function detectXml(file: string, head: string): Format {
  if (/<!DOCTYPE\s+dblp\b|dblp\.dtd|<dblp[\s>]/.test(head)) return "dblp-xml";
  if (/<collection[\s>]|<volume[\s>]/.test(head)) return "acl-xml";
  throw new FormatDetectionError(file, "it is XML, but neither DBLP (<dblp>, dblp.dtd) nor ACL Anthology (<collection>, <volume>)");
}

/** A JSON array of objects, or JSON Lines whose first object has CSL fields. */
function detectJson(start: string): Format | undefined {
  if (start.startsWith("[")) {
    const afterBracket = start.slice(1).trimStart();
    if (afterBracket.startsWith("]") || (afterBracket.startsWith("{") && hasCslKey(afterBracket))) return "csl-json";
    return undefined;
  }
  if (start.startsWith("{")) {
    const firstLine = start.split("\n", 1)[0];
    return hasCslKey(firstLine) ? "csl-json" : undefined;
  }
  return undefined;
}

function hasCslKey(text: string): boolean {
  return /"(?:title|author|type|issued|container-title)"\s*:/.test(text);
}

/** BibTeX allows free text between entries, so an entry start anywhere in the head counts. */
function detectBibtex(head: string): Format | undefined {
  return /^[ \t]*@[ \t]*[A-Za-z]+[ \t]*[{(]/m.test(head) ? "bibtex" : undefined;
}

function detectAuthorPage(head: string): Format | undefined {
  const lines = head.split(/\r?\n/);
  const hasMarker = lines.some(isPaperMarkerLine);
  const hasYear = lines.some(isYearHeading);
  return hasMarker && (hasYear || lines.some((line) => line.includes(" | "))) ? "acl-author-page" : undefined;
}

function extensionOf(file: string): string {
  const withoutGzip = file.toLowerCase().replace(/\.gz$/, "");
  return path.extname(withoutGzip);
}
