import { compareCodePoints } from "../../src/util/code-point-order";
import { CanonicalPaper } from "../canonical";
import { Database } from "../../src/db/database";
import { paperIdentity } from "./batch-rows";
import { FIND_PAPERS_BY_IDENTITY } from "./writer.cypher";

export interface PaperResolution {
  /** The paper id each record writes to, index-aligned with the records. */
  ids: string[];
  /** DOI-less papers already in the graph that a DOI record identifies: their id becomes the DOI. */
  renames: Array<{ from: string; to: string; doi: string }>;
  /** Resolved ids of papers that were already in the graph before this batch. */
  existing: string[];
  /** Those papers' year and current authors, by resolved id: what pair-increments.ts needs to know what is new. */
  before: Map<string, { year: number | null; authorIds: string[]; namedMentions?: NamedMention[] }>;
}

/** A mention by name on a paper in the graph: the author it is attached to (AUTHORED {named: true}) and its position. */
export interface NamedMention {
  authorId: string;
  nameKey: string;
  position: number;
}

export interface KnownPaper {
  id: string;
  titleKey: string;
  doi: string | null;
  year?: number | null;
  authorIds?: string[];
  namedMentions?: NamedMention[];
}

/** What a batch asks the graph for: papers with one of these ids (DOIs) or one of these titleKeys. */
export interface PaperLookup {
  dois: string[];
  titleKeys: string[];
}

export function paperLookup(records: CanonicalPaper[]): PaperLookup {
  const identities = records.map(paperIdentity);
  return {
    dois: [...new Set(identities.map((i) => i.doi).filter((d): d is string => d !== null))],
    titleKeys: [...new Set(identities.map((i) => i.titleKey))],
  };
}

/** Resolves a batch against Neo4j: one read for the papers it could be, then resolveAgainst. */
export async function resolvePaperIds(db: Database, records: CanonicalPaper[]): Promise<PaperResolution> {
  const { dois, titleKeys } = paperLookup(records);
  const found = await db.read(FIND_PAPERS_BY_IDENTITY, { dois, titleKeys });
  return resolveAgainst(
    records,
    found.map((r) => ({
      id: r.get("id") as string,
      titleKey: r.get("titleKey") as string,
      doi: (r.get("doi") as string | null) ?? null,
      year: (r.get("year") as number | null) ?? null,
      authorIds: r.get("authorIds") as string[],
      namedMentions: r.get("namedMentions") as NamedMention[],
    })),
  );
}

/**
 * One paper is one node however it was seen: by DOI, or by normalised title and year. A record with a DOI takes the
 * paper with that DOI, else upgrades a DOI-less paper with its titleKey (its id becomes the DOI), else is new.
 * A record without DOI takes a paper with its titleKey (the smallest id when several DOIs share a title and year),
 * else is new. DOI records are placed first so that, inside a batch, the outcome does not depend on record order.
 * `known` are the papers already in the graph that paperLookup(records) matches; the same rule serves the online
 * import (read from Neo4j) and `import --bulk` (read from its in-memory graph). `known` is not modified.
 */
export function resolveAgainst(records: CanonicalPaper[], known: KnownPaper[]): PaperResolution {
  const identities = records.map(paperIdentity);
  const byId = new Map<string, KnownPaper>();
  const byTitleKey = new Map<string, KnownPaper[]>();
  const remember = (paper: KnownPaper) => {
    byId.set(paper.id, paper);
    const list = byTitleKey.get(paper.titleKey) ?? [];
    if (!list.some((p) => p.id === paper.id)) list.push(paper);
    byTitleKey.set(paper.titleKey, list);
  };
  const before: KnownPaper[] = known.map((p) => ({ ...p }));
  before.forEach(remember);

  const ids = new Array<string>(records.length);
  const renames: PaperResolution["renames"] = [];
  const order = identities.map((_, i) => i).sort((a, b) => Number(identities[a].doi === null) - Number(identities[b].doi === null));

  for (const index of order) {
    const { doi, titleKey } = identities[index];
    const candidates = byTitleKey.get(titleKey) ?? [];
    if (doi !== null) {
      if (byId.has(doi)) {
        ids[index] = doi;
        continue;
      }
      const doiLess = candidates.find((p) => p.doi === null);
      if (doiLess) {
        renames.push({ from: doiLess.id, to: doi, doi });
        byId.delete(doiLess.id);
        doiLess.id = doi;
        doiLess.doi = doi;
        byId.set(doi, doiLess);
      } else {
        remember({ id: doi, titleKey, doi });
      }
      ids[index] = doi;
    } else if (candidates.length > 0) {
      ids[index] = candidates.map((p) => p.id).sort(compareCodePoints)[0];
    } else {
      remember({ id: titleKey, titleKey, doi: null });
      ids[index] = titleKey;
    }
  }
  // Objects are shared with the maps, so a renamed paper reports its new id here.
  const resolved = new Set(ids);
  const existingBefore = before.filter((p) => resolved.has(p.id));
  return {
    ids,
    renames,
    existing: existingBefore.map((p) => p.id),
    before: new Map(
      existingBefore.map((p) => [p.id, { year: p.year ?? null, authorIds: p.authorIds ?? [], namedMentions: p.namedMentions ?? [] }]),
    ),
  };
}
