import type Graph from "graphology";
import type { AuthorRecord } from "../author/author.record";
import type { Database } from "../db/database";
import type { GraphVersion } from "../db/graph-version";
import { BadUserInputError } from "../errors";
import type { Explanation } from "../kernel/explanation";
import { TIE_STRENGTH_FORMULAS } from "../kernel/tie-strength";
import type { NetworkData } from "../network/network.service";
import { CommunityVenueRow, readCommunityVenues } from "./analysis.store";
import { LOUVAIN_RUNS, louvainCommunities } from "./communities";
import { explanation, implementation } from "./explain";
import { LOUVAIN_FORMULA, METRIC_FORMULAS, MetricName } from "./metric-formulas";
import { NodeMetrics, nodeMetrics, strongestTies, toGraph } from "./metrics";

export interface AnalysisArgs {
  resolution?: number | null;
  seed?: number | null;
}

export const DEFAULT_RESOLUTION = 1;
export const DEFAULT_SEED = 1;
/** Where a metric's code is: each one follows networkx's definition, and the tests hold it to networkx's values. */
const writtenHere = (where: string) => `Written here (${where}) after networkx's definition; checked against networkx by the tests.`;

/** How many strongest ties each author and community shows as evidence. */
const EVIDENCE_TIES = 5;
const COMMUNITY_VENUES = 5;

export interface TieEvidenceData {
  author: AuthorRecord;
  weight: number;
}

export interface AuthorMetricsData extends NodeMetrics {
  author: AuthorRecord;
  community: number;
  strongestTies: TieEvidenceData[];
}

export interface CommunityTieData {
  source: AuthorRecord;
  target: AuthorRecord;
  weight: number;
}

export interface CommunityData {
  id: number;
  size: number;
  internalWeight: number;
  externalWeight: number;
  /** Members by their tie weight inside the community (desc), then network order. */
  members: Array<{ author: AuthorRecord; internalWeight: number }>;
  strongestTies: CommunityTieData[];
  explain: Explanation;
  topVenues: () => Promise<CommunityVenueRow[]>;
}

export interface NetworkAnalysisData {
  authors: AuthorMetricsData[];
  communities: CommunityData[];
  modularity: number;
  resolution: number;
  seed: number;
  snapshotId: string;
  explain: Explanation[];
}

/**
 * Metrics and communities of a network the API returned (coauthorNetwork, authorSetNetwork), computed in this process
 * on the network's own tie weights: the metrics in typed arrays, the communities with graphology's Louvain.
 * Deterministic: the network's order is the graph's, and Louvain draws its visiting orders from a generator seeded by
 * `seed`.
 */
export class AnalysisService {
  constructor(
    private readonly db: Database,
    private readonly version: () => Promise<GraphVersion>,
  ) {}

  /** `prefetchVenues`: the communities' topVenues will be asked for, so their read starts at once. */
  async analyse(network: NetworkData, args: AnalysisArgs, options: { prefetchVenues?: boolean } = {}): Promise<NetworkAnalysisData> {
    const resolution = args.resolution ?? DEFAULT_RESOLUTION;
    if (!Number.isFinite(resolution) || resolution <= 0 || resolution > 100)
      throw new BadUserInputError(`resolution must be above 0 and at most 100 (got ${resolution})`, { argument: "resolution" });
    const seed = args.seed ?? DEFAULT_SEED;
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
      throw new BadUserInputError(`seed must be a whole number from 0 to 4294967295 (got ${seed})`, { argument: "seed" });
    const { snapshotId } = await this.version();
    const byId = new Map(network.nodes.map((n) => [n.author.id, n.author]));
    const graph = toGraph({
      nodes: network.nodes.map((n) => n.author.id),
      edges: network.edges.map((e) => ({ source: e.source, target: e.target, weight: e.weight ?? e.jointPapers })),
    });
    const partition = louvainCommunities(graph, resolution, seed);
    const venues = lazy(() =>
      readCommunityVenues(this.db, groupsOf(partition.of), {
        yearFrom: network.query?.yearFrom ?? null,
        yearTo: network.query?.yearTo ?? null,
        limit: COMMUNITY_VENUES,
      }),
    );
    // Asked for: Neo4j reads the communities' venues while this process computes the metrics, not after them. The
    // catch only marks the promise handled until topVenues awaits it (and gets any failure then).
    if (options.prefetchVenues) venues().catch(() => undefined);
    const metrics = await nodeMetrics(graph);
    const authors = network.nodes.map(({ author }) => ({
      author,
      ...metrics.get(author.id)!,
      community: partition.of.get(author.id)!,
      strongestTies: strongestTies(graph, author.id, EVIDENCE_TIES).map((t) => ({ author: byId.get(t.neighbour)!, weight: t.weight })),
    }));
    const base = { ...(network.query?.parameters ?? {}), nodes: graph.order, ties: graph.size };
    const scheme = network.query ? TIE_STRENGTH_FORMULAS[network.query.strength] : TIE_STRENGTH_FORMULAS.FULL;
    const communityParameters = { ...base, resolution, seed, louvainRuns: LOUVAIN_RUNS };
    const communities = describeCommunities(graph, partition.of, partition.count, byId).map((c) => ({
      ...c,
      explain: explanation({
        method: "community",
        implementation: implementation(["graphology-communities-louvain"]),
        formula: LOUVAIN_FORMULA,
        parameters: { ...communityParameters, community: c.id },
        snapshotId,
        notes: [
          `Held together by ${c.internalWeight.toPrecision(6)} tie weight inside against ${c.externalWeight.toPrecision(6)} to the rest of the network; strongestTies lists the heaviest ties inside.`,
          `Tie weights: ${scheme}`,
        ],
      }),
      topVenues: async () => (await venues()).get(c.id) ?? [],
    }));
    const metricExplain = (method: MetricName, libraries: string[], notes: string[] = []) =>
      explanation({
        method,
        implementation: implementation(libraries),
        formula: METRIC_FORMULAS[method],
        parameters: base,
        snapshotId,
        notes,
      });
    const weighted = [`Tie weights: ${scheme}`];
    const evidence = "Evidence: each author's strongestTies.";
    return {
      authors,
      communities,
      modularity: partition.modularity,
      resolution,
      seed,
      snapshotId,
      explain: [
        metricExplain("degree", [], [evidence]),
        metricExplain("weightedDegree", [], [...weighted, evidence]),
        metricExplain(
          "betweenness",
          [],
          [
            "Exact (Brandes), on the whole returned network: a network cut by maxNodes has fewer paths than the full one.",
            writtenHere("src/kernel/graph-algorithms.ts, the whole-graph figures' own"),
          ],
        ),
        metricExplain("closeness", [], [writtenHere("src/analysis/metrics.ts")]),
        metricExplain("pagerank", [], [...weighted, writtenHere("src/kernel/graph-algorithms.ts, the whole-graph figures' own")]),
        metricExplain("clustering", [], [writtenHere("src/analysis/brokerage.ts")]),
        metricExplain("constraint", [], [...weighted, writtenHere("src/analysis/brokerage.ts")]),
        metricExplain("effectiveSize", [], [...weighted, writtenHere("src/analysis/brokerage.ts")]),
        explanation({
          method: "louvain",
          implementation: implementation(["graphology-communities-louvain"]),
          formula: LOUVAIN_FORMULA,
          parameters: communityParameters,
          snapshotId,
          notes: [
            `The partition with the highest modularity of ${LOUVAIN_RUNS} Louvain runs whose visiting orders come from one generator seeded with ${seed}; the same network, resolution and seed give the same communities.`,
            `Modularity ${partition.modularity.toFixed(6)} over ${partition.count} communities, numbered by size (largest 0).`,
            ...weighted,
          ],
        }),
      ],
    };
  }
}

function lazy<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= make());
}

function groupsOf(of: ReadonlyMap<string, number>): Array<{ community: number; members: string[] }> {
  const groups = new Map<number, string[]>();
  for (const [id, c] of of) groups.set(c, [...(groups.get(c) ?? []), id]);
  return [...groups].map(([community, members]) => ({ community, members }));
}

/** Size, tie weight inside and out, members by their weight inside, and the heaviest ties inside, per community. */
function describeCommunities(graph: Graph, of: ReadonlyMap<string, number>, count: number, byId: ReadonlyMap<string, AuthorRecord>) {
  const out = Array.from({ length: count }, (_, id) => ({
    id,
    size: 0,
    internalWeight: 0,
    externalWeight: 0,
    inside: new Map<string, number>(),
    ties: [] as Array<{ source: string; target: string; weight: number }>,
  }));
  graph.forEachNode((node) => {
    const c = out[of.get(node)!];
    c.size += 1;
    c.inside.set(node, 0);
  });
  graph.forEachEdge((_e, attributes, source, target) => {
    const w = attributes.weight as number;
    const [cs, ct] = [out[of.get(source)!], out[of.get(target)!]];
    if (cs === ct) {
      cs.internalWeight += w;
      cs.inside.set(source, cs.inside.get(source)! + w);
      cs.inside.set(target, cs.inside.get(target)! + w);
      cs.ties.push({ source, target, weight: w });
    } else {
      cs.externalWeight += w;
      ct.externalWeight += w;
    }
  });
  return out.map(({ inside, ties, ...c }) => ({
    ...c,
    members: [...inside].sort((a, b) => b[1] - a[1]).map(([id, w]) => ({ author: byId.get(id)!, internalWeight: w })),
    strongestTies: ties
      .sort((a, b) => b.weight - a.weight)
      .slice(0, EVIDENCE_TIES)
      .map((t) => ({ source: byId.get(t.source)!, target: byId.get(t.target)!, weight: t.weight })),
  }));
}
