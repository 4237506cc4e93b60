import type { Database } from "../db/database";
import type { GraphVersion } from "../db/graph-version";
import { IMPORT_RUNS as IMPORT_RUNS_RANGE, intInRange } from "../kernel/argument-rules";
import { GraphCounts, ImportRunRecord, readGraphCounts, readImportRuns } from "./stats.store";

export class StatsService {
  private counts?: Promise<GraphCounts & { snapshotId: string; snapshotChangedAt: string | null }>;

  /** `version` reads the graph version once per request (the API context shares it with the response extensions). */
  constructor(
    private readonly db: Database,
    readonly version: () => Promise<GraphVersion>,
  ) {}

  /** Whole-graph counts, read once per request however many fields ask. */
  graphCounts(): Promise<GraphCounts & { snapshotId: string; snapshotChangedAt: string | null }> {
    this.counts ??= Promise.all([readGraphCounts(this.db), this.version()]).then(([counts, version]) => ({
      ...counts,
      snapshotId: version.snapshotId,
      snapshotChangedAt: version.changedAt,
    }));
    return this.counts;
  }

  /** The import runs behind the data, newest first. */
  importRuns(first: number | null | undefined): Promise<ImportRunRecord[]> {
    return readImportRuns(this.db, intInRange("first", first, IMPORT_RUNS_RANGE));
  }
}
