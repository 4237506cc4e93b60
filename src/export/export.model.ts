import { TieStrength } from "../kernel/tie-strength";

/*
 * The one shape every export writer reads: a coauthor network with the facts the tools ask for.
 * Writers are pure functions of it (no I/O), so each format is a small file that a unit test can
 * read back with an independent parser.
 */

export interface ExportNode {
  id: string;
  name: string;
  aliases: string[];
  orcid: string | null;
  /** Papers (inside the year window when one was given). */
  papers: number;
  /** Coauthors in the whole graph (not only in this network). */
  coauthors: number;
  /** First and last year of the author's papers (inside the window when given). */
  firstYear: number | null;
  lastYear: number | null;
  /** Mean publication year of those papers, or null when none has a year. */
  meanYear: number | null;
  /** Hops from the centre (0 for the centre). */
  distance: number;
}

export interface ExportEdge {
  source: string;
  target: string;
  jointPapers: number;
  /** The tie's strength under the network's scheme (coauthorNetwork's edge weight); under FULL, the default, jointPapers. */
  strength: number;
  firstYear: number | null;
  lastYear: number | null;
  /** Joint papers per year, oldest first; years with none are absent, and papers without a year are not listed. */
  perYear: Array<[year: number, papers: number]>;
}

export interface ExportArgs {
  authorId: string;
  depth: number;
  minJointPapers: number;
  yearFrom: number | null;
  yearTo: number | null;
  maxNodes: number;
  /** The tie strength scheme the edges' `strength` follows (coauthorNetwork's `strength`). */
  strength: TieStrength;
  /** Papers with more authors add no tie and no joint paper (coauthorNetwork's `maxAuthorsPerPaper`); null: no cap. */
  maxAuthorsPerPaper: number | null;
}

export interface ExportGraph {
  args: ExportArgs;
  /** Centre first, then closest first (the network's order). */
  nodes: ExportNode[];
  /** Strongest first (the network's order); each pair once, source id < target id. */
  edges: ExportEdge[];
  truncated: boolean;
}

/** One coauthor of an author, for the coauthor-list export. */
export interface CoauthorListRow {
  id: string;
  name: string;
  jointPapers: number;
  firstYear: number | null;
  lastYear: number | null;
  papers: number;
  /** The tie's strength under the scheme asked for (the joint papers under FULL, the default). */
  strength: number;
}

/** "wei-xiong" from "Wei Xiong": a file name part that every operating system accepts. */
export function fileSlug(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return slug || "author";
}

/** "coauthor-network_wei-xiong_d2_2019-2024" — the arguments that shaped the file, readable in a folder listing. */
export function networkFileStem(graph: ExportGraph): string {
  const centre = graph.nodes[0];
  const { depth, minJointPapers } = graph.args;
  const parts = ["coauthor-network", fileSlug(centre?.name ?? graph.args.authorId), `d${depth}`];
  if (minJointPapers > 1) parts.push(`min${minJointPapers}`);
  return [...parts, ...ruleParts(graph.args)].join("_");
}

/** The arguments in force that both file names show: the year window and the tie rule. */
export type FileRule = Pick<ExportArgs, "yearFrom" | "yearTo" | "strength" | "maxAuthorsPerPaper">;

/** "coauthors_wei-xiong_2019-2024_newman_max25authors.csv": an author's coauthor list, named as the network files are. */
export function coauthorListFileName(name: string, rule: FileRule): string {
  return `${["coauthors", fileSlug(name), ...ruleParts(rule)].join("_")}.csv`;
}

/** "2019-2024", "newman", "max25authors": the window and the tie rule, each when it is not the default. */
function ruleParts({ yearFrom, yearTo, strength, maxAuthorsPerPaper }: FileRule): string[] {
  const parts: string[] = [];
  if (yearFrom !== null || yearTo !== null) parts.push(`${yearFrom ?? ""}-${yearTo ?? ""}`);
  if (strength !== TieStrength.FULL) parts.push(fileSlug(strength));
  if (maxAuthorsPerPaper !== null) parts.push(`max${maxAuthorsPerPaper}authors`);
  return parts;
}

/** What the edges' weight is, in words, for the formats that name it: "joint papers", "Newman weight (…)". */
export function strengthLabel(args: Pick<ExportArgs, "strength" | "maxAuthorsPerPaper">): string {
  const scheme = {
    [TieStrength.FULL]: "joint papers",
    [TieStrength.NEWMAN]: "Newman weight",
    [TieStrength.FRACTIONAL]: "fractional count",
    [TieStrength.ASSOCIATION_STRENGTH]: "association strength",
  }[args.strength];
  return args.maxAuthorsPerPaper === null ? scheme : `${scheme} (papers of at most ${args.maxAuthorsPerPaper} authors)`;
}

/** The year range the network's ties span, for dynamic formats; null when no tie has a year. */
export function yearSpan(graph: ExportGraph): { first: number; last: number } | null {
  let first = Infinity;
  let last = -Infinity;
  for (const edge of graph.edges) {
    for (const [year] of edge.perYear) {
      first = Math.min(first, year);
      last = Math.max(last, year);
    }
  }
  for (const node of graph.nodes) {
    if (node.firstYear !== null) first = Math.min(first, node.firstYear);
    if (node.lastYear !== null) last = Math.max(last, node.lastYear);
  }
  return Number.isFinite(first) ? { first, last } : null;
}
