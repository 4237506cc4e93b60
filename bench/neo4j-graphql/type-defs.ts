import { FLOOR_PATH, FLOOR_SHARED_VENUES, PEER_NETWORK } from "../query-floor.cypher";

/*
 * The comparison schema for @neo4j/graphql 7: the same graph (Author, Paper, Venue, AUTHORED,
 * PUBLISHED_IN, COAUTHORED_WITH read undirected) described in its type-defs language. Lookups,
 * coauthor lists and full-text searches use its generated Cypher; the three questions its
 * generated queries cannot express (a bounded breadth-first network, venues shared by several
 * authors, a shortest path with evidence) are @cypher fields running the floor's own statements,
 * which is the fairest thing a user of the library could do.
 */

/** A @cypher statement goes inside a GraphQL block string: only a triple quote would need escaping. */
function block(statement: string): string {
  if (statement.includes('"""')) throw new Error("a @cypher statement may not contain a triple quote");
  return `"""${statement}"""`;
}

export const PEER_TYPE_DEFS = `
# The index itself covers name and aliases; the library only accepts String fields in the declaration.
type Author @node @fulltext(indexes: [{ indexName: "authorNames", queryName: "authorsByName", fields: ["name"] }]) {
  id: ID!
  name: String!
  aliases: [String!]
  orcid: String
  firstYear: Int
  lastYear: Int
  paperCount: Int! @cypher(statement: "RETURN COUNT { (this)-[:AUTHORED]->() } AS n", columnName: "n")
  coauthorCount: Int! @cypher(statement: "RETURN COUNT { (this)-[:COAUTHORED_WITH]-() } AS n", columnName: "n")
  coauthors: [Author!]!
    @relationship(type: "COAUTHORED_WITH", direction: OUT, queryDirection: UNDIRECTED, properties: "CoauthoredWith")
  papers: [Paper!]! @relationship(type: "AUTHORED", direction: OUT, properties: "Authored")
}

type CoauthoredWith @relationshipProperties {
  papers: Int!
  firstYear: Int
  lastYear: Int
}

type Authored @relationshipProperties {
  position: Int
}

type Paper @node @fulltext(indexes: [{ indexName: "paperText", queryName: "papersByText", fields: ["title", "abstract"] }]) {
  id: ID!
  title: String
  year: Int
  doi: String
  abstract: String
  venue: [Venue!]! @relationship(type: "PUBLISHED_IN", direction: OUT)
  authors: [Author!]! @relationship(type: "AUTHORED", direction: IN, properties: "Authored")
}

type Venue @node {
  id: ID!
  name: String!
  acronym: String
  kind: String
}

type NetworkNode {
  id: ID!
  name: String!
  distance: Int!
}

type NetworkEdge {
  source: ID!
  target: ID!
  jointPapers: Int!
}

type CoauthorNetwork {
  nodes: [NetworkNode!]!
  edges: [NetworkEdge!]!
  truncated: Boolean!
}

type SharedVenue {
  venueId: ID!
  venueName: String!
  paperCounts: [Int!]!
  jointPaperCount: Int!
}

type PathLink {
  from: ID!
  to: ID!
  paperIds: [ID!]!
}

type CollaborationPath {
  length: Int!
  authorIds: [ID!]!
  links: [PathLink!]!
}

type Query {
  coauthorNetwork(id: ID!, depth: Int!, maxNodes: Int!): CoauthorNetwork
    @cypher(statement: ${block(PEER_NETWORK)}, columnName: "network")
  sharedVenues(ids: [ID!]!): [SharedVenue!]!
    @cypher(statement: ${block(FLOOR_SHARED_VENUES)}, columnName: "venue")
  collaborationPath(fromId: ID!, toId: ID!): CollaborationPath
    @cypher(statement: ${block(FLOOR_PATH)}, columnName: "path")
}
`;
