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
  PATH_EVIDENCE,
  SHARED_VENUES,
} from "./network.cypher";
import { shortestPathStatement } from "./path.cypher";

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

export async function readSharedVenues(db: Database, authorIds: string[], window: YearWindow): Promise<SharedVenueRow[]> {
  const records = await db.read(SHARED_VENUES, { authorIds, ...window });
  return records.map((r) => {
    const paperCounts = new Array<number>(authorIds.length).fill(0);
    for (const entry of r.get("perAuthor") as Array<{ i: number; n: number }>) paperCounts[entry.i] = entry.n;
    return { venue: toVenueRecord(r.get("venue")), paperCounts, jointPaperCount: Number(r.get("jointPaperCount")) };
  });
}

/** Authors along one shortest path, endpoints included; null when none within maxLength hops. */
export async function readShortestPath(
  db: Database,
  args: YearWindow & { fromId: string; toId: string; maxLength: number },
): Promise<AuthorRecord[] | null> {
  const records = await db.read(shortestPathStatement(args.maxLength, hasWindow(args)), { ...args });
  if (records.length === 0) return null;
  return (records[0].get("authors") as unknown[]).map(toAuthorRecord);
}

/** Joint papers per hop (index i links authorIds[i] and authorIds[i + 1]). */
export async function readPathEvidence(db: Database, authorIds: string[], window: YearWindow): Promise<Map<number, PaperRecord[]>> {
  const records = await db.read(PATH_EVIDENCE, { authorIds, ...window });
  const out = new Map<number, PaperRecord[]>();
  for (const r of records) out.set(Number(r.get("hop")), (r.get("papers") as unknown[]).map(toPaperRecord));
  return out;
}
