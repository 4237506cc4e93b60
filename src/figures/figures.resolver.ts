import { Ctx, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../kernel/request-context";
import type { FiguresService } from "./figures.service";
import { GraphFigures } from "./figures.type";

/** Adapts Query.graphFigures to FiguresService; no rules here. */
@Resolver(() => GraphFigures)
export class FiguresResolver {
  @Query(() => GraphFigures, {
    nullable: true,
    description:
      "Whole-graph figures of the current figures snapshot: components and the giant component's share, degree and team-size distributions (as rows), with explanations; null before any were computed. figures.stale says when the graph changed since.",
  })
  graphFigures(@Ctx() ctx: RequestContext<{ figures: FiguresService }>) {
    return ctx.services.figures.graphFigures();
  }
}
