import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import path from "node:path";
import { compareCodePoints } from "../../src/util/code-point-order";
import { Progress, silentProgress } from "../progress";
import { edgeAuthor, edgeKeyed, edgeNamed, edgePosition } from "./edge";
import type { MemoryGraph } from "./memory-graph";
import type { MemAuthor } from "./memory-types";
import type { PaperTable } from "./paper-table";
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

/** Characters of rows gathered before they go to the file in one write (one UTF-8 encoding per chunk, not per field). */
const CHUNK_CHARS = 1 << 16;

/**
 * Buffered, synchronous CSV file writer: this is a batch job, and sync writes keep the hot loop free of awaits.
 * Each row is built as one string and rows are written in chunks of about CHUNK_CHARS: encoding field by field into a
 * Buffer (a native call per field and per comma) took most of the CSV stage's time.
 */
class CsvFile {
  private readonly fd: number;
  private pending = "";
  /** Lines in `pending`: each ends with the one line feed that ends it, unless a field holds a line break. */
  private pendingLines = 0;
  rows = 0;
  multiline = false;

  constructor(file: string, header: string) {
    this.fd = openSync(file, "w");
    this.pending = `${header}\n`;
    this.pendingLines = 1;
  }

  row(values: readonly unknown[]): void {
    let line = this.field(values[0]);
    for (let i = 1; i < values.length; i++) line += "," + this.field(values[i]);
    this.pending += line + "\n";
    this.pendingLines += 1;
    this.rows += 1;
    if (this.pending.length >= CHUNK_CHARS) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  /**
   * Writes the pending rows. Line breaks inside fields are found here, once per chunk, by counting line feeds against
   * lines: searching every string field for them took most of the CSV stage's time at 8M records.
   */
  private flush(): void {
    const bytes = Buffer.from(this.pending, "utf8");
    if (!this.multiline && (bytes.includes(CR) || countByte(bytes, LF) !== this.pendingLines)) this.multiline = true;
    for (let written = 0; written < bytes.length;) written += writeSync(this.fd, bytes, written);
    this.pending = "";
    this.pendingLines = 0;
  }

  private field(value: unknown): string {
    if (value === null || value === undefined) return ""; // an empty unquoted field: no property
    if (typeof value === "string") return '"' + (value.includes('"') ? value.replace(/"/g, '""') : value) + '"';
    if (Array.isArray(value)) {
      for (const element of value) {
        if (typeof element !== "number" && String(element).includes(ARRAY_DELIMITER))
          throw new Error(`a list value holds the list delimiter U+241F: ${String(element).slice(0, 80)}`);
      }
      return this.field(value.join(ARRAY_DELIMITER));
    }
    return String(value);
  }
}

const LF = 0x0a;
const CR = 0x0d;

function countByte(bytes: Buffer, byte: number): number {
  let count = 0;
  for (let at = bytes.indexOf(byte); at !== -1; at = bytes.indexOf(byte, at + 1)) count += 1;
  return count;
}

export function writeBulkCsv(graph: MemoryGraph, dir: string, progress: Progress = silentProgress): BulkCsv {
  mkdirSync(dir, { recursive: true });
  const at = (name: string) => path.join(dir, name);
  const files = {
    authors: new CsvFile(
      at("authors.csv"),
      "id:ID(Author),name,nameKey,aliases:string[],orcid,paperCount:int,firstYear:int,lastYear:int,keyed:boolean,numbered:boolean,:LABEL",
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
    // A minute and a half at 8M records: without its own line the progress still showed the stage before.
    const table = graph.paperTable;
    progress.start("CSV: papers", table.size);
    for (let p = 0; p < table.size; p++) {
      const { titleKey, title, url, abstract, pages, sourceKeys } = graph.payloadOf(p);
      const id = table.id(p);
      const venue = graph.venueOf(p);
      files.papers.row([id, title, titleKey ?? id, table.year(p), table.doi(p), url, abstract, pages, sourceKeys, venue?.id]);
      if (venue) files.publishedIn.row([id, venue.id]);
      if ((p + 1) % 50_000 === 0) progress.update(p + 1);
    }
    progress.update(table.size);
    progress.stop();
    progress.start("CSV: authors, pairs", graph.authorCount);
    const pairs = new PairCounter(graph);
    const unsettled = graph.unsettledNameKeys;
    let done = 0;
    for (const a of graph.authorsByIndex) {
      if (!a) continue;
      const stats = authorStats(a, table);
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
        // Besides :Author: the name queue of a file handed on mid-way (memory-graph.ts unsettledNameKeys).
        unsettled.has(a.nameKey) ? "NameTouched" : null,
      ]);
      for (const p of a.papers) {
        const e = table.edge(p, table.edgeIndex(p, a.index));
        files.authored.row([a.id, table.id(p), edgePosition(e), edgeKeyed(e), edgeNamed(e)]);
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
function authorStats(author: MemAuthor, table: PaperTable): { paperCount: number; firstYear: number | null; lastYear: number | null } {
  let firstYear: number | null = null;
  let lastYear: number | null = null;
  for (const paper of author.papers) {
    const year = table.year(paper);
    if (year === null) continue;
    if (firstYear === null || year < firstYear) firstYear = year;
    if (lastYear === null || year > lastYear) lastYear = year;
  }
  return { paperCount: author.papers.length, firstYear, lastYear };
}

/** No year seen yet in PairCounter's year arrays. */
const NO_YEAR = -1;

/**
 * PAIRS_OF_AUTHOR for the pairs whose smaller id (in code point order, as Cypher compares stored ids) is the given
 * author: joint papers (an author holds at most one authorship per paper, so each joint paper is seen once) and their
 * year span, one COAUTHORED_WITH row from low to high. Nothing is allocated per pair: counters are typed arrays
 * indexed by MemAuthor.index, reset after each author, and the joint papers' years and byline sizes go to two shared
 * lists, each coauthor's in a run of its own (counted in a first pass over the author's papers, filled in a second).
 * At 1M records the garbage of a list per pair made the collector most of this stage's time. The ids' code point
 * order is ranked once, up front: comparing two ids per joint authorship (long shared prefixes) was the rest of it.
 */
class PairCounter {
  /** Per coauthor of the current author: joint papers, year span, and where its run in `years`/`sizes` ends so far. */
  private readonly papers: Int32Array;
  private readonly firstYear: Int32Array;
  private readonly lastYear: Int32Array;
  private readonly runEnd: Int32Array;
  /** Joint papers' years (NO_PAPER_YEAR for none) and byline sizes, as ADD_JOINT_PAPERS keeps them. */
  private years = new Int32Array(1024);
  private sizes = new Int32Array(1024);
  /** Each author's place in code point order of ids (by MemAuthor.index; removed authors keep -1). */
  private readonly idRank: Int32Array;
  private readonly seen: number[] = [];

  constructor(private readonly graph: MemoryGraph) {
    const size = graph.authorsByIndex.length;
    this.papers = new Int32Array(size);
    this.firstYear = new Int32Array(size).fill(NO_YEAR);
    this.lastYear = new Int32Array(size).fill(NO_YEAR);
    this.runEnd = new Int32Array(size);
    this.idRank = new Int32Array(size).fill(-1);
    const present = graph.authorsByIndex.filter((a): a is MemAuthor => a !== undefined);
    present.sort((a, b) => compareCodePoints(a.id, b.id));
    present.forEach((author, rank) => (this.idRank[author.index] = rank));
  }

  writePairsOf(low: MemAuthor, out: CsvFile): void {
    const table = this.graph.paperTable;
    const lowRank = this.idRank[low.index];
    let joint = 0;
    for (const paper of low.papers) {
      const year = table.year(paper);
      const size = table.edgeCount(paper);
      for (let k = 0; k < size; k++) {
        const i = edgeAuthor(table.edge(paper, k));
        if (this.idRank[i] <= lowRank) continue;
        if (this.papers[i]++ === 0) this.seen.push(i);
        joint += 1;
        if (year !== null) {
          if (this.firstYear[i] === NO_YEAR || year < this.firstYear[i]) this.firstYear[i] = year;
          if (this.lastYear[i] === NO_YEAR || year > this.lastYear[i]) this.lastYear[i] = year;
        }
      }
    }
    if (joint > this.years.length) {
      this.years = new Int32Array(2 * joint);
      this.sizes = new Int32Array(2 * joint);
    }
    let start = 0;
    for (const i of this.seen) {
      this.runEnd[i] = start;
      start += this.papers[i];
    }
    for (const paper of low.papers) {
      const year = table.year(paper) ?? NO_PAPER_YEAR;
      const size = table.edgeCount(paper);
      for (let k = 0; k < size; k++) {
        const i = edgeAuthor(table.edge(paper, k));
        if (this.idRank[i] <= lowRank) continue;
        const at = this.runEnd[i]++;
        this.years[at] = year;
        this.sizes[at] = size;
      }
    }
    for (const i of this.seen) {
      const high = this.graph.authorsByIndex[i]!;
      const end = this.runEnd[i];
      const begin = end - this.papers[i];
      out.row([
        low.id,
        high.id,
        `${low.id}|${high.id}`,
        this.papers[i],
        yearOrNull(this.firstYear[i]),
        yearOrNull(this.lastYear[i]),
        this.years.subarray(begin, end).join(ARRAY_DELIMITER),
        this.sizes.subarray(begin, end).join(ARRAY_DELIMITER),
      ]);
      this.papers[i] = 0;
      this.firstYear[i] = NO_YEAR;
      this.lastYear[i] = NO_YEAR;
    }
    this.seen.length = 0;
  }
}

function yearOrNull(year: number): number | null {
  return year === NO_YEAR ? null : year;
}
