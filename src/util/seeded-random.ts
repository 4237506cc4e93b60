/**
 * A seeded pseudo-random generator (mulberry32: 32-bit state, period 2^32, passes gjrand's basic tests), so that every
 * randomised analysis (Louvain's node order, sampled centralities) gives the same answer for the same seed on any
 * machine and Node version, which Math.random cannot promise.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
