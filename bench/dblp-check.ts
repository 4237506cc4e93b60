/*
 * Measures the coauthor graph of a dblp XML file (gzipped or not) against the calibration targets of bench/SCALE.md:
 *
 *   node dist/bench/dblp-check.js FILE.xml.gz [--sources 300] [--seed 1]
 *
 * Prints one JSON object: records by kind, bylines, productivity, homonyms, unique ties, degrees, the largest
 * component and distances by BFS from seeded sources in it (bench/lib/dblp-graph-check.ts).
 */
import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import { measureDblpGraph } from "./lib/dblp-graph-check";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const file = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
  if (!file) throw new Error("usage: node dist/bench/dblp-check.js FILE.xml[.gz] [--sources 300] [--seed 1]");
  const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
  const started = Date.now();
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  const input = file.endsWith(".gz") ? raw.pipe(createGunzip({ chunkSize: 1 << 20 })) : raw;
  const figures = await measureDblpGraph(input, { sources: option("--sources", 300), seed: option("--seed", 1) });
  const totalSeconds = (Date.now() - started) / 1000;
  console.log(JSON.stringify({ file, ...figures, totalSeconds, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }, null, 1));
}

main().catch((error: unknown) => {
  console.error((error as Error).stack ?? String(error));
  process.exit(1);
});
