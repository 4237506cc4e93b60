/*
 * The order of coauthorNetwork edges: joint papers descending, then source id, then target id,
 * ids compared by code point as Cypher compares strings (NETWORK_EDGES sorts in Cypher; the
 * one-statement network sorts here, in JavaScript, to spare Neo4j a sort of every edge).
 */

export interface OrderedTie {
  source: string;
  target: string;
  jointPapers: number;
}

/**
 * Cypher orders strings by code point. UTF-16 code units order the same way except that
 * surrogates (D800-DFFF, i.e. code points above FFFF) must come after E000-FFFF: shifting both
 * ranges at the first difference fixes that without allocating.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

/**
 * The ties in edge order; `ids` must include every id they mention (the network's nodes).
 *
 * A dense network has tens of thousands of edges over at most 2,000 ids, and most edges have one
 * joint paper, so comparing id strings dominated the sort. Instead the few ids are ranked once and
 * every edge gets one number, (maxJoint - joint, rank(source), rank(target)) in mixed radix:
 * exact in a double as long as (maxJoint + 1) * ids² < 2^53, i.e. always (2,000 ids allow
 * two billion joint papers).
 */
export function sortTies<T extends OrderedTie>(ties: readonly T[], ids: readonly string[]): T[] {
  const ranked = [...new Set(ids)].sort(compareCodePoints);
  const rank = new Map<string, number>();
  ranked.forEach((id, i) => rank.set(id, i));
  const n = ranked.length;
  let maxJoint = 0;
  for (const tie of ties) maxJoint = Math.max(maxJoint, tie.jointPapers);
  const keys = new Float64Array(ties.length);
  const order = new Array<number>(ties.length);
  ties.forEach((tie, i) => {
    const source = rank.get(tie.source);
    const target = rank.get(tie.target);
    if (source === undefined || target === undefined) throw new Error(`edge ${tie.source} - ${tie.target} names an id outside the network`);
    keys[i] = ((maxJoint - tie.jointPapers) * n + source) * n + target;
    order[i] = i;
  });
  order.sort((i, j) => keys[i] - keys[j]);
  return order.map((i) => ties[i]);
}
