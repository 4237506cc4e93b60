import { CanonicalPaper } from "../canonical";
import { Database } from "../../src/db/database";
import { applySchema } from "../../src/db/schema-setup";
import { resolveTouchedNames } from "./author-resolution";
import { PairCounts, recomputeDirtyAuthors } from "./coauthor-pairs";
import { IMPORT_TX_TIMEOUT_MS, PairMode, writeBatch, WriteCounts, writeSkippedMentions } from "./graph-writer";
import { SettledMentions } from "./settled-mentions";
import { COUNT_COAUTHOR_PAIRS, CREATE_IMPORT_RUN, FINISH_IMPORT_RUN } from "./writer.cypher";

/** Provenance of one file's import, as stored on its (:ImportRun) node. */
export interface ImportRunStart {
  id: string;
  source: string;
  format: string;
  sha256: string;
  startedAt: string;
}

export interface ImportRunEnd {
  id: string;
  finishedAt: string;
  status: "completed" | "failed";
  /** JSON text of the run's counts. */
  counts: string;
}

/**
 * A target that cannot go on (the in-memory graph of `import --bulk` will not fit, say): its message is complete, says
 * what to do next, and the runner reports it as it is.
 */
export class TargetRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TargetRefusal";
  }
}

/**
 * Where the import runner puts canonical records. The runner owns the order of the steps (batches, then names,
 * then pairs, per file); a target owns how each step lands. Two exist: Neo4j through Cypher (the online import) and
 * an in-memory twin of the same statements that `import --bulk` turns into neo4j-admin CSVs (import/bulk/).
 */
export interface ImportTarget {
  /** Before the first file: constraints and indexes. */
  prepare(): Promise<void>;
  startRun(run: ImportRunStart): Promise<void>;
  /**
   * False when nothing reaches the database before every file is read (the in-memory graph of `import --bulk`): the
   * runner then reads each file once, checking as it goes, instead of parsing it whole before the first write.
   */
  readonly checkPassNeeded: boolean;
  /**
   * Before the first batch of a file: `expected()` is how many records the file will write, exact after a check pass,
   * otherwise estimated from the share of the file read so far (it changes as the file is read).
   */
  beginWrites(expected: () => number): Promise<void>;
  /** One batch lands whole or not at all; counts are added to `counts`. */
  writeBatch(records: CanonicalPaper[], counts: WriteCounts): Promise<void>;
  /**
   * Set when the target can hold no more records (the in-memory graph of `import --bulk` at its memory budget): the
   * runner writes no further batch, settles what it wrote, and hands the rest of the input on (ImportSummary.handOff).
   */
  handOffReason?(): string | undefined;
  /** Re-attaches name-only mentions for every name the file touched; returns mentions moved. */
  settleNames(): Promise<number>;
  /** Brings COAUTHORED_WITH and author stats up to date for every author the file touched. */
  settlePairs(onProgress?: (done: number, total: number) => void): Promise<PairCounts>;
  finishRun(run: ImportRunEnd): Promise<void>;
}

/**
 * The online import: every step is a managed write transaction against Neo4j, and its metadata names
 * the stage ("import:papers", "import:names", "import:pairs", "import:run"), so that a DBA can tell them apart.
 */
export function databaseTarget(db: Database, options: { skipSettledMentions?: boolean } = {}): ImportTarget {
  const runs = db.forOperation("import:run");
  const papers = db.forOperation("import:papers");
  let pairMode: PairMode = "queue";
  // Mentions skipped as already settled, kept until the name pass that follows them (settled-mentions.ts).
  // skipSettledMentions: false writes every mention: the same graph, the tests' reference for the skip.
  const settled = options.skipSettledMentions === false ? undefined : new SettledMentions();
  return {
    checkPassNeeded: true,
    async prepare() {
      await applySchema(db);
    },
    async startRun(run) {
      await runs.write(CREATE_IMPORT_RUN, { ...run });
    },
    async beginWrites() {
      // A graph without any pair yet gets its pairs from one sweep after the file; any other adds them per batch.
      const [pairs] = await papers.read(COUNT_COAUTHOR_PAIRS);
      pairMode = (pairs?.get("n") ?? 0) === 0 ? "queue" : "add";
    },
    writeBatch: (records, counts) => writeBatch(papers, records, counts, pairMode, settled),
    async settleNames() {
      const names = db.forOperation("import:names");
      if (settled) await writeSkippedMentions(names, settled);
      return resolveTouchedNames(names);
    },
    settlePairs: (onProgress) => recomputeDirtyAuthors(db.forOperation("import:pairs"), onProgress),
    async finishRun(run) {
      await runs.write(FINISH_IMPORT_RUN, { ...run }, { timeoutMs: IMPORT_TX_TIMEOUT_MS });
    },
  };
}
