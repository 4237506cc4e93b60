import type { Params } from "../src/db/params";
import { toLuceneQuery } from "../src/kernel/search-text";
import {
  FLOOR_AUTHOR,
  FLOOR_AUTHOR_SEARCH,
  FLOOR_COAUTHORS,
  FLOOR_NETWORK,
  FLOOR_PAPER_SEARCH,
  FLOOR_PATH,
  FLOOR_SHARED_VENUES,
} from "./query-floor.cypher";
import type { BenchInputs } from "./query-inputs";

/*
 * What the query benchmark asks, four ways (ours over HTTP and in-process, the floor, the peer). Each case gives, for one input, the GraphQL request
 * to coauthor-graph ("ours"), the statement of the floor, and the request to @neo4j/graphql
 * ("peer"), plus a normaliser per way that reduces an answer to the facts all three must agree on
 * (ids, counts, order where the contract fixes it).
 */

export interface GraphqlRequest {
  query: string;
  variables: Record<string, unknown>;
}

export interface FloorRequest {
  cypher: string;
  params: Params;
}

export interface CaseInput {
  /** Reporting group: author class, "pairs", path distance, ... */
  tag: string;
  value: any;
}

export interface QueryCase {
  name: string;
  inputs: CaseInput[];
  ours(value: any): GraphqlRequest;
  floor(value: any): FloorRequest;
  peer(value: any): GraphqlRequest;
  /** Each returns a canonical JSON-able value; the three must be deeply equal. */
  normaliseOurs(data: any): unknown;
  normaliseFloor(rows: Array<Record<string, any>>): unknown;
  normalisePeer(data: any): unknown;
  /** Regroups an input once the floor's answer is known (collaborationPath by distance). */
  retag?(floorAnswer: unknown): string;
}

const byClass = (inputs: BenchInputs, cls?: string): CaseInput[] =>
  inputs.authors.filter((a) => cls === undefined || a.class === cls).map((a) => ({ tag: a.class, value: a.id }));

const AUTHOR_FIELDS = "id name paperCount coauthorCount firstYear lastYear";
const authorFacts = (a: any) => (a ? { id: a.id, name: a.name, paperCount: a.paperCount, coauthorCount: a.coauthorCount } : null);

function networkFacts(
  nodes: Array<{ id: string; distance: number }>,
  edges: Array<{ source: string; target: string; jointPapers: number }>,
  truncated: boolean,
) {
  return {
    truncated,
    nodes: nodes.map((n) => `${n.distance}:${n.id}`).sort(),
    edges: edges.map((e) => `${e.source}|${e.target}|${e.jointPapers}`).sort(),
  };
}

function networkCase(inputs: BenchInputs, depth: number): QueryCase {
  return {
    name: `coauthorNetwork depth ${depth} (maxNodes 500)`,
    inputs: byClass(inputs),
    ours: (id) => ({
      query: `query($id: ID!, $depth: Int!) { coauthorNetwork(authorId: $id, depth: $depth, maxNodes: 500) {
        truncated nodes { distance author { id name } } edges { source target jointPapers } } }`,
      variables: { id, depth },
    }),
    floor: (id) => ({ cypher: FLOOR_NETWORK, params: { id, depth, maxNodes: 500 } }),
    peer: (id) => ({
      query: `query($id: ID!, $depth: Int!) { coauthorNetwork(id: $id, depth: $depth, maxNodes: 500) {
        truncated nodes { id name distance } edges { source target jointPapers } } }`,
      variables: { id, depth },
    }),
    normaliseOurs: (d) =>
      networkFacts(
        d.coauthorNetwork.nodes.map((n: any) => ({ id: n.author.id, distance: n.distance })),
        d.coauthorNetwork.edges,
        d.coauthorNetwork.truncated,
      ),
    normaliseFloor: (rows) => {
      const { nodes, keptIds, edgeGroups, truncated } = rows[0].network;
      const idOf = new Map<number, string>((keptIds as number[]).map((internal, i) => [internal, nodes[i].id as string]));
      const edges = (edgeGroups as Array<[number, number[], number[]]>).flatMap(([source, targets, papers]) =>
        targets.map((target, i) => ({ source: idOf.get(source)!, target: idOf.get(target)!, jointPapers: papers[i] })),
      );
      return networkFacts(nodes, edges, truncated);
    },
    normalisePeer: (d) => networkFacts(d.coauthorNetwork.nodes, d.coauthorNetwork.edges, d.coauthorNetwork.truncated),
  };
}

const hitIds = (edges: Array<{ node: { id: string } }>) => edges.map((e) => e.node.id);

export function queryCases(inputs: BenchInputs): QueryCase[] {
  const pairs: CaseInput[] = inputs.pairs.map((p) => ({ tag: "random pairs", value: p }));
  // Tagged by the distance the floor finds (retag); the chosen-distance pairs only add inputs to those groups.
  const pathPairs: CaseInput[] = [...pairs, ...(inputs.distancePairs ?? []).map((p) => ({ tag: "pairs by distance", value: p }))];
  return [
    {
      name: "author by id",
      inputs: byClass(inputs).map((i) => ({ ...i, tag: "30 authors" })),
      ours: (id) => ({ query: `query($id: ID!) { author(id: $id) { ${AUTHOR_FIELDS} } }`, variables: { id } }),
      floor: (id) => ({ cypher: FLOOR_AUTHOR, params: { id } }),
      peer: (id) => ({ query: `query($id: ID!) { authors(where: { id: { eq: $id } }) { ${AUTHOR_FIELDS} } }`, variables: { id } }),
      normaliseOurs: (d) => authorFacts(d.author),
      normaliseFloor: (rows) => authorFacts(rows[0]?.author),
      normalisePeer: (d) => authorFacts(d.authors[0]),
    },
    {
      name: "coauthors(first: 20)",
      inputs: byClass(inputs),
      ours: (id) => ({
        query: `query($id: ID!) { author(id: $id) { coauthors(first: 20) { totalCount edges { jointPapers node { id name } } } } }`,
        variables: { id },
      }),
      floor: (id) => ({ cypher: FLOOR_COAUTHORS, params: { id } }),
      peer: (id) => ({
        query: `query($id: ID!) { authors(where: { id: { eq: $id } }) {
          coauthorsConnection(first: 20, sort: [{ edge: { papers: DESC } }, { node: { name: ASC } }, { node: { id: ASC } }]) {
            totalCount edges { properties { papers } node { id name } } } } }`,
        variables: { id },
      }),
      normaliseOurs: (d) => ({
        total: d.author.coauthors.totalCount,
        rows: d.author.coauthors.edges.map((e: any) => `${e.node.id}:${e.jointPapers}`),
      }),
      normaliseFloor: (rows) => ({ total: rows[0].total, rows: rows[0].rows.map((r: any) => `${r.id}:${r.jointPapers}`) }),
      normalisePeer: (d) => ({
        total: d.authors[0].coauthorsConnection.totalCount,
        rows: d.authors[0].coauthorsConnection.edges.map((e: any) => `${e.node.id}:${e.properties.papers}`),
      }),
    },
    networkCase(inputs, 1),
    networkCase(inputs, 2),
    {
      name: "sharedVenues (pairs)",
      inputs: pairs,
      ours: (ids) => ({
        query: `query($ids: [ID!]!) { sharedVenues(authorIds: $ids) { venue { id name } paperCounts jointPaperCount } }`,
        variables: { ids },
      }),
      floor: (ids) => ({ cypher: FLOOR_SHARED_VENUES, params: { ids } }),
      peer: (ids) => ({
        query: `query($ids: [ID!]!) { sharedVenues(ids: $ids) { venueId venueName paperCounts jointPaperCount } }`,
        variables: { ids },
      }),
      normaliseOurs: (d) => d.sharedVenues.map((v: any) => `${v.venue.id}:${v.paperCounts.join(",")}:${v.jointPaperCount}`),
      normaliseFloor: (rows) => rows.map((r) => `${r.venue.venueId}:${r.venue.paperCounts.join(",")}:${r.venue.jointPaperCount}`),
      normalisePeer: (d) => d.sharedVenues.map((v: any) => `${v.venueId}:${v.paperCounts.join(",")}:${v.jointPaperCount}`),
    },
    {
      name: "collaborationPath (pairs)",
      inputs: pathPairs,
      ours: ([from, to]) => ({
        query: `query($from: ID!, $to: ID!) { collaborationPath(fromId: $from, toId: $to) {
          length authors { id name } links { papers { id title year } } } }`,
        variables: { from, to },
      }),
      floor: ([fromId, toId]) => ({ cypher: FLOOR_PATH, params: { fromId, toId } }),
      peer: ([fromId, toId]) => ({
        query: `query($fromId: ID!, $toId: ID!) { collaborationPath(fromId: $fromId, toId: $toId) { length authorIds links { from to paperIds } } }`,
        variables: { fromId, toId },
      }),
      // Several shortest paths may exist; all three must agree on the length (null: none within 6 hops).
      normaliseOurs: (d) => d.collaborationPath?.length ?? null,
      normaliseFloor: (rows) => rows[0]?.path?.length ?? null,
      normalisePeer: (d) => d.collaborationPath?.length ?? null,
      retag: (length) => (length === null ? "no path <= 6" : `distance ${String(length)}`),
    },
    {
      name: "authors(search:, first: 10)",
      inputs: inputs.authorSearches.map((q) => ({ tag: "10 names", value: q })),
      ours: (q) => ({
        query: `query($q: String!) { authors(search: $q, first: 10) { edges { score node { id name } } } }`,
        variables: { q },
      }),
      floor: (q) => ({ cypher: FLOOR_AUTHOR_SEARCH, params: { query: toLuceneQuery(q) } }),
      peer: (q) => ({
        query: `query($q: String!) { authorsByName(phrase: $q, first: 10, sort: [{ score: DESC }, { node: { id: ASC } }]) { edges { score node { id name } } } }`,
        variables: { q: toLuceneQuery(q) },
      }),
      normaliseOurs: (d) => hitIds(d.authors.edges),
      normaliseFloor: (rows) => rows[0].hits.map((h: any) => h.id),
      normalisePeer: (d) => hitIds(d.authorsByName.edges),
    },
    {
      name: "papers(search:, first: 10)",
      inputs: inputs.paperSearches.map((q) => ({ tag: "10 title words", value: q })),
      ours: (q) => ({
        query: `query($q: String!) { papers(search: $q, first: 10) { edges { score node { id title year } } } }`,
        variables: { q },
      }),
      floor: (q) => ({ cypher: FLOOR_PAPER_SEARCH, params: { query: toLuceneQuery(q) } }),
      peer: (q) => ({
        query: `query($q: String!) { papersByText(phrase: $q, first: 10, sort: [{ score: DESC }, { node: { id: ASC } }]) { edges { score node { id title year } } } }`,
        variables: { q: toLuceneQuery(q) },
      }),
      normaliseOurs: (d) => hitIds(d.papers.edges),
      normaliseFloor: (rows) => rows[0].hits.map((h: any) => h.id),
      normalisePeer: (d) => hitIds(d.papersByText.edges),
    },
  ];
}
