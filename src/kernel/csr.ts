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

/**
 * A Csr from an undirected edge list over nodes 0..n-1 (tests, the benchmark's generator), each edge given once; a
 * self-edge is no tie. Rows are filled edge by edge, the edges taken by their first node, then in the list's order.
 */
export function csrFromEdges(n: number, edges: ReadonlyArray<readonly [number, number, number?]>): Csr {
  const byFirst = Array.from({ length: n }, () => [] as number[]);
  const offsets = new Int32Array(n + 1);
  let m = 0;
  for (const [e, [a, b]] of edges.entries()) {
    if (!(a >= 0 && a < n && b >= 0 && b < n)) throw new RangeError(`edge ${a}–${b} names a node outside 0..${n - 1}`);
    byFirst[a].push(e);
    if (a !== b) {
      offsets[a + 1]++;
      offsets[b + 1]++;
      m++;
    }
  }
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(2 * m);
  const weights = new Float32Array(2 * m);
  for (const list of byFirst)
    for (const e of list) {
      const [a, b, w = 1] = edges[e];
      if (a === b) continue;
      targets[fill[a]] = b;
      weights[fill[a]++] = w;
      targets[fill[b]] = a;
      weights[fill[b]++] = w;
    }
  return { n, m, offsets, targets, weights };
}
