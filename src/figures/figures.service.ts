import type { GraphVersion } from "../db/graph-version";
import type { Explanation } from "../kernel/explanation";
import { FIGURE_FORMULAS, FigureMethod, figureNotes, figureParameters, figuresStamp, type StoredFigures } from "../kernel/graph-figures";

const IMPLEMENTATION = "coauthor-graph whole-graph figures (typed arrays in the Node process; src/figures)";

/** Query.graphFigures: the current figures as stored, with their stamp and explanations; null before any were computed. */
export class FiguresService {
  constructor(
    private readonly version: () => Promise<GraphVersion>,
    private readonly current: () => Promise<StoredFigures | null>,
  ) {}

  async graphFigures() {
    const [stored, version] = await Promise.all([this.current(), this.version()]);
    if (!stored) return null;
    const rows = (json: string) => JSON.parse(json) as Array<{ value: number; count: number }>;
    const explain = (Object.keys(FIGURE_FORMULAS) as FigureMethod[]).map((method): Explanation => ({
      method,
      implementation: IMPLEMENTATION,
      formula: FIGURE_FORMULAS[method],
      parameters: figureParameters(stored, method),
      snapshotId: stored.snapshotId,
      notes: figureNotes(stored, method, version.snapshotId),
    }));
    return {
      figures: figuresStamp(stored, version.snapshotId),
      snapshotId: stored.snapshotId,
      authors: stored.authors,
      ties: stored.ties,
      components: stored.components,
      giantComponentSize: stored.giantSize,
      giantComponentShare: stored.authors > 0 ? stored.giantSize / stored.authors : 0,
      isolatedAuthors: stored.isolatedAuthors,
      meanDegree: stored.authors > 0 ? (2 * stored.ties) / stored.authors : 0,
      componentSizes: rows(stored.componentSizes).map((r) => ({ size: r.value, components: r.count })),
      degreeDistribution: rows(stored.degreeDistribution).map((r) => ({ degree: r.value, authors: r.count })),
      teamSizeDistribution: rows(stored.teamSizeDistribution).map((r) => ({ authors: r.value, papers: r.count })),
      durationMs: stored.durationMs,
      explain,
    };
  }
}
