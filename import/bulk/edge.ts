import type { PackedAuthorship } from "./memory-types";

/*
 * The packing of an AUTHORED edge into one number (exact in a double up to 2^53):
 *   authorIndex * 2^20 + position * 4 + keyed * 2 + named
 * Positions go up to 2^18 - 1, far beyond the longest byline (450 authors in the benchmark data).
 */
const AUTHOR_UNIT = 2 ** 20;
const MAX_POSITION = 2 ** 18 - 1;

export function packEdge(authorIndex: number, position: number, keyed: boolean, named: boolean): PackedAuthorship {
  if (position < 1 || position > MAX_POSITION) throw new Error(`bulk import: byline position ${position} is out of range`);
  return authorIndex * AUTHOR_UNIT + position * 4 + (keyed ? 2 : 0) + (named ? 1 : 0);
}

export function edgeAuthor(edge: PackedAuthorship): number {
  return Math.floor(edge / AUTHOR_UNIT);
}

export function edgePosition(edge: PackedAuthorship): number {
  return Math.floor((edge % AUTHOR_UNIT) / 4);
}

export function edgeKeyed(edge: PackedAuthorship): boolean {
  return (edge & 2) !== 0;
}

export function edgeNamed(edge: PackedAuthorship): boolean {
  return (edge & 1) !== 0;
}
