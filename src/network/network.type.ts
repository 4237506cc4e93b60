import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Author } from "../author/author.type";
import { Paper } from "../paper/paper.type";
import { Venue } from "../venue/venue.type";

@ObjectType("NetworkNode", { simpleResolvers: true })
export class NetworkNode {
  @Field(() => Author)
  author!: Author;

  @Field(() => Int, { description: "Hops from the centre author (0 for the centre)." })
  distance!: number;
}

@ObjectType("NetworkEdge", {
  description:
    "A qualifying coauthorship between two nodes of the network (each pair once; source id < target id). Its evidence, the joint papers with their byline sizes and the weight under every scheme, is Query.collaboration(authorId: source, coauthorId: target) with the same year window and maxAuthorsPerPaper.",
  simpleResolvers: true,
})
export class NetworkEdge {
  @Field(() => ID, { description: "Author id of one end (a node of this network)." })
  source!: string;

  @Field(() => ID, { description: "Author id of the other end (a node of this network)." })
  target!: string;

  @Field(() => Int, { description: "Joint papers (inside the year window, and with at most maxAuthorsPerPaper authors, when given)." })
  jointPapers!: number;

  @Field(() => Float, { description: "The tie's strength under the network's `strength` argument (see TieStrength); FULL: jointPapers." })
  weight!: number;

  @Field(() => Int, { nullable: true })
  firstYear!: number | null;

  @Field(() => Int, { nullable: true })
  lastYear!: number | null;
}

export const COMPACT_DECODE =
  "const edges = c.source.map((s, i) => ({ source: c.authorIds[s], target: c.authorIds[c.target[i]], jointPapers: c.jointPapers[i], weight: c.weight[i] }))";

@ObjectType("CompactNetwork", {
  description: `The same network as \`nodes\` and \`edges\`, as parallel arrays: entry i of authorIds, names and distances is node i (in the order of \`nodes\`), entry j of source, target, jointPapers, weight, firstYear and lastYear is edge j (in the order of \`edges\`), and an edge's source and target are indexes into the node arrays. For large networks: no object and no id string per edge end, so a fraction of the bytes and of the server's work. Decode the edges in one line: \`${COMPACT_DECODE}\`.`,
  simpleResolvers: true,
})
export class CompactNetwork {
  @Field(() => [ID], { description: "Node i's author id." })
  authorIds!: string[];

  @Field(() => [String], { description: "Node i's author name." })
  names!: string[];

  @Field(() => [Int], { description: "Node i's hops from the centre author (0 for the centre)." })
  distances!: number[];

  @Field(() => [Int], { description: "Edge j's source: an index into the node arrays." })
  source!: number[];

  @Field(() => [Int], { description: "Edge j's target: an index into the node arrays." })
  target!: number[];

  @Field(() => [Int], { description: "Edge j's joint papers (as NetworkEdge.jointPapers)." })
  jointPapers!: number[];

  @Field(() => [Float], { description: "Edge j's weight (as NetworkEdge.weight)." })
  weight!: number[];

  @Field(() => [Int], { nullable: "items", description: "Edge j's first joint year (as NetworkEdge.firstYear)." })
  firstYear!: Array<number | null>;

  @Field(() => [Int], { nullable: "items", description: "Edge j's last joint year (as NetworkEdge.lastYear)." })
  lastYear!: Array<number | null>;
}

@ObjectType("CoauthorNetwork", { simpleResolvers: true })
export class CoauthorNetwork {
  @Field(() => [NetworkNode], { description: "Closest first; within a distance, strongest tie first." })
  nodes!: NetworkNode[];

  @Field(() => [NetworkEdge])
  edges!: NetworkEdge[];

  @Field(() => Boolean, { description: "True when maxNodes cut the network short." })
  truncated!: boolean;
}

@ObjectType("SharedVenue", { simpleResolvers: true })
export class SharedVenue {
  @Field(() => Venue)
  venue!: Venue;

  @Field(() => [Int], { description: "Each given author's papers at this venue, in the order of authorIds." })
  paperCounts!: number[];

  @Field(() => Int, { description: "Papers at this venue authored by all of the given authors." })
  jointPaperCount!: number;
}

@ObjectType("CollaborationLink", {
  description: "One hop of a collaboration path, with the joint papers that make it.",
  simpleResolvers: true,
})
export class CollaborationLink {
  @Field(() => Author)
  from!: Author;

  @Field(() => Author)
  to!: Author;

  @Field(() => [Paper], {
    description:
      "Joint papers of the two authors (inside the year window and with at most maxAuthorsPerPaper authors when given), newest first.",
  })
  papers!: Paper[];

  @Field(() => Int, { description: "How many joint papers make this hop (papers' length)." })
  jointPapers!: number;

  @Field(() => Float, {
    description:
      "The hop's tie strength under collaborationPath's `strength` over those papers (see TieStrength for each formula): FULL jointPapers, NEWMAN Σ_p 1/(n_p − 1), FRACTIONAL Σ_p 1/n_p, ASSOCIATION_STRENGTH 2m·c_ij/(w_i·w_j).",
  })
  strength!: number;
}

@ObjectType("CollaborationPath", { simpleResolvers: true })
export class CollaborationPath {
  @Field(() => Int, { description: "Hops (0 when both ends are the same author)." })
  length!: number;

  @Field(() => [Author], { description: "From the first author to the second, in order." })
  authors!: Author[];

  @Field(() => [CollaborationLink])
  links!: CollaborationLink[];
}
