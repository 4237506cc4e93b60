/*
 * The order of coauthorNetwork edges: joint papers descending, then source id, then target id,
 * ids compared as Cypher's ORDER BY compares strings (NETWORK_EDGES sorts in Cypher; the
 * one-statement network sorts here, in JavaScript, to spare Neo4j a sort of every edge).
 */

export interface OrderedTie {
  source: string;
  target: string;
  jointPapers: number;
}

/**
 * Cypher orders strings by UTF-16 code unit, as Java does (checked against Neo4j 5.26:
 * ORDER BY puts U+1F600 before U+E000; test/integration/api/string-order.test.ts), which is also
 * how JavaScript's < compares them.
 */
export function compareLikeCypher(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The ties in edge order; `ids` must include every id they mention (the network's nodes).
 *
 * A dense network has tens of thousands of edges over at most 2,000 ids, and comparing id strings
 * dominated a comparison sort (most edges have one joint paper, so most comparisons reach the
 * ids). Instead the few ids are ranked once; each edge becomes one exact number, (rank(source),
 * rank(target), its index) in mixed radix, which a typed array sorts natively; a stable counting
 * pass then puts the larger joint paper counts first.
 */
export function sortTies<T extends OrderedTie>(ties: readonly T[], ids: readonly string[]): T[] {
  const ranked = [...new Set(ids)].sort(compareLikeCypher);
  const rank = new Map<string, number>();
  ranked.forEach((id, i) => rank.set(id, i));
  const n = ranked.length;
  const count = ties.length;
  // Exact in a double below 2^53: 2,000 ids (maxNodes) have fewer than two million pairs, 8e12.
  if (n * n * count > Number.MAX_SAFE_INTEGER) throw new Error(`too many edges to order (${count} among ${n} ids)`);
  const keys = new Float64Array(count);
  const rankOf = (id: string) => {
    const found = rank.get(id);
    if (found === undefined) throw new Error(`an edge names ${id}, outside the network`);
    return found;
  };
  let lastSource: string | undefined;
  let source = 0;
  for (let i = 0; i < count; i += 1) {
    // Ties come grouped by source: look its rank up once per group.
    if (ties[i].source !== lastSource) source = rankOf((lastSource = ties[i].source));
    keys[i] = (source * n + rankOf(ties[i].target)) * count + i;
  }
  keys.sort();
  const byPair = Array.from(keys, (key) => ties[key % count]);

  const slots = new Map<number, number>();
  for (const tie of byPair) slots.set(tie.jointPapers, (slots.get(tie.jointPapers) ?? 0) + 1);
  let next = 0;
  for (const joint of [...slots.keys()].sort((a, b) => b - a)) {
    const size = slots.get(joint)!;
    slots.set(joint, next);
    next += size;
  }
  const sorted = new Array<T>(count);
  for (const tie of byPair) {
    const slot = slots.get(tie.jointPapers)!;
    sorted[slot] = tie;
    slots.set(tie.jointPapers, slot + 1);
  }
  return sorted;
}
