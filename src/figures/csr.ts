/*
 * The whole coauthor graph as compact typed arrays (compressed sparse rows): author k's neighbours are
 * `targets[start[k] .. start[k] + degree[k])`, each tie stored once per end with its weight beside it. 4 bytes per
 * author for each of start/degree, 8 bytes per tie end (Int32 neighbour + Float32 weight): the 158k-paper graph
 * (168k authors, 1.59M ties) is about 27 MB, DBLP (1.3M authors, 10.7M ties) about 182 MB.
 */
export interface Csr {
  /** Number of authors (nodes 0..n-1). */
  n: number;
  /** Number of undirected ties. */
  m: number;
  start: Int32Array;
  degree: Int32Array;
  targets: Int32Array;
  weights: Float32Array;
}

/**
 * Builds a Csr from adjacency lists that arrive in any order, keyed by an external integer id (Neo4j's internal node
 * id): `add` appends one author's whole neighbourhood (neighbours by external id), `finish` maps every neighbour to
 * its dense index. Capacity grows by doubling when the expected size was too small.
 */
export class CsrBuilder {
  private ids: number[] = [];
  private start: number[] = [];
  private degree: number[] = [];
  private targets: Int32Array;
  private weights: Float32Array;
  private used = 0;

  constructor(expectedTieEnds = 1024) {
    this.targets = new Int32Array(Math.max(16, expectedTieEnds));
    this.weights = new Float32Array(Math.max(16, expectedTieEnds));
  }

  add(externalId: number, neighbours: readonly number[], weights: readonly number[]): void {
    this.ids.push(externalId);
    this.start.push(this.used);
    this.degree.push(neighbours.length);
    this.reserve(this.used + neighbours.length);
    for (let i = 0; i < neighbours.length; i++) {
      this.targets[this.used + i] = neighbours[i];
      this.weights[this.used + i] = weights[i];
    }
    this.used += neighbours.length;
  }

  get authors(): number {
    return this.ids.length;
  }

  /** The dense index of every author is its arrival order; `externalIds[k]` gives author k's external id back. */
  finish(): { csr: Csr; externalIds: Float64Array } {
    const n = this.ids.length;
    const externalIds = Float64Array.from(this.ids);
    let maxId = 0;
    for (const id of this.ids) if (id > maxId) maxId = id;
    const index = new Int32Array(maxId + 1).fill(-1);
    for (let k = 0; k < n; k++) index[this.ids[k]] = k;
    const targets = this.targets.subarray(0, this.used);
    for (let i = 0; i < this.used; i++) {
      const k = targets[i] <= maxId ? index[targets[i]] : -1;
      if (k < 0) throw new Error(`a tie names node ${targets[i]}, which is not among the authors read`);
      targets[i] = k;
    }
    if (this.used % 2 !== 0) throw new Error("tie ends do not pair up: the graph changed while it was read");
    const csr: Csr = {
      n,
      m: this.used / 2,
      start: Int32Array.from(this.start),
      degree: Int32Array.from(this.degree),
      targets,
      weights: this.weights.subarray(0, this.used),
    };
    this.ids = this.start = this.degree = [];
    return { csr, externalIds };
  }

  private reserve(size: number): void {
    if (size <= this.targets.length) return;
    let capacity = this.targets.length;
    while (capacity < size) capacity *= 2;
    const targets = new Int32Array(capacity);
    targets.set(this.targets.subarray(0, this.used));
    const weights = new Float32Array(capacity);
    weights.set(this.weights.subarray(0, this.used));
    this.targets = targets;
    this.weights = weights;
  }
}

/** A Csr from an undirected edge list over nodes 0..n-1 (tests, the benchmark's generator). */
export function csrFromEdges(n: number, edges: ReadonlyArray<readonly [number, number, number?]>): Csr {
  const builder = new CsrBuilder(edges.length * 2);
  const lists: Array<{ t: number[]; w: number[] }> = Array.from({ length: n }, () => ({ t: [], w: [] }));
  for (const [a, b, w = 1] of edges) {
    lists[a].t.push(b);
    lists[a].w.push(w);
    lists[b].t.push(a);
    lists[b].w.push(w);
  }
  lists.forEach((list, k) => builder.add(k, list.t, list.w));
  return builder.finish().csr;
}
