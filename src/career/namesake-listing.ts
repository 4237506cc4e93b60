import type { Database } from "../db/database";
import type { GraphVersion } from "../db/graph-version";
import { BadUserInputError, LimitExceededError } from "../errors";
import { decodeCursor } from "../kernel/cursor";
import type { Explanation } from "../kernel/explanation";
import { careerExplanation } from "./career.explain";
import { NAMESAKE_DEFAULTS } from "./namesakes";
import { HOMONYM_RULE, SAME_AS_RULE } from "./same-as";
import { listHomonyms, listSameAs, NamesakeKind, type ListedCandidate } from "./namesake-candidates";
import { readGraphIndex, type ListingLog } from "./namesake-graph-index";

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
 * built from (~200 MB for 158k papers) is dropped once they are built: an API process should not hold it.
 */
const cache = new Map<string, Promise<NamesakeListing>>();

/** The last progress line of each build in flight, by listing key: what an ask that cannot wait is told. */
const building = new Map<string, string>();

/**
 * The listing for the snapshot and thresholds: built on the first ask (the graph read once per snapshot, then the two
 * passes), then kept until the graph changes. Concurrent asks share one build.
 */
export function namesakeListing(
  db: Database,
  version: GraphVersion,
  params: ListingParams,
  log: ListingLog = () => undefined,
): Promise<NamesakeListing> {
  const key = listingKey(version.snapshotId, params);
  let built = cache.get(key);
  if (!built) {
    for (const old of cache.keys()) if (!old.startsWith(`${version.snapshotId}|`) || cache.size >= 8) cache.delete(old);
    const started = Date.now();
    building.set(key, "starting");
    const tracked: ListingLog = (message) => {
      building.set(key, message.replace(/^namesakes: /, ""));
      log(message);
    };
    const read: Record<string, number> = {};
    built = readGraphIndex(db.withoutDeadline("namesake-listing"), tracked, read).then(async (g) => {
      const order = (list: ListedCandidate[]) => list.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      const phases: Record<string, number> = { ...read };
      let t = Date.now();
      const homonyms = order(await listHomonyms(g, params.minGroupPapers, params.minTiePapers, tracked));
      phases.homonyms = Date.now() - t;
      t = Date.now();
      const sameAs = order(await listSameAs(g, params.minSharedCoauthors, tracked));
      phases.sameAs = Date.now() - t;
      return { homonyms, sameAs, builtMs: Date.now() - started, phases };
    });
    built.then(
      () => building.delete(key),
      () => {
        building.delete(key);
        cache.delete(key);
      },
    );
    cache.set(key, built);
  }
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
export function afterCursor(list: readonly ListedCandidate[], after: string | null | undefined): ListedCandidate[] {
  if (after === null || after === undefined) return [...list];
  const [score, key] = decodeCursor(after, "namesake") as [number, string];
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
