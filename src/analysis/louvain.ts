import type { Csr } from "../kernel/csr";

/*
 * Louvain community detection (Blondel, Guillaume, Lambiotte & Lefebvre 2008) at resolution γ on typed arrays: the
 * network's own compressed rows, no graph object. Written here, not taken from graphology-communities-louvain (used
 * before): on the 158k file's densest 500-author network (27,555 ties) building graphology's graph and its Louvain
 * index took most of an analysis' time in this thread. The tests hold the result to networkx's modularity.
 *
 * One level: every author starts alone; in an order drawn from `random`, each moves to the neighbouring community
 * (or stays) where its modularity gain is highest; an author that moves queues its neighbours outside its new
 * community to be looked at again, until the queue is empty (the "fast local moving" of Traag 2015 and of Leiden:
 * passes over every author after the first one were most of the time, and moved almost nobody). Then each community
 * becomes one node of the next level (ties between communities summed, ties inside kept as a self-tie), and the
 * moves start again, until a level moves nobody. Gain of putting author i, taken out of its community, into C:
 *   k_i,C − γ · Σ_tot(C) · k_i / (2m)   (up to the factor 1/m, the same for every C),
 * k_i,C the tie weight from i into C, Σ_tot(C) the weighted degree of C's members, k_i i's, m the total tie weight.
 *
 * refinedLouvain then rounds again from a partition found: the levels moved whole communities, so single authors may
 * still gain; they move one by one from it, their communities are aggregated and the levels climbed again, until a
 * round moves no author (an iterated Louvain; one or two extra rounds on the tests' networks). communities.ts refines
 * the best few of its runs this way.
 */

/** A move must gain more than this (in tie-weight units): rounding noise never moves an author back and forth. */
const MIN_GAIN = 1e-12;
/** A level stops after this many visits per node even if authors still move (they stop after a handful). */
const MAX_VISITS_PER_NODE = 1_000;

/** One level's graph: rows without self-ties, and each node's self-tie weight (the ties inside it, each once). */
interface Level {
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  loops: Float64Array;
}

/** The community of each of the network's authors, numbered 0.. in no particular order. */
export function louvain(g: Csr, resolution: number, random: () => number): Int32Array {
  const authors = authorLevel(g);
  const m = totalWeight(g);
  const membership = Int32Array.from({ length: g.n }, (_, v) => v);
  if (m > 0) climb(authors, membership, m, resolution, random);
  return membership;
}

/**
 * A partition refined: the levels moved whole communities, so single authors may still gain. From `partition`, they
 * move one by one; their communities are aggregated and the levels climbed again; until a round moves no author.
 */
export function refinedLouvain(g: Csr, resolution: number, random: () => number, partition: Int32Array): Int32Array {
  const authors = authorLevel(g);
  const m = totalWeight(g);
  const membership = Int32Array.from(partition);
  if (m <= 0) return membership;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const refined = moveNodes(authors, m, resolution, random, membership);
    if (!refined.moved) break;
    membership.set(refined.community);
    climb(aggregate(authors, refined.community, refined.count), membership, m, resolution, random);
  }
  return membership;
}

/** Rounds of (single authors, then levels) at most; they stop after one or two on the tests' networks. */
const MAX_ROUNDS = 20;

function authorLevel(g: Csr): Level {
  return { n: g.n, offsets: g.offsets, targets: g.targets, weights: Float64Array.from(g.weights), loops: new Float64Array(g.n) };
}

function totalWeight(g: Csr): number {
  let total = 0;
  for (let t = 0; t < g.weights.length; t++) total += g.weights[t];
  return total / 2;
}

/** Louvain's levels from `level`, whose node i is community i of `membership` (author → community), updated in place. */
function climb(level: Level, membership: Int32Array, m: number, resolution: number, random: () => number): void {
  for (;;) {
    const { community, count, moved } = moveNodes(level, m, resolution, random);
    if (!moved) return;
    for (let v = 0; v < membership.length; v++) membership[v] = community[membership[v]];
    if (count === level.n) return;
    level = aggregate(level, community, count);
  }
}

/** Local moving on one level; communities renumbered 0..count−1 in order of first node. */
function moveNodes(level: Level, m: number, resolution: number, random: () => number, start?: Int32Array) {
  const { n, offsets, targets, weights, loops } = level;
  const strength = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let k = 2 * loops[v];
    for (let t = offsets[v]; t < offsets[v + 1]; t++) k += weights[t];
    strength[v] = k;
  }
  // Every node alone, or (refining) the communities given, numbered below n.
  const community = start ? Int32Array.from(start) : Int32Array.from({ length: n }, (_, v) => v);
  const communityTotal = new Float64Array(n);
  for (let v = 0; v < n; v++) communityTotal[community[v]] += strength[v];
  const towards = new Float64Array(n); // tie weight from the author at hand into each community
  const touched = new Int32Array(n);
  const scale = resolution / (2 * m);
  // The queue starts with every node in a random order; a node that moves puts back its neighbours outside its new
  // community (only their gains changed). A ring of n slots: a node is in it at most once.
  const queue = Int32Array.from({ length: n }, (_, v) => v);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = queue[i];
    queue[i] = queue[j];
    queue[j] = swap;
  }
  const queued = new Uint8Array(n).fill(1);
  let head = 0;
  let size = n;
  let moved = false;
  for (let visits = 0; size > 0 && visits < MAX_VISITS_PER_NODE * n; visits++) {
    const v = queue[head];
    head = head + 1 === n ? 0 : head + 1;
    size--;
    queued[v] = 0;
    const own = community[v];
    const kv = strength[v];
    let touchedCount = 0;
    touched[touchedCount++] = own;
    for (let t = offsets[v]; t < offsets[v + 1]; t++) {
      const c = community[targets[t]];
      if (towards[c] === 0 && c !== own) touched[touchedCount++] = c;
      towards[c] += weights[t];
    }
    communityTotal[own] -= kv;
    let best = own;
    let bestGain = towards[own] - scale * communityTotal[own] * kv;
    for (let x = 1; x < touchedCount; x++) {
      const c = touched[x];
      const gain = towards[c] - scale * communityTotal[c] * kv;
      if (gain > bestGain + MIN_GAIN) {
        best = c;
        bestGain = gain;
      }
    }
    communityTotal[best] += kv;
    for (let x = 0; x < touchedCount; x++) towards[touched[x]] = 0;
    if (best === own) continue;
    community[v] = best;
    moved = true;
    for (let t = offsets[v]; t < offsets[v + 1]; t++) {
      const w = targets[t];
      if (queued[w] === 0 && community[w] !== best) {
        queued[w] = 1;
        queue[(head + size) % n] = w;
        size++;
      }
    }
  }
  // Renumber 0..count−1.
  const number = new Int32Array(n).fill(-1);
  let count = 0;
  for (let v = 0; v < n; v++) {
    const c = community[v];
    if (number[c] < 0) number[c] = count++;
    community[v] = number[c];
  }
  return { community, count, moved };
}

/** The next level: one node per community, ties between communities summed, ties inside added to its self-tie. */
function aggregate(level: Level, community: Int32Array, count: number): Level {
  const { n, offsets, targets, weights, loops } = level;
  const members = new Int32Array(n);
  const start = new Int32Array(count + 1);
  for (let v = 0; v < n; v++) start[community[v] + 1]++;
  for (let c = 0; c < count; c++) start[c + 1] += start[c];
  const fill = start.slice(0, count);
  for (let v = 0; v < n; v++) members[fill[community[v]]++] = v;
  const nextLoops = new Float64Array(count);
  const rowTargets: number[] = [];
  const rowWeights: number[] = [];
  const nextOffsets = new Int32Array(count + 1);
  const towards = new Float64Array(count);
  const seen = new Uint8Array(count);
  const touched: number[] = [];
  for (let c = 0; c < count; c++) {
    let inside = 0;
    for (let x = start[c]; x < start[c + 1]; x++) {
      const v = members[x];
      inside += 2 * loops[v];
      for (let t = offsets[v]; t < offsets[v + 1]; t++) {
        const d = community[targets[t]];
        if (d === c) inside += weights[t];
        else {
          if (seen[d] === 0) {
            seen[d] = 1;
            touched.push(d);
          }
          towards[d] += weights[t];
        }
      }
    }
    nextLoops[c] = inside / 2; // each tie inside was seen from both ends
    for (const d of touched) {
      rowTargets.push(d);
      rowWeights.push(towards[d]);
      towards[d] = 0;
      seen[d] = 0;
    }
    touched.length = 0;
    nextOffsets[c + 1] = rowTargets.length;
  }
  return { n: count, offsets: nextOffsets, targets: Int32Array.from(rowTargets), weights: Float64Array.from(rowWeights), loops: nextLoops };
}
