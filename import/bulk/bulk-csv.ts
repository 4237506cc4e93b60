import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import path from "node:path";
import { codePointLess } from "../../src/util/code-point-order";
import { Progress, silentProgress } from "../progress";
import { edgeIndex, edgeKeyed, edgeNamed, edgePosition } from "./edge";
import type { MemoryGraph } from "./memory-graph";
import type { MemAuthor } from "./memory-types";
import { NO_PAPER_YEAR } from "../writer/pair-increments";

/**
 * Writes the in-memory graph as neo4j-admin `database import full` CSVs: one file per label and relationship type,
 * with typed headers. Coauthor pairs and author stats are computed here, from the final authorships, exactly as
 * the online pair pass computes them (PAIRS_OF_AUTHOR, AUTHOR_STATS_AND_DEQUEUE in writer.cypher.ts).
 */

/** Separates list elements inside one field: a symbol no bibliographic field holds, unlike ";". */
export const ARRAY_DELIMITER = "\u241F";

export interface CsvInput {
  label: string;
  file: string;
}

export interface BulkCsv {
  nodes: CsvInput[];
  relationships: CsvInput[];
  /** Some quoted field holds a line break: neo4j-admin must then parse with --multiline-fields (slower). */
  multiline: boolean;
  rows: {
    authors: number;
    papers: number;
    venues: number;
    importRuns: number;
    authored: number;
    publishedIn: number;
    coauthorPairs: number;
  };
}

const BUFFER_BYTES = 1 << 20;

/**
 * Buffered, synchronous CSV file writer: this is a batch job, and sync writes keep the hot loop free of awaits.
 * Fields are encoded straight into one reused Buffer, so millions of rows leave no strings behind for the GC.
 */
class CsvFile {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  rows = 0;
  multiline = false;

  constructor(file: string, header: string) {
    this.fd = openSync(file, "w");
    this.text(`${header}\n`);
  }

  row(values: unknown[]): void {
    for (let i = 0; i < values.length; i++) {
      if (i > 0) this.text(",");
      this.field(values[i]);
    }
    this.text("\n");
    this.rows += 1;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.used > 0) writeSync(this.fd, this.buffer, 0, this.used);
    this.used = 0;
  }

  private text(value: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    if (this.used + value.length * 3 > BUFFER_BYTES) {
      this.flush();
      if (value.length * 3 > BUFFER_BYTES) {
        writeSync(this.fd, value);
        return;
      }
    }
    this.used += this.buffer.write(value, this.used);
  }

  private field(value: unknown): void {
    if (value === null || value === undefined) return; // an empty unquoted field: no property
    if (Array.isArray(value)) {
      for (const element of value) {
        if (String(element).includes(ARRAY_DELIMITER))
          throw new Error(`a list value holds the list delimiter U+241F: ${String(element).slice(0, 80)}`);
      }
      this.field(value.join(ARRAY_DELIMITER));
    } else if (typeof value === "string") {
      if (!this.multiline && /[\r\n]/.test(value)) this.multiline = true;
      this.text('"');
      this.text(value.includes('"') ? value.replace(/"/g, '""') : value);
      this.text('"');
    } else this.text(String(value));
  }
}

export function writeBulkCsv(graph: MemoryGraph, dir: string, progress: Progress = silentProgress): BulkCsv {
  mkdirSync(dir, { recursive: true });
  const at = (name: string) => path.join(dir, name);
  const files = {
    authors: new CsvFile(
      at("authors.csv"),
      "id:ID(Author),name,nameKey,aliases:string[],orcid,paperCount:int,firstYear:int,lastYear:int,keyed:boolean,numbered:boolean",
    ),
    papers: new CsvFile(at("papers.csv"), "id:ID(Paper),title,titleKey,year:int,doi,url,abstract,pages,sourceKeys:string[],venueId"),
    venues: new CsvFile(at("venues.csv"), "id:ID(Venue),name,acronym,kind"),
    importRuns: new CsvFile(at("import-runs.csv"), "id:ID(ImportRun),source,format,sha256,startedAt,finishedAt,status,counts"),
    authored: new CsvFile(at("authored.csv"), ":START_ID(Author),:END_ID(Paper),position:int,keyed:boolean,named:boolean"),
    publishedIn: new CsvFile(at("published-in.csv"), ":START_ID(Paper),:END_ID(Venue)"),
    coauthorPairs: new CsvFile(
      at("coauthored-with.csv"),
      ":START_ID(Author),:END_ID(Author),pair,papers:int,firstYear:int,lastYear:int,paperYears:int[],paperSizes:int[]",
    ),
  };
  try {
    for (const v of graph.venues.values()) files.venues.row([v.id, v.name, v.acronym, v.kind]);
    for (const p of graph.papers.values()) {
      files.papers.row([p.id, p.title, p.titleKey, p.year, p.doi, p.url, p.abstract, p.pages, p.sourceKeys, p.venue?.id]);
      if (p.venue) files.publishedIn.row([p.id, p.venue.id]);
    }
    progress.start("writing CSV", graph.authors.size);
    const pairs = new PairCounter(graph);
    let done = 0;
    for (const a of graph.authors.values()) {
      const stats = authorStats(a);
      files.authors.row([
        a.id,
        a.name,
        a.nameKey,
        a.aliases,
        a.orcid,
        stats.paperCount,
        stats.firstYear,
        stats.lastYear,
        a.keyed,
        a.numbered,
      ]);
      for (const p of a.papers) {
        const e = p.authorships[edgeIndex(p, a)];
        files.authored.row([a.id, p.id, edgePosition(e), edgeKeyed(e), edgeNamed(e)]);
      }
      pairs.writePairsOf(a, files.coauthorPairs);
      if (++done % 10_000 === 0) progress.update(done);
    }
    progress.update(done);
    progress.stop();
    const runs = graph.runs;
    runs.forEach((r, i) => {
      const counts = bulkRunCounts(r.counts, i === runs.length - 1 ? files.coauthorPairs.rows : 0);
      files.importRuns.row([r.id, r.source, r.format, r.sha256, r.startedAt, r.finishedAt, r.status, counts]);
    });
  } finally {
    for (const f of Object.values(files)) f.close();
  }
  return {
    nodes: [
      { label: "Author", file: at("authors.csv") },
      { label: "Paper", file: at("papers.csv") },
      { label: "Venue", file: at("venues.csv") },
      { label: "ImportRun", file: at("import-runs.csv") },
    ],
    relationships: [
      { label: "AUTHORED", file: at("authored.csv") },
      { label: "PUBLISHED_IN", file: at("published-in.csv") },
      { label: "COAUTHORED_WITH", file: at("coauthored-with.csv") },
    ],
    multiline: Object.values(files).some((f) => f.multiline),
    rows: {
      authors: files.authors.rows,
      papers: files.papers.rows,
      venues: files.venues.rows,
      importRuns: files.importRuns.rows,
      authored: files.authored.rows,
      publishedIn: files.publishedIn.rows,
      coauthorPairs: files.coauthorPairs.rows,
    },
  };
}

/** A bulk run's counts say so; pairs are created once, after the last file, and counted on that file's run. */
function bulkRunCounts(counts: string | null, pairsCreated: number): string {
  const parsed = counts ? (JSON.parse(counts) as Record<string, unknown>) : {};
  return JSON.stringify({ ...parsed, coauthorPairsCreated: pairsCreated, coauthorPairsRecomputed: 0, bulk: true });
}

/** AUTHOR_STATS_AND_DEQUEUE: paper count and year span over the author's papers (years may be missing). */
function authorStats(author: MemAuthor): { paperCount: number; firstYear: number | null; lastYear: number | null } {
  let firstYear: number | null = null;
  let lastYear: number | null = null;
  for (const paper of author.papers) {
    if (paper.year === null) continue;
    if (firstYear === null || paper.year < firstYear) firstYear = paper.year;
    if (lastYear === null || paper.year > lastYear) lastYear = paper.year;
  }
  return { paperCount: author.papers.length, firstYear, lastYear };
}

/** No year seen yet in PairCounter's year arrays. */
const NO_YEAR = -1;

/**
 * PAIRS_OF_AUTHOR for the pairs whose smaller id (in code point order, as Cypher compares stored ids) is the given
 * author: joint papers (an author holds at most one authorship per paper, so each joint paper is seen once) and their
 * year span, one COAUTHORED_WITH row from low to high. Counters are arrays indexed by MemAuthor.index, reset after
 * each author, so the 1.6M pairs of the benchmark cost no allocation per pair.
 */
class PairCounter {
  /** Per coauthor: the joint papers' years (NO_PAPER_YEAR for none) and byline sizes, as ADD_JOINT_PAPERS keeps them. */
  private readonly years: number[][];
  private readonly sizes: number[][];
  private readonly papers: Int32Array;
  private readonly firstYear: Int32Array;
  private readonly lastYear: Int32Array;
  private readonly seen: MemAuthor[] = [];

  constructor(private readonly graph: MemoryGraph) {
    const size = graph.authorsByIndex.length;
    this.papers = new Int32Array(size);
    this.years = Array.from({ length: size }, () => []);
    this.sizes = Array.from({ length: size }, () => []);
    this.firstYear = new Int32Array(size).fill(NO_YEAR);
    this.lastYear = new Int32Array(size).fill(NO_YEAR);
  }

  writePairsOf(low: MemAuthor, out: CsvFile): void {
    for (const paper of low.papers) {
      for (const edge of paper.authorships) {
        const high = this.graph.authorOf(edge);
        if (!codePointLess(low.id, high.id)) continue;
        const i = high.index;
        if (this.papers[i]++ === 0) this.seen.push(high);
        this.years[i].push(paper.year ?? NO_PAPER_YEAR);
        this.sizes[i].push(paper.authorships.length);
        if (paper.year !== null) {
          if (this.firstYear[i] === NO_YEAR || paper.year < this.firstYear[i]) this.firstYear[i] = paper.year;
          if (this.lastYear[i] === NO_YEAR || paper.year > this.lastYear[i]) this.lastYear[i] = paper.year;
        }
      }
    }
    for (const high of this.seen) {
      const i = high.index;
      out.row([
        low.id,
        high.id,
        `${low.id}|${high.id}`,
        this.papers[i],
        yearOrNull(this.firstYear[i]),
        yearOrNull(this.lastYear[i]),
        this.years[i],
        this.sizes[i],
      ]);
      this.papers[i] = 0;
      this.years[i] = [];
      this.sizes[i] = [];
      this.firstYear[i] = NO_YEAR;
      this.lastYear[i] = NO_YEAR;
    }
    this.seen.length = 0;
  }
}

function yearOrNull(year: number): number | null {
  return year === NO_YEAR ? null : year;
}
