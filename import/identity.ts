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
