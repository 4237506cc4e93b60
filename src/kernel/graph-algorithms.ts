import { seededRandom } from "../util/seeded-random";
import { TimeSlice } from "../util/time-slice";
import type { Csr } from "./csr";
import { closedTwins, perAuthor, searchesFor } from "./twins";
import { denseDependencySums, searchesByBitsets, sumAt } from "./dense-searches";

/*
 * Whole-graph algorithms over a Csr, in plain loops over typed arrays: no per-node objects, so memory is the Csr plus
 * a few arrays of n numbers. Each follows networkx's definition (the tests compare them with networkx 3.6), so the
 * figures mean what the literature means by them.
 */

/** Reports how far a long computation has come (the event loop gets its turns from a TimeSlice, not from this). */
export type Progress = (done: number, total: number) => void | Promise<void>;

export interface Components {
  /** Component index of each author (0 = the largest; ties broken by the smallest author index). */
  label: Int32Array;
  /** Size of each component, largest first. */
  sizes: number[];
}

/** Connected components by breadth-first search: O(n + m). Hands the event loop turns as `slice` says. */
export async function connectedComponents(g: Csr, slice = new TimeSlice()): Promise<Components> {
  const raw = new Int32Array(g.n).fill(-1);
  const queue = new Int32Array(g.n);
  const rawSizes: number[] = [];
  for (let s = 0; s < g.n; s++) {
    if (raw[s] >= 0) continue;
    const c = rawSizes.length;
    const cursor = { head: 0, tail: 1 };
    queue[0] = s;
    raw[s] = c;
    while (!spread(g, cursor, queue, raw, c, slice)) await slice.turn();
    rawSizes.push(cursor.tail);
  }
  // Largest first; a stable sort keeps discovery order (smallest first author) among equals.
  const order = rawSizes.map((_, c) => c).sort((a, b) => rawSizes[b] - rawSizes[a] || a - b);
  const rank = new Int32Array(rawSizes.length);
  order.forEach((c, r) => (rank[c] = r));
  for (let v = 0; v < g.n; v++) raw[v] = rank[raw[v]];
  return { label: raw, sizes: order.map((c) => rawSizes[c]) };
}

/*
 * The hot loops below are plain synchronous functions that stop where the slice runs out and say whether they
 * finished; the async callers hand the event loop its turn in between. (An await inside the loops themselves costs
 * them 10-50%: V8 optimises a resumable async function's loops less well.)
 */

/** Breadth-first search from the queue's cursor, labelling with c; true when the component is complete. */
function spread(
  g: Csr,
  cursor: { head: number; tail: number },
  queue: Int32Array,
  label: Int32Array,
  c: number,
  slice: TimeSlice,
): boolean {
  let { head, tail } = cursor;
  while (head < tail) {
    if (slice.due()) break;
    const v = queue[head++];
    const end = g.offsets[v + 1];
    for (let i = g.offsets[v]; i < end; i++) {
      const w = g.targets[i];
      if (label[w] < 0) {
        label[w] = c;
        queue[tail++] = w;
      }
    }
  }
  cursor.head = head;
  cursor.tail = tail;
  return head >= tail;
}

/** Rows {value, count} of a list of integers, ascending by value. */
export function distribution(values: ArrayLike<number>): Array<{ value: number; count: number }> {
  const counts = new Map<number, number>();
  for (let i = 0; i < values.length; i++) counts.set(values[i], (counts.get(values[i]) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([value, count]) => ({ value, count }));
}

export interface PageRankOptions {
  /** Damping factor; networkx's default 0.85. */
  alpha: number;
  /** Stop when Σ_v |x_v − x'_v| < n·tolerance (networkx's rule). */
  tolerance: number;
  maxIterations: number;
}

export const PAGERANK_DEFAULTS: PageRankOptions = { alpha: 0.85, tolerance: 1e-10, maxIterations: 200 };

/**
 * Weighted PageRank by power iteration, as networkx.pagerank on the undirected graph: a random walker follows a tie
 * with probability proportional to its weight, teleports uniformly with probability 1 − α, and an author without
 * ties hands its score to everyone uniformly. Scores sum to 1.
 */
export async function pageRank(
  g: Csr,
  options: PageRankOptions = PAGERANK_DEFAULTS,
  progress?: Progress,
  slice = new TimeSlice(),
): Promise<{ scores: Float64Array; iterations: number; residual: number }> {
  const { n, offsets, weights } = g;
  // No author, nothing to iterate: an empty graph's figures would otherwise report every iteration of the limit.
  if (n === 0) return { scores: new Float64Array(0), iterations: 0, residual: 0 };
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const out = new Float64Array(n);
  // x_u / W_u, once per iteration instead of a division at every tie end.
  const share = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let s = 0;
    for (let i = offsets[v]; i < offsets[v + 1]; i++) s += weights[i];
    out[v] = s;
  }
  let residual = Infinity;
  for (let it = 1; it <= options.maxIterations; it++) {
    let dangling = 0;
    for (let v = 0; v < n; v++) {
      if (out[v] === 0) dangling += x[v];
      else share[v] = x[v] / out[v];
    }
    const base = (options.alpha * dangling + (1 - options.alpha)) / n;
    for (let v = 0; v < n;) {
      v = gatherShares(g, share, next, base, options.alpha, v, slice);
      if (v < n) await slice.turn();
    }
    residual = 0;
    for (let v = 0; v < n; v++) residual += Math.abs(next[v] - x[v]);
    [x, next] = [next, x];
    await progress?.(it, options.maxIterations);
    if (residual < n * options.tolerance) return { scores: x, iterations: it, residual };
  }
  return { scores: x, iterations: options.maxIterations, residual };
}

/** next[v] = base + α Σ share[w]·weight(v, w) for v from `from` on, until the slice runs out; returns where it stopped. */
function gatherShares(
  g: Csr,
  share: Float64Array,
  next: Float64Array,
  base: number,
  alpha: number,
  from: number,
  slice: TimeSlice,
): number {
  const { n, offsets, targets, weights } = g;
  let v = from;
  for (; v < n; v++) {
    if (slice.due()) break;
    let s = 0;
    const end = offsets[v + 1];
    for (let i = offsets[v]; i < end; i++) s += share[targets[i]] * weights[i];
    next[v] = base + alpha * s;
  }
  return v;
}

export interface BetweennessResult {
  /** Normalised betweenness of each author (networkx's normalized=True, endpoints=False). */
  scores: Float64Array;
  /** The pivots used (all n when exact). */
  pivots: number;
  exact: boolean;
}

/** k distinct authors chosen uniformly by a partial Fisher–Yates shuffle driven by the seeded generator. */
export function samplePivots(n: number, k: number, seed: number): Int32Array {
  const random = seededRandom(seed);
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (n - i));
    const t = all[i];
    all[i] = all[j];
    all[j] = t;
  }
  return all.slice(0, k);
}

/**
 * Brandes' betweenness on hop distances (ties unweighted), from `pivots` sources (Brandes & Pich 2007). With every
 * author a source it is exact; with k sampled sources it is networkx's estimator: the dependencies summed over the
 * pivots scaled by 1/(k(n−2)), or 1/((k−1)(n−2)) for a pivot itself (it gets nothing from its own search). O(k·m) time.
 *
 * One search is a breadth-first pass that counts shortest paths (sigma) and a reverse pass that accumulates
 * dependencies. The reverse pass pulls: author v sums coeff[w] = (1 + delta_w)/sigma_w over its neighbours one hop
 * further, so it writes only its own entries, and each pass reads the tie list once, in order. Only the authors the
 * search reached are reset after it. Run it on a localityOrder()ed Csr: the random reads of dist and sigma (forward)
 * and of the coefficients (reverse) at the tie ends are what costs.
 *
 * Hops, not weighted distances: the figure asks who sits on the shortest chains of collaboration, and weighting a
 * path by 1/(tie weight) would need Dijkstra (a heap, O(m + n log n) per search, several times slower) and would make
 * the answer hinge on how strength becomes distance; networkx's betweenness_centrality(weight=None) is the reference.
 *
 * The searches run between classes of closed twins (kernel/twins.ts): the same figures from fewer nodes and ties, one
 * search for the sources that are twins of each other. `progress` counts those searches.
 */
export async function betweenness(
  g: Csr,
  pivots: Int32Array | null,
  progress?: Progress,
  slice = new TimeSlice(),
): Promise<BetweennessResult> {
  const sources = pivots ?? Int32Array.from({ length: g.n }, (_, i) => i);
  const twins = closedTwins(g);
  const { classes, counts } = searchesFor(twins, sources);
  const sums = await dependencySums(twins.quotient, classes, { progress, slice, twins: { size: twins.size, counts } });
  return normaliseBetweenness(perAuthor(twins, sums), sources, pivots === null || sources.length === g.n);
}

/**
 * The unnormalised half of Brandes: each author's dependencies summed over the searches from `sources`, in their
 * order. Worker threads run it on disjoint sets of sources (betweenness-workers.ts); the sums then add up. A small
 * dense graph is searched level by level with bit sets instead (dense-searches.ts): same values, half the time.
 */
export async function dependencySums(g: Csr, sources: Int32Array, options: SearchOptions = {}): Promise<Float64Array> {
  const { n } = g;
  const k = sources.length;
  const { progress, reach, twins } = options;
  const slice = options.slice ?? new TimeSlice();
  const size = twins?.size ?? new Int32Array(n).fill(1);
  if ((options.pass ?? (searchesByBitsets(g) ? "bitsets" : "ties")) === "bitsets")
    return denseDependencySums(g, sources, size, twins?.counts ?? null, reach, progress, slice);
  const search: Search = {
    size,
    bc: new Float64Array(n),
    sigma: new Float64Array(n),
    coeffEven: new Float64Array(n),
    coeffOdd: new Float64Array(n),
    dist: new Int32Array(n).fill(-1),
    order: new Int32Array(n),
    count: 1,
    head: 0,
    tail: 0,
  };
  const { dist, order, coeffEven, coeffOdd } = search;
  for (let p = 0; p < k; p++) {
    const s = sources[p];
    order[0] = s;
    dist[s] = 0;
    search.sigma[s] = 1;
    search.head = 0;
    search.tail = 1;
    while (!countPaths(g, search, slice)) await slice.turn();
    search.head = search.tail - 1; // the reverse pass walks the order back from its end
    search.count = twins ? twins.counts[p] : 1;
    while (!accumulate(g, search, slice)) await slice.turn();
    if (reach) {
      // The forward pass has every hop distance from s: closeness needs nothing more (analysis/metrics.ts). The
      // source's twins are one hop away.
      let total = size[s] - 1;
      let reached = size[s] - 1;
      for (let j = 1; j < search.tail; j++) {
        total += size[order[j]] * dist[order[j]];
        reached += size[order[j]];
      }
      reach.distanceSums[p] = total;
      reach.reached[p] = reached;
    }
    for (let j = 0; j < search.tail; j++) {
      const v = order[j];
      dist[v] = -1;
      coeffEven[v] = 0;
      coeffOdd[v] = 0;
    }
    await progress?.(p + 1, k);
  }
  return search.bc;
}

/**
 * Searches over classes of closed twins (kernel/twins.ts) instead of authors: each node stands for `size` authors, and
 * the search from source position p for `counts[p]` sources in its class (its dependencies are added that many times).
 */
export interface TwinWeights {
  size: Int32Array;
  counts: ArrayLike<number>;
}

export interface SearchOptions {
  progress?: Progress;
  slice?: TimeSlice;
  /** Filled with what each search reached (closeness needs nothing more). */
  reach?: Reach;
  /** The nodes are classes of twins. */
  twins?: TwinWeights;
  /** How each level is found: bit sets where searchesByBitsets() says they pay (the default), else tie by tie. */
  pass?: "ties" | "bitsets";
}

/** What each search of dependencySums reached, by source position: the authors and the sum of their hop distances. */
export interface Reach {
  reached: Int32Array;
  distanceSums: Float64Array;
}

/** Scales dependency sums (in place) to networkx's normalised betweenness: exact from every source, or estimated. */
export function normaliseBetweenness(bc: Float64Array, sources: Int32Array, exact: boolean): BetweennessResult {
  const n = bc.length;
  const k = sources.length;
  if (n > 2 && k > 0) {
    const isPivot = new Uint8Array(n);
    for (const s of sources) isPivot[s] = 1;
    // Exact: every author has n − 1 sources other than itself; sampled: k, or k − 1 for a pivot.
    const nonSource = exact ? 1 / ((n - 1) * (n - 2)) : 1 / (k * (n - 2));
    const source = exact ? nonSource : k > 1 ? 1 / ((k - 1) * (n - 2)) : 0;
    for (let v = 0; v < n; v++) bc[v] *= isPivot[v] ? source : nonSource;
  } else bc.fill(0);
  return { scores: bc, pivots: k, exact };
}

/**
 * One breadth-first search's arrays, and how far its current pass has come. The reverse pass's coefficients
 * (1 + δ(w))/σ(w) are kept by the parity of w's distance: an author at distance d has neighbours only at d − 1, d and
 * d + 1, so the array of parity d + 1 holds, among its neighbours, values only for those at d + 1 (those at d − 1 are
 * not computed yet: still 0). The sum over them then needs no test of each neighbour's distance, whose outcome the
 * processor cannot predict; adding the zeros leaves the sum's bits as they were.
 */
interface Search {
  /** Authors per node: 1, or a class of twins' size. */
  size: Int32Array;
  /** Sources the current search stands for. */
  count: number;
  bc: Float64Array;
  sigma: Float64Array;
  coeffEven: Float64Array;
  coeffOdd: Float64Array;
  dist: Int32Array;
  order: Int32Array;
  head: number;
  tail: number;
}

/**
 * The forward pass: hop distances and shortest-path counts (sigma), in visiting order; true when done. A node of
 * twins hands on sigma once per member (each is a path of its own), the source once (its twins are a hop away).
 */
function countPaths(g: Csr, search: Search, slice: TimeSlice): boolean {
  const { offsets, targets } = g;
  const { dist, sigma, order, size } = search;
  let { head, tail } = search;
  while (head < tail) {
    if (slice.due()) break;
    const v = order[head];
    const next = dist[v] + 1;
    const sv = head++ === 0 ? sigma[v] : sigma[v] * size[v];
    const end = offsets[v + 1];
    for (let i = offsets[v]; i < end; i++) {
      const w = targets[i];
      const dw = dist[w];
      if (dw < 0) {
        dist[w] = next;
        sigma[w] = sv;
        order[tail++] = w;
      } else if (dw === next) sigma[w] += sv;
    }
  }
  search.head = head;
  search.tail = tail;
  return head >= tail;
}

/**
 * The reverse pass: dependencies pulled from one hop further, from `head` down to the source; true when done. A
 * node of twins passes each member's share on (size·(1 + δ)/σ), and the search adds its dependencies once per
 * source it stands for.
 */
function accumulate(g: Csr, search: Search, slice: TimeSlice): boolean {
  const { offsets, targets } = g;
  const { dist, sigma, coeffEven, coeffOdd, order, bc, size, count } = search;
  let j = search.head;
  for (; j > 0; j--) {
    if (slice.due()) break;
    const v = order[j];
    const odd = (dist[v] & 1) === 1;
    const further = odd ? coeffEven : coeffOdd;
    const delta = sigma[v] * sumAt(further, targets, offsets[v], offsets[v + 1]);
    bc[v] += count * delta;
    (odd ? coeffOdd : coeffEven)[v] = (size[v] * (1 + delta)) / sigma[v];
  }
  search.head = j;
  return j <= 0;
}

/**
 * Hoeffding's bound for the sampled estimate: each pivot's scaled term lies in [0, n/(n−1)] (about [0, 1]), so one
 * author's estimate is within ε = sqrt(ln(2/δ)/(2k)) of the exact value with probability 1 − δ, and every author's at
 * once within sqrt(ln(2n/δ)/(2k)) (union bound). Loose for the small values most authors have; the tests measure rank
 * agreement instead.
 */
export function betweennessErrorBound(n: number, k: number, delta = 0.05): { perAuthor: number; allAuthors: number; confidence: number } {
  const span = n > 1 ? n / (n - 1) : 1;
  return {
    perAuthor: span * Math.sqrt(Math.log(2 / delta) / (2 * k)),
    allAuthors: span * Math.sqrt(Math.log((2 * n) / delta) / (2 * k)),
    confidence: 1 - delta,
  };
}
