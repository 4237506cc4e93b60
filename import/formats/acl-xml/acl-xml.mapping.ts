/**
 * ACL Anthology XML raw paper -> CanonicalPaper. The mapping table:
 *
 * | ACL Anthology                          | canonical                                                       |
 * |----------------------------------------|-----------------------------------------------------------------|
 * | `<paper>/<title>` (markup stripped)    | title (`<fixed-case>` and other inline markup dropped, text kept)|
 * | `<author id?>` `<first>` `<last>`      | name "first last"; `id` -> key {acl, id}; `orcid` -> orcid       |
 * | `<affiliation>`, `<editor>`            | nothing (editors are not authors)                               |
 * | `<url>` anthology id                   | url https://aclanthology.org/<id>; sourceKey "acl:<id>"          |
 * | (no `<url>`) collection-volume.paper   | the same, for new-style collection ids ("2024.findings")        |
 * | `<bibkey>`                             | sourceKey "acl:<bibkey>" when `<url>` gives no anthology id      |
 * | `<doi>`, `<pages>`, `<abstract>`       | doi (normalised), pages ("34–48" -> "34-48"), abstract (markup stripped) |
 * | volume `<meta>/<year>`                 | year (4 digits, else the paper is rejected)                     |
 * | volume `<meta>/<booktitle>`, `<venue>` | venue name, acronym (first `<venue>` other than the generic "ws") |
 * | volume `type="journal"` (TACL, CL)     | venue kind journal; "Workshop" in the booktitle or venue "ws"   |
 * |                                        | -> workshop;                                                    |
 * |                                        | otherwise conference                                            |
 */
import type { CanonicalAuthor, CanonicalPaper, CanonicalVenue, SourceLocation, VenueKind } from "../../canonical";
import { collapseWhitespace, normaliseDoi } from "../../normalise/text";
import { normalisePages } from "../csl-json/field-values";

/** What `<volume>/<meta>` says about every paper of the volume. */
export interface AclRawVolume {
  collectionId: string;
  volumeId: string;
  /** The volume's `type` attribute: "proceedings" or "journal". */
  type?: string;
  booktitle?: string;
  year?: string;
  venues: string[];
}

export interface AclRawAuthor {
  first?: string;
  last?: string;
  id?: string;
  orcid?: string;
}

/** What the reader extracts from one `<paper>`; all text is markup-free and collapsed. */
export interface AclRawPaper {
  volume: AclRawVolume;
  paperId?: string;
  title?: string;
  authors: AclRawAuthor[];
  url?: string;
  bibkey?: string;
  doi?: string;
  pages?: string;
  abstract?: string;
}

export type AclMappingResult = { kind: "paper"; paper: CanonicalPaper } | { kind: "rejected"; reason: string };

const ANTHOLOGY_SITE = "https://aclanthology.org/";
/** Anthology ids: "2024.findings-eacl.1" (new style), "P19-1001" (old style). */
const ANTHOLOGY_ID = /^[A-Za-z0-9][\w.-]*$/;
const ORCID = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;
const JOURNAL_VENUES = new Set(["tacl", "cl"]);

export function mapAclPaper(raw: AclRawPaper, location: SourceLocation): AclMappingResult {
  const anthologyId = raw.url ? (ANTHOLOGY_ID.test(raw.url) ? raw.url : undefined) : composedAnthologyId(raw);
  const label = anthologyId ?? raw.bibkey ?? `${raw.volume.collectionId}-${raw.volume.volumeId}.${raw.paperId ?? "?"}`;
  if (!raw.title) return { kind: "rejected", reason: `paper ${label}: no title` };
  const year = raw.volume.year;
  if (year !== undefined && !/^\d{4}$/.test(year)) {
    return { kind: "rejected", reason: `paper ${label}: volume year "${year}" is not a 4-digit number` };
  }
  const authors: CanonicalAuthor[] = [];
  for (const [index, author] of raw.authors.entries()) {
    const name = collapseWhitespace(`${author.first ?? ""} ${author.last ?? ""}`);
    if (!name) return { kind: "rejected", reason: `paper ${label}: author ${index + 1} has neither <first> nor <last>` };
    authors.push(authorOf(name, author));
  }
  const paper: CanonicalPaper = {
    sourceKey: `acl:${label}`,
    title: raw.title,
    year: year === undefined ? undefined : Number(year),
    doi: normaliseDoi(raw.doi),
    url: anthologyId ? `${ANTHOLOGY_SITE}${anthologyId}` : raw.url,
    abstract: raw.abstract,
    // The Anthology writes ranges with an en dash, its BibTeX export with "--": one spelling for both.
    pages: normalisePages(raw.pages),
    authors,
    venue: venueOf(raw.volume),
    location,
  };
  return { kind: "paper", paper: withoutUndefined(paper) };
}

/**
 * A paper without `<url>` still has an Anthology id when its collection id is new-style ("2024.findings"):
 * "<collection>-<volume>.<paper>". Old-style ids ("P19" -> "P19-1001") are not derivable this simply.
 */
function composedAnthologyId(raw: AclRawPaper): string | undefined {
  const { collectionId, volumeId } = raw.volume;
  return collectionId.includes(".") && volumeId && raw.paperId ? `${collectionId}-${volumeId}.${raw.paperId}` : undefined;
}

function authorOf(name: string, author: AclRawAuthor): CanonicalAuthor {
  const orcid = author.orcid?.toUpperCase();
  return withoutUndefined({
    name,
    key: author.id ? { scheme: "acl" as const, value: author.id } : undefined,
    orcid: orcid && ORCID.test(orcid) ? orcid : undefined,
  });
}

/** "ws" is the Anthology's catch-all for workshops, not a venue of its own. */
const GENERIC_WORKSHOP_VENUE = "ws";

function venueOf(volume: AclRawVolume): CanonicalVenue | undefined {
  const acronym = volume.venues.find((venue) => venue.toLowerCase() !== GENERIC_WORKSHOP_VENUE);
  const name = volume.booktitle ?? acronym;
  if (!name) return undefined;
  return withoutUndefined({ name, acronym, kind: venueKind(volume, name) });
}

function venueKind(volume: AclRawVolume, booktitle: string): VenueKind {
  if (volume.type === "journal" || volume.venues.some((venue) => JOURNAL_VENUES.has(venue.toLowerCase()))) return "journal";
  if (/\bworkshops?\b/i.test(booktitle) || volume.venues.includes(GENERIC_WORKSHOP_VENUE)) return "workshop";
  return "conference";
}

/** Optional fields are left out rather than set to undefined, so records compare and serialise cleanly. */
function withoutUndefined<T extends object>(value: T): T {
  const defined = {} as T;
  for (const key in value) if (value[key] !== undefined) defined[key] = value[key];
  return defined;
}
