import type { TestAuthor, TestPaper } from "./graphql";

/*
 * Seeded random coauthorship graphs for differential tests: the same seed gives the same graph.
 * Ids and names are built to stress string order: accents, combining marks, CJK, private use
 * (U+E000), astral characters (surrogate pairs: before U+E000 by UTF-16 unit, after it by code
 * point), ids that are prefixes of other ids, the importer's prefixes, a few ids and names long
 * enough to be stored apart from short ones, and a small name pool so many authors share a name
 * and only the id breaks the tie. Papers come with and without years, bylines from one author to
 * a few dozen, and repeated bylines so ties of several joint papers are common.
 */

/** mulberry32: small, fast, and the same sequence on every platform. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export type Random = () => number;
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
export const between = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

const PREFIXES = ["name:", "dblp:", "acl:", "orcid:", ""];
const ID_ALPHABET = ["a", "b", "z", "A", "é", "e\u0301", "ø", "中", "\uE000", "\uFFFD", "😀", "𝔘", " ", "-", "0", "~"];
const NAME_PARTS = ["Ana", "Ána", "ana", "Zoë", "Zoe", "李", "\uE000x", "😀", "𝔘lf", "Øs", "A"];

export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2009;

export interface RandomGraph {
  authors: TestAuthor[];
  papers: TestPaper[];
}

function randomIds(random: Random, count: number): string[] {
  const ids = new Set<string>();
  while (ids.size < count) {
    const existing = [...ids];
    if (existing.length > 0 && random() < 0.15) {
      // An id that extends another: "x" < "xy" must hold in every order.
      ids.add(pick(random, existing) + pick(random, ID_ALPHABET));
      continue;
    }
    // Now and then a long id: Neo4j keeps long strings in other records than short ones.
    let id = pick(random, PREFIXES) + (random() < 0.05 ? "x".repeat(40) : "");
    for (let i = between(random, 1, 3); i > 0; i -= 1) id += pick(random, ID_ALPHABET);
    ids.add(id);
  }
  return [...ids];
}

/** Authors near each other in the list write together more often, so the graph has clusters. */
function byline(random: Random, authors: TestAuthor[]): TestAuthor[] {
  const roll = random();
  const size = Math.min(
    authors.length,
    roll < 0.1 ? 1 : roll < 0.8 ? between(random, 2, 4) : roll < 0.93 ? between(random, 5, 10) : between(random, 12, 40),
  );
  const chosen = new Set<TestAuthor>();
  const centre = Math.floor(random() * authors.length);
  const spread = size > 4 ? authors.length : between(random, 2, 6);
  while (chosen.size < size) {
    const offset = random() < 0.7 ? between(random, -spread, spread) : Math.floor(random() * authors.length);
    chosen.add(authors[(((centre + offset) % authors.length) + authors.length) % authors.length]);
  }
  return [...chosen];
}

export function randomCoauthorGraph(seed: number): RandomGraph {
  const random = seededRandom(seed);
  const ids = randomIds(random, between(random, 6, 40));
  const names = Array.from({ length: Math.max(2, Math.floor(ids.length / 3)) }, () =>
    random() < 0.5
      ? pick(random, NAME_PARTS)
      : `${pick(random, NAME_PARTS)}${random() < 0.2 ? " Long".repeat(8) : ""} ${pick(random, NAME_PARTS)}`,
  );
  const authors = ids.map((id) => ({ id, name: pick(random, names) }));
  const papers: TestPaper[] = [];
  const count = between(random, Math.ceil(ids.length / 2), ids.length * 2);
  for (let i = 0; i < count; i += 1) {
    const repeat = papers.length > 0 && random() < 0.25;
    papers.push({
      id: `paper-${seed}-${i}`,
      title: `Paper ${i}`,
      year: random() < 0.2 ? null : between(random, FIRST_YEAR, LAST_YEAR),
      authors: repeat ? [...pick(random, papers).authors] : byline(random, authors),
    });
  }
  return { authors, papers };
}
