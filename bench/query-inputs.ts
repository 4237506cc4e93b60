import neo4j, { type Driver } from "neo4j-driver";
import { pairsByDistance } from "./lib/distance-pairs";
import { pickDistinct, seededRandom } from "./lib/seeded-random";

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

const AUTHOR_DEGREES = `
MATCH (a:Author)
WITH a, COUNT { (a)-[:COAUTHORED_WITH]-() } AS coauthors
WHERE coauthors > 0
RETURN a.id AS id, a.name AS name, coauthors
ORDER BY coauthors DESC, id ASC`;

/** Titles of papers picked by position in id order (the ids are fixed by the data). */
const PAPER_TITLES_AT = `
MATCH (p:Paper)
WITH p ORDER BY p.id
WITH collect(p.title) AS titles
UNWIND $positions AS i
RETURN titles[i] AS title`;

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
    const rows = (await session.run(AUTHOR_DEGREES)).records.map((r) => ({
      id: r.get("id") as string,
      name: r.get("name") as string,
      coauthors: Number(r.get("coauthors")),
    }));
    const random = seededRandom(QUERY_SEED);
    const medianCoauthors = rows[Math.floor(rows.length / 2)].coauthors;
    const top = rows.slice(0, 10).map((a) => ({ ...a, class: "top" as const }));
    const median = pickDistinct(
      rows.filter((a) => a.coauthors === medianCoauthors),
      10,
      random,
    ).map((a) => ({ ...a, class: "median" as const }));
    const single = pickDistinct(
      rows.filter((a) => a.coauthors === 1),
      10,
      random,
    ).map((a) => ({ ...a, class: "single" as const }));

    const pairs: Array<[string, string]> = [];
    while (pairs.length < 50) {
      const [x, y] = pickDistinct(rows, 2, random);
      pairs.push([x.id, y.id]);
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
