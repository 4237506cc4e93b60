import type { Csr } from "./csr";

/*
 * Closed twins: authors with the same closed neighbourhood (the same coauthors, each other included), the authors of
 * one paper who wrote nothing else being the common case. Brandes' searches treat each class of twins as one node
 * weighted by its size and give the same betweenness and closeness (Sariyüce, Saule, Kaya & Çatalyürek, "Shattering
 * and compressing networks for betweenness centrality", SDM 2013, "identical vertices"), because for any source
 * outside a class its members sit at one distance with the same shortest-path count and the same dependency, and no
 * shortest path runs from one twin to the other's neighbours through it. On the 158k-paper graph the 168,377 authors
 * fall into 125,495 classes, and the 1,588,350 ties into 1,142,173 between classes (the README's figures notes).
 */

export interface Twins {
  /** One node per class; a tie between two classes where their members are tied. No weights: the searches count hops. */
  quotient: Csr;
  /** Each author's class; classes are numbered in order of their first author. */
  classOf: Int32Array;
  /** Each class's number of authors. */
  size: Int32Array;
}

/** A 32-bit mixer (murmur3's finaliser): the neighbourhood's hash is a sum of these, so its order does not matter. */
function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * The classes of closed twins of `g` and the graph between them, in O(n + m): each author's closed neighbourhood is
 * hashed (order-free), authors with equal hashes and degrees are compared tie by tie, so a hash collision never joins
 * two authors that are not twins. `g`'s rows must hold no author twice and no self-tie (every Csr built here: the
 * comparison is "same degree and N[u] ⊆ N[v]"). Synchronous, and linear in typed arrays only (an open-addressing table
 * instead of a Map of 48-bit keys, which V8 would box one by one).
 */
export function closedTwins(g: Csr): Twins {
  const { n, offsets, targets } = g;
  // Chains of authors with one hash, in ascending author order: an open-addressing table from the hash to the chain's
  // head, filled from the last author down. The key is 48 bits, exact in a double: 32 from one sum of mixes (also the
  // table's slot), 16 from a second sum with another seed.
  let capacity = 1;
  while (capacity < 2 * n) capacity *= 2;
  const slotHead = new Int32Array(capacity).fill(-1);
  const slotKey = new Float64Array(capacity);
  const nextInChain = new Int32Array(n).fill(-1);
  for (let v = n - 1; v >= 0; v--) {
    let a = mix(v + 1);
    let b = mix((v + 0x9e3779b9) | 0);
    for (let i = offsets[v]; i < offsets[v + 1]; i++) {
      a = (a + mix(targets[i] + 1)) >>> 0;
      b = (b + mix((targets[i] + 0x9e3779b9) | 0)) >>> 0;
    }
    const key = a * 65536 + (b & 0xffff);
    let slot = a & (capacity - 1);
    while (slotHead[slot] >= 0 && slotKey[slot] !== key) slot = (slot + 1) & (capacity - 1);
    nextInChain[v] = slotHead[slot];
    slotHead[slot] = v;
    slotKey[slot] = key;
  }
  const classOf = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  const members = new Int32Array(n); // a representative (first member) per class, by class
  const mark = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) {
    if (classOf[v] >= 0) continue;
    const c = sizes.length;
    classOf[v] = c;
    members[c] = v;
    let size = 1;
    const degree = offsets[v + 1] - offsets[v];
    let marked = false;
    for (let u = nextInChain[v]; u >= 0; u = nextInChain[u]) {
      if (classOf[u] >= 0 || offsets[u + 1] - offsets[u] !== degree) continue;
      if (!marked) {
        mark[v] = v;
        for (let i = offsets[v]; i < offsets[v + 1]; i++) mark[targets[i]] = v;
        marked = true;
      }
      // Same degree and every member of N[u] in N[v]: N[u] = N[v] (u ∈ N[v] makes them tied).
      let same = mark[u] === v;
      for (let i = offsets[u]; same && i < offsets[u + 1]; i++) same = mark[targets[i]] === v;
      if (same) {
        classOf[u] = c;
        size++;
      }
    }
    sizes.push(size);
  }
  const classes = sizes.length;
  // The quotient's rows: the classes of the representative's neighbours, each once, its own left out, ascending; in
  // one pass into room for every representative's ties, cut to what was used.
  const seen = new Int32Array(classes).fill(-1);
  const rowOffsets = new Int32Array(classes + 1);
  let room = 0;
  for (let c = 0; c < classes; c++) room += offsets[members[c] + 1] - offsets[members[c]];
  const filled = new Int32Array(room);
  let arcs = 0;
  for (let c = 0; c < classes; c++) {
    const v = members[c];
    seen[c] = c;
    for (let i = offsets[v]; i < offsets[v + 1]; i++) {
      const d = classOf[targets[i]];
      if (seen[d] !== c) {
        seen[d] = c;
        filled[arcs++] = d;
      }
    }
    filled.subarray(rowOffsets[c], arcs).sort();
    rowOffsets[c + 1] = arcs;
  }
  const rowTargets = arcs < room ? filled.slice(0, arcs) : filled;
  return {
    quotient: { n: classes, m: arcs / 2, offsets: rowOffsets, targets: rowTargets, weights: new Float32Array(0) },
    classOf,
    size: Int32Array.from(sizes),
  };
}

/**
 * Sources (authors) as searches over the classes: each class with a source once, in the order of its first source,
 * and how many of the sources it stands for (a search's dependencies count once per source in its class).
 */
export function searchesFor(twins: Twins, sources: Int32Array): { classes: Int32Array; counts: Int32Array } {
  const position = new Int32Array(twins.quotient.n).fill(-1);
  const classes: number[] = [];
  const counts: number[] = [];
  for (const s of sources) {
    const c = twins.classOf[s];
    if (position[c] < 0) {
      position[c] = classes.length;
      classes.push(c);
      counts.push(0);
    }
    counts[position[c]]++;
  }
  return { classes: Int32Array.from(classes), counts: Int32Array.from(counts) };
}

/** A value per class, given to each of its authors (an array of the same kind). */
export function perAuthor<A extends Float64Array | Int32Array>(twins: Twins, perClass: A): A {
  const out = new (perClass.constructor as new (length: number) => A)(twins.classOf.length);
  twins.classOf.forEach((c, v) => (out[v] = perClass[c]));
  return out;
}
