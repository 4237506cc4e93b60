/*
 * The coauthor graph of a dblp XML file, measured in one streaming pass plus the graph in typed arrays: record kinds,
 * bylines, productivity, unique ties, degrees, the largest component, and distances by BFS from seeded sources.
 * It reads dblp's line layout (one field per line, as dblp.xml and bench/dblp-gen.ts write it), not any XML: it is a
 * yardstick for the generated set, not an importer. Author names are compared as written (entities undecoded).
 */
import { detached } from "../../import/bulk/detached";
import { seededRandom } from "../../src/util/seeded-random";

export interface DblpGraphFigures {
  records: Record<string, number>;
  publications: number;
  personPages: number;
  withDoi: number;
  years: { first: number; last: number; medianYear: number; perDecade: Record<string, number> };
  authors: number;
  authorships: number;
  numberedAuthors: number;
  largestHomonymGroup: { name: string; people: number };
  namesWithEntities: number;
  byline: { mean: number; solo: number; max: number; atLeast100: number; atLeast30: number };
  papersPerAuthor: { mean: number; median: number; p99: number; max: number; onePaper: number };
  pairOccurrences: number;
  ties: number;
  tieMultiplicity: number;
  degree: {
    mean: number;
    median: number;
    p90: number;
    p99: number;
    p999: number;
    max: number;
    isolated: number;
    histogram: Record<string, number>;
  };
  largestComponent: { authors: number; share: number };
  distance: { sources: number; pairs: number; mean: number; median: number; p90: number; max: number };
  seconds: { read: number; graph: number; bfs: number };
}

const PUBLICATION_KINDS = new Set(["article", "inproceedings", "incollection", "book", "phdthesis", "mastersthesis", "data"]);
const RECORD_OPEN = /^<(article|inproceedings|proceedings|incollection|book|phdthesis|mastersthesis|www|person|data)\s/;
const KEY_SHIFT = 2 ** 26;

class PairBuffer {
  private chunks: Float64Array[] = [];
  private current = new Float64Array(1 << 22);
  private used = 0;
  count = 0;
  push(key: number): void {
    if (this.used === this.current.length) {
      this.chunks.push(this.current);
      this.current = new Float64Array(1 << 22);
      this.used = 0;
    }
    this.current[this.used++] = key;
    this.count++;
  }
  /** All keys in one sorted array (the chunks are released as they are copied). */
  sorted(): Float64Array {
    const all = new Float64Array(this.count);
    let offset = 0;
    for (const chunk of this.chunks) {
      all.set(chunk, offset);
      offset += chunk.length;
    }
    all.set(this.current.subarray(0, this.used), offset);
    this.chunks = [];
    this.current = new Float64Array(0);
    return all.sort();
  }
}

export async function measureDblpGraph(
  input: AsyncIterable<Buffer | string>,
  options: { sources: number; seed: number },
): Promise<DblpGraphFigures> {
  const started = Date.now();
  const ids = new Map<string, number>();
  const paperCount: number[] = [];
  const records: Record<string, number> = {};
  const pairs = new PairBuffer();
  const decade: Record<string, number> = {};
  const yearCounts = new Map<number, number>();
  let kind = "";
  let byline: number[] = [];
  let bylineTotal = 0;
  let publications = 0;
  let solo = 0;
  let maxByline = 0;
  let atLeast100 = 0;
  let atLeast30 = 0;
  let withDoi = 0;
  let hasDoi = false;
  let year = 0;
  let rest = "";

  const endRecord = () => {
    if (PUBLICATION_KINDS.has(kind)) {
      publications++;
      if (hasDoi) withDoi++;
      if (year) yearCounts.set(year, (yearCounts.get(year) ?? 0) + 1);
      const people = [...new Set(byline)];
      const k = people.length;
      bylineTotal += k;
      if (k === 1) solo++;
      if (k > maxByline) maxByline = k;
      if (k >= 100) atLeast100++;
      if (k >= 30) atLeast30++;
      for (const a of people) paperCount[a]++;
      for (let i = 0; i < k; i++)
        for (let j = i + 1; j < k; j++) {
          const a = people[i];
          const b = people[j];
          pairs.push(a < b ? a * KEY_SHIFT + b : b * KEY_SHIFT + a);
        }
    }
    kind = "";
    byline = [];
    hasDoi = false;
    year = 0;
  };

  const line = (text: string) => {
    if (text.length < 3 || text.charCodeAt(0) !== 60) return;
    if (kind === "") {
      const open = RECORD_OPEN.exec(text);
      if (open) {
        kind = open[1] === "article" && text.includes('key="journals/corr/') ? "article" : open[1];
        records[kind] = (records[kind] ?? 0) + 1;
      }
      return;
    }
    if (text.startsWith("<author")) {
      if (kind === "www" || kind === "person") return;
      const start = text.indexOf(">") + 1;
      const end = text.indexOf("</author>", start);
      const name = text.slice(start, end < 0 ? undefined : end);
      let id = ids.get(name);
      if (id === undefined) {
        id = ids.size;
        // A copy of its own: the name is a slice of the 1 MiB read chunk, and a kept slice keeps the chunk (at 8M
        // records the whole XML stayed in the heap and Node's 4 GB limit stopped the check after a minute).
        ids.set(detached(name), id);
        paperCount.push(0);
      }
      byline.push(id);
    } else if (text.startsWith("<year>")) {
      year = Number(text.slice(6, 10));
    } else if (text.startsWith("<ee") && text.includes("doi.org/")) {
      hasDoi = true;
    } else if (text.startsWith(`</${kind}>`)) {
      endRecord();
    }
  };

  for await (const chunk of input) {
    const text = rest + (typeof chunk === "string" ? chunk : chunk.toString("latin1"));
    let from = 0;
    for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", from)) {
      line(text.slice(from, nl).trim());
      from = nl + 1;
    }
    rest = text.slice(from);
  }
  line(rest.trim());
  const readSeconds = (Date.now() - started) / 1000;

  // Names: homonym numbers and entities.
  const groups = new Map<string, number>();
  let numberedAuthors = 0;
  let namesWithEntities = 0;
  for (const name of ids.keys()) {
    if (name.includes("&")) namesWithEntities++;
    const numbered = / \d{4}$/.test(name);
    if (numbered) numberedAuthors++;
    const base = numbered ? name.slice(0, -5) : name;
    groups.set(base, (groups.get(base) ?? 0) + 1);
  }
  let largestGroup = { name: "", people: 0 };
  for (const [name, people] of groups) if (people > largestGroup.people) largestGroup = { name, people };
  groups.clear();

  // Unique ties, degrees, then the graph as CSR.
  const graphStarted = Date.now();
  const n = ids.size;
  ids.clear();
  const sorted = pairs.sorted();
  const degree = new Int32Array(n);
  let ties = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) continue;
    ties++;
    const a = Math.floor(sorted[i] / KEY_SHIFT);
    degree[a]++;
    degree[sorted[i] - a * KEY_SHIFT]++;
  }
  const offsets = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) offsets[v + 1] = offsets[v] + degree[v];
  const fill = offsets.slice(0, n);
  const adjacency = new Int32Array(ties * 2);
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) continue;
    const a = Math.floor(sorted[i] / KEY_SHIFT);
    const b = sorted[i] - a * KEY_SHIFT;
    adjacency[fill[a]++] = b;
    adjacency[fill[b]++] = a;
  }
  const pairOccurrences = sorted.length;

  // Components (BFS labelling) and the largest.
  const component = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let largest = -1;
  let largestSize = 0;
  for (let s = 0, label = 0; s < n; s++) {
    if (component[s] >= 0) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    component[s] = label;
    while (head < tail) {
      const v = queue[head++];
      for (let e = offsets[v]; e < offsets[v + 1]; e++) {
        const w = adjacency[e];
        if (component[w] < 0) {
          component[w] = label;
          queue[tail++] = w;
        }
      }
    }
    if (tail > largestSize) {
      largestSize = tail;
      largest = label;
    }
    label++;
  }
  const graphSeconds = (Date.now() - graphStarted) / 1000;

  // Distances: BFS from seeded sources in the largest component, over every node it reaches.
  const bfsStarted = Date.now();
  const random = seededRandom(options.seed);
  const distanceCounts: number[] = [];
  const dist = new Int32Array(n).fill(-1);
  let sources = 0;
  for (let tries = 0; sources < options.sources && tries < options.sources * 1000 && largestSize > 1; tries++) {
    const s = Math.floor(random() * n);
    if (component[s] !== largest) continue;
    sources++;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    dist[s] = 0;
    while (head < tail) {
      const v = queue[head++];
      const d = dist[v] + 1;
      for (let e = offsets[v]; e < offsets[v + 1]; e++) {
        const w = adjacency[e];
        if (dist[w] < 0) {
          dist[w] = d;
          distanceCounts[d] = (distanceCounts[d] ?? 0) + 1;
          queue[tail++] = w;
        }
      }
    }
    for (let i = 0; i < tail; i++) dist[queue[i]] = -1;
  }
  const bfsSeconds = (Date.now() - bfsStarted) / 1000;

  const reachedPairs = distanceCounts.reduce((sum, c) => sum + (c ?? 0), 0);
  const distanceQuantile = (q: number) => {
    let seen = 0;
    for (let d = 1; d < distanceCounts.length; d++) {
      seen += distanceCounts[d] ?? 0;
      if (seen >= q * reachedPairs) return d;
    }
    return distanceCounts.length - 1;
  };
  const meanDistance = distanceCounts.reduce((sum, c, d) => sum + (c ?? 0) * d, 0) / Math.max(1, reachedPairs);

  const degrees = Int32Array.from(degree).sort();
  const counts = Int32Array.from(paperCount).sort();
  const quantile = (a: Int32Array, q: number) => (a.length === 0 ? 0 : a[Math.min(a.length - 1, Math.floor(q * a.length))]);
  const histogram: Record<string, number> = {};
  for (const d of degrees) {
    const bin = d === 0 ? "0" : `${2 ** Math.floor(Math.log2(d))}-${2 ** (Math.floor(Math.log2(d)) + 1) - 1}`;
    histogram[bin] = (histogram[bin] ?? 0) + 1;
  }
  const years = [...yearCounts.keys()].sort((a, b) => a - b);
  let cumulative = 0;
  let medianYear = 0;
  for (const y of years) {
    cumulative += yearCounts.get(y)!;
    decade[`${Math.floor(y / 10) * 10}s`] = (decade[`${Math.floor(y / 10) * 10}s`] ?? 0) + yearCounts.get(y)!;
    if (!medianYear && cumulative >= publications / 2) medianYear = y;
  }
  const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
  return {
    records,
    publications,
    personPages: records.www ?? 0,
    withDoi,
    years: { first: years[0] ?? 0, last: years[years.length - 1] ?? 0, medianYear, perDecade: decade },
    authors: n,
    authorships: bylineTotal,
    numberedAuthors,
    largestHomonymGroup: largestGroup,
    namesWithEntities,
    byline: { mean: round(bylineTotal / Math.max(1, publications)), solo, max: maxByline, atLeast100, atLeast30 },
    papersPerAuthor: {
      mean: round(bylineTotal / Math.max(1, n)),
      median: quantile(counts, 0.5),
      p99: quantile(counts, 0.99),
      max: counts[counts.length - 1] ?? 0,
      onePaper: counts.filter((c) => c === 1).length,
    },
    pairOccurrences,
    ties,
    tieMultiplicity: round(pairOccurrences / Math.max(1, ties)),
    degree: {
      mean: round((2 * ties) / Math.max(1, n)),
      median: quantile(degrees, 0.5),
      p90: quantile(degrees, 0.9),
      p99: quantile(degrees, 0.99),
      p999: quantile(degrees, 0.999),
      max: degrees[degrees.length - 1] ?? 0,
      isolated: degrees.filter((d) => d === 0).length,
      histogram,
    },
    largestComponent: { authors: largestSize, share: round(largestSize / Math.max(1, n), 4) },
    distance: {
      sources,
      pairs: reachedPairs,
      mean: round(meanDistance),
      median: distanceQuantile(0.5),
      p90: distanceQuantile(0.9),
      max: distanceCounts.length - 1,
    },
    seconds: { read: round(readSeconds, 1), graph: round(graphSeconds, 1), bfs: round(bfsSeconds, 1) },
  };
}
