/*
 * The order of coauthorNetwork edges: joint papers descending, then source id, then target id,
 * each pair once with the smaller id as source. Both implementations (the layered search and the
 * one-statement network) orient and sort their edges here, in JavaScript: Cypher's own string
 * comparison depends on where a value came from (see compareLikeCypher), and the stored direction
 * of COAUTHORED_WITH depends on which import path wrote the pair.
 */

export interface OrderedTie {
  source: string;
  target: string;
  jointPapers: number;
}

/**
 * The API's string order: by Unicode code point (UTF-8 bytes), U+E000 before U+1F600. It is how
 * Neo4j 5.26 compares two STORED strings, so an ORDER BY on properties of matched nodes (a layer's
 * name and id) gives it. A string passed as a parameter, made in the statement, or taken from an
 * index seek's parameter instead compares by UTF-16 code unit (U+1F600 first), like JavaScript's <;
 * Cypher that mixes the two gives neither order. Checked in test/integration/api/string-order.test.ts.
 * The orders part only where a surrogate (half of an astral character) meets a code unit of
 * U+E000..U+FFFF, so the first differing code units decide, moved to code point order.
 */
export function compareLikeCypher(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Surrogates (U+D800..U+DFFF, halves of astral characters) after U+E000..U+FFFF, order kept within each. */
function codePointRank(unit: number): number {
  return unit >= 0xe000 ? unit - 0x800 : unit >= 0xd800 ? unit + 0x2000 : unit;
}

/**
 * The ties in edge order, each oriented smaller id -> larger id (a tie given the other way round
 * comes back as a copy with its ends swapped; the others are the same objects). `ids` must include
 * every id they mention (the network's nodes).
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
  const reversed = new Uint8Array(count);
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
    const target = rankOf(ties[i].target);
    if (source > target) reversed[i] = 1;
    keys[i] = (Math.min(source, target) * n + Math.max(source, target)) * count + i;
  }
  keys.sort();
  const byPair = Array.from(keys, (key) => {
    const i = key % count;
    const tie = ties[i];
    return reversed[i] ? { ...tie, source: tie.target, target: tie.source } : tie;
  });

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
