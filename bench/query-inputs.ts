import neo4j, { type Driver } from "neo4j-driver";
import { pairsByDistance } from "./lib/distance-pairs";
import { pickDistinct, pickDistinctIndices, seededRandom } from "./lib/seeded-random";

/**
 * The fixed inputs of the query benchmark (issue 3, section 2), chosen from the imported graph
 * with a fixed seed: the same data gives the same authors, pairs and search terms every run.
 */
export const QUERY_SEED = 20_240_611;

export type AuthorClass = "top" | "median" | "single";

export interface BenchAuthor {
  id: string;
  name: string;
  coauthors: number;
  class: AuthorClass;
}

export interface BenchInputs {
  authors: BenchAuthor[];
  /** The median coauthor count over authors with at least one coauthor. */
  medianCoauthors: number;
  pairs: Array<[string, string]>;
  /** Pairs at a known coauthor distance 1..6 (the scale benchmark asks for them; random pairs are mostly 4-6 apart). */
  distancePairs?: Array<[string, string]>;
  authorSearches: string[];
  paperSearches: string[];
}

/*
 * Every author with a coauthor, grouped by coauthor count (largest first), each group's ids in id order: the order
 * `ORDER BY coauthors DESC, id ASC` gives, sent as a few hundred lists instead of one record per author. At 8M records
 * (3.4M authors) one record per author with its name took 72 s and 1.35 GB in this process; the groups take 29 s and
 * 0.3 GB, most of it Neo4j's scan and sort. Names are asked afterwards for the chosen authors only.
 */
const AUTHOR_DEGREE_GROUPS = `
MATCH (a:Author)
WITH a.id AS id, COUNT { (a)-[:COAUTHORED_WITH]-() } AS coauthors
WHERE coauthors > 0
WITH coauthors, id ORDER BY id
WITH coauthors, collect(id) AS ids
RETURN coauthors, ids
ORDER BY coauthors DESC`;

const AUTHOR_NAMES = `
UNWIND $ids AS id
MATCH (a:Author {id: id})
RETURN a.id AS id, a.name AS name`;

/**
 * Titles of papers picked by position in id order (the ids are fixed by the data). Only the ids are collected (read
 * from the id index, in its order): collecting every title took 62 s at 8M records, the ids 3 s.
 */
const PAPER_TITLES_AT = `
MATCH (p:Paper)
WITH p.id AS id ORDER BY id
WITH collect(id) AS ids
UNWIND $positions AS i
MATCH (p:Paper {id: ids[i]})
RETURN p.title AS title`;

const STOP_WORDS = new Set([
  "with",
  "from",
  "that",
  "this",
  "their",
  "using",
  "towards",
  "toward",
  "through",
  "between",
  "based",
  "learning",
]);

/** The two longest plain words of a title: a realistic two-word search that does match something. */
function searchWords(title: string): string | null {
  const words = title
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length >= 5 && !STOP_WORDS.has(w));
  const unique = [...new Set(words)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return unique.length >= 2 ? `${unique[0]} ${unique[1]}` : null;
}

export interface InputOptions {
  /** Also choose distancePairs: this many targets per distance 1..6 from each of two sources (median and single-coauthor authors, alternately). */
  pairsPerDistance?: number;
  log?: (line: string) => void;
}

export async function chooseInputs(driver: Driver, database: string, options: InputOptions = {}): Promise<BenchInputs> {
  const session = driver.session({ database, defaultAccessMode: "READ" });
  try {
    // The authors in the order (coauthors DESC, id ASC), as one id list and the groups' bounds.
    const ids: string[] = [];
    const groups: Array<{ coauthors: number; start: number; ids: string[] }> = [];
    for (const record of (await session.run(AUTHOR_DEGREE_GROUPS)).records) {
      const group = { coauthors: Number(record.get("coauthors")), start: ids.length, ids: record.get("ids") as string[] };
      groups.push(group);
      for (const id of group.ids) ids.push(id);
    }
    const coauthorsAt = (index: number) => {
      let lo = 0;
      let hi = groups.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (groups[mid].start <= index) lo = mid;
        else hi = mid - 1;
      }
      return groups[lo].coauthors;
    };
    const group = (coauthors: number) => groups.find((g) => g.coauthors === coauthors)?.ids ?? [];
    const row = (id: string, coauthors: number) => ({ id, name: "", coauthors });
    const random = seededRandom(QUERY_SEED);
    const medianCoauthors = coauthorsAt(Math.floor(ids.length / 2));
    const top = ids.slice(0, 10).map((id, i) => ({ ...row(id, coauthorsAt(i)), class: "top" as const }));
    const median = pickDistinct(group(medianCoauthors), 10, random).map((id) => ({
      ...row(id, medianCoauthors),
      class: "median" as const,
    }));
    const single = pickDistinct(group(1), 10, random).map((id) => ({ ...row(id, 1), class: "single" as const }));
    const names = new Map<string, string>();
    for (const record of (await session.run(AUTHOR_NAMES, { ids: [...top, ...median, ...single].map((a) => a.id) })).records)
      names.set(record.get("id") as string, record.get("name") as string);
    for (const a of [...top, ...median, ...single]) a.name = names.get(a.id) ?? "";

    const pairs: Array<[string, string]> = [];
    while (pairs.length < 50) {
      const [x, y] = pickDistinctIndices(ids.length, 2, random);
      pairs.push([ids[x], ids[y]]);
    }

    // Searches: names of the median authors (people someone would look up), and title words.
    const authorSearches = median.map((a) => a.name);
    const paperCount = Number((await session.run("MATCH (p:Paper) RETURN count(p) AS n")).records[0].get("n"));
    const positions = Array.from({ length: 40 }, () => Math.floor(random() * paperCount));
    const titles = (await session.run(PAPER_TITLES_AT, { positions: positions.map((n) => neo4j.int(n)) })).records.map((r) =>
      String(r.get("title") ?? ""),
    );
    const paperSearches = titles
      .map(searchWords)
      .filter((s): s is string => s !== null)
      .slice(0, 10);
    // Drawn after everything above, so the inputs npm run bench takes stay those of earlier runs.
    const distancePairs = options.pairsPerDistance
      ? (
          await pairsByDistance(
            driver,
            database,
            median
              .flatMap((a, i) => [a, single[i]])
              .filter((a) => a !== undefined)
              .map((a) => a.id),
            { sources: 2, maxDistance: 6, perDistance: options.pairsPerDistance, random, log: options.log },
          )
        ).map((p) => p.pair)
      : undefined;
    return { authors: [...top, ...median, ...single], medianCoauthors, pairs, distancePairs, authorSearches, paperSearches };
  } finally {
    await session.close();
  }
}
