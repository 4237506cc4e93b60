import type { Database } from "../db/database";
import { hasWindow, YearWindow } from "../graphql/argument-rules";
import { AuthorRecord, toAuthorRecord } from "../author/author.record";
import { PaperRecord, toPaperRecord } from "../paper/paper.record";
import { toVenueRecord, VenueRecord } from "../venue/venue.record";
import {
  NETWORK_EDGES,
  NETWORK_EDGES_IN_WINDOW,
  NETWORK_LAYER,
  NETWORK_LAYER_IN_WINDOW,
  SHARED_VENUES,
} from "./network.cypher";
import { NETWORK_NEAR } from "./network-near.cypher";
import { collaborationPathStatement } from "./path.cypher";

export interface TieFilter extends YearWindow {
  minJointPapers: number;
}

export interface LayerRow {
  author: AuthorRecord;
  /** The strongest tie to the previous layer (joint papers). */
  tie: number;
}

export async function readNetworkLayer(
  db: Database,
  args: TieFilter & { frontier: string[]; visited: string[]; limit: number },
): Promise<LayerRow[]> {
  const records = await db.read(hasWindow(args) ? NETWORK_LAYER_IN_WINDOW : NETWORK_LAYER, { ...args });
  return records.map((r) => ({ author: toAuthorRecord(r.get("author")), tie: Number(r.get("tie")) }));
}

export interface TieRow {
  source: string;
  target: string;
  jointPapers: number;
  firstYear: number | null;
  lastYear: number | null;
}

export async function readNetworkEdges(db: Database, ids: string[], filter: TieFilter): Promise<TieRow[]> {
  const records = await db.read(hasWindow(filter) ? NETWORK_EDGES_IN_WINDOW : NETWORK_EDGES, { ids, ...filter });
  return records.map((r) => ({
    source: String(r.get("source")),
    target: String(r.get("target")),
    jointPapers: Number(r.get("jointPapers")),
    firstYear: (r.get("firstYear") as number | null) ?? null,
    lastYear: (r.get("lastYear") as number | null) ?? null,
  }));
}

export interface SharedVenueRow {
  venue: VenueRecord;
  /** Per input author, in input order. */
  paperCounts: number[];
  jointPaperCount: number;
}

/** The shared venues, or the ids (input order) that name no author; one round trip either way. */
export async function readSharedVenues(
  db: Database,
  authorIds: string[],
  window: YearWindow,
): Promise<{ missing: string[]; rows: SharedVenueRow[] }> {
  const [record] = await db.read(SHARED_VENUES, { authorIds, ...window });
  const rows = (record.get("venues") as Array<{ venue: unknown; perAuthor: Array<{ i: number; n: number }>; jointPaperCount: number }>).map((v) => {
    const paperCounts = new Array<number>(authorIds.length).fill(0);
    for (const entry of v.perAuthor) paperCounts[entry.i] = entry.n;
    return { venue: toVenueRecord(v.venue), paperCounts, jointPaperCount: Number(v.jointPaperCount) };
  });
  return { missing: (record.get("missing") as unknown[]).map(String), rows };
}

export interface NearNetwork {
  /** Null when the centre id is unknown. */
  centre: AuthorRecord | null;
  layers: [AuthorRecord[], AuthorRecord[]];
  truncated: boolean;
  /** Ordered like NETWORK_EDGES: joint papers desc, then source, then target. */
  edges: TieRow[];
}

type EdgeGroup = [string, Array<[string, number, number | null, number | null]>];

/** Depth 1..2 without a year window, in one statement (see NETWORK_NEAR). */
export async function readNearNetwork(
  db: Database,
  args: { authorId: string; depth: number; maxNodes: number; minJointPapers: number },
): Promise<NearNetwork> {
  const [record] = await db.read(NETWORK_NEAR, { ...args });
  const centre = record.get("centre");
  const edges: TieRow[] = [];
  for (const [source, ties] of record.get("edgeGroups") as EdgeGroup[]) {
    for (const [target, jointPapers, firstYear, lastYear] of ties) {
      edges.push({ source, target, jointPapers, firstYear: firstYear ?? null, lastYear: lastYear ?? null });
    }
  }
  edges.sort(
    (a, b) => b.jointPapers - a.jointPapers || compareCodePoints(a.source, b.source) || compareCodePoints(a.target, b.target),
  );
  return {
    centre: centre === null ? null : toAuthorRecord(centre),
    layers: [(record.get("layer1") as unknown[]).map(toAuthorRecord), (record.get("layer2") as unknown[]).map(toAuthorRecord)],
    truncated: Boolean(record.get("truncated")),
    edges,
  };
}

/**
 * Cypher orders strings by code point; so must the edges sorted here. UTF-16 code units order the
 * same way except that surrogates (D800-DFFF, i.e. code points above FFFF) must come after
 * E000-FFFF: shifting both ranges at the first difference fixes that without allocating.
 */
function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

export interface PathRead {
  fromFound: boolean;
  toFound: boolean;
  /** Endpoints included; null when no path within maxLength (or an end is unknown). */
  authors: AuthorRecord[] | null;
  /** Joint papers per hop (hop i links authors[i] and authors[i + 1]). */
  evidence: PaperRecord[][];
}

/** Endpoints, one shortest path and its evidence in one round trip (fromId != toId). */
export async function readCollaborationPath(
  db: Database,
  args: YearWindow & { fromId: string; toId: string; maxLength: number },
): Promise<PathRead> {
  const [record] = await db.read(collaborationPathStatement(args.maxLength, hasWindow(args)), { ...args });
  const authors = record.get("authors") as unknown[] | null;
  return {
    fromFound: Boolean(record.get("fromFound")),
    toFound: Boolean(record.get("toFound")),
    authors: authors === null ? null : authors.map(toAuthorRecord),
    evidence: (record.get("evidence") as unknown[][]).map((papers) => papers.map(toPaperRecord)),
  };
}
