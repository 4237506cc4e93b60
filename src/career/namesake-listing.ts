import type { Database } from "../db/database";
import type { GraphVersion } from "../db/graph-version";
import { BadUserInputError, LimitExceededError } from "../errors";
import { decodeCursor, type ListOrder } from "../kernel/cursor";
import type { Explanation } from "../kernel/explanation";
import { careerExplanation } from "./career.explain";
import { NAMESAKE_DEFAULTS } from "./namesakes";
import { HOMONYM_RULE, SAME_AS_RULE } from "./same-as";
import { listHomonyms, listSameAs, NamesakeKind, type ListedCandidate } from "./namesake-candidates";
import { readGraphIndex, type GraphIndex, type ListingLog } from "./namesake-graph-index";

/*
 * The namesake listings kept per graph snapshot and thresholds (namesake-candidates.ts builds them): a curator pages
 * through a fixed list; an import (a new snapshot) builds it again on the first ask. Where and why: README, "Careers
 * and namesakes".
 */

export interface ListingParams {
  minGroupPapers: number;
  minTiePapers: number;
  minSharedCoauthors: number;
}

export interface NamesakeListing {
  homonyms: ListedCandidate[];
  sameAs: ListedCandidate[];
  /** Time to build this listing, the graph's read included when it was read for it. */
  builtMs: number;
  phases: Record<string, number>;
}

/**
 * The listings built per snapshot and thresholds (a few hundred to a few thousand rows each). The graph's copy they are
 * built from (~200 MB for 158k papers) is read once per snapshot for every build in flight, and dropped when the last
 * of them ends: an API process should not hold it.
 */
const cache = new Map<string, Promise<NamesakeListing>>();
/** Keys of the listings whose build has ended; only these are ever evicted. */
const settled = new Set<string>();
/** At most this many listings kept per process (settled ones evicted, oldest first). */
const MAX_LISTINGS = 8;
/**
 * At most this many thresholds built at once per process: each build holds the graph's copy and a core for tens of
 * seconds at 158k papers, and one query may ask for many thresholds under aliases.
 */
export const MAX_LISTING_BUILDS = 2;

/** The last progress line of each build in flight, by listing key: what an ask that cannot wait is told. */
const building = new Map<string, string>();

/** The graph's copy shared by the builds in flight of one snapshot. */
let graphRead: { snapshotId: string; index: Promise<GraphIndex>; phases: Record<string, number>; users: number } | undefined;

function sharedGraphIndex(
  db: Database,
  snapshotId: string,
  log: ListingLog,
): { index: Promise<GraphIndex>; phases: Record<string, number> } {
  if (graphRead?.snapshotId !== snapshotId) {
    const phases: Record<string, number> = {};
    graphRead = { snapshotId, index: readGraphIndex(db.withoutDeadline("namesake-listing"), log, phases), phases, users: 0 };
  }
  graphRead.users += 1;
  return graphRead;
}

function releaseGraphIndex(snapshotId: string): void {
  if (graphRead?.snapshotId === snapshotId && --graphRead.users <= 0) graphRead = undefined;
}

/**
 * The listing for the snapshot and thresholds: built on the first ask (the graph read once per snapshot for the builds
 * in flight, then the two passes), then kept until the graph changes. Concurrent asks share one build; asks for more
 * than MAX_LISTING_BUILDS thresholds at once are refused (retryable) until one ends.
 */
export function namesakeListing(
  db: Database,
  version: GraphVersion,
  params: ListingParams,
  log: ListingLog = () => undefined,
): Promise<NamesakeListing> {
  const key = listingKey(version.snapshotId, params);
  const kept = cache.get(key);
  if (kept) return kept;
  if (building.size >= MAX_LISTING_BUILDS)
    throw new LimitExceededError(
      `This server is building namesake listings for ${building.size} other thresholds (minGroupPapers, minTiePapers, ` +
        `minSharedCoauthors) and builds at most ${MAX_LISTING_BUILDS} at once; each takes about a minute on a graph of 150k papers. ` +
        `Ask again when they are done, or ask with the thresholds of a listing already kept.`,
      { retryable: true },
    );
  // Room for this one: kept listings of other snapshots go, then the oldest of this one beyond MAX_LISTINGS.
  for (const old of [...settled]) {
    const current = [...settled].filter((k) => k.startsWith(`${version.snapshotId}|`)).length;
    if (old.startsWith(`${version.snapshotId}|`) && current < MAX_LISTINGS) continue;
    cache.delete(old);
    settled.delete(old);
  }
  const started = Date.now();
  building.set(key, "starting");
  const tracked: ListingLog = (message) => {
    building.set(key, message.replace(/^namesakes: /, ""));
    log(message);
  };
  const read = sharedGraphIndex(db, version.snapshotId, tracked);
  const built = read.index.then(async (g) => {
    const order = (list: ListedCandidate[]) => list.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const phases: Record<string, number> = { ...read.phases };
    let t = Date.now();
    const homonyms = order(await listHomonyms(g, params.minGroupPapers, params.minTiePapers, tracked));
    phases.homonyms = Date.now() - t;
    t = Date.now();
    const sameAs = order(await listSameAs(g, params.minSharedCoauthors, tracked));
    phases.sameAs = Date.now() - t;
    return { homonyms, sameAs, builtMs: Date.now() - started, phases };
  });
  const ended = (ok: boolean) => {
    building.delete(key);
    releaseGraphIndex(version.snapshotId);
    if (ok) settled.add(key);
    else cache.delete(key);
  };
  built.then(
    () => ended(true),
    () => ended(false),
  );
  cache.set(key, built);
  return built;
}

function listingKey(snapshotId: string, params: ListingParams): string {
  return `${snapshotId}|${params.minGroupPapers}|${params.minTiePapers}|${params.minSharedCoauthors}`;
}

/**
 * Waits for the listing until `deadline` (epoch ms; none: as long as it takes). A build outlives the ask that
 * started it, so an ask that cannot wait is told where the build is and to ask again; the next ask after the build
 * gets the kept listing at once.
 */
export async function awaitListing(
  listing: Promise<NamesakeListing>,
  snapshotId: string,
  params: ListingParams,
  deadline: number | undefined,
): Promise<NamesakeListing> {
  if (deadline === undefined) return listing;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), Math.max(0, deadline - Date.now() - 250));
  });
  try {
    const first = await Promise.race([listing, late]);
    if (first) return first;
  } finally {
    clearTimeout(timer);
  }
  const where = building.get(listingKey(snapshotId, params)) ?? "finishing";
  throw new LimitExceededError(
    `The namesake listing for snapshot ${snapshotId} is being built in this server (${where}); it takes about a minute on a graph of 150k papers and is kept until the graph changes. Ask again shortly: this query is fine as it is.`,
    { retryable: true },
  );
}

/** Rows after the cursor's [score, key], in the listing's order. */
export function afterCursor(list: readonly ListedCandidate[], after: string | null | undefined, order: ListOrder): ListedCandidate[] {
  if (after === null || after === undefined) return [...list];
  const [score, key] = decodeCursor(after, order) as [number, string];
  const start = list.findIndex((c) => c.score < score || (c.score === score && c.key > key));
  return start === -1 ? [] : list.slice(start);
}

export function listingExplanation(
  kind: NamesakeKind,
  params: ListingParams,
  snapshotId: string,
  count: number,
  listing: NamesakeListing,
): Explanation {
  const phases = Object.entries(listing.phases)
    .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`)
    .join(", ");
  return careerExplanation({
    method: kind === NamesakeKind.HOMONYM ? "possibleHomonym" : "possibleSameAs",
    formula: kind === NamesakeKind.HOMONYM ? HOMONYM_RULE : SAME_AS_RULE,
    parameters: { kind, ...params },
    snapshotId,
    notes: [
      `${count} candidates, strongest first. The listing is computed in this API process on the first ask for a snapshot and these thresholds (one read of every author and byline, then one pass per kind: ${phases}; ${(listing.builtMs / 1000).toFixed(1)} s in all) and kept until the graph changes.`,
      kind === NamesakeKind.HOMONYM
        ? `Only authors with at least 2 × minGroupPapers papers can be flagged.`
        : "Pairs are looked for among authors with the same family name and the same first initial (any spelling: name or alias).",
      "Evidence for a curator, not a decision: nothing is merged or split.",
    ],
  });
}

export function checkKind(kind: string): NamesakeKind {
  if (!(Object.values(NamesakeKind) as string[]).includes(kind))
    throw new BadUserInputError(`kind must be HOMONYM or SAME_AS`, { argument: "kind" });
  return kind as NamesakeKind;
}

export { NAMESAKE_DEFAULTS };
