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

  @FieldResolver(() => String, {
    description:
      'The graph version, "<epoch>-<counter>": it changes when, and only when, an import changes the graph (every import transaction that changes something bumps the counter in that same transaction; a re-import that changes nothing leaves it). Every response carries it as extensions.snapshotId, and every analysis result in its explain. "0-0" for a graph no import has versioned.',
  })
  async snapshotId(@Ctx() ctx: StatsContext) {
    return (await ctx.services.stats.version()).snapshotId;
  }

  @FieldResolver(() => String, { nullable: true, description: "When the graph last changed (ISO 8601); null when unknown." })
  async snapshotChangedAt(@Ctx() ctx: StatsContext) {
    return (await ctx.services.stats.version()).changedAt;
  }

  @FieldResolver(() => [ImportRun], { description: "The most recent import runs first." })
  importRuns(
    @Arg("first", () => Int, { nullable: true, defaultValue: 20, description: "How many runs, 1..100." }) first: number | null,
    @Ctx() ctx: StatsContext,
  ) {
    return ctx.services.stats.importRuns(first);
  }
}
