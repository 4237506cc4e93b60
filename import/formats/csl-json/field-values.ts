import type { CanonicalVenue, VenueKind } from "../../canonical";
import { collapseWhitespace } from "../../normalise/text";

/**
 * Field-value rules shared by the format mappings (CSL-JSON and BibTeX; page ranges also ACL XML, preprint
 * servers also DBLP), so the same venue or page range looks the same whichever format brought it.
 */

/** "39--50", "107–116", "39 - 50" -> "39-50"; undefined when there is no digit or Roman numeral at all ("n/a-n/a"). */
export function normalisePages(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const pages = collapseWhitespace(raw).replace(/\s*(?:-+|[\u2010-\u2015\u2212])\s*/g, "-");
  return /[0-9ivxlcdm]/i.test(pages) && !/^n\/?a\b/i.test(pages) ? pages : undefined;
}

/** A 4-digit year between 1000 and 2999 from a whole value ("2019", 2019); null when present but malformed. */
export function parseYear(raw: unknown): number | undefined | null {
  if (raw === undefined || raw === null || raw === "") return undefined;
  const text = String(raw).trim();
  if (!/^[12]\d{3}$/.test(text)) return null;
  return Number(text);
}

/** Preprint servers are not venues of a kind; their records keep the server's own name. */
export function preprintServer(name: string): string | undefined {
  if (/^corr$/i.test(name.trim())) return "CoRR";
  if (/\barxiv\b/i.test(name)) return "arXiv";
  return undefined;
}

/** The venue for a proceedings-type record: a workshop when its name says so. */
export function proceedingsKind(name: string): VenueKind {
  return /\bworkshops?\b/i.test(name) ? "workshop" : "conference";
}

/**
 * A venue from a container name. Preprint servers (arXiv, CoRR) become kind "other" under the
 * server's name, whatever the record type says.
 */
export function venueFromContainer(name: string | undefined, kind: VenueKind, acronym?: string): CanonicalVenue | undefined {
  const cleanName = name === undefined ? "" : collapseWhitespace(name);
  const cleanAcronym = acronym === undefined ? "" : collapseWhitespace(acronym);
  if (cleanName === "" && cleanAcronym === "") return undefined;
  const server = preprintServer(cleanName || cleanAcronym);
  if (server) return { name: server, kind: "other" };
  const venue: CanonicalVenue = { name: cleanName || cleanAcronym, kind };
  if (cleanAcronym !== "") venue.acronym = cleanAcronym;
  return venue;
}
