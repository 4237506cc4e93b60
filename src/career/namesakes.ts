import { namesCompatible, parseName, type ParsedName } from "./names";

/*
 * Namesake flags (read-only evidence; nothing is merged or split). Pure functions over what the store reads, so the
 * benchmark can run the same rules on labelled cases. Thresholds: see NAMESAKE_DEFAULTS and the README ("Careers and
 * namesakes"), where they were chosen on the labelled cases.
 */

export const NAMESAKE_DEFAULTS = {
  /** A coauthor group is substantial with at least this many of the author's papers. */
  minGroupPapers: 5,
  /** Two coauthors are in one group through papers without the author only when they wrote this many together. */
  minTiePapers: 3,
  /** Two name variants are flagged with at least this many shared coauthors. */
  minSharedCoauthors: 4,
};

export interface EgoPaper {
  paperId: string;
  year: number | null;
  venueId: string | null;
  /** The other authors. */
  coauthors: string[];
}

export interface CoauthorGroupData {
  /** Coauthors in the group, most joint papers with the author first. */
  coauthors: Array<{ id: string; jointPapers: number }>;
  paperIds: string[];
  firstYear: number | null;
  lastYear: number | null;
  /** Venue ids with the group's paper count there, most first. */
  venues: Array<{ venueId: string; papers: number }>;
  years: number[];
}

export interface HomonymVerdict {
  flagged: boolean;
  /** The papers of the second-largest substantial group (0 without two): how much evidence there is; orders the listing. */
  score: number;
  groups: CoauthorGroupData[];
  /** Pairs of substantial groups (indices into groups) that share no venue or whose years do not overlap. */
  differingPairs: Array<{ a: number; b: number; disjointVenues: boolean; disjointYears: boolean }>;
  soloPapers: number;
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let root = this.parent.get(x) ?? x;
    if (root === x) return x;
    root = this.find(root);
    this.parent.set(x, root);
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

/**
 * The author's coauthors with the author removed, split into groups that share no coauthor: two coauthors are in one
 * group when they are on one of the author's papers together, or wrote at least minTiePapers papers together
 * without the author (1: any paper, the plain components of the coauthor network without the author). Each of the
 * author's papers joins the group of its coauthors. Flagged when at least two groups have minGroupPapers papers or
 * more and two of those share no venue or have year spans that do not overlap.
 */
export function homonymVerdict(
  papers: readonly EgoPaper[],
  ties: ReadonlyArray<readonly string[]>,
  minGroupPapers: number,
  minTiePapers = 1,
): HomonymVerdict {
  const uf = new UnionFind();
  const joint = new Map<string, number>();
  for (const p of papers) {
    for (const c of p.coauthors) joint.set(c, (joint.get(c) ?? 0) + 1);
    for (let i = 1; i < p.coauthors.length; i++) uf.union(p.coauthors[0], p.coauthors[i]);
  }
  // Each entry of `ties` is the set of coauthors on one paper written without the author.
  const pairs = new Map<string, number>();
  for (const tie of ties) {
    const inside = tie.filter((x) => joint.has(x));
    if (minTiePapers <= 1) {
      for (let i = 1; i < inside.length; i++) uf.union(inside[0], inside[i]);
      continue;
    }
    // Pairs already in one group need no count: groups only ever merge.
    if (inside.length < 2 || inside.every((x) => uf.find(x) === uf.find(inside[0]))) continue;
    for (let i = 0; i < inside.length; i++)
      for (let j = i + 1; j < inside.length; j++) {
        const [a, b] = inside[i] < inside[j] ? [inside[i], inside[j]] : [inside[j], inside[i]];
        const key = `${a}\u0000${b}`;
        const n = (pairs.get(key) ?? 0) + 1;
        pairs.set(key, n);
        if (n >= minTiePapers) uf.union(a, b);
      }
  }
  const byRoot = new Map<string, EgoPaper[]>();
  let solo = 0;
  for (const p of papers) {
    if (p.coauthors.length === 0) {
      solo++;
      continue;
    }
    const root = uf.find(p.coauthors[0]);
    const list = byRoot.get(root);
    if (list) list.push(p);
    else byRoot.set(root, [p]);
  }
  // Each coauthor's group once (not a scan of every coauthor per group: a hub author has thousands of both).
  const members = new Map<string, Array<{ id: string; jointPapers: number }>>();
  for (const [id, jointPapers] of joint) {
    const root = uf.find(id);
    const list = members.get(root);
    if (list) list.push({ id, jointPapers });
    else members.set(root, [{ id, jointPapers }]);
  }
  const groups = [...byRoot.entries()].map(([root, list]) => groupOf(list, members.get(root) ?? []));
  groups.sort((a, b) => b.paperIds.length - a.paperIds.length || (a.coauthors[0]?.id ?? "").localeCompare(b.coauthors[0]?.id ?? ""));
  const substantial = groups.map((g, i) => ({ g, i })).filter(({ g }) => g.paperIds.length >= minGroupPapers);
  const differingPairs: HomonymVerdict["differingPairs"] = [];
  for (let x = 0; x < substantial.length; x++)
    for (let y = x + 1; y < substantial.length; y++) {
      const [ga, gb] = [substantial[x].g, substantial[y].g];
      const va = new Set(ga.venues.map((v) => v.venueId));
      const disjointVenues = ga.venues.length > 0 && gb.venues.length > 0 && !gb.venues.some((v) => va.has(v.venueId));
      const disjointYears = ga.firstYear !== null && gb.firstYear !== null && (ga.lastYear! < gb.firstYear || gb.lastYear! < ga.firstYear);
      if (disjointVenues || disjointYears) differingPairs.push({ a: substantial[x].i, b: substantial[y].i, disjointVenues, disjointYears });
    }
  const flagged = differingPairs.length > 0;
  const score = substantial.length >= 2 ? substantial[1].g.paperIds.length : 0;
  return { flagged, score: flagged ? score : 0, groups, differingPairs, soloPapers: solo };
}

function groupOf(list: EgoPaper[], members: Array<{ id: string; jointPapers: number }>): CoauthorGroupData {
  const coauthors = members.sort((a, b) => b.jointPapers - a.jointPapers || (a.id < b.id ? -1 : 1));
  const years = list.map((p) => p.year).filter((y): y is number => y !== null);
  const venues = new Map<string, number>();
  for (const p of list) if (p.venueId !== null) venues.set(p.venueId, (venues.get(p.venueId) ?? 0) + 1);
  return {
    coauthors,
    paperIds: list.map((p) => p.paperId).sort(),
    firstYear: years.length ? years.reduce((a, b) => Math.min(a, b)) : null,
    lastYear: years.length ? years.reduce((a, b) => Math.max(a, b)) : null,
    venues: [...venues.entries()]
      .map(([venueId, papers]) => ({ venueId, papers }))
      .sort((a, b) => b.papers - a.papers || (a.venueId < b.venueId ? -1 : 1)),
    years: [...new Set(years)].sort((a, b) => a - b),
  };
}

export interface NameHolder {
  id: string;
  name: string;
  aliases: string[];
  orcid: string | null;
}

/** Source keys rule a match out: two keyed ids (dblp:, acl:, orcid:) that differ, or two different ORCIDs. */
export function conflictingKeys(a: NameHolder, b: NameHolder): boolean {
  const keyed = (x: NameHolder) => !x.id.startsWith("name:");
  if (keyed(a) && keyed(b) && a.id !== b.id) return true;
  return a.orcid !== null && b.orcid !== null && a.orcid !== b.orcid;
}

function spellings(x: NameHolder): ParsedName[] {
  return [x.name, ...x.aliases].map(parseName);
}

export function compatibleHolders(a: NameHolder, b: NameHolder): boolean {
  const sb = spellings(b);
  return spellings(a).some((pa) => sb.some((pb) => namesCompatible(pa, pb)));
}

export interface SameAsVerdict {
  flagged: boolean;
  namesCompatible: boolean;
  ruledOutByKeys: boolean;
  /** The two wrote a paper together: one person does not coauthor with themselves. */
  ruledOutByJointPaper: boolean;
  sharedCoauthors: string[];
  /** shared / the smaller coauthor set: how much of the smaller profile the shared coauthors cover. */
  overlap: number;
  score: number;
}

export function sameAsVerdict(
  a: NameHolder & { coauthors: ReadonlySet<string> },
  b: NameHolder & { coauthors: ReadonlySet<string> },
  minShared: number,
): SameAsVerdict {
  const compatible = compatibleHolders(a, b);
  const keys = conflictingKeys(a, b);
  const together = a.coauthors.has(b.id) || b.coauthors.has(a.id);
  const shared = [...a.coauthors].filter((c) => b.coauthors.has(c) && c !== a.id && c !== b.id).sort();
  const smaller = Math.min(a.coauthors.size, b.coauthors.size);
  const overlap = smaller > 0 ? shared.length / smaller : 0;
  const flagged = compatible && !keys && !together && shared.length >= minShared;
  return {
    flagged,
    namesCompatible: compatible,
    ruledOutByKeys: keys,
    ruledOutByJointPaper: together,
    sharedCoauthors: shared,
    overlap,
    score: flagged ? shared.length + overlap : 0,
  };
}
