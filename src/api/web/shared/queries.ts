/*
 * The operations the explorer, the embed and the widget send. Plain GraphQL against the public
 * schema: nothing here the playground could not send too.
 */

export const NETWORK_QUERY = `query Network($authorId: ID!, $depth: Int, $minJointPapers: Int, $yearFrom: Int, $yearTo: Int, $maxNodes: Int) {
  coauthorNetwork(authorId: $authorId, depth: $depth, minJointPapers: $minJointPapers, yearFrom: $yearFrom, yearTo: $yearTo, maxNodes: $maxNodes) {
    truncated
    nodes { distance author { id name paperCount firstYear lastYear } }
    edges { source target jointPapers firstYear lastYear }
  }
}`;

export const SEARCH_QUERY = `query Search($search: String!) {
  authors(search: $search, first: 8) { edges { node { id name paperCount firstYear lastYear } } }
}`;

const PAPER_FIELDS = `id title year url doi venue { name acronym }`;

export const AUTHOR_PANEL_QUERY = `query AuthorPanel($id: ID!, $yearFrom: Int, $yearTo: Int) {
  author(id: $id) {
    id name aliases paperCount coauthorCount firstYear lastYear
    papers(first: 8, yearFrom: $yearFrom, yearTo: $yearTo) { totalCount edges { node { ${PAPER_FIELDS} } } }
    coauthors(first: 8, yearFrom: $yearFrom, yearTo: $yearTo) { edges { jointPapers node { id name } } }
  }
}`;

export const SHARED_VENUES_QUERY = `query SharedVenues($ids: [ID!]!, $yearFrom: Int, $yearTo: Int) {
  sharedVenues(authorIds: $ids, yearFrom: $yearFrom, yearTo: $yearTo) { venue { id name acronym } paperCounts jointPaperCount }
}`;

/** A tie's joint papers are the evidence of a one-hop collaboration path. */
export const TIE_QUERY = `query Tie($a: ID!, $b: ID!, $yearFrom: Int, $yearTo: Int) {
  collaborationPath(fromId: $a, toId: $b, maxLength: 1, yearFrom: $yearFrom, yearTo: $yearTo) {
    authors { id name } links { papers { ${PAPER_FIELDS} } }
  }
}`;

export const PATH_QUERY = `query Path($from: ID!, $to: ID!, $yearFrom: Int, $yearTo: Int) {
  collaborationPath(fromId: $from, toId: $to, maxLength: 8, yearFrom: $yearFrom, yearTo: $yearTo) {
    length
    authors { id name paperCount firstYear lastYear }
    links { from { id name } to { id name } papers { ${PAPER_FIELDS} } }
  }
}`;

export interface AuthorLite {
  id: string;
  name: string;
  paperCount: number;
  firstYear: number | null;
  lastYear: number | null;
}

export interface NetworkAnswer {
  truncated: boolean;
  nodes: Array<{ distance: number; author: AuthorLite }>;
  edges: Array<{ source: string; target: string; jointPapers: number; firstYear: number | null; lastYear: number | null }>;
}

export interface PaperLite {
  id: string;
  title: string;
  year: number | null;
  url: string | null;
  doi: string | null;
  venue: { name: string; acronym: string | null } | null;
}

export interface PathAnswer {
  length: number;
  authors: AuthorLite[];
  links: Array<{ from: { id: string; name: string }; to: { id: string; name: string }; papers: PaperLite[] }>;
}

/** The view a URL (or a widget's attributes) describes. */
export interface ViewParams {
  author: string;
  depth: number;
  minJointPapers: number;
  yearFrom: number | null;
  yearTo: number | null;
  maxNodes: number;
}

export const DEFAULT_VIEW: Omit<ViewParams, "author"> = { depth: 1, minJointPapers: 1, yearFrom: null, yearTo: null, maxNodes: 200 };

function intOr(text: string | null, fallback: number | null, min: number, max: number): number | null {
  if (text === null || text.trim() === "") return fallback;
  const value = Number(text);
  return Number.isInteger(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

/** Reads the view from URL parameters or attributes (the same names), clamped to the API's limits. */
export function readViewParams(get: (name: string) => string | null): ViewParams {
  return {
    author: get("author") ?? "",
    depth: intOr(get("depth"), DEFAULT_VIEW.depth, 1, 3)!,
    minJointPapers: intOr(get("minJointPapers"), DEFAULT_VIEW.minJointPapers, 1, 1_000_000)!,
    yearFrom: intOr(get("yearFrom"), null, 0, 9999),
    yearTo: intOr(get("yearTo"), null, 0, 9999),
    maxNodes: intOr(get("maxNodes"), DEFAULT_VIEW.maxNodes, 1, 2000)!,
  };
}

export function networkVariables(view: ViewParams): Record<string, unknown> {
  return {
    authorId: view.author,
    depth: view.depth,
    minJointPapers: view.minJointPapers,
    yearFrom: view.yearFrom,
    yearTo: view.yearTo,
    maxNodes: view.maxNodes,
  };
}

/** The export URL of a format for this view (same arguments as coauthorNetwork). */
export function exportUrl(base: string, file: string, view: ViewParams): string {
  const url = new URL(`/export/${file}`, base);
  url.searchParams.set("author", view.author);
  for (const name of ["depth", "minJointPapers", "yearFrom", "yearTo", "maxNodes"] as const) {
    const value = view[name];
    if (value !== null && value !== undefined) url.searchParams.set(name, String(value));
  }
  return url.toString();
}
