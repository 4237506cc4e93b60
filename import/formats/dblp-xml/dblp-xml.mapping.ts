/**
 * DBLP XML raw record -> CanonicalPaper. The mapping table:
 *
 * | dblp                                | canonical                                                           |
 * |-------------------------------------|---------------------------------------------------------------------|
 * | `key` attribute                     | sourceKey "dblp:<key>"; venue acronym (see venueOf)                 |
 * | `<title>` (markup stripped)         | title, without the "." dblp appends ("?" and "!" endings are kept)  |
 * | `<author>` "Manish Singh 0001"      | name "Manish Singh", key {dblp, "Manish Singh 0001"}, numbered      |
 * | `<author orcid=…>`                  | orcid                                                               |
 * | `<editor>`                          | nothing: editors are not authors                                    |
 * | `<year>`                            | year (4 digits, else the record is rejected)                        |
 * | first `<ee>` on doi.org             | doi                                                                 |
 * | first `<ee>`                        | url, else https://dblp.org/rec/<key>                                |
 * | `<pages>`                           | pages                                                               |
 * | `<booktitle>` / `<journal>` / `<series>` | venue name                                                     |
 *
 * `www` (person pages), `person` records and `proceedings` (a volume's front record: editors, no authored
 * work) are not papers and are skipped, so they neither inflate paper counts nor crowd search results.
 */
import type { CanonicalAuthor, CanonicalPaper, CanonicalVenue, SourceLocation, VenueKind } from "../../canonical";
import { normaliseDoi } from "../../normalise/text";
import { preprintServer } from "../csl-json/field-values";

export const DBLP_PAPER_KINDS = new Set(["article", "inproceedings", "book", "incollection", "phdthesis", "mastersthesis", "data"]);
export const DBLP_NON_PAPER_KINDS = new Set(["www", "person", "proceedings"]);

export interface DblpRawPerson {
  text: string;
  orcid?: string;
}

/** What the reader extracts from one record element; all text is entity-decoded, markup-free and collapsed. */
export interface DblpRawRecord {
  kind: string;
  key?: string;
  authors: DblpRawPerson[];
  title?: string;
  year?: string;
  booktitle?: string;
  journal?: string;
  series?: string;
  pages?: string;
  ee: string[];
}

export type DblpMappingResult = { kind: "paper"; paper: CanonicalPaper } | { kind: "skipped" } | { kind: "rejected"; reason: string };

/** A dblp homonym number is a 4-digit suffix: "Wei Xiong 0001". */
const HOMONYM_NUMBER = /^(.*\S)\s+(\d{4})$/;
const ORCID = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;
const DOI_LINK = /^https?:\/\/(?:dx\.)?doi\.org\//i;

export function mapDblpRecord(raw: DblpRawRecord, location: SourceLocation): DblpMappingResult {
  if (DBLP_NON_PAPER_KINDS.has(raw.kind)) return { kind: "skipped" };
  if (!DBLP_PAPER_KINDS.has(raw.kind)) return { kind: "rejected", reason: `unknown dblp record kind <${raw.kind}>` };
  if (!raw.key) return { kind: "rejected", reason: `<${raw.kind}> has no key attribute` };
  const title = raw.title ? withoutDblpPeriod(raw.title) : "";
  if (!title) return { kind: "rejected", reason: `${raw.key}: no title` };
  if (raw.year !== undefined && !/^\d{4}$/.test(raw.year)) {
    return { kind: "rejected", reason: `${raw.key}: year "${raw.year}" is not a 4-digit number` };
  }
  const authors: CanonicalAuthor[] = [];
  for (const [index, person] of raw.authors.entries()) {
    if (!person.text) return { kind: "rejected", reason: `${raw.key}: author ${index + 1} is empty` };
    authors.push(authorOf(person));
  }
  const doiLink = raw.ee.find((ee) => DOI_LINK.test(ee));
  const paper: CanonicalPaper = {
    sourceKey: `dblp:${raw.key}`,
    title,
    year: raw.year === undefined ? undefined : Number(raw.year),
    doi: normaliseDoi(doiLink),
    url: raw.ee[0] ?? `https://dblp.org/rec/${raw.key}`,
    pages: raw.pages,
    authors,
    venue: venueOf(raw),
    location,
  };
  return { kind: "paper", paper: withoutUndefined(paper) };
}

/** dblp ends every title with "." unless it already ends in "?" or "!"; an ellipsis is the author's own. */
function withoutDblpPeriod(title: string): string {
  return title.endsWith(".") && !title.endsWith("...") ? title.slice(0, -1).trimEnd() : title;
}

function authorOf(person: DblpRawPerson): CanonicalAuthor {
  const homonym = HOMONYM_NUMBER.exec(person.text);
  const orcid = person.orcid?.toUpperCase();
  return withoutUndefined({
    name: homonym ? homonym[1] : person.text,
    key: { scheme: "dblp" as const, value: person.text },
    orcid: orcid && ORCID.test(orcid) ? orcid : undefined,
    numbered: homonym !== null,
  });
}

/**
 * Venue choice, from what a user of the graph expects to see grouped together:
 * - `conf/<stream>/…` and `journals/<stream>/…`: the stream is the well-known acronym ("icml", "jmlr"), which
 *   also lines up with other sources' short names, so it becomes the acronym (and thereby the venue id).
 * - A workshop (booktitle says "Workshop", or dblp's "BioNLP@ACL" form) is keyed under its host conference's
 *   stream in dblp ("conf/acl/…"), but its papers are not ACL papers: no acronym, so the venue is the
 *   workshop's own name.
 * - The volume number dblp puts in split proceedings' booktitles ("ECCV (3)") is not part of the venue name.
 * - `reference/<work>/…` ("reference/vision/X14bd"), `series/…`, `books/<publisher>/…`, `phd/…`, `tr/…`:
 *   the second segment is a dblp-internal id of an encyclopedia, a book series, a publisher or a country,
 *   not an acronym anyone searches for, and it can collide with real ones ("reference/ml" is the Encyclopedia
 *   of Machine Learning, "journals/ml" the journal). So no acronym: the venue is "Computer Vision, A Reference
 *   Guide" by name, kind "other".
 * - dblp files arXiv under the journal "CoRR" (`journals/corr/…`). A preprint server is not a journal: as in
 *   the BibTeX and CSL-JSON mappings, the venue is the server's name, kind "other", so a paper's venue does not
 *   depend on which format brought it.
 * A record with none of booktitle, journal or series (most theses, books) has no venue.
 */
function venueOf(raw: DblpRawRecord): CanonicalVenue | undefined {
  const name = raw.booktitle?.replace(VOLUME_SUFFIX, "") || raw.journal || raw.series;
  if (!name) return undefined;
  const server = preprintServer(name);
  if (server) return { name: server, kind: "other" };
  const [prefix, stream] = raw.key!.split("/");
  const kind = venueKind(prefix, name);
  const acronym = (kind === "conference" || kind === "journal") && stream ? stream : undefined;
  return withoutUndefined({ name, acronym, kind });
}

const VOLUME_SUFFIX = /\s*\(\d+\)$/;
const WORKSHOP_NAME = /\bworkshops?\b|\S@\S/i;

function venueKind(keyPrefix: string, venueName: string): VenueKind {
  if (WORKSHOP_NAME.test(venueName)) return "workshop";
  if (keyPrefix === "conf") return "conference";
  if (keyPrefix === "journals") return "journal";
  return "other";
}

/** Optional fields are left out rather than set to undefined, so records compare and serialise cleanly. */
function withoutUndefined<T extends object>(value: T): T {
  const defined = {} as T;
  for (const key in value) if (value[key] !== undefined) defined[key] = value[key];
  return defined;
}
