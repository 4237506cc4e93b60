import { seededRandom } from "../../src/util/seeded-random";

/** Tie weights that Float32 holds exactly, so that only the algorithms' iterations differ from a reference's. */
const WEIGHTS = [1, 2, 0.5, 0.25, 1.5, 3];

/**
 * A seeded random coauthor graph over authors 0..n-1: clustered, most ties inside blocks of 40 and a few across, the
 * last 5% of authors without ties (several components and isolated authors), each tie once with a weight.
 */
export function randomGraph(seed: number, n: number, ties: number): Array<[number, number, number]> {
  const random = seededRandom(seed);
  const seen = new Set<string>();
  const edges: Array<[number, number, number]> = [];
  // Clustered: most ties inside blocks of 40, a few across, the last 5% of authors left alone.
  const active = Math.floor(n * 0.95);
  while (edges.length < ties) {
    const a = Math.floor(random() * active);
    const b = random() < 0.9 ? Math.min(active - 1, Math.floor(a / 40) * 40 + Math.floor(random() * 40)) : Math.floor(random() * active);
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    edges.push([a, b, WEIGHTS[Math.floor(random() * WEIGHTS.length)]]);
  }
  return edges;
}

/**
 * A seeded random coauthor graph made the way real ones are, from bylines: `papers` papers of 2–12 authors (a few of
 * 30), most authors drawn from a pool of `regulars`, the rest newcomers who write that one paper only, and on one
 * paper in four one of `regulars / 10` duos who always write together. The newcomers of one paper are closed twins of
 * each other (the same coauthors); so are the two of a duo, who also link their papers' authors (shortest paths run
 * through them). Each tie once, weight 1.
 */
export function bylineGraph(seed: number, papers: number, regulars: number): { n: number; edges: Array<[number, number, number]> } {
  const random = seededRandom(seed);
  const seen = new Set<string>();
  const edges: Array<[number, number, number]> = [];
  const duos = Math.max(1, Math.floor(regulars / 10));
  let n = regulars + 2 * duos;
  for (let p = 0; p < papers; p++) {
    const size = random() < 0.03 ? 30 : 2 + Math.floor(random() * random() * 11);
    const byline = new Set<number>();
    if (random() < 0.25) {
      const duo = regulars + 2 * Math.floor(random() * duos);
      byline.add(duo).add(duo + 1);
    }
    while (byline.size < size) byline.add(random() < 0.6 ? Math.floor(random() * regulars) : n++);
    const authors = [...byline];
    for (let i = 0; i < authors.length; i++)
      for (let j = i + 1; j < authors.length; j++) {
        const [a, b] = authors[i] < authors[j] ? [authors[i], authors[j]] : [authors[j], authors[i]];
        if (seen.has(`${a}|${b}`)) continue;
        seen.add(`${a}|${b}`);
        edges.push([a, b, 1]);
      }
  }
  return { n, edges };
}
