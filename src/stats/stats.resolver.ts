import { Arg, Ctx, FieldResolver, Int, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../kernel/request-context";
import type { StatsService } from "./stats.service";
import { GraphStats, ImportRun } from "./stats.type";

type StatsContext = RequestContext<{ stats: StatsService }>;

/** Adapts GraphQL arguments to StatsService; no rules here. */
@Resolver(() => GraphStats)
export class StatsResolver {
  @Query(() => GraphStats)
  stats(@Ctx() ctx: StatsContext) {
    return ctx.services.stats.graphCounts();
  }

  @FieldResolver(() => [ImportRun], { description: "The most recent import runs first." })
  importRuns(
    @Arg("first", () => Int, { nullable: true, defaultValue: 20, description: "How many runs, 1..100." }) first: number | null,
    @Ctx() ctx: StatsContext,
  ) {
    return ctx.services.stats.importRuns(first);
  }
}
