import { Field, Float, ID, Int, ObjectType } from "type-graphql";

/*
 * Grafana's Node Graph frames as GraphQL: the field names are the panel's own (grafana.ts), so the
 * Infinity data source reads `data.coauthorNetworkFrames.nodes` and `.edges` with no renaming.
 */

@ObjectType("GrafanaNode", { description: "A row of the Node Graph panel's nodes frame.", simpleResolvers: true })
export class GrafanaNode {
  @Field(() => ID, { description: "Author id." })
  id!: string;

  @Field({ description: "Author name." })
  title!: string;

  @Field({ description: "Years of the author's papers (inside the window)." })
  subTitle!: string;

  @Field(() => Int, { description: "Papers (inside the window)." })
  mainStat!: number;

  @Field(() => Int, { description: "Ties inside this network." })
  secondaryStat!: number;

  @Field(() => Float, { description: "1 for the centre author, else 0 (arc colours add up to 1)." })
  arc__centre!: number;

  @Field(() => Float, { description: "1 for a direct coauthor of the centre, else 0." })
  arc__coauthor!: number;

  @Field(() => Float, { description: "1 for an author two or more hops out, else 0." })
  arc__further!: number;

  @Field({ description: "Colour of arc__centre (the Infinity data source applies arc__*_color)." })
  arc__centre_color!: string;

  @Field()
  arc__coauthor_color!: string;

  @Field()
  arc__further_color!: string;

  @Field(() => Int)
  detail__papers!: number;

  @Field()
  detail__years!: string;

  @Field(() => Int)
  detail__distance!: number;

  @Field()
  detail__aliases!: string;
}

@ObjectType("GrafanaEdge", { description: "A row of the Node Graph panel's edges frame.", simpleResolvers: true })
export class GrafanaEdge {
  @Field(() => ID, { description: "source|target." })
  id!: string;

  @Field(() => ID)
  source!: string;

  @Field(() => ID)
  target!: string;

  @Field(() => Int, { description: "Joint papers (inside the window, and with at most maxAuthorsPerPaper authors when given)." })
  mainStat!: number;

  @Field(() => Float, {
    description: "The tie's strength under the `strength` argument (see TieStrength for each formula); FULL: the joint papers.",
  })
  detail__strength!: number;

  @Field(() => Int, { nullable: true })
  detail__firstYear!: number | null;

  @Field(() => Int, { nullable: true })
  detail__lastYear!: number | null;
}

@ObjectType("GrafanaFrames", {
  description: "Flat nodes and edges in the shape of Grafana's Node Graph panel (and d3-force).",
  simpleResolvers: true,
})
export class GrafanaFrames {
  @Field(() => [GrafanaNode])
  nodes!: GrafanaNode[];

  @Field(() => [GrafanaEdge])
  edges!: GrafanaEdge[];
}
