import type { Database } from "../db/database";
import type { GraphVersion } from "../db/graph-version";
import { BadUserInputError, LimitExceededError } from "../errors";
import { decodeCursor } from "../kernel/cursor";
import type { Explanation } from "../kernel/explanation";
import { careerExplanation } from "./career.explain";
import { ALL_AUTHORS, ALL_PAPERS, COUNT_AUTHORS_AND_PAPERS } from "./career.cypher";
import { parseName } from "./names";
import { homonymVerdict, NAMESAKE_DEFAULTS, sameAsVerdict, type EgoPaper, type HomonymVerdict, type NameHolder } from "./namesakes";
import { HOMONYM_RULE, SAME_AS_RULE } from "./same-as";

/*
 * The whole-graph namesake listing: every author (HOMONYM) and every pair of compatible names (SAME_AS) run through
 * the same rules as Author.possibleHomonym / possibleSameAs (homonymVerdict, sameAsVerdict), over one in-memory copy
 * of the bylines read once per graph snapshot as two streams (authors, then papers with their bylines). The copy is
 * integer arrays (papers per author and authors per paper, both CSR), so the passes are near-linear:
 *  - HOMONYM: the ties of minTiePapers joint papers or more, from one pass over the bylines; then for each author
 *    with 2 × minGroupPapers papers or more, a union-find over their coauthors on integer slots (joined on the
 *    author's papers and by those ties); only an author with two substantial groups (a necessary condition of the
 *    flag) is handed to homonymVerdict with its papers and ties as strings;
 *  - SAME_AS: authors bucketed by (folded family name, first initial) of each spelling; inside a bucket, shared
 *    coauthors are counted per pair from an inverted index (coauthor → bucket members), so only the pairs with
 *    minSharedCoauthors shared coauthors or more are checked by sameAsVerdict (names, keys, joint paper).
 * The listing is cached per snapshot id and thresholds, so a curator pages through a fixed list; an import (a new
 * snapshot) builds it again on the first ask. Where and why: README, "Careers and namesakes".
 */

export enum NamesakeKind {
  HOMONYM = "HOMONYM",
  SAME_AS = "SAME_AS",
}

export interface ListedCandidate {
  kind: NamesakeKind;
  key: string;
  score: number;
  authorIds: string[];
  summary: string;
}

const NO_YEAR = -2147483648;
const WHOLE_GRAPH_TIMEOUT_MS = 600_000;

/** The graph's bylines as integer arrays: author and paper numbers are positions in `authors` and `paperIds`. */
export interface GraphIndex {
  authors: NameHolder[];
  paperIds: string[];
  /** The paper's year, NO_YEAR when it has none. */
  paperYear: Int32Array;
  paperVenue: Array<string | null>;
  /** Authors of paper p: bylineAuthors[bylineStart[p] .. bylineStart[p + 1]) (distinct). */
  bylineStart: Int32Array;
  bylineAuthors: Int32Array;
  /** Papers of author a: authorPapers[papersStart[a] .. papersStart[a + 1]). */
  papersStart: Int32Array;
  authorPapers: Int32Array;
}

export type ListingLog = (message: string) => void;

/** done/total with the rate and an ETA, every 2 s at most. */
function progress(
  phase: string,
  unit: string,
  total: number,
  log: ListingLog,
): { update: (done: number) => void; done: (n: number) => number } {
  const started = Date.now();
  let last = started;
  return {
    update(done) {
      const now = Date.now();
      if (now - last < 2_000) return;
      last = now;
      const rate = done / ((now - started) / 1000);
      const eta = rate > 0 && total > done ? `, ETA ${Math.ceil((total - done) / rate)} s` : "";
      log(`namesakes: ${phase}: ${done}/${total} ${unit}, ${Math.round(rate)} ${unit}/s${eta}`);
    },
    done(n) {
      const ms = Date.now() - started;
      log(`namesakes: ${phase}: ${n} ${unit} in ${(ms / 1000).toFixed(1)} s`);
      return ms;
    },
  };
}

export async function readGraphIndex(db: Database, log: ListingLog, phases: Record<string, number> = {}): Promise<GraphIndex> {
  const [counts] = await db.read(COUNT_AUTHORS_AND_PAPERS);
  const authorTotal = Number(counts.get("authors"));
  const paperTotal = Number(counts.get("papers"));
  const authorProgress = progress("reading authors", "authors", authorTotal, log);
  const authors = await db.stream(
    ALL_AUTHORS,
    {},
    async (records) => {
      const out: NameHolder[] = [];
      for await (const r of records) {
        const id = r.get("id") as string;
        out.push({
          id,
          name: (r.get("name") as string | null) ?? id,
          aliases: (r.get("aliases") as string[] | null) ?? [],
          orcid: (r.get("orcid") as string | null) ?? null,
        });
        if (out.length % 10_000 === 0) authorProgress.update(out.length);
      }
      return out;
    },
    { timeoutMs: WHOLE_GRAPH_TIMEOUT_MS },
  );
  phases.readAuthors = authorProgress.done(authors.length);
  const number = new Map(authors.map((a, i) => [a.id, i]));
  const paperProgress = progress("reading papers", "papers", paperTotal, log);
  const papers = await db.stream(
    ALL_PAPERS,
    {},
    async (records) => {
      const paperIds: string[] = [];
      const years: number[] = [];
      const venues: Array<string | null> = [];
      const starts: number[] = [0];
      const bylines: number[] = [];
      for await (const r of records) {
        paperIds.push(r.get("paperId") as string);
        const year = r.get("year") as unknown;
        years.push(year === null || year === undefined ? NO_YEAR : Number(year));
        venues.push((r.get("venueId") as string | null) ?? null);
        for (const id of new Set(r.get("authors") as string[])) {
          const a = number.get(id);
          if (a !== undefined) bylines.push(a);
        }
        starts.push(bylines.length);
        if (paperIds.length % 10_000 === 0) paperProgress.update(paperIds.length);
      }
      return { paperIds, years, venues, starts, bylines };
    },
    { timeoutMs: WHOLE_GRAPH_TIMEOUT_MS },
  );
  phases.readPapers = paperProgress.done(papers.paperIds.length);
  const bylineStart = Int32Array.from(papers.starts);
  const bylineAuthors = Int32Array.from(papers.bylines);
  // Invert the bylines: papers per author, in paper order.
  const papersStart = new Int32Array(authors.length + 1);
  for (const a of bylineAuthors) papersStart[a + 1]++;
  for (let a = 0; a < authors.length; a++) papersStart[a + 1] += papersStart[a];
  const fill = papersStart.slice(0, authors.length);
  const authorPapers = new Int32Array(bylineAuthors.length);
  for (let p = 0; p < papers.paperIds.length; p++)
    for (let k = bylineStart[p]; k < bylineStart[p + 1]; k++) authorPapers[fill[bylineAuthors[k]]++] = p;
  return {
    authors,
    paperIds: papers.paperIds,
    paperYear: Int32Array.from(papers.years),
    paperVenue: papers.venues,
    bylineStart,
    bylineAuthors,
    papersStart,
    authorPapers,
  };
}

/**
 * Gives the event loop a turn every `sliceMs` of work: the passes run inside the API process, which must keep
 * answering other requests while a listing is built.
 */
function slicer(sliceMs = 50): () => Promise<void> | undefined {
  let last = Date.now();
  return () => {
    if (Date.now() - last < sliceMs) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        last = Date.now();
        resolve();
      }),
    );
  };
}

function paperCount(g: GraphIndex, a: number): number {
  return g.papersStart[a + 1] - g.papersStart[a];
}

/** Pairs of authors with at least `minPapers` joint papers, both directions, as CSR: neighbours of a are
 *  neighbours[start[a] .. start[a + 1]). One pass over each author's papers' bylines (Σ byline² over papers). */
export async function strongTies(g: GraphIndex, minPapers: number): Promise<{ start: Int32Array; neighbours: Int32Array }> {
  const n = g.authors.length;
  const pause = slicer();
  const count = new Int32Array(n);
  const touched: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const degree = new Int32Array(n + 1);
  for (let a = 0; a < n; a++) {
    if ((a & 255) === 0) await pause();
    touched.length = 0;
    for (let q = g.papersStart[a]; q < g.papersStart[a + 1]; q++) {
      const p = g.authorPapers[q];
      for (let b = g.bylineStart[p]; b < g.bylineStart[p + 1]; b++) {
        const x = g.bylineAuthors[b];
        if (x > a && count[x]++ === 0) touched.push(x);
      }
    }
    for (const x of touched) {
      if (count[x] >= minPapers) {
        from.push(a);
        to.push(x);
        degree[a + 1]++;
        degree[x + 1]++;
      }
      count[x] = 0;
    }
  }
  for (let a = 0; a < n; a++) degree[a + 1] += degree[a];
  const fill = degree.slice(0, n);
  const neighbours = new Int32Array(from.length * 2);
  for (let e = 0; e < from.length; e++) {
    neighbours[fill[from[e]]++] = to[e];
    neighbours[fill[to[e]]++] = from[e];
  }
  return { start: degree, neighbours };
}

/**
 * The ego's papers and the ties among its coauthors as homonymVerdict reads them (strings), for one author: the
 * strong ties (minTiePapers joint papers or more, in all) between two coauthors, each as a pair. Two coauthors with
 * that many papers together either wrote them without the ego or are on one of the ego's papers together (one group
 * anyway), so the pairs with minTiePapers = 1 give the verdict of the papers-without-the-ego rule.
 */
function egoData(
  g: GraphIndex,
  i: number,
  strong: { start: Int32Array; neighbours: Int32Array },
): { papers: EgoPaper[]; ties: string[][] } {
  const ids = g.authors;
  const coauthors = new Set<number>();
  const papers: EgoPaper[] = [];
  for (let k = g.papersStart[i]; k < g.papersStart[i + 1]; k++) {
    const p = g.authorPapers[k];
    const others: string[] = [];
    for (let b = g.bylineStart[p]; b < g.bylineStart[p + 1]; b++) {
      const x = g.bylineAuthors[b];
      if (x === i) continue;
      coauthors.add(x);
      others.push(ids[x].id);
    }
    const year = g.paperYear[p];
    papers.push({ paperId: g.paperIds[p], year: year === NO_YEAR ? null : year, venueId: g.paperVenue[p], coauthors: others.sort() });
  }
  const ties: string[][] = [];
  for (const c of coauthors)
    for (let e = strong.start[c]; e < strong.start[c + 1]; e++) {
      const d = strong.neighbours[e];
      if (d > c && coauthors.has(d)) ties.push([ids[c].id, ids[d].id]);
    }
  return { papers, ties };
}

/**
 * Authors who may be several people. A cheap exact pass on integers first (the groups: coauthors joined on the ego's
 * papers and by strong ties between them; then two groups of minGroupPapers papers or more, a necessary condition of
 * the flag), then the API's own rule (homonymVerdict) on the few that pass it.
 */
export async function listHomonyms(
  g: GraphIndex,
  minGroupPapers: number,
  minTiePapers: number,
  log: ListingLog = () => undefined,
): Promise<ListedCandidate[]> {
  const n = g.authors.length;
  const pause = slicer();
  const t = Date.now();
  const strong = await strongTies(g, minTiePapers);
  log(`namesakes: ${strong.neighbours.length / 2} ties of ${minTiePapers}+ joint papers in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  const egos: number[] = [];
  for (let i = 0; i < n; i++) if (paperCount(g, i) >= 2 * minGroupPapers) egos.push(i);
  const mark = new Int32Array(n); // = ego + 1 when the author is a coauthor of the current ego
  const slot = new Int32Array(n); // the coauthor's union-find slot for the current ego
  let parent = new Int32Array(1024);
  let groupPapers = new Int32Array(1024);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const union = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[ra < rb ? rb : ra] = ra < rb ? ra : rb;
  };
  const members: number[] = [];
  const out: ListedCandidate[] = [];
  const bar = progress("homonym pass", "authors", egos.length, log);
  let checked = 0;
  for (let done = 0; done < egos.length; done++) {
    const i = egos[done];
    if (done % 500 === 0) bar.update(done);
    await pause();
    const stamp = i + 1;
    let k = 0;
    members.length = 0;
    // Slots for the coauthors; coauthors on one of the ego's papers are in one group.
    for (let q = g.papersStart[i]; q < g.papersStart[i + 1]; q++) {
      const p = g.authorPapers[q];
      let first = -1;
      for (let b = g.bylineStart[p]; b < g.bylineStart[p + 1]; b++) {
        const x = g.bylineAuthors[b];
        if (x === i) continue;
        if (mark[x] !== stamp) {
          mark[x] = stamp;
          if (k === parent.length) {
            const grown = new Int32Array(parent.length * 2);
            grown.set(parent);
            parent = grown;
            groupPapers = new Int32Array(parent.length);
          }
          parent[k] = k;
          slot[x] = k++;
          members.push(x);
        }
        if (first < 0) first = slot[x];
        else union(first, slot[x]);
      }
    }
    if (k < 2) continue;
    // Strong ties between two coauthors join their groups.
    for (const c of members)
      for (let e = strong.start[c]; e < strong.start[c + 1]; e++) {
        const d = strong.neighbours[e];
        if (mark[d] === stamp) union(slot[c], slot[d]);
      }
    groupPapers.fill(0, 0, k);
    let substantial = 0;
    for (let q = g.papersStart[i]; q < g.papersStart[i + 1]; q++) {
      const p = g.authorPapers[q];
      for (let b = g.bylineStart[p]; b < g.bylineStart[p + 1]; b++) {
        const x = g.bylineAuthors[b];
        if (x === i) continue;
        if (++groupPapers[find(slot[x])] === minGroupPapers) substantial++;
        break;
      }
    }
    if (substantial < 2) continue;
    checked++;
    const { papers, ties } = egoData(g, i, strong);
    const verdict = homonymVerdict(papers, ties, minGroupPapers, 1);
    if (verdict.flagged) out.push(homonymCandidate(g.authors[i], verdict, minGroupPapers));
  }
  bar.done(egos.length);
  log(`namesakes: ${checked} authors with two substantial coauthor groups checked by the rule, ${out.length} flagged`);
  return out;
}

function homonymCandidate(author: NameHolder, verdict: HomonymVerdict, minGroupPapers: number): ListedCandidate {
  const sizes = verdict.groups.filter((x) => x.paperIds.length >= minGroupPapers).map((x) => x.paperIds.length);
  const years = verdict.differingPairs.some((d) => d.disjointYears);
  const venues = verdict.differingPairs.some((d) => d.disjointVenues);
  return {
    kind: NamesakeKind.HOMONYM,
    key: author.id,
    score: verdict.score,
    authorIds: [author.id],
    summary: `${verdict.groups.length} coauthor groups that do not meet; substantial ones hold ${sizes.join(", ")} papers; ${verdict.differingPairs.length} pair(s) differ (${[years ? "years" : "", venues ? "venues" : ""].filter(Boolean).join(" and ")})`,
  };
}

/** The distinct coauthors of author a (numbers), into `out` (cleared first). */
function coauthorNumbers(g: GraphIndex, a: number, mark: Int32Array, stamp: number, out: number[]): number[] {
  out.length = 0;
  for (let q = g.papersStart[a]; q < g.papersStart[a + 1]; q++) {
    const p = g.authorPapers[q];
    for (let b = g.bylineStart[p]; b < g.bylineStart[p + 1]; b++) {
      const x = g.bylineAuthors[b];
      if (x === a || mark[x] === stamp) continue;
      mark[x] = stamp;
      out.push(x);
    }
  }
  return out;
}

/**
 * Pairs of compatible names that share coauthors. Buckets by (family name spelling, first initial) of every
 * spelling (name and aliases); per bucket an inverted index counts each pair's shared coauthors, and only pairs with
 * minShared or more reach sameAsVerdict, the API's own rule.
 */
export async function listSameAs(g: GraphIndex, minShared: number, log: ListingLog = () => undefined): Promise<ListedCandidate[]> {
  const pause = slicer();
  const buckets = new Map<string, number[]>();
  g.authors.forEach((a, i) => {
    const keys = new Set<string>();
    for (const spelling of [a.name, ...a.aliases]) {
      const parsed = parseName(spelling);
      if (parsed.given.length === 0) continue;
      for (const f of parsed.family) keys.add(`${f}|${parsed.given[0][0]}`);
    }
    for (const key of keys) {
      const members = buckets.get(key);
      if (members) members.push(i);
      else buckets.set(key, [i]);
    }
  });
  const shared = [...buckets.values()].filter((m) => m.length > 1);
  const mark = new Int32Array(g.authors.length);
  let stamp = 0;
  const scratch: number[] = [];
  const setMemo = new Map<number, Set<string>>();
  const coauthorIds = (a: number) => {
    let set = setMemo.get(a);
    if (!set) {
      set = new Set(coauthorNumbers(g, a, mark, ++stamp, scratch).map((x) => g.authors[x].id));
      setMemo.set(a, set);
    }
    return set;
  };
  const out = new Map<string, ListedCandidate>();
  const bar = progress("same-as pass", "name buckets", shared.length, log);
  let checked = 0;
  for (let done = 0; done < shared.length; done++) {
    const members = shared[done];
    if (done % 2_000 === 0) bar.update(done);
    await pause();
    // coauthor → the bucket members (positions) who have them
    const holders = new Map<number, number[]>();
    members.forEach((a, position) => {
      for (const c of coauthorNumbers(g, a, mark, ++stamp, scratch)) {
        const list = holders.get(c);
        if (list) list.push(position);
        else holders.set(c, [position]);
      }
    });
    const pairs = new Map<number, number>();
    for (const [c, list] of holders) {
      if (list.length < 2) continue;
      for (let x = 0; x < list.length; x++)
        for (let y = x + 1; y < list.length; y++) {
          // A coauthor who is one of the two is no shared coauthor (the pair wrote a paper together).
          if (members[list[x]] === c || members[list[y]] === c) continue;
          const key = list[x] * members.length + list[y];
          pairs.set(key, (pairs.get(key) ?? 0) + 1);
        }
    }
    for (const [key, count] of pairs) {
      if (count < minShared) continue;
      const [x, y] = [members[Math.floor(key / members.length)], members[key % members.length]];
      const [a, b] = [g.authors[x], g.authors[y]];
      const pairKey = a.id < b.id ? `${a.id}\u0000${b.id}` : `${b.id}\u0000${a.id}`;
      if (out.has(pairKey)) continue;
      checked++;
      const verdict = sameAsVerdict({ ...a, coauthors: coauthorIds(x) }, { ...b, coauthors: coauthorIds(y) }, minShared);
      if (!verdict.flagged) continue;
      const [first, second] = a.id < b.id ? [a, b] : [b, a];
      out.set(pairKey, {
        kind: NamesakeKind.SAME_AS,
        key: pairKey,
        score: verdict.score,
        authorIds: [first.id, second.id],
        summary: `"${first.name}" and "${second.name}": ${verdict.sharedCoauthors.length} shared coauthors (overlap ${verdict.overlap.toFixed(2)}), no joint paper, no conflicting source keys`,
      });
    }
  }
  bar.done(shared.length);
  log(`namesakes: ${checked} pairs with ${minShared}+ shared coauthors checked by the rule, ${out.size} flagged`);
  return [...out.values()];
}

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
