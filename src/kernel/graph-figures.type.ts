import { Field, ObjectType, registerEnumType } from "type-graphql";
import { FigureOrder, type FiguresStamp as FiguresStampData } from "./graph-figures";

registerEnumType(FigureOrder, {
  name: "AuthorFigureOrder",
  description: "Orders by a whole-graph figure of every author (see GraphFigures), highest first, then by id.",
  valuesConfig: {
    PAGERANK: { description: "Whole-graph PageRank on Newman-weighted ties (α 0.85); scores sum to 1 over all authors." },
    BETWEENNESS: { description: "Whole-graph betweenness on hop distances, normalised to [0, 1]; sampled above the pivot count." },
  },
});

@ObjectType("FiguresStamp", {
  description:
    "Which whole-graph figures answered: the snapshot they were computed on beside the graph's. When they differ (stale), every value still comes from that one older snapshot, never mixed with newer ones.",
  simpleResolvers: true,
})
export class FiguresStamp implements FiguresStampData {
  @Field(() => String, { description: "The graph snapshot the figures were computed on." })
  figuresSnapshotId!: string;

  @Field(() => String, { description: "The graph's snapshot now (stats.snapshotId)." })
  graphSnapshotId!: string;

  @Field(() => Boolean, { description: "True when the graph changed after the figures were computed: run `coauthor-graph figures`." })
  stale!: boolean;

  @Field(() => String, { description: "When the figures were computed (ISO 8601)." })
  computedAt!: string;
}
