import type { Database } from "../db/database";
import { hasWindow, YearWindow } from "../kernel/argument-rules";
import { AuthorRecord, toAuthorRecord } from "../author/author.record";
import { PaperRecord, toPaperRecord } from "../paper/paper.record";
import { toVenueRecord, VenueRecord } from "../venue/venue.record";
import { NETWORK_EDGES, NETWORK_EDGES_IN_WINDOW, NETWORK_LAYER, NETWORK_LAYER_IN_WINDOW, SHARED_VENUES } from "./network.cypher";
import { sortTies } from "./edge-order";
import { NETWORK_NEAR, NETWORK_NEAR_NO_YEARS } from "./network-near.cypher";
import { collaborationPathStatement } from "./path.cypher";
import { WEIGHTED_EDGES, WEIGHTED_LAYER } from "./network-ties.cypher";
import type { TieRule } from "../kernel/tie-strength";
import { ruleParams } from "../kernel/tie-totals";

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
  /** The tie's strength under the request's scheme (full counting: jointPapers; set by the service). */
  weight?: number;
  firstYear: number | null;
  lastYear: number | null;
}

/** In edge order (sortTies): joint papers desc, then source, then target; source < target. */
export async function readNetworkEdges(db: Database, ids: string[], filter: TieFilter): Promise<TieRow[]> {
  const records = await db.read(hasWindow(filter) ? NETWORK_EDGES_IN_WINDOW : NETWORK_EDGES, { ids, ...filter });
  const edges = records.map((r) => ({
    source: String(r.get("source")),
    target: String(r.get("target")),
    jointPapers: Number(r.get("jointPapers")),
    firstYear: (r.get("firstYear") as number | null) ?? null,
    lastYear: (r.get("lastYear") as number | null) ?? null,
  }));
  return sortTies(edges, ids);
}

/** readNetworkLayer under a tie rule (network-ties.cypher.ts). */
export async function readWeightedLayer(
  db: Database,
  args: TieRule & { minJointPapers: number; frontier: string[]; visited: string[]; limit: number },
): Promise<LayerRow[]> {
  const { minJointPapers, frontier, visited, limit } = args;
  const records = await db.read(WEIGHTED_LAYER, { ...ruleParams(args), minJointPapers, frontier, visited, limit });
  return records.map((r) => ({ author: toAuthorRecord(r.get("author")), tie: Number(r.get("tie")) }));
}

/** readNetworkEdges under a tie rule; weight is the scheme's (association strength: the raw count, to normalise). */
export async function readWeightedEdges(db: Database, ids: string[], args: TieRule & { minJointPapers: number }): Promise<TieRow[]> {
  const records = await db.read(WEIGHTED_EDGES, { ids, ...ruleParams(args), minJointPapers: args.minJointPapers });
  const edges = records.map((r) => ({
    source: String(r.get("source")),
    target: String(r.get("target")),
    jointPapers: Number(r.get("jointPapers")),
    weight: Number(r.get("weight")),
    firstYear: (r.get("firstYear") as number | null) ?? null,
    lastYear: (r.get("lastYear") as number | null) ?? null,
  }));
  return sortTies(edges, ids);
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
  const rows = (record.get("venues") as Array<{ venue: unknown; perAuthor: Array<{ i: number; n: number }>; jointPaperCount: number }>).map(
    (v) => {
      const paperCounts = new Array<number>(authorIds.length).fill(0);
      for (const entry of v.perAuthor) paperCounts[entry.i] = entry.n;
      return { venue: toVenueRecord(v.venue), paperCounts, jointPaperCount: Number(v.jointPaperCount) };
    },
  );
  return { missing: (record.get("missing") as unknown[]).map(String), rows };
}

export interface NearNetwork {
  /** Null when the centre id is unknown. */
  centre: AuthorRecord | null;
  layers: [AuthorRecord[], AuthorRecord[]];
  truncated: boolean;
  /** In edge order (sortTies), like readNetworkEdges. */
  edges: TieRow[];
}

/** See NETWORK_NEAR: authors as internal node ids, mapped back through keptIds. */
type EdgeGroupWithYears = [number, Array<[number, number, number | null, number | null]>];
type EdgeGroupNoYears = [number, number[], number[]];

/**
 * Depth 1..2 without a year window, in one statement (see NETWORK_NEAR). Without `withYears` the
 * edges' firstYear and lastYear are not read and are null: only for a client that did not ask.
 */
export async function readNearNetwork(
  db: Database,
  args: { authorId: string; depth: number; maxNodes: number; minJointPapers: number; withYears: boolean },
): Promise<NearNetwork> {
  const { withYears, ...params } = args;
  const [record] = await db.read(withYears ? NETWORK_NEAR : NETWORK_NEAR_NO_YEARS, params);
  const centre = record.get("centre") as { id: unknown } | null;
  const layers: NearNetwork["layers"] = [
    (record.get("layer1") as unknown[]).map(toAuthorRecord),
    (record.get("layer2") as unknown[]).map(toAuthorRecord),
  ];
  const ids = centre === null ? [] : [String(centre.id), ...layers[0].map((a) => a.id), ...layers[1].map((a) => a.id)];
  const idOf = new Map<number, string>((record.get("keptIds") as number[]).map((internal, i) => [internal, ids[i]]));
  const authorId = (internal: number) => {
    const id = idOf.get(internal);
    if (id === undefined) throw new Error(`network edge names node ${internal}, which is not in the network`);
    return id;
  };
  const edges: TieRow[] = [];
  if (withYears) {
    for (const [source, ties] of record.get("edgeGroups") as EdgeGroupWithYears[]) {
      const from = authorId(source);
      for (const [target, jointPapers, firstYear, lastYear] of ties) {
        edges.push({ source: from, target: authorId(target), jointPapers, firstYear: firstYear ?? null, lastYear: lastYear ?? null });
      }
    }
  } else {
    for (const [source, targets, papers] of record.get("edgeGroups") as EdgeGroupNoYears[]) {
      const from = authorId(source);
      targets.forEach((target, i) =>
        edges.push({ source: from, target: authorId(target), jointPapers: papers[i], firstYear: null, lastYear: null }),
      );
    }
  }
  return {
    centre: centre === null ? null : toAuthorRecord(centre),
    layers,
    truncated: Boolean(record.get("truncated")),
    edges: sortTies(edges, ids),
  };
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
  args: YearWindow & { fromId: string; toId: string; maxLength: number; maxAuthors: number | null },
): Promise<PathRead> {
  const [record] = await db.read(collaborationPathStatement(args.maxLength, hasWindow(args), args.maxAuthors !== null), { ...args });
  const authors = record.get("authors") as unknown[] | null;
  return {
    fromFound: Boolean(record.get("fromFound")),
    toFound: Boolean(record.get("toFound")),
    authors: authors === null ? null : authors.map(toAuthorRecord),
    evidence: (record.get("evidence") as unknown[][]).map((papers) => papers.map(toPaperRecord)),
  };
}
