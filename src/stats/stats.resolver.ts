import { Arg, Ctx, FieldResolver, Int, Query, Resolver } from "type-graphql";
import type { GraphContext } from "../graphql/context";
import { GraphStats, ImportRun } from "./stats.type";

/** Adapts GraphQL arguments to StatsService; no rules here. */
@Resolver(() => GraphStats)
export class StatsResolver {
  @Query(() => GraphStats)
  stats(@Ctx() ctx: GraphContext) {
    return ctx.services.stats.graphCounts();
  }

  @FieldResolver(() => [ImportRun], { description: "The most recent import runs first." })
  importRuns(
    @Arg("first", () => Int, { nullable: true, defaultValue: 20, description: "How many runs, 1..100." }) first: number | null,
    @Ctx() ctx: GraphContext,
  ) {
    return ctx.services.stats.importRuns(first);
  }
}
