import { CanonicalAuthor, CanonicalPaper, CanonicalVenue } from "./canonical";
import { nameKey, normaliseDoi, normaliseTitle } from "./normalise/text";

/**
 * Identity rules (DESIGN.md, README "Identity rules"). Every id in the graph is derived here and only here.
 *
 * Author: a source's person key when it gives one ("dblp:Wei Xiong 0001", "acl:<id>", "orcid:<id>"), otherwise
 *   "name:<nameKey>". Whether a name-only mention later attaches to a keyed author is decided from the whole graph
 *   by author-resolution.ts, so that the outcome does not depend on import order.
 * Paper: the lower-cased DOI, otherwise "<normalised title>|<year>" (the titleKey). A DOI-less record and a DOI record
 *   with the same titleKey are one paper (paper-resolution.ts).
 * Venue: the normalised acronym when the source gives one, otherwise the normalised full name.
 */

export function authorId(author: CanonicalAuthor): string {
  return author.key ? `${author.key.scheme}:${author.key.value}` : `name:${nameKey(author.name)}`;
}

export function paperTitleKey(paper: Pick<CanonicalPaper, "title" | "year">): string {
  return `${normaliseTitle(paper.title)}|${paper.year ?? ""}`;
}

export function paperDoi(paper: Pick<CanonicalPaper, "doi">): string | undefined {
  return normaliseDoi(paper.doi);
}

export function venueId(venue: CanonicalVenue): string {
  // A key without a letter or digit ("-" as an acronym) names no venue: the name's key, or none.
  const key = (text: string) => {
    const normalised = normaliseTitle(text);
    return /[\p{L}\p{N}]/u.test(normalised) ? normalised : "";
  };
  return (venue.acronym ? key(venue.acronym) : "") || key(venue.name);
}

/**
 * The longest keys a record may bring, in UTF-8 bytes. Neo4j's range indexes (the uniqueness constraints on ids, the
 * titleKey and nameKey indexes, a tie's pair) refuse a key over 8,167 bytes, and a batch with one such key failed
 * whole, then every later attempt at the same batch: a 9,000-character title or a consortium of 800 names given as one
 * `literal` author stopped the file. A tie's pair joins two author ids, so an id gets less than half of it.
 */
export const MAX_KEY_BYTES = { title: 4_000, authorId: 2_000, doi: 1_000, venue: 2_000 } as const;

/** Why a record's keys are too long for the graph's indexes (it is then rejected alone), or undefined. */
export function oversizedKey(paper: CanonicalPaper): string | undefined {
  const bytes = (text: string) => Buffer.byteLength(text, "utf8");
  const tooLong = (what: string, size: number, limit: number, hint: string) =>
    `${what} is ${size} bytes long, more than the ${limit} a key may have (Neo4j indexes no key over 8 KB); ${hint}`;
  const doi = paperDoi(paper);
  if (doi !== undefined && bytes(doi) > MAX_KEY_BYTES.doi) return tooLong("its DOI", bytes(doi), MAX_KEY_BYTES.doi, "is it a DOI?");
  const title = bytes(paperTitleKey(paper));
  if (title > MAX_KEY_BYTES.title)
    return tooLong("its title (normalised)", title, MAX_KEY_BYTES.title, "no real title is: is an abstract in the title field?");
  for (const [index, author] of paper.authors.entries()) {
    // Its id, and its nameKey, which every author has indexed, keyed or not (an ORCID author with a huge name).
    const id = Math.max(bytes(authorId(author)), bytes(nameKey(author.name)));
    if (id > MAX_KEY_BYTES.authorId)
      return tooLong(`author ${index + 1}'s id`, id, MAX_KEY_BYTES.authorId, "a group given as one name? give its members as authors");
  }
  const venue = paper.venue === undefined ? 0 : bytes(venueId(paper.venue));
  if (venue > MAX_KEY_BYTES.venue) return tooLong("its venue's key", venue, MAX_KEY_BYTES.venue, "shorten the container's name");
  return undefined;
}
