import { parseName } from "./names";
import { homonymVerdict, sameAsVerdict, type EgoPaper, type HomonymVerdict, type NameHolder } from "./namesakes";
import {
  coauthorNumbers,
  NO_YEAR,
  paperCount,
  progress,
  slicer,
  strongTies,
  type GraphIndex,
  type ListingLog,
} from "./namesake-graph-index";

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
 * The graph's copy is read by namesake-graph-index.ts; namesake-listing.ts keeps the listings per snapshot id and
 * thresholds. Where and why: README, "Careers and namesakes".
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
