/*
 * The whole coauthor graph as compact typed arrays (compressed sparse rows): author k's neighbours are
 * `targets[offsets[k] .. offsets[k + 1])`, each tie stored once per end with its weight beside it. 4 bytes per author
 * for the offsets, 8 bytes per tie end (Int32 neighbour + Float32 weight): the 158k-paper graph (168k authors, 1.59M
 * ties) is about 26 MB, DBLP (1.3M authors, 10.7M ties) about 177 MB.
 */
export interface Csr {
  /** Number of authors (nodes 0..n-1). */
  n: number;
  /** Number of undirected ties. */
  m: number;
  /** n + 1 entries: author k's tie ends are offsets[k] .. offsets[k + 1]. */
  offsets: Int32Array;
  targets: Int32Array;
  /** Float32 for the whole graph (half the memory); Float64 where a small network's figures need every digit. */
  weights: Float32Array | Float64Array;
}

/** Each author's number of ties. */
export function degrees(g: Csr): Int32Array {
  const out = new Int32Array(g.n);
  for (let v = 0; v < g.n; v++) out[v] = g.offsets[v + 1] - g.offsets[v];
  return out;
}

/**
 * Collects a Csr from each tie given once, from either end, keyed by an external integer id (Neo4j's internal node id):
 * `add` appends one author and the ties it holds (neighbours by external id; an author whose ties are all held by
 * others adds an empty list), `finish` (or `finishCsr` over several builders filled side by side) maps every neighbour
 * to its dense index and stores each tie at both ends. Reading each tie once halves what Neo4j has to send. Capacity
 * grows by doubling when the expected size was too small.
 */
export class CsrBuilder {
  /** Each author's external id, in arrival order. */
  readonly ids: number[] = [];
  /** Where each author's ties start in `ends`/`weights` (they end where the next author's start, or at `used`). */
  readonly firstTie: number[] = [];
  ends: Int32Array;
  weights: Float32Array;
  used = 0;

  constructor(expectedTies = 1024) {
    const capacity = Math.max(16, expectedTies);
    this.ends = new Int32Array(capacity);
    this.weights = new Float32Array(capacity);
  }

  add(externalId: number, neighbours: readonly number[], weights: readonly number[]): void {
    this.ids.push(externalId);
    this.firstTie.push(this.used);
    this.reserve(this.used + neighbours.length);
    for (let i = 0; i < neighbours.length; i++) {
      this.ends[this.used] = neighbours[i];
      this.weights[this.used] = weights[i];
      this.used++;
    }
  }

  get authors(): number {
    return this.ids.length;
  }

  finish(): { csr: Csr; externalIds: Float64Array } {
    return finishCsr([this]);
  }

  private reserve(size: number): void {
    if (size <= this.ends.length) return;
    let capacity = this.ends.length;
    while (capacity < size) capacity *= 2;
    const grow = <T extends Int32Array | Float32Array>(old: T, fresh: T): T => {
      fresh.set(old.subarray(0, this.used));
      return fresh;
    };
    this.ends = grow(this.ends, new Int32Array(capacity));
    this.weights = grow(this.weights, new Float32Array(capacity));
  }
}

/**
 * One Csr from builders filled side by side (one per read lane), whatever order their authors arrived in: the dense
 * index of an author is its rank by external id, and the ties are laid out author by author in that order. So the
 * arrays are the same bits however the authors were split between builders and interleaved, and the same as one
 * builder fed in id order (a label scan's order). `externalIds[k]` gives author k's external id back. The builders
 * are emptied.
 */
export function finishCsr(parts: readonly CsrBuilder[]): { csr: Csr; externalIds: Float64Array } {
  const n = parts.reduce((sum, part) => sum + part.authors, 0);
  // Arrival g is part p's author g − base[p]; byId[k] is the arrival of the author with the k-th smallest id.
  const arrivalIds = new Float64Array(n);
  const partOf = new Int32Array(n);
  const base: number[] = [];
  let g = 0;
  parts.forEach((part, p) => {
    base.push(g);
    for (const id of part.ids) {
      arrivalIds[g] = id;
      partOf[g++] = p;
    }
  });
  const byId = Int32Array.from({ length: n }, (_, k) => k).sort((x, y) => arrivalIds[x] - arrivalIds[y]);
  const externalIds = new Float64Array(n);
  let maxId = 0;
  for (let k = 0; k < n; k++) {
    externalIds[k] = arrivalIds[byId[k]];
    if (k > 0 && externalIds[k] === externalIds[k - 1]) throw new Error(`author node ${externalIds[k]} was read twice`);
    maxId = Math.max(maxId, externalIds[k]);
  }
  const index = new Int32Array(maxId + 1).fill(-1);
  for (let k = 0; k < n; k++) index[externalIds[k]] = k;

  const tieRange = (k: number): [CsrBuilder, number, number] => {
    const arrival = byId[k];
    const part = parts[partOf[arrival]];
    const j = arrival - base[partOf[arrival]];
    return [part, part.firstTie[j], j + 1 < part.authors ? part.firstTie[j + 1] : part.used];
  };
  const offsets = new Int32Array(n + 1);
  let m = 0;
  for (let a = 0; a < n; a++) {
    const [part, from, to] = tieRange(a);
    for (let i = from; i < to; i++) {
      const end = part.ends[i];
      const b = end <= maxId ? index[end] : -1;
      if (b < 0) throw new Error(`a tie names node ${end}, which is not among the authors read`);
      part.ends[i] = b;
      if (b === a) continue; // a self-tie is no tie
      offsets[a + 1]++;
      offsets[b + 1]++;
      m++;
    }
  }
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(2 * m);
  const weights = new Float32Array(2 * m);
  for (let a = 0; a < n; a++) {
    const [part, from, to] = tieRange(a);
    for (let i = from; i < to; i++) {
      const b = part.ends[i];
      if (a === b) continue;
      const w = part.weights[i];
      targets[fill[a]] = b;
      weights[fill[a]++] = w;
      targets[fill[b]] = a;
      weights[fill[b]++] = w;
    }
  }
  for (const part of parts) {
    part.ids.length = part.firstTie.length = part.used = 0;
    part.ends = new Int32Array(0);
    part.weights = new Float32Array(0);
  }
  return { csr: { n, m, offsets, targets, weights }, externalIds };
}

/**
 * The same graph with its authors renumbered in breadth-first order (each component from its highest-degree author,
 * components taken by that author's degree), so that an author's neighbours mostly sit near it in every array a
 * search touches. Brandes' searches read dist/sigma at every tie end in random order; on the 158k graph in its read
 * order (Neo4j's node ids) that is a cache miss most of the time. Each author's neighbours come out in ascending
 * order, which helps as much again (measured in the README's figures notes). `order[new] = old`, `rank[old] = new`.
 */
export function localityOrder(g: Csr): { csr: Csr; order: Int32Array; rank: Int32Array } {
  const { n } = g;
  const rank = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  const byDegree = new Int32Array(n);
  for (let v = 0; v < n; v++) byDegree[v] = v;
  const degree = degrees(g);
  byDegree.sort((a, b) => degree[b] - degree[a] || a - b);
  let tail = 0;
  for (let r = 0; r < n; r++) {
    const s = byDegree[r];
    if (rank[s] >= 0) continue;
    let head = tail;
    order[tail] = s;
    rank[s] = tail++;
    while (head < tail) {
      const v = order[head++];
      for (let i = g.offsets[v]; i < g.offsets[v + 1]; i++) {
        const w = g.targets[i];
        if (rank[w] < 0) {
          rank[w] = tail;
          order[tail++] = w;
        }
      }
    }
  }
  // On shared memory: betweenness' worker threads read these two arrays without a copy (betweenness-workers.ts).
  const offsets = new Int32Array(new SharedArrayBuffer(4 * (n + 1)));
  for (let k = 0; k < n; k++) offsets[k + 1] = offsets[k] + g.offsets[order[k] + 1] - g.offsets[order[k]];
  // Each tie end k→w is stored in w's list while k runs upwards: the graph is symmetric, so every list comes out in
  // ascending order (a search then reads dist/sigma at its tie ends front to back) without a sort.
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(new SharedArrayBuffer(4 * g.targets.length));
  const weights = new Float32Array(g.weights.length);
  for (let k = 0; k < n; k++) {
    const v = order[k];
    for (let i = g.offsets[v]; i < g.offsets[v + 1]; i++) {
      const w = rank[g.targets[i]];
      targets[fill[w]] = k;
      weights[fill[w]++] = g.weights[i];
    }
  }
  return { csr: { n, m: g.m, offsets, targets, weights }, order, rank };
}

/** A Csr from an undirected edge list over nodes 0..n-1 (tests, the benchmark's generator). */
export function csrFromEdges(n: number, edges: ReadonlyArray<readonly [number, number, number?]>): Csr {
  const builder = new CsrBuilder(edges.length);
  const lists: Array<{ t: number[]; w: number[] }> = Array.from({ length: n }, () => ({ t: [], w: [] }));
  for (const [a, b, w = 1] of edges) {
    lists[a].t.push(b);
    lists[a].w.push(w);
  }
  lists.forEach((list, k) => builder.add(k, list.t, list.w));
  return builder.finish().csr;
}
