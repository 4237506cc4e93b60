import type { CanonicalAuthor, CanonicalPaper, CanonicalVenue, ReadItem, SourceLocation, VenueKind } from "../../canonical";
import { collapseWhitespace, normaliseDoi } from "../../normalise/text";
import { normalisePages, parseYear, proceedingsKind, venueFromContainer } from "../csl-json/field-values";
import { stripMarkup } from "../csl-json/strip-markup";
import type { BibtexCreator, BibtexEntry } from "./bibtex-library";

/**
 * BibTeX entry (already TeX-decoded by @retorquere/bibtex-parser) -> canonical paper. Mapping table:
 *
 *   title                  -> title (markup and case-protecting braces removed)
 *   author                 -> authors "First von Last Jr"; "and others" dropped; {Braced Corporate} kept whole
 *   year, else date        -> year (4 digits; anything else present is a rejection)
 *   doi, url, abstract     -> doi, url, abstract
 *   pages                  -> pages ("39--50" -> "39-50")
 *   booktitle | journal    -> venue.name; shortjournal, or a series that is an acronym -> venue.acronym
 *   entry type             -> venue.kind: inproceedings/conference -> conference (workshop if named so),
 *                             article -> journal, other types -> other; arXiv/CoRR -> "other" under that name
 *   citation key           -> sourceKey "bibtex:<key>"
 */
export function mapBibtexEntry(entry: BibtexEntry, location: SourceLocation): ReadItem {
  const reject = (reason: string): ReadItem => ({ kind: "rejected", location, reason: `@${entry.type}{${entry.key}}: ${reason}` });
  const fields = entry.fields;
  const title = cleanText(fields.title);
  if (!title) return reject("missing title");
  const year = yearOf(fields.year, fields.date);
  if (year === null) return reject(`bad year "${fields.year ?? fields.date}" (expected 4 digits)`);

  const record: CanonicalPaper = {
    sourceKey: `bibtex:${entry.key}`,
    title,
    authors: authorsOf(fields.author ?? []),
    location,
  };
  if (year !== undefined) record.year = year;
  const doi = normaliseDoi(verbatim(fields.doi));
  if (doi) record.doi = doi;
  const url = firstUrl(verbatim(fields.url));
  if (url) record.url = url;
  const abstract = cleanText(fields.abstract);
  if (abstract) record.abstract = abstract;
  const pages = normalisePages(fields.pages);
  if (pages) record.pages = pages;
  const venue = venueOf(entry);
  if (venue) record.venue = venue;
  return { kind: "record", record };
}

function authorsOf(creators: BibtexCreator[]): CanonicalAuthor[] {
  return creators
    .filter((creator) => !isOthers(creator))
    .map(creatorName)
    .filter((name): name is string => name !== undefined)
    .map((name) => ({ name }));
}

/** BibTeX's "and others" (et al.) is not a person. */
function isOthers(creator: BibtexCreator): boolean {
  return !creator.firstName && !creator.prefix && !creator.name && creator.lastName?.trim().toLowerCase() === "others";
}

/** "First von Last Jr": `Van Hee, Cynthia` -> "Cynthia Van Hee", `{Abu Farha}, Ibrahim` -> "Ibrahim Abu Farha". */
function creatorName(creator: BibtexCreator): string | undefined {
  if (creator.name) return cleanText(creator.name);
  const parts = [creator.firstName, creator.prefix, creator.lastName, creator.suffix]
    .map((part) => cleanText(part))
    .filter((part): part is string => part !== undefined);
  return parts.length > 0 ? parts.join(" ") : undefined;
}

/** undefined when no year is given; null when one is given but is not a plain year. */
function yearOf(year: string | undefined, date: string | undefined): number | undefined | null {
  if (year !== undefined && year.trim() !== "") return parseYear(year);
  if (date !== undefined && date.trim() !== "") {
    const match = /^\s*([12]\d{3})(?:[-/]|\s*$)/.exec(date);
    return match ? Number(match[1]) : null;
  }
  return undefined;
}

function venueOf(entry: BibtexEntry): CanonicalVenue | undefined {
  const fields = entry.fields;
  const container = fields.booktitle ?? fields.journal ?? fields.journaltitle;
  const acronym = acronymOf(fields.shortjournal ?? fields.shortbooktitle, fields.series);
  const preprint = isArxivEprint(fields) && !container ? "arXiv" : undefined;
  const name = cleanText(container)?.replace(/^In:\s*/i, "") ?? preprint;
  return venueFromContainer(name, kindOf(entry.type, name ?? ""), acronym);
}

function kindOf(type: string, name: string): VenueKind {
  switch (type.toLowerCase()) {
    case "inproceedings":
    case "conference":
      return proceedingsKind(name);
    case "article":
      return "journal";
    default:
      return "other";
  }
}

/** Book series that are not one venue even though they look like acronyms. */
const SERIES_THAT_ARE_NOT_VENUES = new Set(["lncs", "lnai", "lnbi", "ccis", "ceur", "pmlr", "aisc", "ifip"]);

/**
 * An explicit short name (shortjournal), or a `series` that is clearly an acronym, such as ACM's
 * "CoNLL '10" -> "CoNLL" (the year is dropped so every year is one venue). Long series names
 * ("Lecture Notes in Computer Science") are never taken: they would merge unrelated venues.
 */
function acronymOf(shortName: string | undefined, series: string | undefined): string | undefined {
  const short = cleanText(shortName);
  if (short) return short;
  const candidate = cleanText(series)?.replace(/\s*'?\d{2,4}$/, "");
  if (!candidate || !/^[A-Za-z][A-Za-z0-9&+-]{1,19}$/.test(candidate)) return undefined;
  if ((candidate.match(/[A-Z]/g) ?? []).length < 2 || SERIES_THAT_ARE_NOT_VENUES.has(candidate.toLowerCase())) return undefined;
  return candidate;
}

function isArxivEprint(fields: BibtexEntry["fields"]): boolean {
  const archive = fields.archiveprefix ?? fields.eprinttype ?? "";
  return /^arxiv$/i.test(archive.trim());
}

/**
 * A field read as written (doi, url) with TeX's escapes of its special characters undone and grouping braces dropped:
 * dblp's BibTeX writes every DOI with an underscore as "\_" (10.1007/978-3-319-38851-9\_9), and kept so, such a
 * DOI named no paper of any other source, which made the paper twice.
 */
function verbatim(raw: string | undefined): string | undefined {
  return raw?.replace(/[{}]/g, "").replace(/\\([_%&#$])/g, "$1");
}

/** The first URL when a field lists several. */
function firstUrl(raw: string | undefined): string | undefined {
  const url = raw?.trim().split(/\s+/)[0];
  return url ? url : undefined;
}

/**
 * Markup the parser emits (\emph -> <i>) removed, whitespace collapsed, Unicode composed (NFC).
 * TeX's dotless i/j under an accent ({\'\i}) become the plain letter first, so "Mar{\'\i}a" is "María".
 */
function cleanText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const dotted = value.replace(/\u0131(?=\p{M})/gu, "i").replace(/\u0237(?=\p{M})/gu, "j");
  const text = collapseWhitespace(stripMarkup(dotted)).normalize("NFC");
  return text === "" ? undefined : text;
}
