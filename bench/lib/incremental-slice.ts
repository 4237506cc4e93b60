import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";

/** Year of a CSL-JSON line, or -Infinity when it has none (such records are never "recent"). */
function yearOf(line: string): number {
  const match = /"issued"\s*:\s*\{\s*"date-parts"\s*:\s*\[\s*\[\s*(\d{4})/.exec(line);
  return match ? Number(match[1]) : -Infinity;
}

async function* lines(gzPath: string): AsyncGenerator<string> {
  const rl = createInterface({ input: createReadStream(gzPath).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of rl) if (line.trim()) yield line;
}

/**
 * Writes the most recent `fraction` of a CSL-JSON Lines file (by issued year, newest first; ties in file order)
 * to `outPath` as plain JSON Lines, in file order, and the rest (the older part) to `olderPath`. The years are whole
 * except the oldest one taken, which is cut to reach the fraction exactly. Two streaming passes (a year histogram,
 * then the copy), so memory stays flat.
 */
export async function writeRecentSlice(
  gzPath: string,
  outPath: string,
  fraction: number,
  olderPath: string,
): Promise<{ records: number; olderRecords: number; fromYear: number }> {
  const perYear = new Map<number, number>();
  let total = 0;
  for await (const line of lines(gzPath)) {
    const year = yearOf(line);
    perYear.set(year, (perYear.get(year) ?? 0) + 1);
    total += 1;
  }
  const wanted = Math.round(total * fraction);
  let remaining = wanted;
  let fromYear = Infinity;
  let quotaOfFromYear = 0;
  for (const year of [...perYear.keys()].sort((a, b) => b - a)) {
    if (remaining <= 0) break;
    fromYear = year;
    quotaOfFromYear = Math.min(remaining, perYear.get(year)!);
    remaining -= quotaOfFromYear;
  }
  let takenOfFromYear = 0;
  const older = createWriteStream(olderPath);
  async function* recent(): AsyncGenerator<string> {
    for await (const line of lines(gzPath)) {
      const year = yearOf(line);
      if (year > fromYear || (year === fromYear && takenOfFromYear++ < quotaOfFromYear)) yield `${line}\n`;
      else if (!older.write(`${line}\n`)) await once(older, "drain");
    }
    older.end();
    await once(older, "close");
  }
  await pipeline(Readable.from(recent()), createWriteStream(outPath));
  return { records: wanted - remaining, olderRecords: total - (wanted - remaining), fromYear };
}
