import { CanonicalAuthor, CanonicalPaper } from "../canonical";
import { authorId, paperDoi, paperTitleKey, venueId } from "../identity";
import { nameKey } from "../normalise/text";

/**
 * Parameter rows for the UNWIND statements of one batch. Plain data: the Cypher never sees a CanonicalPaper.
 * Type aliases, not interfaces, so that they are Cypher parameters (src/db/params.ts) as they are.
 */
export type PaperRow = {
  /** Final id after paper-resolution (DOI or titleKey, or an existing paper's id). */
  id: string;
  titleKey: string;
  doi: string | null;
  title: string;
  year: number | null;
  url: string | null;
  abstract: string | null;
  pages: string | null;
  sourceKeys: string[];
  /** Every venue the batch's records claim for the paper; MERGE_PAPERS' venue rule picks one among them. */
  venueIds: string[];
};

export type VenueRow = {
  id: string;
  name: string;
  acronym: string | null;
  kind: string;
};

export type AuthorRow = {
  id: string;
  /** Every spelling of the author in the batch, in byline order; author-spellings.ts turns them into name and aliases. */
  spellings: string[];
  nameKey: string;
  keyed: boolean;
  numbered: boolean;
  orcid: string | null;
};

export type AuthorshipRow = {
  authorId: string;
  paperId: string;
  position: number;
  keyed: boolean;
  named: boolean;
};

export interface BatchRows {
  papers: PaperRow[];
  venues: VenueRow[];
  authors: AuthorRow[];
  authorships: AuthorshipRow[];
}

/** The paper's identity before resolution against the graph. */
export function paperIdentity(record: CanonicalPaper): { doi: string | null; titleKey: string } {
  return { doi: paperDoi(record) ?? null, titleKey: paperTitleKey(record) };
}

/** The author id a byline entry writes to, or null for a blank name (no person). */
export function bylineAuthorId(author: CanonicalAuthor): string | null {
  return !author.key && !nameKey(author.name) ? null : authorId(author);
}

/** Every author id the records' bylines write to. */
export function bylineAuthorIds(records: CanonicalPaper[]): string[] {
  const ids = new Set<string>();
  for (const record of records) {
    for (const author of record.authors) {
      const id = bylineAuthorId(author);
      if (id !== null) ids.add(id);
    }
  }
  return [...ids];
}

/**
 * Turns canonical records into rows, given each record's resolved paper id. Duplicates inside the batch are folded:
 * one row per venue and author id (with every spelling the batch has for it); an author appearing twice in one byline
 * keeps its first position.
 */
export function toBatchRows(records: CanonicalPaper[], resolvedIds: string[]): BatchRows {
  const venues = new Map<string, VenueRow>();
  const authors = new Map<string, AuthorRow>();
  const authorships = new Map<string, AuthorshipRow>();
  const papers = new Map<string, PaperRow>();

  records.forEach((record, index) => {
    const id = resolvedIds[index];
    const identity = paperIdentity(record);
    const vId = record.venue ? venueId(record.venue) : null;
    if (record.venue && vId) {
      const venue = venues.get(vId);
      if (!venue) venues.set(vId, { id: vId, name: record.venue.name, acronym: record.venue.acronym ?? null, kind: record.venue.kind });
      else venue.acronym ??= record.venue.acronym ?? null; // as MERGE_VENUES does across batches
    }
    const seen = papers.get(id);
    if (seen) {
      // The same paper twice in one batch (e.g. a .bib listing it twice): one row, every source key.
      if (!seen.sourceKeys.includes(record.sourceKey)) seen.sourceKeys.push(record.sourceKey);
      seen.doi ??= identity.doi;
      seen.url ??= record.url ?? null;
      seen.abstract ??= record.abstract ?? null;
      seen.pages ??= record.pages ?? null;
      if (vId && !seen.venueIds.includes(vId)) seen.venueIds.push(vId);
    } else
      papers.set(id, {
        id,
        titleKey: identity.titleKey,
        doi: identity.doi,
        title: record.title,
        year: record.year ?? null,
        url: record.url ?? null,
        abstract: record.abstract ?? null,
        pages: record.pages ?? null,
        sourceKeys: [record.sourceKey],
        venueIds: vId ? [vId] : [],
      });
    record.authors.forEach((author, i) => {
      const aId = bylineAuthorId(author);
      if (aId === null) return;
      const existing = authors.get(aId);
      if (!existing) {
        authors.set(aId, {
          id: aId,
          spellings: [author.name],
          nameKey: nameKey(author.name),
          keyed: Boolean(author.key),
          numbered: Boolean(author.numbered),
          orcid: author.orcid ?? (author.key?.scheme === "orcid" ? author.key.value : null),
        });
      } else {
        if (!existing.spellings.includes(author.name)) existing.spellings.push(author.name);
        if (!existing.orcid && author.orcid) existing.orcid = author.orcid;
      }
      const edgeKey = `${aId}\u0000${id}`;
      const edge = authorships.get(edgeKey);
      if (!edge) {
        authorships.set(edgeKey, { authorId: aId, paperId: id, position: i + 1, keyed: Boolean(author.key), named: !author.key });
      } else {
        edge.keyed ||= Boolean(author.key);
        edge.named ||= !author.key;
      }
    });
  });
  return {
    papers: [...papers.values()],
    venues: [...venues.values()],
    authors: [...authors.values()],
    authorships: [...authorships.values()],
  };
}
