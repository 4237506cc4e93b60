import { Field, Float, Int, ObjectType } from "type-graphql";
import { Author } from "../author/author.type";
import { Explanation } from "../kernel/explanation.type";
import { Venue } from "../venue/venue.type";
import { LOUVAIN_FORMULA, METRIC_FORMULAS } from "./metric-formulas";

@ObjectType("TieEvidence", { description: "One of an author's ties in the analysed network, with its weight.", simpleResolvers: true })
export class TieEvidence {
  @Field(() => Author)
  author!: Author;

  @Field(() => Float, { description: "The tie's weight under the network's tie strength scheme." })
  weight!: number;
}

@ObjectType("AuthorMetrics", { description: "One author's figures in the analysed network (units in each field).", simpleResolvers: true })
export class AuthorMetrics {
  @Field(() => Author)
  author!: Author;

  @Field(() => Int, { description: METRIC_FORMULAS.degree })
  degree!: number;

  @Field(() => Float, { description: METRIC_FORMULAS.weightedDegree })
  weightedDegree!: number;

  @Field(() => Float, { description: `${METRIC_FORMULAS.betweenness} A share, 0..1.` })
  betweenness!: number;

  @Field(() => Float, { description: `${METRIC_FORMULAS.closeness} 0..1.` })
  closeness!: number;

  @Field(() => Float, { description: METRIC_FORMULAS.pagerank })
  pagerank!: number;

  @Field(() => Float, { description: `${METRIC_FORMULAS.clustering} 0..1.` })
  clustering!: number;

  @Field(() => Float, { nullable: true, description: METRIC_FORMULAS.constraint })
  constraint!: number | null;

  @Field(() => Float, { nullable: true, description: `${METRIC_FORMULAS.effectiveSize} In authors.` })
  effectiveSize!: number | null;

  @Field(() => Int, { description: "The author's community (NetworkAnalysis.communities[id])." })
  community!: number;

  @Field(() => [TieEvidence], {
    description: "The author's heaviest ties in this network (at most 5): the evidence behind its centralities.",
  })
  strongestTies!: TieEvidence[];
}

@ObjectType("CommunityMember", { simpleResolvers: true })
export class CommunityMember {
  @Field(() => Author)
  author!: Author;

  @Field(() => Float, { description: "The member's tie weight to other members of its community." })
  internalWeight!: number;
}

@ObjectType("CommunityTie", { simpleResolvers: true })
export class CommunityTie {
  @Field(() => Author)
  source!: Author;

  @Field(() => Author)
  target!: Author;

  @Field(() => Float)
  weight!: number;
}

@ObjectType("CommunityVenue", { simpleResolvers: true })
export class CommunityVenue {
  @Field(() => Venue)
  venue!: Venue;

  @Field(() => Int, { description: "Distinct papers at the venue by at least one member (inside the network's year window)." })
  papers!: number;
}

@ObjectType("Community", { description: "One Louvain community of the analysed network.", simpleResolvers: true })
export class Community {
  @Field(() => Int, { description: "Communities are numbered by size, largest 0." })
  id!: number;

  @Field(() => Int, { description: "Members." })
  size!: number;

  @Field(() => Float, { description: "Total weight of the ties inside the community." })
  internalWeight!: number;

  @Field(() => Float, { description: "Total weight of the ties from members to the rest of the network." })
  externalWeight!: number;

  @Field(() => [CommunityTie], { description: "The heaviest ties inside (at most 5): what holds the community together." })
  strongestTies!: CommunityTie[];

  @Field(() => Explanation)
  explain!: Explanation;
}

@ObjectType("NetworkAnalysis", {
  description: `Metrics and communities of the network above it, computed on its own nodes and tie weights. ${LOUVAIN_FORMULA}`,
  simpleResolvers: true,
})
export class NetworkAnalysis {
  @Field(() => [AuthorMetrics], { description: "Every author of the network, in the network's order." })
  authors!: AuthorMetrics[];

  @Field(() => [Community], { description: "Largest first." })
  communities!: Community[];

  @Field(() => Float, { description: "Modularity Q of the communities at the resolution used (see NetworkAnalysis)." })
  modularity!: number;

  @Field(() => Float)
  resolution!: number;

  @Field(() => Float, { description: "The seed of Louvain's visiting orders (a whole number, 0..4294967295)." })
  seed!: number;

  @Field(() => String, { description: "The graph version the analysis ran on (see GraphStats.snapshotId)." })
  snapshotId!: string;

  @Field(() => [Explanation], {
    description:
      "How each figure was computed, one entry per method (degree, weightedDegree, betweenness, closeness, pagerank, clustering, constraint, effectiveSize, louvain): formula and source, every parameter (defaults and seed included), the snapshot and notes.",
  })
  explain!: Explanation[];
}
