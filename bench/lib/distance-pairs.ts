import type { Driver } from "neo4j-driver";
import { pickDistinct } from "./seeded-random";

/** Frontier ids sent per statement: a layer of a dblp-sized graph holds up to millions of authors. */
const CHUNK = 5_000;

const NEIGHBOURS = `
UNWIND $ids AS id
MATCH (:Author {id: id})-[:COAUTHORED_WITH]-(b:Author)
RETURN DISTINCT b.id AS id`;

/** Authors of a layer expanded at most, by default: beyond it the BFS expands a seeded sample of the layer. */
export const MAX_FRONTIER = 100_000;

/**
 * Pairs of authors at each coauthor distance 1..maxDistance, for collaborationPath by distance: a breadth-first
 * search from each source (layers of ids kept in this process, neighbours asked of Neo4j a chunk of the frontier at a
 * time), then `perDistance` targets drawn with `random` from each layer, sorted first so the same graph and seed give
 * the same pairs. Only layers below maxDistance are expanded; a layer that is empty ends the search.
 * Candidates are tried in order until `sources` of them reach maxDistance: one in a small component (a single-coauthor
 * author often is) adds its few pairs and the next is tried.
 *
 * Bounded: a layer of more than `maxFrontier` authors is expanded from a seeded sample of that many (at 8M records the
 * layers at distance 4-5 hold millions of authors, and the exact search visits most of the graph's 69M tie ends).
 * Up to the first sampled layer the distances are exact; after it an author found at step d is d or fewer hops away
 * (a shorter path may run through an author not expanded), so a pair is labelled by the step that found it and the
 * query benchmark groups it by the distance the floor finds. Each pair says whether its label is exact.
 */
export async function pairsByDistance(
  driver: Driver,
  database: string,
  candidates: string[],
  opts: {
    sources: number;
    maxDistance: number;
    perDistance: number;
    random: () => number;
    maxFrontier?: number;
    log?: (line: string) => void;
  },
): Promise<Array<{ distance: number; pair: [string, string]; exact: boolean }>> {
  const pairs: Array<{ distance: number; pair: [string, string]; exact: boolean }> = [];
  const maxFrontier = opts.maxFrontier ?? MAX_FRONTIER;
  const session = driver.session({ database, defaultAccessMode: "READ" });
  try {
    let reached = 0;
    for (const source of candidates) {
      if (reached >= opts.sources) break;
      const seen = new Set<string>([source]);
      let frontier = [source];
      let exact = true;
      for (let distance = 1; distance <= opts.maxDistance && frontier.length > 0; distance += 1) {
        const next: string[] = [];
        for (let i = 0; i < frontier.length; i += CHUNK) {
          const result = await session.run(NEIGHBOURS, { ids: frontier.slice(i, i + CHUNK) });
          for (const record of result.records) {
            const id = record.get("id") as string;
            if (!seen.has(id)) {
              seen.add(id);
              next.push(id);
            }
          }
        }
        next.sort();
        for (const target of pickDistinct(next, opts.perDistance, opts.random)) pairs.push({ distance, pair: [source, target], exact });
        const sampled = distance < opts.maxDistance && next.length > maxFrontier;
        opts.log?.(
          `  BFS from ${source}: ${next.length} authors ${exact ? "at distance" : "first found at step"} ${distance}` +
            (sampled ? `; expanding a sample of ${maxFrontier}` : ""),
        );
        frontier = sampled ? pickDistinct(next, maxFrontier, opts.random).sort() : next;
        if (sampled) exact = false;
        if (distance === opts.maxDistance && next.length > 0) reached += 1;
      }
    }
    return pairs;
  } finally {
    await session.close();
  }
}
