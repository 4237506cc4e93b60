import type { NetworkData } from "./network.service";

/**
 * A network as parallel arrays: one entry per node (in the network's node order) and one per edge (in its edge
 * order), the edge ends as indexes into the node arrays. The same facts as `nodes` and `edges`, without an object
 * or an id string per edge end: the 61k-tie depth-2 answer is a fraction of the bytes and of graphql-js's work.
 */
export interface CompactNetworkData {
  authorIds: string[];
  names: string[];
  distances: number[];
  source: number[];
  target: number[];
  jointPapers: number[];
  weight: number[];
  firstYear: Array<number | null>;
  lastYear: Array<number | null>;
}

export function compactNetwork(network: NetworkData): CompactNetworkData {
  const n = network.nodes.length;
  const authorIds = new Array<string>(n);
  const names = new Array<string>(n);
  const distances = new Array<number>(n);
  const index = new Map<string, number>();
  network.nodes.forEach((node, i) => {
    authorIds[i] = node.author.id;
    names[i] = node.author.name;
    distances[i] = node.distance;
    index.set(node.author.id, i);
  });
  const m = network.edges.length;
  const source = new Array<number>(m);
  const target = new Array<number>(m);
  const jointPapers = new Array<number>(m);
  const weight = new Array<number>(m);
  const firstYear = new Array<number | null>(m);
  const lastYear = new Array<number | null>(m);
  network.edges.forEach((e, i) => {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined) throw new Error(`edge ${e.source}|${e.target} has an end outside the network's nodes`);
    source[i] = s;
    target[i] = t;
    jointPapers[i] = e.jointPapers;
    weight[i] = e.weight ?? e.jointPapers;
    firstYear[i] = e.firstYear;
    lastYear[i] = e.lastYear;
  });
  return { authorIds, names, distances, source, target, jointPapers, weight, firstYear, lastYear };
}
