import { Rng } from "./random";

/**
 * Random import cases for the differential test of the online import against `import --bulk`
 * (test/integration/import/import-differential.test.ts). A case is a few small files in mixed formats, imported in
 * some order, some of them twice (generateCase). Everything is drawn from small pools so that identities collide:
 * spellings that share a nameKey, namesakes with and without person keys (dblp homonym numbers, ACL ids, ORCIDs),
 * one paper seen by DOI and by title and year, DOI-less records, papers without year or venue, long bylines.
 * The model says what a record means; render.ts writes it in each format's own syntax.
 */

export type DiffFormat = "csl-json" | "dblp-xml" | "bibtex" | "acl-xml" | "acl-author-page";

/** One person mention in a byline. Each format uses what it can express (bibtex and author pages: the name only). */
export interface Mention {
  first: string;
  last: string;
  /** dblp homonym number ("0001"), or none: dblp's person key is the name with it. */
  dblpNumber: string | null;
  /** ACL `<author id>`. */
  aclId: string | null;
  /** The person key in CSL, an attribute in dblp and ACL XML. */
  orcid: string | null;
  /** How BibTeX writes it: "Last, First", TeX escapes for accents. */
  lastFirst: boolean;
  tex: boolean;
}

export interface GenVenue {
  name: string;
  acronym: string | null;
  journal: boolean;
}

export interface GenRecord {
  /** Unique within the case; each format builds its source key from it. */
  serial: number;
  title: string;
  year: number | null;
  /** As written in the source: any case, maybe with a resolver prefix. */
  doi: string | null;
  url: string | null;
  abstract: string | null;
  pages: string | null;
  venue: GenVenue | null;
  authors: Mention[];
}

export interface GenFile {
  name: string;
  format: DiffFormat;
  records: GenRecord[];
}

export interface GenCase {
  seed: number;
  files: GenFile[];
  /** Indices into files, in import order; a file may come twice (a re-import). */
  order: number[];
  batchSize: number;
}

/**
 * Spellings of one person's name that share a nameKey (case, diacritics, NFD, full-width and mathematical letters
 * that NFKD folds). Some groups differ only by what NFKD keeps (ø) or by punctuation: those must stay apart.
 * Private-use and astral letters make UTF-16 order and code-point order disagree, as Cypher and JS may.
 */
const NAME_GROUPS: ReadonlyArray<{ slug: string; spellings: Array<[string, string]> }> = [
  {
    slug: "wei-xiong",
    spellings: [
      ["Wei", "Xiong"],
      ["WEI", "XIONG"],
      ["wei", "xiong"],
      ["Ｗei", "Xiong"],
    ],
  },
  {
    slug: "veronique-hoste",
    spellings: [
      ["Véronique", "Hoste"],
      ["Veronique", "Hoste"],
      ["Ve\u0301ronique", "Hoste"],
      ["VÉRONIQUE", "Hoste"],
    ],
  },
  {
    slug: "tien-tsin-wong",
    spellings: [
      ["Tien-Tsin", "Wong"],
      ["tien-tsin", "Wong"],
    ],
  },
  {
    slug: "jose-perez",
    spellings: [
      ["José María", "Pérez"],
      ["Jose Maria", "Perez"],
      ["José María", "PÉREZ"],
    ],
  },
  {
    slug: "ada-lovelace",
    spellings: [
      ["Ada", "Lovelace"],
      ["𝔄da", "Lovelace"],
      ["Ａda", "Lovelace"],
      ["ADA", "LOVELACE"],
    ],
  },
  {
    slug: "zoe-ng",
    spellings: [
      ["Zoë", "Ng"],
      ["Zoe", "Ng"],
      ["Zoë", "NG"],
    ],
  },
  { slug: "aaron-c-courville", spellings: [["Aaron C.", "Courville"]] },
  {
    slug: "aaron-courville",
    spellings: [
      ["Aaron", "Courville"],
      ["aaron", "Courville"],
    ],
  },
  { slug: "soren-kierkegaard", spellings: [["Søren", "Kierkegaard"]] },
  {
    slug: "soren-kierkegaard-ascii",
    spellings: [
      ["Soren", "Kierkegaard"],
      ["Sören", "Kierkegaard"],
    ],
  },
  {
    slug: "ibrahim-abu-farha",
    spellings: [
      ["Ibrahim", "Abu Farha"],
      ["IBRAHIM", "Abu Farha"],
    ],
  },
  { slug: "li-zhong", spellings: [["中", "李"]] },
  {
    slug: "anna-ko-pua",
    spellings: [
      ["An\uE000na", "Ko"],
      ["AN\uE000NA", "Ko"],
    ],
  },
  {
    slug: "anna-ko-emoji",
    spellings: [
      ["An😀na", "Ko"],
      ["AN😀NA", "Ko"],
    ],
  },
];

const TITLES = [
  "Attention Is All You Need",
  "BERT: Pre-training of Deep Bidirectional Transformers",
  "Graph Networks at Scale",
  "On the Role of Negative Precedent",
  "Ünïcode Names in Citation Graphs",
  "Deep Residual Learning",
  "A Study of Coauthorship",
  "Learning to Rank with Noise",
];

/** Venues whose ids collide on purpose: "ICML" by name is the id an acronym "icml" gives. */
const VENUES: GenVenue[] = [
  { name: "International Conference on Machine Learning", acronym: "ICML", journal: false },
  { name: "ICML", acronym: null, journal: false },
  { name: "Proc. ICML 2020", acronym: "icml", journal: false },
  { name: "Journal of Test Results", acronym: "JTR", journal: true },
  { name: "Journal of Test Results", acronym: null, journal: true },
  { name: "Workshop on Odd Names", acronym: null, journal: false },
  { name: "Annual Meeting of the ACL", acronym: "ACL", journal: false },
];

const FORMATS: DiffFormat[] = ["csl-json", "dblp-xml", "bibtex", "acl-xml", "acl-author-page"];
const EXTENSIONS: Record<DiffFormat, string> = {
  "csl-json": ".json",
  "dblp-xml": ".xml",
  bibtex: ".bib",
  "acl-xml": ".xml",
  "acl-author-page": ".txt",
};

interface Identity {
  title: string;
  year: number | null;
  doi: string | null;
}

/** Worlds per case: independent sets of people, papers and venues, imported together so a case costs few round trips. */
export const WORLDS_PER_CASE = 8;

/**
 * A case: 1 to 4 files in random formats, imported in random order, some twice, with one batch size. Each file holds
 * records from every world. A world's names, titles, DOIs, ids and venues carry its own token ("Qa", "Qb" …), so
 * worlds never share an identity and each is a small random scenario of its own; together they share batches.
 */
export function generateCase(seed: number, worlds = WORLDS_PER_CASE): GenCase {
  const rng = new Rng(seed);
  const drawers = Array.from({ length: worlds }, (_, w) => worldRecords(rng, `Q${String.fromCharCode(97 + w)}`, w));
  let serial = 0;
  const files: GenFile[] = Array.from({ length: rng.int(1, 4) }, (_, i) => {
    const format = rng.pick(FORMATS);
    const records = drawers.flatMap((draw) => Array.from({ length: rng.int(0, 3) }, draw));
    if (format === "acl-author-page" && records.length === 0) records.push(drawers[0]());
    for (const r of records) r.serial = serial++;
    return { name: `f${i}-${format}${EXTENSIONS[format]}`, format, records };
  });
  const order = rng.shuffle(files.map((_, i) => i));
  for (let repeats = rng.chance(0.3) ? rng.int(1, 2) : 0; repeats > 0; repeats--) {
    order.splice(rng.int(0, order.length), 0, rng.int(0, files.length - 1));
  }
  return { seed, files, order, batchSize: rng.pick([1, 3, 7, 1000, 1000]) };
}

/** Draws records of one world: its name groups, papers and venues, all marked with `token`. */
function worldRecords(rng: Rng, token: string, world: number): () => GenRecord {
  const groups = rng.sample(NAME_GROUPS, rng.int(2, 5));
  const venues = rng.sample(VENUES, rng.int(1, 4)).map((v) => ({ ...v, name: v.name + token, acronym: v.acronym && v.acronym + token }));
  const identities = paperIdentities(rng, token);
  const mention = (): Mention => {
    const group = rng.pick(groups);
    const [first, last] = rng.pick(group.spellings);
    return {
      first,
      last: `${last} ${rng.chance(0.2) ? token.toUpperCase() : token}`,
      dblpNumber: rng.chance(0.5) ? null : rng.pick(["0001", "0002"]),
      aclId: rng.chance(0.4) ? null : rng.pick([`${group.slug}-${token}`, `${group.slug}-${token}-2`]),
      orcid: rng.chance(0.6) ? null : orcidOf(world, NAME_GROUPS.indexOf(group), rng.int(1, 2)),
      lastFirst: rng.chance(0.4),
      tex: rng.chance(0.5),
    };
  };
  /** A long byline of people seen nowhere else, plus a few of the colliding names: many pairs at once. */
  const bulkMention = (i: number): Mention => ({
    first: `Member${i}`,
    last: `Consortium ${token}`,
    dblpNumber: null,
    aclId: null,
    orcid: null,
    lastFirst: false,
    tex: false,
  });
  return () => {
    const identity = rng.pick(identities);
    const authors = rng.chance(0.04)
      ? rng.shuffle([...Array.from({ length: rng.int(20, 60) }, (_, i) => bulkMention(i)), ...Array.from({ length: 3 }, mention)])
      : Array.from({ length: rng.chance(0.05) ? 0 : rng.int(1, 5) }, mention);
    return {
      serial: 0,
      title: titleVariant(rng, identity.title),
      year: identity.year !== null && rng.chance(0.05) ? null : identity.year,
      doi: identity.doi !== null && rng.chance(0.7) ? doiVariant(rng, identity.doi) : null,
      url: rng.chance(0.4) ? `https://example.org/${token}/${rng.int(1, 9)}` : null,
      abstract: rng.chance(0.3) ? `Abstract ${token} number ${rng.int(1, 9)}.` : null,
      pages: rng.chance(0.3) ? `${rng.int(1, 9)}-${rng.int(10, 19)}` : null,
      venue: rng.chance(0.15) ? null : rng.pick(venues),
      authors,
    };
  };
}

/** Papers of one world: some share a title, some a title and year under different DOIs, some have no year. */
function paperIdentities(rng: Rng, token: string): Identity[] {
  const titles = rng.sample(TITLES, rng.int(2, 5));
  const identities: Identity[] = [];
  for (let i = rng.int(2, 7); i > 0; i--) {
    const year = rng.chance(0.15) ? null : rng.int(2019, 2021);
    const doi = rng.chance(0.6) ? `10.${rng.int(1000, 1003)}/${token.toLowerCase()}-p${rng.int(1, 6)}x` : null;
    identities.push({ title: `${token} ${rng.pick(titles)}`, year, doi });
  }
  return identities;
}

function orcidOf(world: number, group: number, n: number): string {
  return `0000-${String(world).padStart(4, "0")}-${1000 + group}-000${n === 1 ? "X" : "7"}`;
}
/** Spellings of a title that normalise alike: case, punctuation, spacing, accents. */
function titleVariant(rng: Rng, title: string): string {
  let t = title;
  if (rng.chance(0.3)) t = t.toUpperCase();
  // eslint-disable-next-line no-dupe-else-if -- a second, independent draw: the seeded cases depend on it
  else if (rng.chance(0.3)) t = t.toLowerCase();
  if (rng.chance(0.3)) t = t.replace(" ", rng.pick([" - ", ": ", " / ", "  "]));
  if (rng.chance(0.2)) t = t.replace(/e/, "é");
  if (rng.chance(0.2)) t += rng.pick(["?", "!", " ..."]);
  return t;
}

function doiVariant(rng: Rng, doi: string): string {
  const cased = rng.chance(0.3) ? doi.toUpperCase() : doi;
  return rng.pick(["", "", "https://doi.org/", "doi:"]) + cased;
}
