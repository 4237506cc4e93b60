import type { TestPaper } from "./graphql";

/*
 * coauthorNetwork worked out in TypeScript from the papers alone, as the API documents it:
 * breadth-first from the author, `depth` hops out, over ties of at least minJointPapers joint
 * papers (counted inside the year window when one is given; a paper without a year is never
 * inside a window). Within a distance, strongest tie to the previous layer first, then name, then
 * id. When maxNodes (centre included) cuts a layer, the closest and most strongly tied authors
 * are kept, the search stops and `truncated` is true. Edges: every qualifying tie among the kept
 * authors, once, smaller id as source, most joint papers first, then source, then target. Strings
 * compare by code point (their UTF-8 bytes), as Neo4j compares stored strings (see
 * string-order.test.ts). Deliberately shares no code with src/.
 */

export interface OracleArgs {
  authorId: string;
  depth: number;
  minJointPapers: number;
  yearFrom: number | null;
  yearTo: number | null;
  maxNodes: number;
}

export interface ComparableNetwork {
  nodes: Array<[id: string, distance: number]>;
  edges: Array<[source: string, target: string, jointPapers: number, firstYear: number | null, lastYear: number | null]>;
  truncated: boolean;
}

const byCodePoint = (a: string, b: string): number => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));

interface Tie {
  papers: number;
  firstYear: number | null;
  lastYear: number | null;
}

/** Joint papers per pair inside the window, keyed by the pair's ids in order. */
function ties(papers: readonly TestPaper[], args: OracleArgs): Map<string, Map<string, Tie>> {
  const windowed = args.yearFrom !== null || args.yearTo !== null;
  const inWindow = (year: number | null) =>
    !windowed || (year !== null && (args.yearFrom === null || year >= args.yearFrom) && (args.yearTo === null || year <= args.yearTo));
  const byAuthor = new Map<string, Map<string, Tie>>();
  const tieOf = (a: string, b: string) => {
    let row = byAuthor.get(a);
    if (!row) byAuthor.set(a, (row = new Map()));
    let tie = row.get(b);
    if (!tie) row.set(b, (tie = { papers: 0, firstYear: null, lastYear: null }));
    return tie;
  };
  for (const paper of papers) {
    const year = paper.year ?? null;
    if (!inWindow(year)) continue;
    const ids = [...new Set(paper.authors.map((a) => a.id))];
    for (const a of ids) {
      for (const b of ids) {
        if (a === b) continue;
        const tie = tieOf(a, b);
        tie.papers += 1;
        if (year !== null) {
          tie.firstYear = tie.firstYear === null ? year : Math.min(tie.firstYear, year);
          tie.lastYear = tie.lastYear === null ? year : Math.max(tie.lastYear, year);
        }
      }
    }
  }
  return byAuthor;
}

/** The network, or null when no paper has the author (the API answers NOT_FOUND). */
export function oracleNetwork(papers: readonly TestPaper[], args: OracleArgs): ComparableNetwork | null {
  const names = new Map<string, string>();
  for (const paper of papers) for (const author of paper.authors) names.set(author.id, author.name);
  if (!names.has(args.authorId)) return null;
  const all = ties(papers, args);
  const qualifying = (id: string) => [...(all.get(id) ?? new Map<string, Tie>())].filter(([, tie]) => tie.papers >= args.minJointPapers);

  const nodes: ComparableNetwork["nodes"] = [[args.authorId, 0]];
  const kept = new Set([args.authorId]);
  let frontier = [args.authorId];
  let truncated = false;
  for (let distance = 1; distance <= args.depth && frontier.length > 0 && !truncated; distance += 1) {
    const strongest = new Map<string, number>();
    for (const from of frontier) {
      for (const [to, tie] of qualifying(from)) {
        if (!kept.has(to)) strongest.set(to, Math.max(strongest.get(to) ?? 0, tie.papers));
      }
    }
    const layer = [...strongest].sort(
      ([a, tieA], [b, tieB]) => tieB - tieA || byCodePoint(names.get(a)!, names.get(b)!) || byCodePoint(a, b),
    );
    const room = args.maxNodes - nodes.length;
    truncated = layer.length > room;
    frontier = layer.slice(0, room).map(([id]) => id);
    for (const id of frontier) {
      nodes.push([id, distance]);
      kept.add(id);
    }
  }

  const edges: ComparableNetwork["edges"] = [];
  for (const source of kept) {
    for (const [target, tie] of qualifying(source)) {
      if (kept.has(target) && byCodePoint(source, target) < 0) edges.push([source, target, tie.papers, tie.firstYear, tie.lastYear]);
    }
  }
  edges.sort((a, b) => b[2] - a[2] || byCodePoint(a[0], b[0]) || byCodePoint(a[1], b[1]));
  return { nodes, edges, truncated };
}
