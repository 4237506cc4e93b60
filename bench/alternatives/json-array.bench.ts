import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { JSONParser } from "@streamparser/json";
import { decodeUtf8 } from "../../import/formats/line-stream";
import { splitJsonArray } from "../../import/formats/csl-json/json-array-splitter";
import { fromRoot } from "../../src/util/project-root";
import { childArgs, fixed, interleavedRounds, isChild, median, reportFromChild, table } from "./measure";

/*
 * `npm run build && node dist/bench/alternatives/json-array.bench.js [rounds]`
 * Our JSON array splitter (import/formats/csl-json/json-array-splitter.ts, each item then JSON.parse'd)
 * against the maintained streaming JSON parsers on the 158k-item benchmark file re-serialised as one
 * CSL-JSON array (~84 MB), each variant in its own process; then what each does with the broken
 * arrays of the unit tests.
 */

type Variant = "ours" | "stream-json" | "@streamparser/json";
const VARIANTS: Variant[] = ["ours", "stream-json", "@streamparser/json"];
const CHUNK = 64 * 1024;

interface Totals {
  items: number;
  authors: number;
  titleChars: number;
}

function tally(totals: Totals, value: unknown): void {
  const item = value as { author?: unknown[]; title?: string };
  totals.items += 1;
  totals.authors += item.author?.length ?? 0;
  totals.titleChars += item.title?.length ?? 0;
}

/** Every item of the array in `source`, parsed, in order; how each variant gets there. */
async function* parsedItems(variant: Variant, source: () => AsyncIterable<Buffer>): AsyncGenerator<unknown> {
  if (variant === "ours") {
    for await (const item of splitJsonArray(decodeUtf8(source()), "bench.json")) yield JSON.parse(item.text);
  } else if (variant === "stream-json") {
    // stream-json 3 is ESM only; a dynamic import is how CommonJS code loads it.
    const { default: streamArray } = await import("stream-json/streamers/stream-array.js");
    const { Readable } = await import("node:stream");
    // Packed values only (no piece-wise string/number tokens): its fastest documented setting.
    const items = Readable.from(source()).pipe(streamArray.withParserAsStream({ streamValues: false }));
    for await (const { value } of items) yield value;
  } else {
    const parser = new JSONParser({ paths: ["$.*"], keepStack: false, stringBufferSize: CHUNK });
    const ready: unknown[] = [];
    parser.onValue = ({ value }) => ready.push(value);
    for await (const chunk of source()) {
      parser.write(chunk);
      yield* ready.splice(0);
    }
    // It ends by itself at the closing ]; end() on an ended parser throws.
    if (!parser.isEnded) parser.end();
    yield* ready.splice(0);
  }
}

async function child(): Promise<void> {
  const [variant, file] = childArgs() as [Variant, string];
  await reportFromChild(async () => {
    const totals: Totals = { items: 0, authors: 0, titleChars: 0 };
    for await (const value of parsedItems(variant, () => createReadStream(file, { highWaterMark: CHUNK }))) tally(totals, value);
    return totals;
  });
}

/** The committed JSON Lines file as one JSON array, one item per line as a CSL-JSON file has it. */
function writeArrayFile(dir: string): { file: string; bytes: number } {
  const lines = gunzipSync(readFileSync(fromRoot("bench", "data", "ml-anthology.csl.jsonl.gz")))
    .toString("utf8")
    .split("\n")
    .filter((line) => line.trim() !== "");
  const text = `[\n${lines.join(",\n")}\n]\n`;
  const file = path.join(dir, "ml-anthology.csl.json");
  writeFileSync(file, text);
  return { file, bytes: Buffer.byteLength(text) };
}

const BROKEN: Array<[string, string]> = [
  ["bad item + stray comma (bad-items.csl.json)", readFileSync(fromRoot("test", "fixtures", "csl-json", "bad-items.csl.json"), "utf8")],
  ["truncated (bad-truncated.csl.json)", readFileSync(fromRoot("test", "fixtures", "csl-json", "bad-truncated.csl.json"), "utf8")],
  ["text after ]", '[{"id":"x","title":"x"}] trailing'],
  ["empty array", "[ ]\n"],
];

/** What a variant yields for a small input fed in 7-byte chunks: item ids, rejections with lines, then the error if any. */
async function outcome(variant: Variant, text: string): Promise<string> {
  const bytes = Buffer.from(text);
  async function* chunks() {
    for (let offset = 0; offset < bytes.length; offset += 7) yield bytes.subarray(offset, offset + 7);
  }
  const seen: string[] = [];
  try {
    if (variant === "ours") {
      for await (const item of splitJsonArray(decodeUtf8(chunks()), "x.json")) {
        try {
          seen.push(String((JSON.parse(item.text) as { id?: string }).id));
        } catch {
          seen.push(`rejected@${item.line}`);
        }
      }
    } else {
      for await (const value of parsedItems(variant, chunks)) seen.push(String((value as { id?: string }).id));
    }
    return `[${seen.join(", ")}]`;
  } catch (error) {
    const message = (error as Error).message.replace(/\s+/g, " ");
    return `[${seen.join(", ")}] then failed: ${message.length > 70 ? `${message.slice(0, 70)}…` : message}`;
  }
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 3);
  const dir = mkdtempSync(path.join(os.tmpdir(), "coauthor-graph-json-bench-"));
  try {
    const { file, bytes } = writeArrayFile(dir);
    console.log(
      `input: ${(bytes / 1024 / 1024).toFixed(1)} MiB JSON array from bench/data/ml-anthology.csl.jsonl.gz; ${rounds} rounds, medians; node ${process.version}, ${os.cpus()[0]?.model.trim()}, load ${os.loadavg()[0].toFixed(2)}`,
    );
    const results = await interleavedRounds(__filename, VARIANTS, rounds, [file]);
    const base = median(results.get("ours")!.map((r) => r.seconds));
    const baseSummary = JSON.stringify(results.get("ours")![0].summary);
    const rows = [["variant", "seconds", "MiB/s", "time vs ours", "peak RSS MiB", "peak heap MiB", "same items"]];
    for (const [variant, runs] of results) {
      const seconds = median(runs.map((r) => r.seconds));
      rows.push([
        variant,
        fixed(seconds),
        fixed(bytes / 1024 / 1024 / seconds, 1),
        `${fixed(seconds / base)}x`,
        fixed(median(runs.map((r) => r.maxRssMiB)), 0),
        fixed(median(runs.map((r) => r.peakHeapMiB)), 0),
        runs.every((r) => JSON.stringify(r.summary) === baseSummary) ? "yes" : `NO ${JSON.stringify(runs[0].summary)}`,
      ]);
    }
    console.log(
      `\n${table(rows)}\n\nitems: ${baseSummary}\n\nbroken input (the unit tests expect [a, rejected@3, c, rejected@5, d], then "not closed" at line 3, then refusals):`,
    );
    for (const [name, text] of BROKEN) {
      for (const variant of VARIANTS) console.log(`  ${name.padEnd(44)} ${variant.padEnd(19)} ${await outcome(variant, text)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

(isChild() ? child() : main()).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
