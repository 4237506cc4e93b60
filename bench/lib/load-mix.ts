import type { Driver } from "neo4j-driver";
import { queryCases, type GraphqlRequest, type QueryCase } from "../query-cases";
import { chooseInputs, QUERY_SEED, type BenchInputs } from "../query-inputs";
import { pickDistinct, seededRandom } from "./seeded-random";

/*
 * The request mix of the load benchmark (issue 8): what a crowd of explorer users asks of the API, as weighted kinds
 * of GraphQL requests whose inputs are drawn, with a fixed seed, from the graph served. The requests themselves are
 * the query benchmark's (bench/query-cases.ts, "ours"), so both benchmarks measure the same operations.
 *
 * Stable API (reused by other benchmarks): LoadKind, LOAD_KINDS, DEFAULT_LOAD_WEIGHTS, LoadRequest, LoadMix,
 * LoadMixOptions, buildLoadMix, chooseLoadMix, coauthorPairs.
 */

export type LoadKind = "authorCoauthors" | "network2" | "coauthorSharedVenues" | "collaborationPath" | "authorSearch";

export const LOAD_KINDS: readonly LoadKind[] = ["authorCoauthors", "network2", "coauthorSharedVenues", "collaborationPath", "authorSearch"];

/**
 * Relative weights (they need not sum to 100): mostly cheap lookups (an author page with its coauthors, a name search),
 * fewer explorations (a depth-2 network of up to 500 nodes, a path between two authors, the venues two coauthors share).
 */
export const DEFAULT_LOAD_WEIGHTS: Readonly<Record<LoadKind, number>> = {
  authorCoauthors: 35,
  authorSearch: 25,
  coauthorSharedVenues: 15,
  network2: 15,
  collaborationPath: 10,
};

/** What the query benchmark calls each kind (bench/query-cases.ts). */
const CASE_OF: Readonly<Record<LoadKind, string>> = {
  authorCoauthors: "coauthors(first: 20)",
  network2: "coauthorNetwork depth 2 (maxNodes 500)",
  coauthorSharedVenues: "sharedVenues (pairs)",
  collaborationPath: "collaborationPath (pairs)",
  authorSearch: "authors(search:, first: 10)",
};

export interface LoadRequest {
  kind: LoadKind;
  /** The GraphQL POST body. */
  body: GraphqlRequest;
}

export interface LoadMix {
  seed: number;
  weights: Readonly<Record<LoadKind, number>>;
  /** Every request the mix can send, by kind (for reporting and warm-up). */
  requests: Readonly<Record<LoadKind, readonly GraphqlRequest[]>>;
  /**
   * A new, independent stream of requests: kind by weight, then an input of that kind, both from a generator seeded
   * with `seed + stream`, so that connection i of a run sends the same sequence every run.
   */
  stream(stream: number): () => LoadRequest;
}

export interface LoadMixOptions {
  /** Defaults to the query benchmark's seed. */
  seed?: number;
  weights?: Partial<Record<LoadKind, number>>;
}

/** Pairs of authors who did write together: one seeded coauthor of each benchmark author (their shared venues are non-empty). */
const COAUTHORS_OF = `
UNWIND $ids AS id
MATCH (:Author {id: id})-[:COAUTHORED_WITH]-(b:Author)
WITH id, b.id AS other ORDER BY other
RETURN id, collect(other) AS others`;

export async function coauthorPairs(
  driver: Driver,
  database: string,
  inputs: BenchInputs,
  seed = QUERY_SEED,
): Promise<Array<[string, string]>> {
  const random = seededRandom(seed ^ 0x5eed);
  const session = driver.session({ database, defaultAccessMode: "READ" });
  try {
    const ids = inputs.authors.map((a) => a.id);
    const rows = (await session.run(COAUTHORS_OF, { ids })).records.map((r) => ({
      id: r.get("id") as string,
      others: r.get("others") as string[],
    }));
    const byId = new Map(rows.map((r) => [r.id, r.others]));
    const pairs: Array<[string, string]> = [];
    for (const id of ids) {
      const others = byId.get(id) ?? [];
      const [other] = pickDistinct(others, 1, random);
      if (other !== undefined) pairs.push([id, other]);
    }
    return pairs;
  } finally {
    await session.close();
  }
}

/** The mix from inputs already chosen (chooseInputs) and coauthor pairs (coauthorPairs). */
export function buildLoadMix(
  inputs: BenchInputs,
  pairsOfCoauthors: ReadonlyArray<[string, string]>,
  options: LoadMixOptions = {},
): LoadMix {
  const seed = options.seed ?? QUERY_SEED;
  const weights = { ...DEFAULT_LOAD_WEIGHTS, ...options.weights };
  const cases = new Map<string, QueryCase>(queryCases(inputs).map((c) => [c.name, c]));
  const caseOf = (kind: LoadKind): QueryCase => {
    const found = cases.get(CASE_OF[kind]);
    if (!found) throw new Error(`bench/query-cases.ts has no case "${CASE_OF[kind]}" any more; update bench/lib/load-mix.ts`);
    return found;
  };
  const requests = {} as Record<LoadKind, GraphqlRequest[]>;
  for (const kind of LOAD_KINDS) {
    const c = caseOf(kind);
    const values = kind === "coauthorSharedVenues" ? pairsOfCoauthors : c.inputs.map((i) => i.value as unknown);
    requests[kind] = values.map((v) => c.ours(v));
    if (requests[kind].length === 0 && weights[kind] > 0) throw new Error(`load mix: no inputs for ${kind}`);
  }
  const kinds = LOAD_KINDS.filter((k) => weights[k] > 0);
  const total = kinds.reduce((sum, k) => sum + weights[k], 0);
  if (total <= 0) throw new Error("load mix: every weight is 0");
  return {
    seed,
    weights,
    requests,
    stream(stream: number) {
      const random = seededRandom(seed + stream);
      return () => {
        let x = random() * total;
        let kind = kinds[kinds.length - 1];
        for (const k of kinds) {
          x -= weights[k];
          if (x < 0) {
            kind = k;
            break;
          }
        }
        const list = requests[kind];
        return { kind, body: list[Math.floor(random() * list.length)] };
      };
    },
  };
}

/** Chooses the inputs from the graph behind `driver` (the query benchmark's, plus coauthor pairs) and builds the mix. */
export async function chooseLoadMix(driver: Driver, database: string, options: LoadMixOptions = {}): Promise<LoadMix> {
  const inputs = await chooseInputs(driver, database);
  const pairs = await coauthorPairs(driver, database, inputs, options.seed ?? QUERY_SEED);
  return buildLoadMix(inputs, pairs, options);
}
