/*
 * A seeded dblp-sized data set, made anywhere: streams dblp XML (valid against dblp.dtd), gzipped.
 *
 *   node dist/bench/dblp-gen.js --records N --seed S --out FILE.xml.gz [--month K] [--month-records M]
 *
 * --records: publication records of the base set (person pages are written on top, one per person who appears);
 * --month K: the K-th monthly update of that base set (about 50,000 new and changed records) instead of the base set.
 * The model and its calibration: bench/lib/dblp-model.ts; the figures it meets: bench/SCALE.md.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { createGzip } from "node:zlib";
import { DblpGenCounts, generateDblp } from "./lib/dblp-model";

function argument(args: string[], name: string, fallback?: string): string {
  const index = args.indexOf(name);
  if (index >= 0 && index + 1 < args.length) return args[index + 1];
  if (fallback !== undefined) return fallback;
  throw new Error(`dblp-gen: ${name} is required (usage: --records N --seed S --out FILE.xml.gz [--month K])`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const records = Number(argument(args, "--records").replace(/_/g, ""));
  const seed = Number(argument(args, "--seed", "1"));
  const month = Number(argument(args, "--month", "0"));
  const monthRecords = Number(argument(args, "--month-records", "50000"));
  const out = argument(args, "--out");
  if (!Number.isInteger(records) || records < 1) throw new Error("dblp-gen: --records must be a positive integer");
  if (!Number.isInteger(month) || month < 0) throw new Error("dblp-gen: --month must be 0 or more");
  const started = Date.now();
  const gzip = createGzip({ level: 6 });
  const file = createWriteStream(out);
  gzip.pipe(file);
  const counts: DblpGenCounts = { publications: 0, changed: 0, personPages: 0, byKind: {} };
  let bytes = 0;
  let lastLog = Date.now();
  for (const chunk of generateDblp({ records, seed, month, monthRecords }, counts)) {
    bytes += chunk.length;
    if (!gzip.write(chunk, "latin1")) await once(gzip, "drain");
    if (Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      const done = counts.publications + counts.changed;
      const target = month > 0 ? monthRecords : records;
      const rate = done / ((Date.now() - started) / 1000);
      const eta = rate > 0 ? Math.max(0, Math.round((target - done) / rate)) : NaN;
      console.error(
        `dblp-gen: ${done}/${target} records, ${(bytes / 2 ** 20).toFixed(0)} MiB of XML, ${Math.round(rate)} records/s, ETA ${eta} s`,
      );
    }
  }
  gzip.end();
  await once(file, "close");
  const seconds = (Date.now() - started) / 1000;
  const summary = {
    out,
    records,
    seed,
    month,
    written: counts,
    xmlMiB: Math.round(bytes / 2 ** 20),
    seconds,
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  console.log(JSON.stringify(summary));
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
