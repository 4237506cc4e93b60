import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { rm } from "node:fs/promises";
import { Database } from "../src/db/database";
import { LimitExceededError } from "../src/errors";
import { ImportLockOptions, withImportLock } from "../src/db/import-lock";
import { Format, ReadItem, UnparseableFileError } from "./canonical";
import { detectFormat } from "./detect";
import { oversizedKey } from "./identity";
import { readerFor } from "./formats/registry";
import { openInput, readHead, spoolStdin, type OpenedInput } from "./input";
import { readAhead } from "./read-ahead";
import { Progress, silentProgress } from "./progress";
import { emptyWriteCounts, WRITE_BATCH_SIZE, WriteCounts } from "./writer/graph-writer";
import { databaseTarget, ImportTarget, TargetRefusal } from "./writer/import-target";

export interface ImportOptions {
  format?: Format | "auto";
  batchSize?: number;
  progress?: Progress;
  /** How many rejections to keep with their reasons (all are counted). */
  keepRejections?: number;
  /** The graph's import lock (one writer at a time): wait for another import (default) or refuse. */
  lock?: ImportLockOptions;
  /** Stops the import between batches (Ctrl-C): each batch written stays whole, the run is recorded as failed. */
  signal?: AbortSignal;
  /**
   * The first file's first `records` records are in the graph already (an `import --bulk` that filled its memory
   * handed the rest on: ImportSummary.handOff): its write pass skips them. `localPath`: where its bytes are, when it
   * is standard input spooled by the bulk part (removed after).
   */
  resume?: { records: number; localPath?: string };
}

/** The rest of the input, when a target filled up mid-file: the file it stopped in (first) and every file after it. */
export interface HandOff {
  paths: string[];
  /** Records of paths[0] in the graph already; the rest is to be imported with ImportOptions.resume. */
  records: number;
  reason: string;
  /** paths[0] is standard input, spooled here; whoever imports the rest removes it. */
  stdinSpool?: string;
}

/** The import was asked to stop (ImportOptions.signal) and stopped between two batches. */
export class ImportInterrupted extends Error {
  constructor(written: number) {
    super(
      `Interrupted after ${written} records were written: each batch written is whole in the graph, and the coauthor counts ` +
        `of this file are not settled yet. Import the same file again to complete it (re-importing is idempotent).`,
    );
    this.name = "ImportInterrupted";
  }
}

export interface Rejection {
  file: string;
  line?: number;
  offset?: number;
  reason: string;
}

export interface FileImportSummary {
  file: string;
  format?: Format;
  sha256?: string;
  runId?: string;
  status: "imported" | "failed";
  /** Why the file was refused or the import stopped, with what to do next. */
  error?: string;
  read: number;
  rejected: number;
  rejections: Rejection[];
  writes: WriteCounts;
  /** created: new pair edges; added: pairs that batches added joint papers to; recomputed: by the pair pass. */
  coauthorPairs: { created: number; added: number; recomputed: number };
  mentionsReattached: number;
  seconds: number;
  /** Wall seconds per stage (parse check, batch writes, name resolution, coauthor pairs), for benchmarks. */
  stageSeconds: { check: number; write: number; names: number; pairs: number };
  /** The target filled up after this many records of the file: the rest was handed on (ImportSummary.handOff). */
  handedOff?: { records: number; reason: string };
  /** The first records of the file, in the graph already (ImportOptions.resume), that this run skipped. */
  skippedRecords?: number;
  /** The file was split (bulk/bulk-import.ts joinSummaries): its first `records` records were bulk-loaded by that run. */
  bulkPart?: { runId?: string; records: number };
}

export interface ImportSummary {
  files: FileImportSummary[];
  ok: boolean;
  /** Set when the target filled up before the input ended: what is left to import. */
  handOff?: HandOff;
}

/**
 * Imports each file as one unit. A first pass parses the whole file without writing, so a file that cannot be
 * parsed (truncated XML, an unclosed brace) is refused before it touches the graph; that pass also counts records
 * for the ETA. The second pass writes batches with backpressure, then settles name mentions and coauthor pairs.
 * A target that writes nothing to the database until every file is read (`import --bulk`) needs no first pass: its
 * one pass counts and checks as it reads.
 */
export async function importFiles(db: Database, paths: string[], options: ImportOptions = {}): Promise<ImportSummary> {
  return withImportLock(db, { signal: options.signal, ...options.lock }, () => importInto(databaseTarget(db), paths, options));
}

/**
 * The number of records the check pass will find, estimated from the share of the file's stored bytes read so far
 * (the count is only known at the end of that pass, and an 8-million-record file takes minutes to check).
 */
function estimatedRecords(read: number, input: OpenedInput): number | undefined {
  const { consumed, size } = input.sourceProgress();
  if (!size || consumed === 0) return undefined;
  return Math.max(read, Math.round((read * size) / consumed));
}

/** importFiles for any target: Neo4j itself, or the in-memory graph of `import --bulk`. */
export async function importInto(target: ImportTarget, paths: string[], options: ImportOptions = {}): Promise<ImportSummary> {
  await target.prepare();
  const files: FileImportSummary[] = [];
  for (const [index, path] of paths.entries()) {
    const full = target.handOffReason?.();
    if (full)
      return { files, ok: files.every((f) => f.status === "imported"), handOff: { paths: paths.slice(index), records: 0, reason: full } };
    const resume = index === 0 ? options.resume : undefined;
    const localPath = resume?.localPath ?? (path === "-" ? await spoolStdin() : path);
    let summary: FileImportSummary | undefined;
    try {
      summary = await importOneFile(target, path, localPath, options, resume?.records ?? 0);
    } finally {
      // A spooled standard input handed on mid-file is read again by whoever imports the rest.
      if (localPath !== path && !summary?.handedOff) await rm(localPath, { force: true });
    }
    files.push(summary);
    if (summary.handedOff) {
      const handOff: HandOff = {
        paths: paths.slice(index),
        records: (resume?.records ?? 0) + summary.handedOff.records,
        reason: summary.handedOff.reason,
        stdinSpool: localPath !== path ? localPath : undefined,
      };
      return { files, ok: files.every((f) => f.status === "imported"), handOff };
    }
    if (summary.status === "failed" && summary.runId) break; // the database failed mid-write: later files would too
    if (options.signal?.aborted) {
      // Said, not left out: the files after the one interrupted were not imported.
      for (const rest of paths.slice(files.length))
        files.push({ ...emptyFileSummary(rest), error: "Not imported: the import was interrupted before this file." });
      break;
    }
  }
  return { files, ok: files.every((f) => f.status === "imported") };
}

/** `localPath` is where the bytes are: the file itself, or stdin spooled to a temporary file (read twice). */
async function importOneFile(
  target: ImportTarget,
  path: string,
  localPath: string,
  options: ImportOptions,
  skip: number,
): Promise<FileImportSummary> {
  const started = Date.now();
  const progress = options.progress ?? silentProgress;
  const summary = emptyFileSummary(path);
  let stageStarted = started;
  const endStage = (stage: keyof FileImportSummary["stageSeconds"]) => {
    const now = Date.now();
    summary.stageSeconds[stage] = (now - stageStarted) / 1000;
    stageStarted = now;
  };
  const input = openInput(localPath);
  summary.file = path === "-" ? "<stdin>" : input.file;
  if (!(await checkFile(input, localPath, summary, options, target.checkPassNeeded))) {
    summary.seconds = (Date.now() - started) / 1000;
    return summary;
  }
  endStage("check");

  if (options.signal?.aborted) {
    summary.error = new ImportInterrupted(0).message;
    return summary;
  }
  summary.runId = randomUUID();
  try {
    await target.startRun({
      id: summary.runId,
      source: summary.file,
      format: summary.format!,
      sha256: summary.sha256!,
      startedAt: new Date(started).toISOString(),
    });
    let written = 0;
    const items = skipRecords(readRecords(summary.format!, input, summary.file), skip);
    if (skip > 0) summary.skippedRecords = skip;
    if (target.checkPassNeeded) {
      const total = Math.max(0, summary.read - summary.rejected - skip);
      await target.beginWrites(() => total);
      progress.start("writing papers", total);
    } else {
      // One pass: this pass counts what the check pass would have, and the record count is estimated from the bytes read.
      await target.beginWrites(() => estimatedRecords(summary.read, input) ?? summary.read);
      progress.start(`reading ${summary.format}`, undefined);
    }
    const batches = readAhead(target.checkPassNeeded ? items : tallied(items, summary, options), options.batchSize ?? WRITE_BATCH_SIZE);
    try {
      for (let step = await batches.next(); !step.done;) {
        if (options.signal?.aborted) throw new ImportInterrupted(written);
        await target.writeBatch(step.value, summary.writes);
        written += step.value.length;
        progress.update(written, target.checkPassNeeded ? undefined : estimatedRecords(summary.read, input));
        // The next batch (read ahead already) says whether the file goes on: one that ends with the batch that filled
        // the target is whole, settled here, and the hand-off begins with the next file.
        step = await batches.next();
        const full = target.handOffReason?.();
        if (full && !step.done) {
          summary.handedOff = { records: written, reason: full };
          break;
        }
      }
    } finally {
      await batches.return(undefined);
    }
    progress.stop();
    if (!target.checkPassNeeded) await refuseIfNothingReadable(summary, input);
    endStage("write");

    // A file handed on mid-way is settled by whoever imports its rest, once, as if it had been imported whole: names
    // settled at the split could take a spelling or a byline position that the whole file's settlement would not.
    if (!summary.handedOff) summary.mentionsReattached = await target.settleNames();
    endStage("names");
    progress.start("coauthor pairs", undefined);
    const pairs = await target.settlePairs((done, of) => progress.update(done, of));
    progress.stop();
    endStage("pairs");
    summary.coauthorPairs = {
      created: summary.writes.pairsCreated + pairs.pairsCreated,
      added: summary.writes.pairsAdded,
      recomputed: pairs.pairsWritten,
    };
    summary.status = "imported";
  } catch (error) {
    progress.stop();
    summary.error =
      error instanceof TargetRefusal ||
      error instanceof ImportInterrupted ||
      (!target.checkPassNeeded && error instanceof UnparseableFileError)
        ? error.message
        : `${describe(error, summary.file).replace(/\.+$/, "")}. The graph may hold part of this file; import the same file ` +
          `again once ${error instanceof LimitExceededError ? "that is done" : "the database is back"}: re-importing is ` +
          `idempotent and completes the coauthor counts.`;
  }
  summary.seconds = (Date.now() - started) / 1000;
  await finishRun(target, summary);
  return summary;
}

/**
 * Detects the file's format and hashes it; with `checkPass`, parses it whole without writing (counting its records
 * and rejections into `summary`) and refuses a file that cannot be parsed or holds nothing readable. False, with
 * `summary.error` saying why and what to do, when the file is refused.
 */
async function checkFile(
  input: OpenedInput,
  localPath: string,
  summary: FileImportSummary,
  options: ImportOptions,
  checkPass: boolean,
): Promise<boolean> {
  const progress = options.progress ?? silentProgress;
  try {
    summary.format = options.format && options.format !== "auto" ? options.format : detectFormat(input.file, await readHead(input));
    const format = summary.format;
    summary.sha256 = await sha256Of(localPath);
    if (!checkPass) return true;
    progress.start(`checking ${summary.format}`, undefined);
    for await (const _item of tallied(readRecords(format, input, summary.file), summary, options)) {
      if (summary.read % 5000 === 0) {
        if (options.signal?.aborted) throw new ImportInterrupted(0);
        progress.update(summary.read, estimatedRecords(summary.read, input));
      }
    }
    progress.update(summary.read);
    progress.stop();
    await refuseIfNothingReadable(summary, input);
    return true;
  } catch (error) {
    progress.stop();
    summary.error =
      error instanceof UnparseableFileError || error instanceof ImportInterrupted ? error.message : describe(error, summary.file);
    return false;
  }
}

/**
 * The check pass alone over what a target handed on (ImportSummary.handOff), so that `import --bulk` can refuse a
 * broken file before it loads anything, as it does for the files it read itself. Returns the refused files' summaries.
 */
export async function refusedFiles(handOff: HandOff, options: ImportOptions): Promise<FileImportSummary[]> {
  const refused: FileImportSummary[] = [];
  for (const [index, path] of handOff.paths.entries()) {
    const localPath = index === 0 && handOff.stdinSpool ? handOff.stdinSpool : path;
    // Standard input not read yet can be read only once: the online import's own check pass guards it.
    if (path === "-" && localPath === path) continue;
    const input = openInput(localPath);
    const summary = emptyFileSummary(path === "-" ? "<stdin>" : input.file);
    if (!(await checkFile(input, localPath, summary, options, true))) refused.push(summary);
  }
  return refused;
}

/**
 * A file with records none of which could be read is the wrong file or the wrong format far more often than a source
 * with only bad records (a heap snapshot named .jsonl.gz once came out of a CSL-JSON import as "imported, 100%
 * rejected"), so it is refused like a file that cannot be parsed: nothing of it is written (the one-pass bulk path has
 * written nothing to the database yet either) and the command fails. So is a BibTeX file with text but not one `@`
 * (BibTeX reads any text outside an entry as a comment, so a CSL-JSON file read as BibTeX or a page of notes gave
 * "imported, 0 records"). A file that is valid and empty is not refused: white space only, a CSL-JSON `[]`, BibTeX of
 * only @string or @comment, `<dblp></dblp>`.
 */
async function refuseIfNothingReadable(summary: FileImportSummary, input: OpenedInput): Promise<void> {
  if (summary.read === 0) {
    if (summary.format !== "bibtex" || (await holdsByte(input, 0x40))) return;
    const text = (await readHead(input))
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trim();
    if (text === "") return;
    throw new UnparseableFileError(
      summary.file,
      `it is not empty, but holds no BibTeX entry, not one "@" (it begins ${JSON.stringify(text.slice(0, 40))})`,
    );
  }
  if (summary.rejected < summary.read) return;
  const first = summary.rejections[0];
  const what = summary.read === 1 ? "its only record could not" : `none of its ${summary.read} records could`;
  const where = first?.line !== undefined ? `line ${first.line}: ` : "";
  throw new UnparseableFileError(
    summary.file,
    `${what} be read as ${summary.format}${first ? ` (the first, ${where}${first.reason})` : ""}`,
  );
}

/** A file's summary before anything is read: failed until it is imported. */
export function emptyFileSummary(path: string): FileImportSummary {
  return {
    file: path,
    status: "failed",
    read: 0,
    rejected: 0,
    rejections: [],
    writes: emptyWriteCounts(),
    coauthorPairs: { created: 0, added: 0, recomputed: 0 },
    mentionsReattached: 0,
    seconds: 0,
    stageSeconds: { check: 0, write: 0, names: 0, pairs: 0 },
  };
}

/** Whether the input's bytes (decompressed) hold `byte` anywhere. */
async function holdsByte(input: OpenedInput, byte: number): Promise<boolean> {
  for await (const chunk of input.bytes()) if (chunk.includes(byte)) return true;
  return false;
}

/**
 * The format's reader over the input, each record whose keys the graph's indexes cannot hold rejected alone with its
 * reason (identity.ts, oversizedKey), as the check pass and the write pass both see it.
 */
async function* readRecords(format: Format, input: OpenedInput, file: string): AsyncGenerator<ReadItem> {
  for await (const item of readerFor(format).read(input.bytes(), file)) {
    const oversized = item.kind === "record" ? oversizedKey(item.record) : undefined;
    yield oversized === undefined || item.kind !== "record"
      ? item
      : { kind: "rejected", location: item.record.location, reason: oversized };
  }
}

/** The reader's items without the first `count` records (rejected items pass: they are not written anyway). */
async function* skipRecords(items: AsyncIterable<ReadItem>, count: number): AsyncGenerator<ReadItem> {
  let left = count;
  for await (const item of items) {
    if (left > 0 && item.kind === "record") {
      left -= 1;
      continue;
    }
    yield item;
  }
}

/** Passes the reader's items on, counting them and keeping the first rejections with their reasons in the summary. */
async function* tallied(items: AsyncIterable<ReadItem>, summary: FileImportSummary, options: ImportOptions): AsyncGenerator<ReadItem> {
  for await (const item of items) {
    summary.read += 1;
    if (item.kind === "rejected") {
      summary.rejected += 1;
      if (summary.rejections.length < (options.keepRejections ?? 1000)) summary.rejections.push({ ...item.location, reason: item.reason });
    }
    yield item;
  }
}

async function finishRun(target: ImportTarget, summary: FileImportSummary): Promise<void> {
  const counts = {
    read: summary.read,
    rejected: summary.rejected,
    ...summary.writes,
    coauthorPairsCreated: summary.coauthorPairs.created,
    coauthorPairsRecomputed: summary.coauthorPairs.recomputed,
    mentionsReattached: summary.mentionsReattached,
    seconds: summary.seconds,
    stageSeconds: summary.stageSeconds,
    // A file split by a bulk load's memory budget: which of its records each of its two runs wrote.
    ...(summary.handedOff ? { handedOffAfter: summary.handedOff.records } : {}),
    ...(summary.skippedRecords ? { skippedRecords: summary.skippedRecords } : {}),
  };
  try {
    await target.finishRun({
      id: summary.runId!,
      finishedAt: new Date().toISOString(),
      status: summary.status === "imported" ? "completed" : "failed",
      counts: JSON.stringify(counts),
    });
  } catch {
    // The run node stays "running"; the summary printed to the user already says what failed.
  }
}

/** Provenance hashes the file as stored (compressed or not), so the same download always gives the same sha256. */
async function sha256Of(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

function describe(error: unknown, file: string): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.includes(file) ? message : `${file}: ${message}`;
}
