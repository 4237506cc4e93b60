import { Field, Float, Int, ObjectType } from "type-graphql";
import { Explanation } from "../kernel/explanation.type";
import { FiguresStamp } from "../kernel/graph-figures.type";

@ObjectType("ComponentSizeRow", { description: "How many connected components have this many authors.", simpleResolvers: true })
export class ComponentSizeRow {
  @Field(() => Int, { description: "Authors in the component." })
  size!: number;

  @Field(() => Int, { description: "Components of that size." })
  components!: number;
}

@ObjectType("DegreeRow", { description: "How many authors have this many distinct coauthors.", simpleResolvers: true })
export class DegreeRow {
  @Field(() => Int, { description: "Distinct coauthors (degree), all time." })
  degree!: number;

  @Field(() => Int)
  authors!: number;
}

@ObjectType("TeamSizeRow", { description: "How many papers have this many authors.", simpleResolvers: true })
export class TeamSizeRow {
  @Field(() => Int, { description: "Authors on the byline." })
  authors!: number;

  @Field(() => Int)
  papers!: number;
}

@ObjectType("GraphFigures", {
  description:
    "Figures of the whole coauthor graph, computed after an import (or by `coauthor-graph figures`) and kept with the snapshot they belong to. Per-author PageRank and betweenness are on Author.figures and order authors(orderBy:) and Venue.topAuthors.",
  simpleResolvers: true,
})
export class GraphFigures {
  @Field(() => FiguresStamp, { description: "The snapshot the figures are of, beside the graph's; stale when they differ." })
  figures!: FiguresStamp;

  @Field(() => String, { description: "The snapshot the figures were computed on (= figures.figuresSnapshotId)." })
  snapshotId!: string;

  @Field(() => Int, { description: "Authors (N), including those without coauthors." })
  authors!: number;

  @Field(() => Int, { description: "Coauthor ties (distinct pairs with a joint paper)." })
  ties!: number;

  @Field(() => Int, { description: "Connected components; an author without coauthors is one." })
  components!: number;

  @Field(() => Int, { description: "Authors in the largest component." })
  giantComponentSize!: number;

  @Field(() => Float, { description: "giantComponentSize / authors, in [0, 1]." })
  giantComponentShare!: number;

  @Field(() => Int, { description: "Authors without any coauthor." })
  isolatedAuthors!: number;

  @Field(() => Float, { description: "Mean degree 2·ties/authors (coauthors per author)." })
  meanDegree!: number;

  @Field(() => [ComponentSizeRow], { description: "Component sizes, ascending." })
  componentSizes!: ComponentSizeRow[];

  @Field(() => [DegreeRow], { description: "Degree distribution, ascending by degree." })
  degreeDistribution!: DegreeRow[];

  @Field(() => [TeamSizeRow], { description: "Team-size distribution (authors per paper), ascending." })
  teamSizeDistribution!: TeamSizeRow[];

  @Field(() => Int, { description: "How long the computation took (ms), reading and writing included." })
  durationMs!: number;

  @Field(() => [Explanation], { description: "One per figure: components, degree and team-size distributions, PageRank, betweenness." })
  explain!: Explanation[];
}
