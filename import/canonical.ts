/**
 * The one record shape every reader maps to and the only thing the graph writer knows.
 * Readers own source quirks; identity (paper id, author id, venue id) is derived from these
 * fields by import/identity.ts, never by a reader.
 */

export type VenueKind = "conference" | "journal" | "workshop" | "other";

export type Format = "acl-author-page" | "acl-xml" | "dblp-xml" | "bibtex" | "csl-json";

export const FORMATS: readonly Format[] = ["acl-author-page", "acl-xml", "dblp-xml", "bibtex", "csl-json"];

/** A person key a source gives for an author. Two different keys are never merged. */
export interface PersonKey {
  scheme: "dblp" | "acl" | "orcid";
  /** dblp: the person name with its homonym number ("Wei Xiong 0001"); acl: the `<author id>`; orcid: the bare 0000-0000-0000-0000 form. */
  value: string;
}

export interface CanonicalAuthor {
  /** Display name in "First Last" order, TeX decoded, without a dblp homonym number. */
  name: string;
  key?: PersonKey;
  orcid?: string;
  /** True when the source marks this person as one of several namesakes (a dblp homonym number). */
  numbered?: boolean;
}

export interface CanonicalVenue {
  /** Full name (booktitle, journal, container-title). */
  name: string;
  /** Short series name when the source gives one (CSL container-title-short, dblp key prefix, ACL <venue>). */
  acronym?: string;
  kind: VenueKind;
}

/** Where a record sits in its file, for rejection reports. */
export interface SourceLocation {
  file: string;
  line?: number;
  offset?: number;
}

export interface CanonicalPaper {
  /** The source's own key for this record, prefixed by format: "dblp:conf/icml/X19", "bibtex:devlin-etal-2019-bert". */
  sourceKey: string;
  title: string;
  year?: number;
  doi?: string;
  url?: string;
  abstract?: string;
  pages?: string;
  /** Byline order; position = index + 1. */
  authors: CanonicalAuthor[];
  venue?: CanonicalVenue;
  location: SourceLocation;
}

export type ReadItem = { kind: "record"; record: CanonicalPaper } | { kind: "rejected"; location: SourceLocation; reason: string };

/** A file whose structure is broken (truncated XML, unclosed brace): the whole file is refused. */
export class UnparseableFileError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly location?: SourceLocation,
  ) {
    super(
      `${file}${location?.line ? `:${location.line}` : ""}: cannot be parsed: ${detail}. ` +
        `Nothing from this file was written; fix the file (or pass --format if detection guessed wrong) and import it again.`,
    );
    this.name = "UnparseableFileError";
  }
}

/** What every format provides: a reader over a decoded input that yields canonical records or rejections. */
export interface FormatReader {
  format: Format;
  /** `input` yields decompressed bytes; `file` is the name used in reports. */
  read(input: AsyncIterable<Buffer>, file: string): AsyncIterable<ReadItem>;
}
