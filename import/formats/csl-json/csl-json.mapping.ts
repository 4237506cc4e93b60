import type { CanonicalAuthor, CanonicalPaper, ReadItem, SourceLocation, VenueKind } from "../../canonical";
import { collapseWhitespace, normaliseDoi, normaliseTitle } from "../../normalise/text";
import { normalisePages, parseYear, proceedingsKind, venueFromContainer } from "./field-values";
import { decodeHtmlEntities, stripMarkup } from "./strip-markup";

/**
 * CSL-JSON item -> canonical paper. Mapping table:
 *
 *   title                    -> title (rich-text markup removed)
 *   author[]                 -> authors: literal, or given + particles + family + suffix; ORCID -> key
 *   issued.date-parts[0][0]  -> year (also issued.raw / issued.literal)
 *   DOI, URL, abstract, page -> doi, url, abstract, pages
 *   container-title          -> venue.name;  container-title-short -> venue.acronym
 *   type                     -> venue.kind: paper-conference -> conference (workshop if named so),
 *                               article-journal -> journal, anything else -> other
 *   id                       -> sourceKey "csl:<id>"
 */
export function mapCslItem(item: unknown, location: SourceLocation): ReadItem {
  const reject = (reason: string): ReadItem => ({ kind: "rejected", location, reason });
  if (!isObject(item)) return reject("item is not a JSON object");
  const title = cleanText(firstString(item.title));
  if (!title) return reject("missing title");
  const authors = mapAuthors(item.author);
  if (typeof authors === "string") return reject(authors);
  const year = yearOf(item.issued);
  if (year === null) return reject(`bad issued date ${JSON.stringify(item.issued)}`);

  const id = item.id;
  const sourceKey = typeof id === "string" || typeof id === "number" ? `csl:${id}` : `csl:${normaliseTitle(title)}|${year ?? ""}`;
  const record: CanonicalPaper = { sourceKey, title, authors, location };
  if (year !== undefined) record.year = year;
  const doi = normaliseDoi(firstString(item.DOI));
  if (doi) record.doi = doi;
  const url = firstString(item.URL)?.trim();
  if (url) record.url = url;
  const abstract = cleanText(firstString(item.abstract));
  if (abstract) record.abstract = abstract;
  const pages = normalisePages(firstString(item.page));
  if (pages) record.pages = pages;
  const containerTitle = cleanText(firstString(item["container-title"]));
  const venue = venueFromContainer(
    containerTitle,
    venueKind(item.type, containerTitle ?? ""),
    cleanText(firstString(item["container-title-short"])),
  );
  if (venue) record.venue = venue;
  return { kind: "record", record };
}

function venueKind(type: unknown, containerTitle: string): VenueKind {
  if (type === "paper-conference") return proceedingsKind(containerTitle);
  if (type === "article-journal") return "journal";
  return "other";
}

/** The authors in byline order, or the reason the list is unusable. */
function mapAuthors(raw: unknown): CanonicalAuthor[] | string {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) return "author is not a list";
  const authors: CanonicalAuthor[] = [];
  for (const [index, person] of raw.entries()) {
    if (!isObject(person)) return `author ${index + 1} is not an object`;
    const name = personName(person);
    if (!name) return `author ${index + 1} has no name`;
    const author: CanonicalAuthor = { name };
    const orcid = orcidOf(person.ORCID ?? person.orcid);
    if (orcid) {
      author.key = { scheme: "orcid", value: orcid };
      author.orcid = orcid;
    }
    authors.push(author);
  }
  return authors;
}

/** "given dropping-particle non-dropping-particle family suffix", or the literal name. */
function personName(person: Record<string, unknown>): string | undefined {
  const literal = cleanText(firstString(person.literal));
  if (literal) return literal;
  const parts = [person.given, person["dropping-particle"], person["non-dropping-particle"], person.family, person.suffix]
    .map((part) => cleanText(typeof part === "string" ? part : undefined))
    .filter((part): part is string => part !== undefined);
  return parts.length > 0 ? parts.join(" ") : undefined;
}

/** The bare 0000-0000-0000-000X form from an ORCID id or URL. */
function orcidOf(raw: unknown): string | undefined {
  if (typeof raw !== "string") return undefined;
  const match = /(\d{4}-\d{4}-\d{4}-\d{3}[\dXx])/.exec(raw);
  return match ? match[1].toUpperCase() : undefined;
}

/** undefined when there is no date; null when there is one but it has no usable year. */
function yearOf(issued: unknown): number | undefined | null {
  if (issued === undefined || issued === null) return undefined;
  if (!isObject(issued)) return null;
  const dateParts = issued["date-parts"];
  if (Array.isArray(dateParts) && Array.isArray(dateParts[0]) && dateParts[0].length > 0) {
    return parseYear(dateParts[0][0]);
  }
  const text = firstString(issued.raw) ?? firstString(issued.literal);
  if (text !== undefined) {
    const match = /\b([12]\d{3})\b/.exec(text);
    return match ? Number(match[1]) : null;
  }
  return Array.isArray(dateParts) && dateParts.length === 0 ? undefined : null;
}

/** CSL allows a string or (from some exporters) a list of strings; numbers appear for ids and pages. */
function firstString(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value) && typeof value[0] === "string") return value[0];
  return undefined;
}

/**
 * Markup and entities removed, TeX's escaped "&" and "%" (left in by some converters) unescaped,
 * whitespace collapsed, Unicode composed (NFC) so one name has one spelling.
 */
function cleanText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const unescaped = decodeHtmlEntities(stripMarkup(value)).replace(/\\([&%])/g, "$1");
  const text = collapseWhitespace(unescaped).normalize("NFC");
  return text === "" ? undefined : text;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
