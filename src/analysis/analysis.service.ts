import type { AuthorRecord } from "../author/author.record";
import type { Database } from "../db/database";
import type { GraphVersion } from "../db/graph-version";
import { BadUserInputError } from "../errors";
import type { Explanation } from "../kernel/explanation";
import { TIE_STRENGTH_FORMULAS } from "../kernel/tie-strength";
import { nextTurn } from "../util/time-slice";
import type { NetworkData } from "../network/network.service";
import { readMemberVenuePapers, type VenuePapers } from "./analysis.store";
import { CommunityVenueRow, topVenuesByCommunity } from "./community-venues";
import { LOUVAIN_RUNS, louvainCommunities, REFINED_RUNS } from "./communities";
import { explanation, implementation } from "./explain";
import { LOUVAIN_FORMULA, METRIC_FORMULAS, MetricName } from "./metric-formulas";
import { HopSearchThread, hopSearchThread, type SearchesUnderWay } from "./hop-search-thread";
import { IndexedNetwork, indexed, NodeMetrics, nodeMetrics, strongestTies } from "./metrics";

export interface AnalysisArgs {
  resolution?: number | null;
  seed?: number | null;
}

export const DEFAULT_RESOLUTION = 1;
export const DEFAULT_SEED = 1;
/**
 * The version of the analysis' own algorithms (metrics, Louvain), in every explanation's parameters: bump it when a
 * change could change a figure, so that a figure traced by its parameters and snapshot is re-run by the same code.
 * 1: graphology-metrics and graphology-communities-louvain; 2: typed arrays and Louvain written here; 3: betweenness
 * and closeness searched between classes of closed twins (the same values up to the order of additions); 4: the best
 * Louvain runs refined; 5: up to 30 Louvain runs on small networks (communities.ts, louvainRuns); 6: the brokerage
 * measures summed once per tie for both its ends (brokerage.ts: the same values up to rounding in the last bits).
 */
export const ANALYSIS_ALGORITHM_VERSION = "6";
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
 * on the network's own tie weights, all in typed arrays: the breadth-first searches on a second thread
 * (hop-search-thread.ts), the communities (louvain.ts) and the weighted metrics in this one.
 * Deterministic: the network's order is the graph's, and Louvain draws its visiting orders from a generator seeded by
 * `seed`.
 */
export class AnalysisService {
  constructor(
    private readonly db: Database,
    private readonly version: () => Promise<GraphVersion>,
    private readonly searches: HopSearchThread = hopSearchThread,
  ) {}

  /** Per network object read in this request: its groundwork, started at most once. */
  private readonly groundwork = new WeakMap<NetworkData, Groundwork>();

  private groundworkOf(network: NetworkData): Groundwork {
    let found = this.groundwork.get(network);
    if (found) return found;
    const ids = network.nodes.map((n) => n.author.id);
    const rows = indexed({ nodes: ids, edges: network.edges }, (e) => e.weight ?? e.jointPapers);
    const underWay = this.searches.start(rows.csr);
    const window = { yearFrom: network.query?.yearFrom ?? null, yearTo: network.query?.yearTo ?? null };
    found = {
      rows,
      searches: { shares: underWay.shares, finish: lazy(() => underWay.finish()), brokerage: lazy(() => underWay.brokerage()) },
      venueRead: lazy(() => readMemberVenuePapers(this.db, ids, window)),
    };
    this.groundwork.set(network, found);
    return found;
  }

  /**
   * Starts what every analysis of `network` needs, whatever its resolution and seed: the network's arrays, its
   * breadth-first searches and brokerage measures (on the search thread), and with `prefetchVenues` the read of the
   * communities' venues. Called the moment the network is read (src/api/context.ts wires it; the network resolver
   * then hands the event loop one turn, so the job and the read's first messages go out), so that the search thread
   * and Neo4j work while this thread writes out the network's own nodes and edges, which GraphQL does before it
   * reaches the analysis field. analyse() picks it up; two analyses of one network (aliases) share it.
   */
  prepare(network: NetworkData, options: { prefetchVenues?: boolean } = {}): void {
    const groundwork = this.groundworkOf(network);
    // The catch only marks the promise handled until topVenues awaits it (and gets any failure then).
    if (options.prefetchVenues) groundwork.venueRead().catch(() => undefined);
  }

  /** `prefetchVenues`: the communities' topVenues will be asked for, so their read starts at once. */
  async analyse(network: NetworkData, args: AnalysisArgs, options: { prefetchVenues?: boolean } = {}): Promise<NetworkAnalysisData> {
    const { resolution, seed } = analysisParameters(args);
    // Asked for: Neo4j reads the authors' venues while this process finds the communities and computes the metrics,
    // not after them. The searches start now unless prepare() started them.
    this.prepare(network, options);
    const { rows, searches, venueRead } = this.groundworkOf(network);
    const { snapshotId } = await this.version();
    const byId = new Map(network.nodes.map((n) => [n.author.id, n.author]));
    await nextTurn(); // the venue read's first messages go out now, not after the communities
    const partition = await louvainCommunities(rows, resolution, seed);
    const venues = lazy(async () => topVenuesByCommunity(await venueRead(), partition.communityOf, partition.count, COMMUNITY_VENUES));
    const metrics = await nodeMetrics(rows, searches);
    const authors = network.nodes.map(({ author }, k) => ({
      author,
      ...metrics.get(author.id)!,
      community: partition.of.get(author.id)!,
      strongestTies: strongestTies(rows, k, EVIDENCE_TIES).map((t) => ({ author: byId.get(t.neighbour)!, weight: t.weight })),
    }));
    const base = {
      ...(network.query?.parameters ?? {}),
      nodes: rows.csr.n,
      ties: rows.csr.m,
      algorithmVersion: ANALYSIS_ALGORITHM_VERSION,
    };
    const scheme = network.query ? TIE_STRENGTH_FORMULAS[network.query.strength] : TIE_STRENGTH_FORMULAS.FULL;
    const communityParameters = { ...base, resolution, seed, louvainRuns: partition.runs, refinedRuns: REFINED_RUNS };
    const communities = describeCommunities(rows, partition.communityOf, partition.count, byId).map((c) => ({
      ...c,
      explain: explanation({
        method: "community",
        implementation: implementation([]),
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
    const weightNote = [`Tie weights: ${scheme}`];
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
        metricExplain("weightedDegree", [], [...weightNote, evidence]),
        metricExplain(
          "betweenness",
          [],
          [
            "Exact (Brandes), on the whole returned network: a network cut by maxNodes has fewer paths than the full one.",
            "Authors with the same coauthors in this network, each other included (closed twins), are searched as one node counted once per author: the same values from fewer searches (Sariyüce et al., SDM 2013).",
            writtenHere("src/kernel/graph-algorithms.ts, the whole-graph figures' own"),
          ],
        ),
        metricExplain("closeness", [], [writtenHere("src/analysis/metrics.ts")]),
        metricExplain("pagerank", [], [...weightNote, writtenHere("src/kernel/graph-algorithms.ts, the whole-graph figures' own")]),
        metricExplain("clustering", [], [writtenHere("src/analysis/brokerage.ts")]),
        metricExplain("constraint", [], [...weightNote, writtenHere("src/analysis/brokerage.ts")]),
        metricExplain("effectiveSize", [], [...weightNote, writtenHere("src/analysis/brokerage.ts")]),
        explanation({
          method: "louvain",
          implementation: implementation([]),
          formula: LOUVAIN_FORMULA,
          parameters: communityParameters,
          snapshotId,
          notes: [
            `The partition with the highest modularity of ${partition.runs} Louvain runs (${LOUVAIN_RUNS}, more on small networks where they are cheap), whose visiting orders come from one generator seeded with ${seed}, the best ${REFINED_RUNS} refined until no single author gains by moving; the same network, resolution and seed give the same communities.`,
            `Modularity ${partition.modularity.toFixed(6)} over ${partition.count} communities, numbered by size (largest 0).`,
            ...weightNote,
            writtenHere("src/analysis/louvain.ts"),
          ],
        }),
      ],
    };
  }
}

/** A network's analysis work that needs neither resolution nor seed, started once (AnalysisService.prepare). */
interface Groundwork {
  rows: IndexedNetwork;
  /** The searches and brokerage measures under way; each result read once and shared by every analysis. */
  searches: SearchesUnderWay;
  venueRead: () => Promise<VenuePapers[]>;
}

/** Checked resolution and seed, with their defaults. */
export function analysisParameters(args: AnalysisArgs): { resolution: number; seed: number } {
  const resolution = args.resolution ?? DEFAULT_RESOLUTION;
  if (!Number.isFinite(resolution) || resolution <= 0 || resolution > 100)
    throw new BadUserInputError(`resolution must be above 0 and at most 100 (got ${resolution})`, { argument: "resolution" });
  const seed = args.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new BadUserInputError(`seed must be a whole number from 0 to 4294967295 (got ${seed})`, { argument: "seed" });
  return { resolution, seed };
}

function lazy<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= make());
}

/** Size, tie weight inside and out, members by their weight inside, and the heaviest ties inside, per community. */
function describeCommunities(
  { csr, ids }: IndexedNetwork,
  communityOf: Int32Array,
  count: number,
  byId: ReadonlyMap<string, AuthorRecord>,
) {
  const { n, offsets, targets, weights } = csr;
  const out = Array.from({ length: count }, (_, id) => ({
    id,
    size: 0,
    internalWeight: 0,
    externalWeight: 0,
    members: [] as number[],
    ties: [] as Array<{ a: number; b: number; weight: number }>,
  }));
  const insideWeight = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    const cs = out[communityOf[a]];
    cs.size += 1;
    cs.members.push(a);
    for (let t = offsets[a]; t < offsets[a + 1]; t++) {
      const b = targets[t];
      const w = weights[t];
      if (communityOf[b] === communityOf[a]) {
        insideWeight[a] += w;
        if (a < b) {
          cs.internalWeight += w;
          cs.ties.push({ a, b, weight: w });
        }
      } else cs.externalWeight += w; // each tie across is seen once from each of its two communities
    }
  }
  return out.map(({ members, ties, ...c }) => ({
    ...c,
    // Heaviest inside first; equal weights keep the network's order (the sort is stable).
    members: members
      .sort((a, b) => insideWeight[b] - insideWeight[a])
      .map((a) => ({ author: byId.get(ids[a])!, internalWeight: insideWeight[a] })),
    strongestTies: ties
      .sort((x, y) => y.weight - x.weight || x.a - y.a || x.b - y.b)
      .slice(0, EVIDENCE_TIES)
      .map((t) => ({ source: byId.get(ids[t.a])!, target: byId.get(ids[t.b])!, weight: t.weight })),
  }));
}
