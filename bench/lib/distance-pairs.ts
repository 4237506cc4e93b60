import type { Driver } from "neo4j-driver";
import { pickDistinct } from "./seeded-random";

/** Frontier ids sent per statement: a layer of a dblp-sized graph holds up to millions of authors. */
const CHUNK = 5_000;

const NEIGHBOURS = `
UNWIND $ids AS id
MATCH (:Author {id: id})-[:COAUTHORED_WITH]-(b:Author)
RETURN DISTINCT b.id AS id`;

/**
 * Pairs of authors at each coauthor distance 1..maxDistance, for collaborationPath by distance: an exact
 * breadth-first search from each source (layers of ids kept in this process, neighbours asked of Neo4j a chunk of
 * the frontier at a time), then `perDistance` targets drawn with `random` from each layer, sorted first so the same
 * graph and seed give the same pairs. Only layers below maxDistance are expanded; a layer that is empty ends the search.
 * Candidates are tried in order until `sources` of them reach maxDistance: one in a small component (a single-coauthor
 * author often is) adds its few pairs and the next is tried.
 */
export async function pairsByDistance(
  driver: Driver,
  database: string,
  candidates: string[],
  opts: { sources: number; maxDistance: number; perDistance: number; random: () => number; log?: (line: string) => void },
): Promise<Array<{ distance: number; pair: [string, string] }>> {
  const pairs: Array<{ distance: number; pair: [string, string] }> = [];
  const session = driver.session({ database, defaultAccessMode: "READ" });
  try {
    let reached = 0;
    for (const source of candidates) {
      if (reached >= opts.sources) break;
      const seen = new Set<string>([source]);
      let frontier = [source];
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
        for (const target of pickDistinct(next, opts.perDistance, opts.random)) pairs.push({ distance, pair: [source, target] });
        opts.log?.(`  BFS from ${source}: ${next.length} authors at distance ${distance}`);
        frontier = next;
        if (distance === opts.maxDistance && next.length > 0) reached += 1;
      }
    }
    return pairs;
  } finally {
    await session.close();
  }
}
