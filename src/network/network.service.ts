import type { Database } from "../db/database";
import { AuthorRecord } from "../author/author.record";
import type { AuthorLoaders } from "../author/author.loaders";
import { NotFoundError } from "../errors";
import {
  authorSetIds,
  hasWindow,
  intInRange,
  minJointPapers,
  NETWORK_DEPTH,
  NETWORK_MAX_NODES,
  PATH_MAX_LENGTH,
  sharedVenueAuthorIds,
  WindowArgs,
  yearWindow,
} from "../kernel/argument-rules";
import { PaperRecord } from "../paper/paper.record";
import type { VenueLoaders } from "../venue/venue.loaders";
import {
  associationStrength,
  isPlainCount,
  maxAuthorsPerPaper,
  paperWeight,
  tieParameters,
  TieRule,
  TieStrength,
  tieStrength,
} from "../kernel/tie-strength";
import { readAuthorTieTotals, readGraphTieTotal } from "../kernel/tie-totals";
import {
  LayerRow,
  readWeightedEdges,
  readWeightedLayer,
  readCollaborationPath,
  readNearNetwork,
  readNetworkEdges,
  readNetworkLayer,
  readSharedVenues,
  SharedVenueRow,
  TieRow,
} from "./network.store";

export interface NetworkArgs extends WindowArgs {
  authorId: string;
  depth?: number | null;
  minJointPapers?: number | null;
  maxNodes?: number | null;
  strength?: string | null;
  maxAuthorsPerPaper?: number | null;
}

/** How coauthorNetwork runs; resolvers pass edgeYears only. */
export interface NetworkOptions {
  /** False when the client selected neither firstYear nor lastYear: they may then be null. */
  edgeYears?: boolean;
  /**
   * Test seam: the two implementations must give the same network, and a differential test
   * (test/integration/api/network-differential.test.ts) runs both on the same arguments.
   * "layered" takes the breadth-first search even where the one-statement path applies; "near"
   * insists on the one-statement path and fails where it does not apply. Unset: the service picks.
   */
  path?: "near" | "layered";
}

export interface NetworkNodeData {
  author: AuthorRecord;
  distance: number;
}

export interface NetworkData {
  nodes: NetworkNodeData[];
  edges: TieRow[];
  truncated: boolean;
  /** How the network was asked for (field and checked arguments), for the explanation of any analysis of it. */
  query?: NetworkQuery;
}

/** The field and the checked arguments that built a network. */
export interface NetworkQuery extends TieRule {
  field: "coauthorNetwork" | "authorSetNetwork";
  minJointPapers: number;
  parameters: Record<string, unknown>;
}

export interface AuthorSetArgs extends WindowArgs {
  memberIds: readonly string[];
  minJointPapers?: number | null;
  strength?: string | null;
  maxAuthorsPerPaper?: number | null;
}

export interface PathLinkData {
  from: AuthorRecord;
  to: AuthorRecord;
  papers: PaperRecord[];
  /** The joint papers inside the window and the byline cap. */
  jointPapers: number;
  /** The hop's tie strength under the requested scheme (FULL: jointPapers). */
  strength: number;
}

export interface PathData {
  length: number;
  authors: AuthorRecord[];
  links: PathLinkData[];
}

/** NOT_FOUND naming every unknown id, in the order given. */
function unknownAuthors(ids: string[]): NotFoundError {
  return new NotFoundError(`No author with id ${ids.map((id) => `"${id}"`).join(", ")}`, { ids });
}

export class NetworkService {
  constructor(
    private readonly db: Database,
    private readonly loaders: AuthorLoaders & VenueLoaders,
  ) {}

  /** Loads authors by id, in order, or fails with NOT_FOUND naming the unknown ones. */
  private async requireAuthors(ids: string[]): Promise<AuthorRecord[]> {
    const found = await this.loaders.authorById.loadMany(ids);
    const missing = ids.filter((_, i) => !found[i] || found[i] instanceof Error);
    const failure = found.find((f): f is Error => f instanceof Error);
    if (failure) throw failure;
    if (missing.length > 0) throw unknownAuthors(missing);
    return found as AuthorRecord[];
  }

  /**
   * Breadth-first from the author, `depth` hops out, over ties of at least minJointPapers
   * (recounted inside the year window when one is given). When maxNodes (root included) cuts the
   * network, the closest authors are kept and, within the cut layer, the strongest ties to the
   * previous layer (then name, id); `truncated` says so. Edges are every qualifying tie among the
   * returned authors, each pair once. At most depth + 2 statements, whatever the graph's size.
   * `edgeYears: false` (the client selected neither firstYear nor lastYear) may leave them null.
   */
  async coauthorNetwork(args: NetworkArgs, { edgeYears = true, path }: NetworkOptions = {}): Promise<NetworkData> {
    const depth = intInRange("depth", args.depth, NETWORK_DEPTH);
    const maxNodes = intInRange("maxNodes", args.maxNodes, NETWORK_MAX_NODES);
    const filter = { ...yearWindow(args.yearFrom, args.yearTo), minJointPapers: minJointPapers(args.minJointPapers) };
    const rule: TieRule = { ...filter, strength: tieStrength(args.strength), maxAuthors: maxAuthorsPerPaper(args.maxAuthorsPerPaper) };
    const query: NetworkQuery = {
      ...rule,
      field: "coauthorNetwork",
      minJointPapers: filter.minJointPapers,
      parameters: { authorId: args.authorId, depth, maxNodes, minJointPapers: filter.minJointPapers, ...tieParameters(rule) },
    };
    if (!isPlainCount(rule)) return { ...(await this.weightedNetwork(args.authorId, depth, maxNodes, query)), query };
    const near = depth <= 2 && !hasWindow(filter);
    if (path === "near" && !near)
      throw new Error('the one-statement network covers depth 1..2 without a year window only; use path "layered" here');
    if (near && path !== "layered")
      return { ...withCountWeights(await this.nearNetwork(args.authorId, depth, maxNodes, filter.minJointPapers, edgeYears)), query };
    const { nodes, visited, truncated } = await this.search(args.authorId, depth, maxNodes, (frontier, visited, limit) =>
      readNetworkLayer(this.db, { ...filter, frontier, visited, limit }),
    );
    const edges = nodes.length > 1 ? await readNetworkEdges(this.db, visited, filter) : [];
    return { ...withCountWeights({ nodes, edges, truncated }), query };
  }

  /**
   * The network among the given authors (1..2000, distinct): every qualifying tie between two of them, under the same
   * rules as coauthorNetwork's edges. Nobody else is added; every node has distance 0. Unknown ids: NOT_FOUND.
   */
  async authorSetNetwork(args: AuthorSetArgs): Promise<NetworkData> {
    const ids = authorSetIds(args.memberIds);
    const filter = { ...yearWindow(args.yearFrom, args.yearTo), minJointPapers: minJointPapers(args.minJointPapers) };
    const rule: TieRule = { ...filter, strength: tieStrength(args.strength), maxAuthors: maxAuthorsPerPaper(args.maxAuthorsPerPaper) };
    const query: NetworkQuery = {
      ...rule,
      field: "authorSetNetwork",
      minJointPapers: filter.minJointPapers,
      parameters: { memberIds: ids, minJointPapers: filter.minJointPapers, ...tieParameters(rule) },
    };
    const authors = await this.requireAuthors(ids);
    const nodes = authors.map((author) => ({ author, distance: 0 }));
    if (isPlainCount(rule))
      return { ...withCountWeights({ nodes, edges: await readNetworkEdges(this.db, ids, filter), truncated: false }), query };
    return { nodes, edges: await this.weightedEdges(ids, query), truncated: false, query };
  }

  /**
   * The network under a tie strength scheme or a byline cap (network-ties.cypher.ts): layered, ties from the joint-paper
   * entries. Association strength is normalised here with the ends' tie totals and the graph's (two more reads).
   */
  private async weightedNetwork(
    authorId: string,
    depth: number,
    maxNodes: number,
    rule: TieRule & { minJointPapers: number },
  ): Promise<NetworkData> {
    const { nodes, visited, truncated } = await this.search(authorId, depth, maxNodes, (frontier, visited, limit) =>
      readWeightedLayer(this.db, { ...rule, frontier, visited, limit }),
    );
    const edges = nodes.length > 1 ? await this.weightedEdges(visited, rule) : [];
    return { nodes, edges, truncated };
  }

  /** Ties among `ids` under the rule; association strength is normalised with the ends' and the graph's tie totals. */
  private async weightedEdges(ids: string[], rule: TieRule & { minJointPapers: number }): Promise<TieRow[]> {
    const edges = await readWeightedEdges(this.db, ids, rule);
    if (rule.strength === TieStrength.ASSOCIATION_STRENGTH && edges.length > 0) {
      const [totals, m] = await Promise.all([readAuthorTieTotals(this.db, ids, rule), readGraphTieTotal(this.db, rule)]);
      for (const e of edges) e.weight = associationStrength(e.jointPapers, totals.get(e.source) ?? 0, totals.get(e.target) ?? 0, m);
    }
    return edges;
  }

  /** Breadth-first search, one layer per read, cut at maxNodes (root included); `truncated` when the cap cut a layer. */
  private async search(
    authorId: string,
    depth: number,
    maxNodes: number,
    readLayer: (frontier: string[], visited: string[], limit: number) => Promise<LayerRow[]>,
  ): Promise<{ nodes: NetworkNodeData[]; visited: string[]; truncated: boolean }> {
    const [root] = await this.requireAuthors([authorId]);
    const nodes: NetworkNodeData[] = [{ author: root, distance: 0 }];
    const visited = [root.id];
    let frontier = [root.id];
    let truncated = false;
    for (let distance = 1; distance <= depth && frontier.length > 0 && !truncated; distance += 1) {
      const room = maxNodes - nodes.length;
      // One row more than there is room for tells whether the cap cut this layer.
      const rows = await readLayer(frontier, visited, room + 1);
      truncated = rows.length > room;
      const kept = rows.slice(0, room);
      for (const row of kept) {
        this.loaders.authorById.prime(row.author.id, row.author);
        nodes.push({ author: row.author, distance });
        visited.push(row.author.id);
      }
      frontier = kept.map((row) => row.author.id);
    }
    return { nodes, visited, truncated };
  }

  /** The same network as the layered search, in one round trip (depth 1..2, no year window). */
  private async nearNetwork(authorId: string, depth: number, maxNodes: number, minJoint: number, withYears: boolean): Promise<NetworkData> {
    const near = await readNearNetwork(this.db, { authorId, depth, maxNodes, minJointPapers: minJoint, withYears });
    if (near.centre === null) throw unknownAuthors([authorId]);
    this.loaders.authorById.prime(near.centre.id, near.centre);
    const nodes: NetworkNodeData[] = [{ author: near.centre, distance: 0 }];
    near.layers.forEach((layer, i) => {
      for (const author of layer) {
        this.loaders.authorById.prime(author.id, author);
        nodes.push({ author, distance: i + 1 });
      }
    });
    return { nodes, edges: near.edges, truncated: near.truncated };
  }

  /**
   * Venues where every given author (2..10, distinct) published, with per-author paper counts in
   * input order and the count of papers there that all of them authored. Most joint papers first,
   * then most papers in total.
   */
  async sharedVenues(args: { authorIds: readonly string[] } & WindowArgs): Promise<SharedVenueRow[]> {
    const ids = sharedVenueAuthorIds(args.authorIds);
    const window = yearWindow(args.yearFrom, args.yearTo);
    const { missing, rows } = await readSharedVenues(this.db, ids, window);
    if (missing.length > 0) throw unknownAuthors(missing);
    for (const row of rows) this.loaders.venueById.prime(row.venue.id, row.venue);
    return rows;
  }

  /**
   * One shortest chain of coauthorships from one author to another, at most maxLength hops,
   * with the joint papers behind every hop as evidence. Inside a year window every hop needs a
   * joint paper in the window and the evidence lists only those. Null when no such chain exists;
   * the same author at both ends is a path of length 0.
   */
  async collaborationPath(
    args: {
      fromId: string;
      toId: string;
      maxLength?: number | null;
      strength?: string | null;
      maxAuthorsPerPaper?: number | null;
    } & WindowArgs,
  ): Promise<PathData | null> {
    const maxLength = intInRange("maxLength", args.maxLength, PATH_MAX_LENGTH);
    const window = yearWindow(args.yearFrom, args.yearTo);
    const rule: TieRule = { ...window, strength: tieStrength(args.strength), maxAuthors: maxAuthorsPerPaper(args.maxAuthorsPerPaper) };
    if (args.fromId === args.toId) {
      const [same] = await this.requireAuthors([args.fromId]);
      return { length: 0, authors: [same], links: [] };
    }
    const found = await readCollaborationPath(this.db, {
      ...window,
      fromId: args.fromId,
      toId: args.toId,
      maxLength,
      maxAuthors: rule.maxAuthors,
    });
    const missing = [...(found.fromFound ? [] : [args.fromId]), ...(found.toFound ? [] : [args.toId])];
    if (missing.length > 0) throw unknownAuthors(missing);
    const authors = found.authors;
    if (authors === null) return null;
    for (const author of authors) this.loaders.authorById.prime(author.id, author);
    const links = authors.slice(1).map((next, hop) => {
      const papers = found.evidence[hop] ?? [];
      const strength = papers.reduce((sum, p) => sum + paperWeight(rule.strength, p.authorCount), 0);
      return { from: authors[hop], to: next, papers, jointPapers: papers.length, strength };
    });
    if (rule.strength === TieStrength.ASSOCIATION_STRENGTH && links.length > 0) {
      // s_ij = 2m·c_ij/(w_i·w_j), with the ends' totals and the graph's under the same rule.
      const [totals, m] = await Promise.all([
        readAuthorTieTotals(
          this.db,
          authors.map((a) => a.id),
          rule,
        ),
        readGraphTieTotal(this.db, rule),
      ]);
      for (const link of links)
        link.strength = associationStrength(link.jointPapers, totals.get(link.from.id) ?? 0, totals.get(link.to.id) ?? 0, m);
    }
    return { length: links.length, authors, links };
  }
}

/** Full counting without a cap: each edge's weight is its joint papers (set in place: big networks have 10^5 edges). */
function withCountWeights(network: NetworkData): NetworkData {
  for (const e of network.edges) e.weight = e.jointPapers;
  return network;
}
