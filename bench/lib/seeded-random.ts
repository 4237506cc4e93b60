/*
 * The benchmark picks the same authors, pairs and search terms on every run and every machine for the same data: the
 * project's seeded generator (mulberry32), and a distinct pick on top of it.
 */
export { seededRandom } from "../../src/util/seeded-random";

/** `count` distinct items of `items`, chosen by `random` (the input order must be deterministic). */
export function pickDistinct<T>(items: readonly T[], count: number, random: () => number): T[] {
  const pool = [...items];
  const picked: T[] = [];
  while (picked.length < count && pool.length > 0) {
    const index = Math.floor(random() * pool.length);
    picked.push(pool[index]);
    pool[index] = pool[pool.length - 1];
    pool.pop();
  }
  return picked;
}

/**
 * The positions pickDistinct(items, count, random) would pick from `length` items, without copying them: the same
 * draws, the swaps kept in a map (for picks from millions of authors).
 */
export function pickDistinctIndices(length: number, count: number, random: () => number): number[] {
  const moved = new Map<number, number>();
  const at = (i: number) => moved.get(i) ?? i;
  const picked: number[] = [];
  for (let size = length; picked.length < count && size > 0; size -= 1) {
    const index = Math.floor(random() * size);
    picked.push(at(index));
    moved.set(index, at(size - 1));
    moved.delete(size - 1);
  }
  return picked;
}
