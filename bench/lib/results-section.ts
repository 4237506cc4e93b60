import { existsSync, readFileSync, writeFileSync } from "node:fs";

/*
 * Sections of bench/RESULTS.md that a benchmark other than `npm run bench` owns (load, fault): kept between
 * `<!-- section:NAME -->` and `<!-- /section:NAME -->`, replaced in place by their own benchmark, and carried over
 * unchanged when `npm run bench` rewrites the rest of the file.
 */

const begin = (name: string) => `<!-- section:${name} -->`;
const end = (name: string) => `<!-- /section:${name} -->`;
const ANY_SECTION = /<!-- section:([\w-]+) -->[\s\S]*?<!-- \/section:\1 -->/g;

/** Every owned section of `text`, markers included, in order. */
export function ownedSections(text: string): string[] {
  return [...text.matchAll(ANY_SECTION)].map((m) => m[0]);
}

/** `text` with section `name` set to `body` (appended at the end when it is new). */
export function withSection(text: string, name: string, body: string): string {
  const block = `${begin(name)}\n${body.trim()}\n${end(name)}`;
  const at = text.indexOf(begin(name));
  const to = text.indexOf(end(name));
  if (at >= 0 && to > at) return text.slice(0, at) + block + text.slice(to + end(name).length);
  return `${text.trimEnd()}\n\n${block}\n`;
}

export function writeSection(file: string, name: string, body: string): void {
  const text = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmark results\n";
  writeFileSync(file, withSection(text, name, body));
}
