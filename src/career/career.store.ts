import type { AuthorRecord } from "../author/author.record";
import { toAuthorRecord } from "../author/author.record";
import type { Database } from "../db/database";
import { toPaperRecord, type PaperRecord } from "../paper/paper.record";
import { toVenueRecord, type VenueRecord } from "../venue/venue.record";
import {
  AUTHORS_BY_NAME_WORD,
  CAREER_PAPERS,
  COAUTHOR_IDS,
  EVIDENCE_PAPERS,
  JOINT_PAPERS,
  PAIR_PROFILES,
  COAUTHOR_PAPERS,
  VENUES_BY_IDS,
} from "./career.cypher";
import type { TieProfile } from "./collaboration";
import type { EgoPaper } from "./namesakes";
import type { CareerPaper } from "./timeline";

export interface EgoPaperRow extends EgoPaper, CareerPaper {}

/**
 * The papers of `ids` (one author, or several read as one: the benchmark's artificial merges), each with the smallest
 * position of any of them, the byline size (distinct authors), the last position and the other authors.
 */
export async function readEgoPapers(db: Database, ids: readonly string[]): Promise<EgoPaperRow[]> {
  const self = new Set(ids);
  const records = await db.read(CAREER_PAPERS, { ids: [...ids] });
  return records.map((r) => {
    const byline = (r.get("byline") as Array<[string, unknown]>).map(([id, position]) => ({ id, position: Number(position ?? 0) }));
    const authors = new Set(byline.map((b) => b.id));
    const mine = byline.filter((b) => self.has(b.id)).map((b) => b.position);
    const year = r.get("year") as unknown;
    return {
      paperId: r.get("paperId") as string,
      year: year === null ? null : Number(year),
      venueId: (r.get("venueId") as string | null) ?? null,
      size: authors.size,
      position: Math.min(...mine),
      lastPosition: Math.max(...byline.map((b) => b.position)),
      coauthors: [...authors].filter((id) => !self.has(id)).sort(),
    };
  });
}

/**
 * The coauthors (of `ids`) on each paper written without `ids` that has two or more of them: one list per such paper.
 * `own` holds the ids of the papers of `ids` (read already by readEgoPapers), which are left out.
 */
export async function readCoauthorCliques(
  db: Database,
  ids: readonly string[],
  coauthors: ReadonlySet<string>,
  own: ReadonlySet<string>,
): Promise<string[][]> {
  if (coauthors.size < 2) return [];
  const records = await db.read(COAUTHOR_PAPERS, { ids: [...ids] });
  const byPaper = new Map<string, string[]>();
  for (const r of records) {
    const id = r.get("id") as string;
    if (!coauthors.has(id)) continue;
    for (const paperId of new Set(r.get("papers") as string[])) {
      if (own.has(paperId)) continue;
      const on = byPaper.get(paperId);
      if (on) on.push(id);
      else byPaper.set(paperId, [id]);
    }
  }
  return [...byPaper.values()].filter((inside) => inside.length > 1);
}

export interface PairProfile {
  author: AuthorRecord;
  papersInWindow: number;
  profile: TieProfile;
}

export async function readPairProfiles(
  db: Database,
  ids: [string, string],
  window: { yearFrom: number | null; yearTo: number | null },
  maxAuthors: number | null = null,
): Promise<Map<string, PairProfile>> {
  const records = await db.read(PAIR_PROFILES, { ids, ...window, maxAuthors });
  const out = new Map<string, PairProfile>();
  for (const r of records) {
    const strengths = (r.get("tieStrengths") as unknown[]).map(Number);
    const coauthors = Number(r.get("coauthors"));
    out.set(r.get("id") as string, {
      author: toAuthorRecord(r.get("author")),
      papersInWindow: Number(r.get("papersInWindow")),
      profile: { coauthors, meanTieStrength: coauthors > 0 ? strengths.reduce((s, k) => s + k, 0) / coauthors : 0 },
    });
  }
  return out;
}

export interface JointPaperRow {
  paper: PaperRecord;
  positionA: number;
  positionB: number;
  size: number;
}

export async function readJointPapers(
  db: Database,
  a: string,
  b: string,
  window: { yearFrom: number | null; yearTo: number | null },
): Promise<JointPaperRow[]> {
  const records = await db.read(JOINT_PAPERS, { a, b, ...window });
  return records.map((r) => ({
    paper: toPaperRecord(r.get("paper")),
    positionA: Number(r.get("positionA")),
    positionB: Number(r.get("positionB")),
    size: Number(r.get("size")),
  }));
}

export async function readAuthorsByNameWord(db: Database, query: string, limit: number): Promise<AuthorRecord[]> {
  const records = await db.read(AUTHORS_BY_NAME_WORD, { query, limit });
  return records.map((r) => toAuthorRecord(r.get("author")));
}

export async function readCoauthorIds(db: Database, ids: readonly string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>(ids.map((id) => [id, new Set<string>()]));
  if (ids.length === 0) return out;
  for (const r of await db.read(COAUTHOR_IDS, { ids: [...ids] })) out.set(r.get("id") as string, new Set(r.get("coauthors") as string[]));
  return out;
}

export interface EvidencePaperRow {
  authorId: string;
  paper: PaperRecord;
  via: string[];
}

export async function readEvidencePapers(
  db: Database,
  ids: readonly string[],
  shared: readonly string[],
  limit: number,
): Promise<EvidencePaperRow[]> {
  if (shared.length === 0) return [];
  const records = await db.read(EVIDENCE_PAPERS, { ids: [...ids], shared: [...shared], limit });
  return records.map((r) => ({ authorId: r.get("id") as string, paper: toPaperRecord(r.get("paper")), via: r.get("via") as string[] }));
}

export async function readVenues(db: Database, ids: readonly string[]): Promise<Map<string, VenueRecord>> {
  const out = new Map<string, VenueRecord>();
  if (ids.length === 0) return out;
  for (const r of await db.read(VENUES_BY_IDS, { ids: [...ids] })) out.set(r.get("id") as string, toVenueRecord(r.get("venue")));
  return out;
}
