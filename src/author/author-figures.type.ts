import { Field, Float, Int, ObjectType } from "type-graphql";
import { Explanation } from "../kernel/explanation.type";
import { FiguresStamp } from "../kernel/graph-figures.type";
import { Author } from "./author.type";

@ObjectType("AuthorFigures", {
  description: "An author's whole-graph figures, from the current figures (see GraphFigures).",
  simpleResolvers: true,
})
export class AuthorFigures {
  @Field(() => Float, {
    description:
      "PageRank on the whole coauthor graph, ties weighted by Newman's Σ_p 1/(n_p − 1), α 0.85; a probability (all authors sum to 1), so 1/N is the average.",
  })
  pageRank!: number;

  @Field(() => Float, {
    description:
      "Betweenness on the whole graph, shortest paths in hops: the share of shortest paths between other authors through this one, normalised by (N − 1)(N − 2), in [0, 1]; estimated from sampled pivots on large graphs (see GraphFigures.explain).",
  })
  betweenness!: number;

  @Field(() => Int, { description: "The author's connected component: 0 is the giant component, then by size (desc)." })
  component!: number;

  @Field(() => FiguresStamp)
  figures!: FiguresStamp;

  @Field(() => [Explanation], {
    description:
      "PageRank's and betweenness's explanations: the algorithm, every parameter (pivots and seed included), the snapshot, and notes on sampling and staleness.",
  })
  explain!: Explanation[];
}

@ObjectType("VenueTopAuthor", { simpleResolvers: true })
export class VenueTopAuthor {
  @Field(() => Author)
  author!: Author;

  @Field(() => Int, { description: "The author's distinct papers at the venue inside the year window." })
  papers!: number;

  @Field(() => Float, { description: "Whole-graph PageRank (see AuthorFigures.pageRank)." })
  pageRank!: number;

  @Field(() => Float, { description: "Whole-graph normalised betweenness (see AuthorFigures.betweenness)." })
  betweenness!: number;
}

@ObjectType("VenueTopAuthors", {
  description: "A venue's authors inside a year window, ordered by a whole-graph figure.",
  simpleResolvers: true,
})
export class VenueTopAuthors {
  @Field(() => FiguresStamp)
  figures!: FiguresStamp;

  @Field(() => [VenueTopAuthor])
  authors!: VenueTopAuthor[];

  @Field(() => [Explanation], { description: "The selection and order, then PageRank's and betweenness's own explanations." })
  explain!: Explanation[];
}
