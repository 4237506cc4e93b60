/*
 * A seeded, dblp-shaped bibliography that can be made at any size (bench/dblp-gen.ts writes it as gzipped dblp XML).
 *
 * The model, in the order a record is made:
 * - Records are made in time order: record p of N has the year where the cumulative share of dblp's exponential growth
 *   (about 8.5% a year since 1950) reaches p/N. Record kinds follow dblp's shares (KIND_SHARES).
 * - People sit on a ring of ids; the ring grows with time (person i enters at about record i/AUTHORS_PER_RECORD), so
 *   early people have long careers. Each person has a productivity weight from a Pareto law (Lotka's law) and a
 *   research field (a block of neighbouring ids), which picks the venues.
 * - A byline: its size from BYLINE_SHARES with a Pareto tail (rare bylines in the hundreds); the lead author drawn by
 *   productivity; each further author is, with P_REPEAT, one of a member's recent coauthors (people who wrote together
 *   keep writing together), with P_LOCAL a neighbour on the ring at a Cauchy distance (same group, sometimes far), and
 *   otherwise anyone, by productivity.
 * - Names: a share of people get a common name ("Wei Wang"), and namesakes get dblp's homonym numbers ("Wei Wang 0001");
 *   the others a unique made-up family name. Non-ASCII letters are dblp's entities (&uuml;) or character references.
 * - Text (titles, pages, DOIs, keys) comes from a generator seeded by the record's number, so the structure can be
 *   replayed without writing text: the K-th monthly update replays the base set and the earlier months silently, then
 *   writes about MONTH_CHANGED changed records (same key, a new mdate and a new ee or ORCID) and the month's new ones.
 *
 * Memory is a few typed arrays per person (about 70 bytes each), never a record: the output is streamed.
 */
import { seededRandom } from "../../src/util/seeded-random";
import * as V from "./dblp-vocab";

/** The calibration knobs; bench/SCALE.md says which public figures each one is set against. */
export const CALIBRATION = {
  /** People per publication record: modern dblp has about 3.6M person pages for 7.5M publications (0.48). */
  authorsPerRecord: 0.55,
  /** Publication kinds and their shares of publication records (dblp's statistics page, rounded). */
  kindShares: [
    ["inproceedings", 0.455],
    ["article", 0.4055],
    ["corr", 0.1],
    ["incollection", 0.012],
    ["book", 0.0105],
    ["proceedings", 0.009],
    ["phdthesis", 0.0075],
    ["mastersthesis", 0.0005],
  ] as ReadonlyArray<readonly [string, number]>,
  /** Byline sizes 1..10; the rest (BYLINE_TAIL) is 11 and more, Pareto with BYLINE_TAIL_ALPHA, at most BYLINE_MAX. */
  bylineShares: [0.156, 0.25, 0.23, 0.16, 0.09, 0.05, 0.025, 0.014, 0.008, 0.005],
  bylineTailAlpha: 3.2,
  bylineMax: 600,
  /** Productivity: Pareto weights (tail index), capped at people^capExponent times the least productive person's. */
  productivityAlpha: 1.8,
  productivityCapExponent: 0.5,
  /** How a further author on a byline is found. */
  pRepeat: 0.8,
  pLocal: 0.185,
  /** Cauchy scale of the ring distance to a "local" coauthor (people). */
  localScale: 20,
  /** Recent coauthors remembered per person. */
  ringSize: 12,
  /** People per research field (neighbouring ids), and conference/journal streams per field. */
  fieldBlock: 1500,
  fields: 400,
  conferencesPerField: 12,
  journalsPerField: 5,
  /** Share of people with a common name (and so, often, a homonym number), and with an ORCID. */
  commonNameShare: 0.06,
  orcidShare: 0.15,
  firstYear: 1950,
  lastYear: 2025,
  growthPerYear: 0.085,
};

export const MONTH_RECORDS = 50_000;
export const MONTH_CHANGED = 5_000;

export interface DblpGenOptions {
  /** Publication records of the base set (person pages come on top, one per person who appears). */
  records: number;
  seed: number;
  /** 0 or absent: the base set. K ≥ 1: the K-th monthly update of that base set. */
  month?: number;
  /** Records per monthly update, new and changed together. */
  monthRecords?: number;
}

export interface DblpGenCounts {
  publications: number;
  changed: number;
  personPages: number;
  byKind: Record<string, number>;
}

const XML_HEAD = `<?xml version="1.0" encoding="ISO-8859-1"?>\n<!DOCTYPE dblp SYSTEM "dblp.dtd">\n<dblp>\n`;
const XML_TAIL = `</dblp>\n`;

/** The XML text in chunks of a few hundred records; `counts` is filled as it goes. */
export function* generateDblp(options: DblpGenOptions, counts?: DblpGenCounts): Generator<string> {
  const model = new DblpModel(options);
  const stats = counts ?? { publications: 0, changed: 0, personPages: 0, byKind: {} };
  yield XML_HEAD;
  let chunk = "";
  const flush = (force: boolean) => {
    if (chunk.length < 1 << 18 && !force) return undefined;
    const out = chunk;
    chunk = "";
    return out;
  };
  const month = options.month ?? 0;
  const monthRecords = options.monthRecords ?? MONTH_RECORDS;
  const monthNew = month > 0 ? monthRecords - Math.round((monthRecords * MONTH_CHANGED) / MONTH_RECORDS) : 0;
  const start = month > 0 ? options.records + (month - 1) * monthNew : 0;
  const end = month > 0 ? start + monthNew : options.records;
  const changeShare = month > 0 ? (monthRecords - monthNew) / start : 0;
  for (let p = 0; p < end; p++) {
    if (p === start && month > 0) model.firstSeenState = 2;
    const record = model.next();
    const writeNew = p >= start;
    const change = !writeNew && changeShare > 0 && unit(mix(p, 0x6368 + month, options.seed)) < changeShare;
    if (!writeNew && !change) continue;
    chunk += model.xml(record, change ? month : 0);
    stats.byKind[record.kind] = (stats.byKind[record.kind] ?? 0) + 1;
    if (change) stats.changed++;
    else stats.publications++;
    const out = flush(false);
    if (out) yield out;
  }
  for (const page of model.personPages(month > 0 ? 2 : 1)) {
    chunk += page;
    stats.personPages++;
    const out = flush(false);
    if (out) yield out;
  }
  yield flush(true)! + XML_TAIL;
}

/** murmur3's 32-bit finaliser over three words: a stateless hash for per-person and per-record choices. */
export function mix(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35) ^ Math.imul(c ^ 0x165667b1, 0x27d4eb2f);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
const unit = (h: number) => h / 4294967296;

interface GenRecord {
  p: number;
  kind: string;
  year: number;
  members: number[];
  venue: number;
}

const SALT_COMMON = 11;
const SALT_COMBO = 12;
const SALT_GIVEN = 13;
const SALT_MIDDLE = 14;
const SALT_ORCID = 15;
const SALT_TEXT = 16;

class DblpModel {
  private readonly c = CALIBRATION;
  private readonly rs: () => number;
  private readonly seed: number;
  private readonly n: number;
  private readonly pool: number;
  private readonly authorsAtN: number;
  private readonly aliasProb: Float64Array;
  private readonly aliasIndex: Int32Array;
  private readonly ring: Int32Array;
  private readonly ringCount: Uint8Array;
  private readonly ringNext: Uint8Array;
  /** 0 never on a byline, 1 seen before the written part, 2 first seen in it. */
  readonly seen: Uint8Array;
  /** Homonym number (0 for none), per person. */
  private readonly homonym: Uint16Array;
  private readonly kindCdf: number[];
  private readonly bylineCdf: number[];
  private p = 0;
  /** The `seen` state given to people first seen from now on. */
  firstSeenState = 1;
  private readonly growthSpan: number;

  constructor(options: DblpGenOptions) {
    this.seed = options.seed >>> 0;
    this.n = Math.max(1, options.records);
    this.rs = seededRandom(mix(this.seed, 1, 2));
    this.authorsAtN = Math.max(10, Math.round(this.n * this.c.authorsPerRecord));
    this.pool = Math.ceil(this.authorsAtN * 1.1);
    this.seen = new Uint8Array(this.pool);
    this.ring = new Int32Array(this.pool * this.c.ringSize);
    this.ringCount = new Uint8Array(this.pool);
    this.ringNext = new Uint8Array(this.pool);
    this.homonym = this.homonymNumbers();
    [this.aliasProb, this.aliasIndex] = this.aliasTable();
    this.kindCdf = cumulative(this.c.kindShares.map(([, share]) => share));
    this.bylineCdf = cumulative(this.c.bylineShares);
    this.growthSpan = Math.expm1(this.c.growthPerYear * (this.c.lastYear + 1 - this.c.firstYear));
  }

  /** The next record's structure (kind, year, byline, venue); consumes the structural generator only. */
  next(): GenRecord {
    const p = this.p++;
    const rs = this.rs;
    const kind = this.c.kindShares[pickCdf(this.kindCdf, rs())][0];
    const year = this.yearOf(p);
    const frontier = this.frontier(p);
    const lead = this.productive(frontier);
    const size = this.bylineSize(kind);
    const members = [lead];
    if (size > 1) this.fillByline(members, size, frontier);
    if (kind !== "proceedings") this.remember(members);
    if (kind !== "proceedings") for (const m of members) if (this.seen[m] === 0) this.seen[m] = this.firstSeenState;
    const field = Math.floor(lead / this.c.fieldBlock) % this.c.fields;
    const perField = kind === "inproceedings" || kind === "proceedings" ? this.c.conferencesPerField : this.c.journalsPerField;
    const venue = field + this.c.fields * Math.floor(perField * rs() * rs());
    return { p, kind: kind === "corr" && year < 1995 ? "article" : kind, year, members, venue };
  }

  private yearOf(p: number): number {
    if (p >= this.n) return this.c.lastYear + 1;
    const share = (p + 0.5) / this.n;
    return this.c.firstYear + Math.floor(Math.log1p(share * this.growthSpan) / this.c.growthPerYear);
  }

  private frontier(p: number): number {
    const reached = Math.round((this.authorsAtN * (p + 1)) / this.n);
    return Math.min(this.pool, Math.max(Math.min(this.pool, 50 + Math.round(this.authorsAtN * 0.02)), reached));
  }

  /** A person drawn by productivity among the first `frontier` (Vose's alias method, rejecting those not yet active). */
  private productive(frontier: number): number {
    for (let attempt = 0; attempt < 64; attempt++) {
      const u = this.rs() * this.pool;
      const i = Math.floor(u);
      const person = u - i < this.aliasProb[i] ? i : this.aliasIndex[i];
      if (person < frontier) return person;
    }
    return Math.floor(this.rs() * frontier);
  }

  private bylineSize(kind: string): number {
    const rs = this.rs;
    switch (kind) {
      case "phdthesis":
      case "mastersthesis":
        return 1;
      case "book":
        return 1 + Math.floor(3 * rs() * rs());
      case "proceedings":
        return 1 + Math.floor(4 * rs());
    }
    const index = pickCdf(this.bylineCdf, rs());
    if (index < this.c.bylineShares.length) return index + 1;
    const tail = Math.floor(11 * Math.pow(1 - rs(), -1 / this.c.bylineTailAlpha));
    return Math.min(this.c.bylineMax, tail);
  }

  private fillByline(members: number[], size: number, frontier: number): void {
    const rs = this.rs;
    const lead = members[0];
    const big = size > 25;
    const chosen = big ? new Set<number>(members) : undefined;
    const has = (x: number) => (chosen ? chosen.has(x) : members.includes(x));
    const scale = big ? size * 2 : this.c.localScale;
    const pRepeat = big ? 0.25 : this.c.pRepeat;
    const pLocal = big ? 0.74 : this.c.pLocal;
    let attempts = 0;
    while (members.length < size && attempts++ < size * 8) {
      const r = rs();
      let candidate = -1;
      if (r < pRepeat) {
        const from = members.length === 1 || rs() < 0.5 ? lead : members[Math.floor(rs() * members.length)];
        const count = this.ringCount[from];
        if (count > 0) candidate = this.ring[from * this.c.ringSize + Math.floor(rs() * count)];
      } else if (r < pRepeat + pLocal) {
        const offset = Math.round(scale * Math.tan(Math.PI * (rs() - 0.5)));
        candidate = (((lead + (Number.isFinite(offset) ? offset % frontier : 0)) % frontier) + frontier) % frontier;
      } else {
        candidate = this.productive(frontier);
      }
      if (candidate < 0 || has(candidate)) continue;
      members.push(candidate);
      chosen?.add(candidate);
    }
  }

  /** Each member remembers up to 6 of the others (all of them on small bylines), newest first out of the ring. */
  private remember(members: number[]): void {
    const k = members.length;
    if (k < 2) return;
    const R = this.c.ringSize;
    const keep = Math.min(k - 1, 6);
    for (let a = 0; a < k; a++) {
      const m = members[a];
      for (let j = 1; j <= keep; j++) {
        const other = members[(a + (k <= 7 ? j : 1 + Math.floor(this.rs() * (k - 1)))) % k];
        const slot = this.ringNext[m];
        this.ring[m * R + slot] = other;
        this.ringNext[m] = (slot + 1) % R;
        if (this.ringCount[m] < R) this.ringCount[m]++;
      }
    }
  }

  private aliasTable(): [Float64Array, Int32Array] {
    const n = this.pool;
    const weights = new Float64Array(n);
    const rw = seededRandom(mix(this.seed, 3, 4));
    let total = 0;
    const cap = Math.pow(n, this.c.productivityCapExponent);
    for (let i = 0; i < n; i++) {
      weights[i] = Math.min(cap, Math.pow(1 - rw(), -1 / this.c.productivityAlpha));
      total += weights[i];
    }
    const prob = new Float64Array(n);
    const alias = new Int32Array(n);
    const small = new Int32Array(n);
    const large = new Int32Array(n);
    let ns = 0;
    let nl = 0;
    for (let i = 0; i < n; i++) {
      weights[i] = (weights[i] * n) / total;
      if (weights[i] < 1) small[ns++] = i;
      else large[nl++] = i;
    }
    while (ns > 0 && nl > 0) {
      const s = small[--ns];
      const l = large[--nl];
      prob[s] = weights[s];
      alias[s] = l;
      weights[l] = weights[l] + weights[s] - 1;
      if (weights[l] < 1) small[ns++] = l;
      else large[nl++] = l;
    }
    while (nl > 0) prob[large[--nl]] = 1;
    while (ns > 0) prob[small[--ns]] = 1;
    return [prob, alias];
  }

  private isCommon(i: number): boolean {
    return unit(mix(i, SALT_COMMON, this.seed)) < this.c.commonNameShare;
  }

  private commonCombo(i: number): number {
    // weight 1/sqrt(rank) for given and family names alike: "Wei Wang" is the largest homonym group.
    const h = mix(i, SALT_COMBO, this.seed);
    const g = Math.floor(V.COMMON_GIVEN.length * Math.pow(unit(h & 0xffff0000) + 1 / 131072, 2));
    const f = Math.floor(V.COMMON_FAMILY.length * Math.pow(unit((h << 16) >>> 0) + 1 / 131072, 2));
    return Math.min(g, V.COMMON_GIVEN.length - 1) * V.COMMON_FAMILY.length + Math.min(f, V.COMMON_FAMILY.length - 1);
  }

  /** Namesakes are numbered 0001, 0002… in id order; the first keeps the plain name (dblp's undisambiguated page). */
  private homonymNumbers(): Uint16Array {
    const counts = new Int32Array(V.COMMON_GIVEN.length * V.COMMON_FAMILY.length);
    const numbers = new Uint16Array(this.pool);
    for (let i = 0; i < this.pool; i++) {
      if (!this.isCommon(i)) continue;
      const combo = this.commonCombo(i);
      numbers[i] = Math.min(9999, counts[combo]++);
    }
    return numbers;
  }

  name(i: number): string {
    if (this.isCommon(i)) {
      const combo = this.commonCombo(i);
      const given = V.COMMON_GIVEN[Math.floor(combo / V.COMMON_FAMILY.length)];
      const family = V.COMMON_FAMILY[combo % V.COMMON_FAMILY.length];
      const number = this.homonym[i];
      return number > 0 ? `${given} ${family} ${String(number).padStart(4, "0")}` : `${given} ${family}`;
    }
    const h = mix(i, SALT_GIVEN, this.seed);
    const givens = h & 1 ? V.MORE_GIVEN : V.COMMON_GIVEN;
    const given = givens[(h >>> 1) % givens.length];
    const m = mix(i, SALT_MIDDLE, this.seed);
    const middle = m % 5 === 0 ? ` ${String.fromCharCode(65 + ((m >>> 8) % 26))}.` : "";
    return `${given}${middle} ${familyName(i)}`;
  }

  private orcid(i: number): string | undefined {
    if (unit(mix(i, SALT_ORCID, this.seed)) >= this.c.orcidShare) return undefined;
    const h = mix(i, SALT_ORCID + 1, this.seed);
    const digits = `000${(h % 4) + 1}${String(mix(i, SALT_ORCID + 2, this.seed) % 100_000_000).padStart(8, "0")}`.slice(0, 15);
    return formatOrcid(digits);
  }

  private authorXml(i: number, tag: string, withOrcid: boolean): string {
    const orcid = withOrcid ? this.orcid(i) : undefined;
    return orcid ? `<${tag} orcid="${orcid}">${this.name(i)}</${tag}>\n` : `<${tag}>${this.name(i)}</${tag}>\n`;
  }

  /** One record as dblp writes it (fields in dblp's order); `month` > 0 writes it as changed in that month. */
  xml(r: GenRecord, month: number): string {
    const rt = seededRandom(mix(r.p, SALT_TEXT, this.seed));
    const yy = String(r.year % 100).padStart(2, "0");
    const tag = keyTag(this.name(r.members[0]));
    const serial = base26(r.p);
    const firstMdate = mdateOf(r.year, rt); // drawn in any case, so a changed record keeps the rest of its text
    const mdate = month > 0 ? monthDate(month) : firstMdate;
    const withOrcid = r.year >= 2010 || month > 0;
    const authors = (t: string) => r.members.map((m) => this.authorXml(m, t, withOrcid)).join("");
    const title = titleText(rt);
    const doiShare = r.year >= 2000 ? 0.88 : r.year >= 1990 ? 0.7 : 0.5;
    const hasDoi = rt() < doiShare;
    const prefix = V.PUBLISHER_PREFIXES[Math.floor(rt() * V.PUBLISHER_PREFIXES.length)];
    const firstPage = 1 + Math.floor(rt() * 900);
    const pages = `${firstPage}-${firstPage + 1 + Math.floor(rt() * 20)}`;
    let ee = "";
    const stream = r.kind === "inproceedings" || r.kind === "proceedings" ? conferenceStream(r.venue) : journalStream(r.venue);
    if (hasDoi) ee += `<ee>https://doi.org/${prefix}/${stream}.${r.year}.${r.p.toString(36)}</ee>\n`;
    if (!hasDoi || rt() < 0.08) ee += `<ee>https://www.example-${stream}.org/paper/${r.year}/${r.p.toString(36)}</ee>\n`;
    if (month > 0) ee += `<ee type="oa">https://arxiv.org/abs/${yy}01.${String(r.p % 100000).padStart(5, "0")}</ee>\n`;
    switch (r.kind) {
      case "inproceedings": {
        const workshop = rt() < 0.04;
        const volume = rt() < 0.1 ? ` (${1 + Math.floor(rt() * 3)})` : "";
        const booktitle = workshop ? `${stream.toUpperCase()} Workshops` : stream.toUpperCase() + volume;
        const key = `conf/${stream}/${tag}${yy}${serial}`;
        return (
          `<inproceedings mdate="${mdate}" key="${key}">\n${authors("author")}<title>${title}</title>\n<pages>${pages}</pages>\n` +
          `<year>${r.year}</year>\n<booktitle>${booktitle}</booktitle>\n${ee}<crossref>conf/${stream}/${r.year}</crossref>\n` +
          `<url>db/conf/${stream}/${stream}${r.year}.html#${tag}${yy}${serial}</url>\n</inproceedings>\n`
        );
      }
      case "article": {
        const key = `journals/${stream}/${tag}${yy}${serial}`;
        const volume = Math.max(1, r.year - 1960 + (r.venue % 20));
        return (
          `<article mdate="${mdate}" key="${key}">\n${authors("author")}<title>${title}</title>\n<pages>${pages}</pages>\n` +
          `<year>${r.year}</year>\n<volume>${volume}</volume>\n<journal>${journalName(r.venue)}</journal>\n` +
          `<number>${1 + Math.floor(rt() * 12)}</number>\n${ee}<url>db/journals/${stream}/${stream}${volume}.html#${tag}${yy}${serial}</url>\n</article>\n`
        );
      }
      case "corr": {
        const id = `${yy}${String(1 + (r.p % 12)).padStart(2, "0")}.${String(r.p).padStart(5, "0")}`;
        const key = `journals/corr/abs-${id.replace(".", "-")}`;
        return (
          `<article mdate="${mdate}" key="${key}" publtype="informal">\n${authors("author")}<title>${title}</title>\n` +
          `<year>${r.year}</year>\n<volume>abs/${id}</volume>\n<journal>CoRR</journal>\n` +
          `<ee type="oa">https://arxiv.org/abs/${id}</ee>\n` +
          (month > 0 ? `<ee>https://doi.org/10.48550/arXiv.${id}</ee>\n` : "") +
          `<url>db/journals/corr/corr${id.slice(0, 4)}.html#abs-${id.replace(".", "-")}</url>\n</article>\n`
        );
      }
      case "incollection": {
        const key = `reference/${stream}/${tag}${yy}${serial}`;
        return (
          `<incollection mdate="${mdate}" key="${key}" publtype="encyclopedia">\n${authors("author")}<title>${title}</title>\n` +
          `<pages>${pages}</pages>\n<year>${r.year}</year>\n<booktitle>Encyclopedia of ${capitalise(titleWord(rt))} ${capitalise(titleWord(rt))}</booktitle>\n` +
          `${ee}<url>db/reference/${stream}/${stream}${r.year}.html#${tag}${yy}${serial}</url>\n</incollection>\n`
        );
      }
      case "book": {
        const key = `books/${stream.slice(0, 3)}/${tag}${yy}${serial}`;
        const publisher = V.PUBLISHERS[Math.floor(rt() * V.PUBLISHERS.length)];
        return (
          `<book mdate="${mdate}" key="${key}">\n${authors("author")}<title>${title}</title>\n<publisher>${publisher}</publisher>\n` +
          `<year>${r.year}</year>\n<isbn>${isbn(rt)}</isbn>\n${ee}</book>\n`
        );
      }
      case "phdthesis":
      case "mastersthesis": {
        const key = `${r.kind === "phdthesis" ? "phd" : "ms"}/${tag}${yy}${serial}`;
        const school = V.SCHOOLS[Math.floor(rt() * V.SCHOOLS.length)];
        return (
          `<${r.kind} mdate="${mdate}" key="${key}">\n${authors("author")}<title>${title}</title>\n<school>${school}</school>\n` +
          `<year>${r.year}</year>\n${ee}</${r.kind}>\n`
        );
      }
      default: {
        // proceedings: a volume's front record; its people are editors, not authors.
        const key = `conf/${stream}/${r.year}${serial}`;
        const publisher = V.PUBLISHERS[Math.floor(rt() * V.PUBLISHERS.length)];
        return (
          `<proceedings mdate="${mdate}" key="${key}">\n${authors("editor")}<title>Proceedings of the ${ordinal(1 + Math.max(0, r.year - 1970 - (r.venue % 20)))} ` +
          `International Conference ${stream.toUpperCase()} ${r.year}</title>\n<booktitle>${stream.toUpperCase()}</booktitle>\n` +
          `<publisher>${publisher}</publisher>\n<year>${r.year}</year>\n<isbn>${isbn(rt)}</isbn>\n${ee}` +
          `<url>db/conf/${stream}/${stream}${r.year}.html</url>\n</proceedings>\n`
        );
      }
    }
  }

  /** Person pages (www) of the people seen with state `state` (1: the base set, 2: first seen in a monthly update). */
  *personPages(state: number): Generator<string> {
    for (let i = 0; i < this.pool; i++) {
      if (this.seen[i] !== state) continue;
      const orcid = this.orcid(i);
      const number = this.homonym[i];
      let page = `<www mdate="2025-0${1 + (i % 9)}-1${i % 10}" key="homepages/${i % 997}/${i.toString(36)}">\n<author>${this.name(i)}</author>\n<title>Home Page</title>\n`;
      if (orcid) page += `<url type="orcid">https://orcid.org/${orcid}</url>\n`;
      if (number > 0) page += `<note type="affiliation">${V.SCHOOLS[i % V.SCHOOLS.length]}</note>\n`;
      yield `${page}</www>\n`;
    }
  }
}

function cumulative(shares: readonly number[]): number[] {
  const out: number[] = [];
  let sum = 0;
  for (const s of shares) out.push((sum += s));
  return out;
}

function pickCdf(cdf: readonly number[], u: number): number {
  for (let i = 0; i < cdf.length; i++) if (u < cdf[i]) return i;
  return cdf.length;
}

/** A unique family name per person number: a first syllable, then the base-48 digits of the number as syllables. */
export function familyName(i: number): string {
  let name = V.FIRST_SYLLABLES[i % V.FIRST_SYLLABLES.length];
  let rest = Math.floor(i / V.FIRST_SYLLABLES.length);
  let digits = 0;
  while (digits < 2 || rest > 0) {
    name += V.SYLLABLES[rest % V.SYLLABLES.length];
    rest = Math.floor(rest / V.SYLLABLES.length);
    digits++;
  }
  return name;
}

/** dblp key tags are ASCII: the family name's letters, entities reduced to their base letter. */
function keyTag(name: string): string {
  const family = name
    .replace(/ \d{4}$/, "")
    .split(" ")
    .pop()!;
  return family
    .replace(/&([A-Za-z])[a-z]*;/g, "$1")
    .replace(/&#\d+;/g, "")
    .replace(/[^A-Za-z]/g, "")
    .slice(0, 12);
}

function base26(n: number): string {
  let s = "";
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  } while (n > 0);
  return s;
}

function conferenceStream(venue: number): string {
  return venue < V.KNOWN_CONFERENCES.length
    ? V.KNOWN_CONFERENCES[venue]
    : `${["ic", "e", "s", "w", "a", "iw"][venue % 6]}${letters(venue)}`;
}

function journalStream(venue: number): string {
  return venue < V.KNOWN_JOURNALS.length ? V.KNOWN_JOURNALS[venue] : `j${letters(venue)}`;
}

function journalName(venue: number): string {
  const head = V.JOURNAL_HEADS[venue % V.JOURNAL_HEADS.length];
  const topic = V.JOURNAL_TOPICS[Math.floor(venue / V.JOURNAL_HEADS.length) % V.JOURNAL_TOPICS.length];
  return `${head} ${capitalise(letters(venue))} ${topic}`;
}

/** Consonant-vowel letters for a number (bijective), so made-up acronyms never clash. */
function letters(n: number): string {
  const consonants = "bcdfgklmnprstvz";
  const vowels = "aeiou";
  let s = "";
  do {
    s += consonants[n % 15] + vowels[Math.floor(n / 15) % 5];
    n = Math.floor(n / 75);
  } while (n > 0);
  return s;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function titleWord(rt: () => number): string {
  return V.TITLE_WORDS[Math.floor(rt() * V.TITLE_WORDS.length)];
}

/** 5 to 13 words with dblp's closing period; now and then markup or an entity, as in real dblp titles. */
function titleText(rt: () => number): string {
  const words = 5 + Math.floor(rt() * rt() * 9);
  const parts: string[] = [];
  for (let w = 0; w < words; w++)
    parts.push(w > 1 && w < words - 1 && rt() < 0.15 ? V.TITLE_LINKS[Math.floor(rt() * V.TITLE_LINKS.length)] : titleWord(rt));
  const u = rt();
  if (u < 0.01) parts.splice(1, 0, "<i>k</i>-means");
  else if (u < 0.015) parts.push("in O(<i>n</i> log <i>n</i>)");
  else if (u < 0.02) parts.splice(1, 0, "Na&iuml;ve");
  else if (u < 0.025) parts.push("for CO<sub>2</sub> Monitoring");
  else if (u < 0.03) parts.push("(3&times;3)");
  const text = capitalise(parts.join(" "));
  return rt() < 0.04 ? `${text}?` : `${text}.`;
}

function mdateOf(year: number, rt: () => number): string {
  const y = Math.min(2025, Math.max(2017, year + 1 + Math.floor(rt() * 3)));
  return `${y}-${String(1 + Math.floor(rt() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rt() * 28)).padStart(2, "0")}`;
}

function monthDate(month: number): string {
  const m = month - 1;
  return `${2026 + Math.floor(m / 12)}-${String(1 + (m % 12)).padStart(2, "0")}-01`;
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${s}`;
}

function isbn(rt: () => number): string {
  return `978-3-${String(Math.floor(rt() * 100000)).padStart(5, "0")}-${String(Math.floor(rt() * 1000)).padStart(3, "0")}-${Math.floor(rt() * 10)}`;
}

/** ORCID iD from 15 digits, with its ISO 7064 MOD 11-2 check character. */
function formatOrcid(digits: string): string {
  let total = 0;
  for (const d of digits) total = (total + Number(d)) * 2;
  const check = (12 - (total % 11)) % 11;
  const all = digits + (check === 10 ? "X" : String(check));
  return `${all.slice(0, 4)}-${all.slice(4, 8)}-${all.slice(8, 12)}-${all.slice(12, 16)}`;
}
