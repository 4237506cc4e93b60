import type { Database } from "../db/database";
import { readGraphVersion } from "../db/graph-version";
import { withImportLock, type ImportLockOptions } from "../db/import-lock";
import type { FiguresSlot } from "../kernel/graph-figures";
import {
  betweennessErrorBound,
  connectedComponents,
  distribution,
  pageRank,
  PAGERANK_DEFAULTS,
  samplePivots,
} from "../kernel/graph-algorithms";
import { TimeSlice } from "../util/time-slice";
import { BETWEENNESS_CHUNKS, betweennessInWorkers } from "./betweenness-workers";
import { degrees, localityOrder } from "../kernel/csr";
import { tiesFromBylines, type BylineGraph } from "../kernel/byline-ties";
import {
  beginFigures,
  commitFigures,
  countGraph,
  dropSlotIndexes,
  readBylines,
  nextSlot,
  readSlots,
  rebuildSlotIndexes,
  writeAuthorFigures,
} from "./figures.store";
import { PhaseProgress } from "./phase-progress";

/**
 * Betweenness is exact up to this many authors, and sampled from this many pivots above it. 128 keeps the 158k graph's
 * betweenness to seconds (one pivot is one breadth-first search and its reverse pass over 3.2M tie ends); on a real
 * 8,000-author subgraph of it, 128 pivots against exact betweenness gave Spearman 0.96 over the authors with any, 6 of
 * the top 10 and 70 of the top 100 (256: 0.97, 8, 74; see the README). `--pivots` buys more for more time.
 */
export const DEFAULT_PIVOTS = 128;
export const DEFAULT_SEED = 1;
/** The version of these algorithms' code: bump it when a change could change a figure. */
export const FIGURES_ALGORITHM_VERSION = "5";

export interface FiguresOptions {
  /** Betweenness pivots (sources); the graph's size or more means exact. */
  pivots?: number;
  seed?: number;
  /** Worker threads for betweenness (default: one per core, at most BETWEENNESS_CHUNKS); the figures do not depend on it. */
  threads?: number;
  /** Recompute even when the current figures are of the graph's snapshot. */
  force?: boolean;
  log?: (message: string) => void;
  lock?: ImportLockOptions;
}

export interface FiguresOutcome {
  status: "computed" | "up-to-date" | "graph-changed";
  snapshotId: string;
  slot?: FiguresSlot;
  durationMs?: number;
  phases?: Record<string, number>;
  peakRssBytes?: number;
}

/**
 * Brings the whole-graph figures up to the graph's snapshot: nothing when the current figures are of it already (a
 * re-import that changed nothing), otherwise a full computation into the other slot, made current at the end in
 * one transaction. Holds the import lock throughout, so the graph cannot change under it.
 */
export async function refreshGraphFigures(database: Database, options: FiguresOptions = {}): Promise<FiguresOutcome> {
  const db = database.forOperation("figures");
  return withImportLock(db, { log: options.log, ...options.lock }, async () => {
    const version = await readGraphVersion(db);
    const slots = await readSlots(db);
    const current = slots.find((s) => s.current);
    if (!options.force && current?.snapshotId === version.snapshotId) return { status: "up-to-date", snapshotId: version.snapshotId };
    const slot = nextSlot(slots);
    return computeInto(db, slot, version.snapshotId, options);
  });
}

async function computeInto(db: Database, slot: FiguresSlot, snapshotId: string, options: FiguresOptions): Promise<FiguresOutcome> {
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? DEFAULT_SEED;
  const started = Date.now();
  const phases: Record<string, number> = {};
  let peakRss = process.memoryUsage().rss;
  const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    const result = await work();
    phases[name] = Date.now() - t0;
    sampleRss();
    return result;
  };

  await beginFigures(db, slot, snapshotId);
  const counts = await countGraph(db);
  const readProgress = new PhaseProgress("reading the coauthor graph", "papers", counts.papers, log);
  const { authorIds, bylines } = await timed("read", () => readBylines(db, (n) => readProgress.update(n)));
  readProgress.done();
  // The computations hand the event loop a turn every 50 ms: the lock's heartbeat, the driver's connections and the
  // availability probe keep running through minutes of work at dblp size (see TimeSlice).
  const slice = new TimeSlice();
  const tiesProgress = new PhaseProgress("building the ties from the bylines", "author passes", 2 * authorIds.length, log);
  let read: BylineGraph | undefined = await timed("ties", () =>
    tiesFromBylines(authorIds, bylines, slice, (done) => tiesProgress.update(done)),
  );
  tiesProgress.update(2 * authorIds.length);
  tiesProgress.done();
  // The coauthor lists and networks read the importer's stored ties; these figures derive theirs from the bylines.
  // The two must agree: a difference is drift in the stored ties, said here and in every figure's explanation.
  if (read.csr.m !== counts.ties)
    log(
      `Warning: the papers' bylines give ${read.csr.m} coauthor ties, but the graph stores ${counts.ties} (COAUTHORED_WITH). ` +
        `The figures follow the bylines; coauthor lists and networks read the stored ties, so they disagree. Rebuild the ties by ` +
        `importing the sources into an empty database (import --bulk), and report it with the import logs: the importer keeps them equal.`,
    );
  const teamSizes = distribution(read.bylineSizes);
  // Renumbered for locality (see localityOrder); everything below is in the new order, mapped back when written.
  const { csr, order, rank } = await timed("renumber", () => Promise.resolve(localityOrder(read!.csr)));
  const externalIds = new Float64Array(csr.n);
  for (let v = 0; v < csr.n; v++) externalIds[v] = read.externalIds[order[v]];
  read = undefined; // the read-order copy of the ties can go

  const components = await timed("components", () => connectedComponents(csr, slice));
  const prProgress = new PhaseProgress("PageRank", "iterations", PAGERANK_DEFAULTS.maxIterations, log);
  const pr = await timed("pagerank", () => pageRank(csr, PAGERANK_DEFAULTS, (i) => prProgress.update(i), slice));
  prProgress.done();
  const k = Math.min(csr.n, options.pivots ?? DEFAULT_PIVOTS);
  const exact = k >= csr.n;
  // Pivots are drawn over the read order, so the renumbering changes no figure.
  const pivots = exact ? null : samplePivots(csr.n, k, seed).map((v) => rank[v]);
  const bcProgress = new PhaseProgress("betweenness", "pivots", k, log);
  // In worker threads: this thread's event loop stays free meanwhile, and every core searches.
  const bc = await timed("betweenness", () =>
    betweennessInWorkers(csr, pivots, {
      threads: options.threads,
      progress: (done) => {
        bcProgress.update(done);
        sampleRss();
      },
    }),
  );
  bcProgress.done();

  const writeOrder = nodeIdOrder(externalIds);
  const writeProgress = new PhaseProgress("writing per-author figures", "authors", csr.n, log);
  // The slot's indexes are built once from the written values instead of kept up to date through every write.
  try {
    await dropSlotIndexes(db, slot);
    await timed("write", () =>
      writeAuthorFigures(
        db,
        slot,
        (from, to) => {
          const rows: number[][] = [];
          for (let i = from; i < to; i++) {
            const v = writeOrder[i];
            rows.push([externalIds[v], pr.scores[v], bc.scores[v], components.label[v]]);
          }
          return rows;
        },
        csr.n,
        (n) => writeProgress.update(n),
      ),
    );
  } catch (error) {
    await rebuildSlotIndexes(db, slot).catch((again: unknown) =>
      log(`Rebuilding the indexes of figures slot ${slot} failed too (${String(again)}); the next start or import rebuilds them.`),
    );
    throw error;
  }
  writeProgress.done();
  const indexProgress = new PhaseProgress(`indexing slot ${slot}'s PageRank and betweenness`, "%", 100, log);
  await timed("indexes", () => rebuildSlotIndexes(db, slot, (percent) => indexProgress.update(percent)));
  indexProgress.done();

  const bound = betweennessErrorBound(csr.n, k);
  const isolated = components.sizes.filter((s) => s === 1).length;
  const summary = {
    snapshotId,
    computedAt: new Date().toISOString(),
    durationMs: Date.now() - started,
    authors: csr.n,
    ties: csr.m,
    storedTies: counts.ties,
    components: components.sizes.length,
    giantSize: components.sizes[0] ?? 0,
    isolatedAuthors: isolated,
    componentSizes: JSON.stringify(distribution(components.sizes)),
    degreeDistribution: JSON.stringify(distribution(degrees(csr))),
    teamSizeDistribution: JSON.stringify(teamSizes),
    algorithms: JSON.stringify({
      version: FIGURES_ALGORITHM_VERSION,
      components: { algorithm: "breadth-first search", weighted: false },
      pagerank: {
        algorithm: "power iteration",
        weight: "NEWMAN",
        alpha: PAGERANK_DEFAULTS.alpha,
        tolerance: PAGERANK_DEFAULTS.tolerance,
        maxIterations: PAGERANK_DEFAULTS.maxIterations,
        iterations: pr.iterations,
        residual: pr.residual,
      },
      betweenness: {
        algorithm: exact ? "Brandes (exact)" : "Brandes with sampled pivots (Brandes & Pich 2007)",
        weighted: false,
        normalized: true,
        pivots: k,
        // Closed twins searched as one node (kernel/twins.ts): the classes, and the searches the pivots needed.
        twinClasses: bc.twinClasses,
        searches: bc.searches,
        exact,
        // Dependencies are summed per chunk of pivots, then the chunks in order: the same sums on any number of threads.
        pivotChunks: BETWEENNESS_CHUNKS,
        threads: bc.threads,
        seed: exact ? null : seed,
        errorBound: exact ? null : bound,
      },
      phasesMs: phases,
    }),
  };
  const committed = await commitFigures(db, slot, snapshotId, summary);
  sampleRss();
  if (!committed) {
    log(`The graph changed while its figures were computed; the previous figures stay current.`);
    return { status: "graph-changed", snapshotId };
  }
  const durationMs = Date.now() - started;
  log(
    `Figures of snapshot ${snapshotId}: ${csr.n} authors, ${csr.m} ties, ${components.sizes.length} components (giant ${summary.giantSize}), ` +
      `PageRank ${pr.iterations} iterations, betweenness ${exact ? "exact" : `${k} pivots`}, ${(durationMs / 1000).toFixed(1)} s, ` +
      `peak memory of this process ${Math.round(peakRss / 2 ** 20)} MiB.`,
  );
  return { status: "computed", snapshotId, slot, durationMs, phases, peakRssBytes: peakRss };
}

/**
 * The authors in ascending node id, the order their records lie in Neo4j's store: each write batch then touches
 * neighbouring records instead of pages all over the store. On the 158k graph, warm: 0.75× the time of the same rows
 * shuffled (1.4–1.9 s against 2.0–2.4 s, five rounds in turn); against the locality order the figures are computed in,
 * which keeps some of the read order, Neo4j's CPU for the write 2.5 s against 2.8 s (medians of seven rounds), the wall
 * time within the machine's noise. It matters most where the store is larger than the page cache (dblp).
 */
function nodeIdOrder(externalIds: Float64Array): Int32Array {
  const order = new Int32Array(externalIds.length);
  for (let v = 0; v < order.length; v++) order[v] = v;
  return order.sort((a, b) => externalIds[a] - externalIds[b]);
}
