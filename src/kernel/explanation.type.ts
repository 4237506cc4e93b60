import { GraphQLJSONObject } from "graphql-scalars";
import { Field, ObjectType } from "type-graphql";
import type { Explanation as ExplanationData } from "./explanation";

@ObjectType("Explanation", {
  description:
    "How a figure was computed: the method, the formula or algorithm with its source, every parameter (defaults and seeds included) and the graph snapshot, so that the same call reproduces it.",
  simpleResolvers: true,
})
export class Explanation implements ExplanationData {
  @Field(() => String, { description: 'What the figure is, e.g. "tieStrength", "pagerank", "louvain", "timeline".' })
  method!: string;

  @Field(() => String, { description: "What computed it, with versions." })
  implementation!: string;

  @Field(() => String, { description: "The formula or algorithm in words, with its source." })
  formula!: string;

  @Field(() => GraphQLJSONObject, { description: "Every parameter used, defaults and seeds included." })
  parameters!: Record<string, unknown>;

  @Field(() => String, { description: "The graph version the figure was computed on (see GraphStats.snapshotId)." })
  snapshotId!: string;

  @Field(() => [String], { description: "Sampling, truncation, thresholds and why they were chosen." })
  notes!: string[];
}
