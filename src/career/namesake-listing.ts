import type { Database } from "../db/database";
import type { GraphVersion } from "../db/graph-version";
import { BadUserInputError } from "../errors";
import { decodeCursor } from "../kernel/cursor";
import type { Explanation } from "../kernel/explanation";
import { careerExplanation } from "./career.explain";
import { ALL_AUTHORS, ALL_PAPERS } from "./career.cypher";
import { parseName } from "./names";
import { homonymVerdict, NAMESAKE_DEFAULTS, sameAsVerdict, type EgoPaper, type NameHolder } from "./namesakes";
import { HOMONYM_RULE, SAME_AS_RULE } from "./same-as";

/*
 * The whole-graph namesake listing: every author (HOMONYM) and every pair of compatible names (SAME_AS) run through
 * the same rules as Author.possibleHomonym / possibleSameAs, over one in-memory copy of the bylines read once per
 * graph snapshot (two reads: authors, papers with bylines). The listing is cached per snapshot id, so a curator pages
 * through a fixed list; an import (a new snapshot) builds it again.
 */

export enum NamesakeKind {
  HOMONYM = "HOMONYM",
  SAME_AS = "SAME_AS",
}

/** Authors with fewer papers cannot hold two substantial groups; the HOMONYM listing skips them. */
export interface ListedCandidate {
  kind: NamesakeKind;
  key: string;
  score: number;
  authorIds: string[];
  summary: string;
}

interface GraphIndex {
  authors: NameHolder[];
  papers: Array<{ id: string; year: number | null; venueId: string | null; authors: number[] }>;
  papersOf: number[][];
}

async function readIndex(db: Database): Promise<GraphIndex> {
  const [authorRows, paperRows] = await Promise.all([
    db.read(ALL_AUTHORS, {}, { timeoutMs: 300_000 }),
    db.read(ALL_PAPERS, {}, { timeoutMs: 300_000 }),
  ]);
  const authors = authorRows.map((r) => ({
    id: r.get("id") as string,
    name: (r.get("name") as string | null) ?? (r.get("id") as string),
    aliases: (r.get("aliases") as string[]) ?? [],
    orcid: (r.get("orcid") as string | null) ?? null,
  }));
  const index = new Map(authors.map((a, i) => [a.id, i]));
  const papersOf: number[][] = authors.map(() => []);
  const papers = paperRows.map((r, pi) => {
    const ids = [...new Set(r.get("authors") as string[])].map((id) => index.get(id)!).filter((i) => i !== undefined);
    for (const i of ids) papersOf[i].push(pi);
    const year = r.get("year") as unknown;
    return {
      id: r.get("paperId") as string,
      year: year === null ? null : Number(year),
      venueId: (r.get("venueId") as string | null) ?? null,
      authors: ids,
    };
  });
  return { authors, papers, papersOf };
}

function coauthorsOf(g: GraphIndex, i: number): Set<number> {
  const out = new Set<number>();
  for (const p of g.papersOf[i]) for (const x of g.papers[p].authors) if (x !== i) out.add(x);
  return out;
}

function homonyms(g: GraphIndex, minGroupPapers: number): ListedCandidate[] {
  const out: ListedCandidate[] = [];
  g.authors.forEach((author, i) => {
    if (g.papersOf[i].length < 2 * minGroupPapers) return;
    const ego: EgoPaper[] = g.papersOf[i].map((p) => ({
      paperId: g.papers[p].id,
      year: g.papers[p].year,
      venueId: g.papers[p].venueId,
      coauthors: g.papers[p].authors.filter((x) => x !== i).map(String),
    }));
    const coauthors = coauthorsOf(g, i);
    const seen = new Set<number>(g.papersOf[i]);
    const ties: string[][] = [];
    for (const c of coauthors)
      for (const p of g.papersOf[c]) {
        if (seen.has(p)) continue;
        seen.add(p);
        const inside = g.papers[p].authors.filter((x) => x !== i && coauthors.has(x));
        if (inside.length > 1) ties.push(inside.map(String));
      }
    const verdict = homonymVerdict(ego, ties, minGroupPapers);
    if (!verdict.flagged) return;
    const sizes = verdict.groups.filter((x) => x.paperIds.length >= minGroupPapers).map((x) => x.paperIds.length);
    out.push({
      kind: NamesakeKind.HOMONYM,
      key: author.id,
      score: verdict.score,
      authorIds: [author.id],
      summary: `${verdict.groups.length} coauthor groups that share no coauthor; substantial ones hold ${sizes.join(", ")} papers; ${verdict.differingPairs.length} pair(s) differ (${verdict.differingPairs.some((d) => d.disjointYears) ? "years" : ""}${verdict.differingPairs.some((d) => d.disjointYears) && verdict.differingPairs.some((d) => d.disjointVenues) ? " and " : ""}${verdict.differingPairs.some((d) => d.disjointVenues) ? "venues" : ""})`,
    });
  });
  return out;
}

function sameAs(g: GraphIndex, minShared: number): ListedCandidate[] {
  const buckets = new Map<string, number[]>();
  g.authors.forEach((a, i) => {
    const parsed = parseName(a.name);
    if (parsed.given.length === 0) return;
    for (const f of parsed.family) {
      const key = `${f}|${parsed.given[0][0]}`;
      buckets.set(key, [...(buckets.get(key) ?? []), i]);
    }
  });
  const memo = new Map<number, Set<string>>();
  const coauthors = (i: number) => {
    let set = memo.get(i);
    if (!set) memo.set(i, (set = new Set([...coauthorsOf(g, i)].map((x) => g.authors[x].id))));
    return set;
  };
  const out = new Map<string, ListedCandidate>();
  for (const members of buckets.values()) {
    if (members.length < 2) continue;
    for (let x = 0; x < members.length; x++)
      for (let y = x + 1; y < members.length; y++) {
        const [a, b] = [g.authors[members[x]], g.authors[members[y]]];
        const key = a.id < b.id ? `${a.id}\u0000${b.id}` : `${b.id}\u0000${a.id}`;
        if (out.has(key)) continue;
        const verdict = sameAsVerdict({ ...a, coauthors: coauthors(members[x]) }, { ...b, coauthors: coauthors(members[y]) }, minShared);
        if (!verdict.flagged) continue;
        const pair = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
        out.set(key, {
          kind: NamesakeKind.SAME_AS,
          key,
          score: verdict.score,
          authorIds: pair,
          summary: `"${a.name}" and "${b.name}": ${verdict.sharedCoauthors.length} shared coauthors (overlap ${verdict.overlap.toFixed(2)}), no joint paper, no conflicting source keys`,
        });
      }
  }
  return [...out.values()];
}

export interface ListingParams {
  minGroupPapers: number;
  minSharedCoauthors: number;
}

const cache = new Map<string, Promise<{ homonyms: ListedCandidate[]; sameAs: ListedCandidate[]; builtMs: number }>>();

export async function namesakeListing(
  db: Database,
  version: GraphVersion,
  params: ListingParams,
): Promise<{ homonyms: ListedCandidate[]; sameAs: ListedCandidate[]; builtMs: number }> {
  const key = `${version.snapshotId}|${params.minGroupPapers}|${params.minSharedCoauthors}`;
  let built = cache.get(key);
  if (!built) {
    if (cache.size >= 4) cache.clear();
    const started = Date.now();
    built = readIndex(db).then((g) => {
      const order = (list: ListedCandidate[]) => list.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      return {
        homonyms: order(homonyms(g, params.minGroupPapers)),
        sameAs: order(sameAs(g, params.minSharedCoauthors)),
        builtMs: Date.now() - started,
      };
    });
    built.catch(() => cache.delete(key));
    cache.set(key, built);
  }
  return built;
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
  builtMs: number,
): Explanation {
  return careerExplanation({
    method: kind === NamesakeKind.HOMONYM ? "possibleHomonym" : "possibleSameAs",
    formula: kind === NamesakeKind.HOMONYM ? HOMONYM_RULE : SAME_AS_RULE,
    parameters: { kind, ...params },
    snapshotId,
    notes: [
      `${count} candidates, strongest first; the listing was built in ${builtMs} ms for this snapshot and is kept until the graph changes.`,
      kind === NamesakeKind.HOMONYM
        ? `Only authors with at least 2 × minGroupPapers papers can be flagged.`
        : "Pairs are looked for among authors with the same family name and the same first initial.",
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
