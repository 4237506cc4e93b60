import { Args, ArgsType, Ctx, Field, ID, Int, Query, Resolver } from "type-graphql";
import { MaxAuthorsPerPaperArg, MinJointPapersArg, StrengthArg, YearFromArg, YearToArg } from "../kernel/args";
import type { TieStrength } from "../kernel/tie-strength.type";
import type { RequestContext } from "../kernel/request-context";
import type { ExportService } from "./export.service";
import { GrafanaFrames } from "./export.type";

@ArgsType()
class NetworkFramesArgs {
  @Field(() => ID)
  authorId!: string;

  @Field(() => Int, { nullable: true, defaultValue: 1, description: "Hops out from the author, 1..3." })
  depth?: number | null;

  @MinJointPapersArg("ties")
  minJointPapers?: number | null;

  @YearFromArg()
  yearFrom?: number | null;

  @YearToArg()
  yearTo?: number | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 200,
    description: "Most authors returned, centre included, 1..1500 (the Node Graph panel's limit).",
  })
  maxNodes?: number | null;

  @StrengthArg()
  strength?: TieStrength | null;

  @MaxAuthorsPerPaperArg()
  maxAuthorsPerPaper?: number | null;
}

type ExportContext = RequestContext<{ export: ExportService }>;

/** Adapts GraphQL arguments to ExportService; no rules here. */
@Resolver()
export class ExportResolver {
  @Query(() => GrafanaFrames, {
    description:
      "coauthorNetwork as flat frames for Grafana's Node Graph panel (Infinity data source, root selector `data.coauthorNetworkFrames.nodes` / `.edges`) or d3-force. Unknown author: NOT_FOUND.",
  })
  coauthorNetworkFrames(@Args(() => NetworkFramesArgs) args: NetworkFramesArgs, @Ctx() ctx: ExportContext) {
    return ctx.services.export.grafanaFrames(args);
  }
}
