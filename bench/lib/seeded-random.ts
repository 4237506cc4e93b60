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
