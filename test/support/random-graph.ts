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
