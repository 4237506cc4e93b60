import { GraphQLJSONObject } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType("ImportRun", { description: "One run of the importer over one file.", simpleResolvers: true })
export class ImportRun {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: "The file imported." })
  source!: string | null;

  @Field(() => String, { nullable: true })
  format!: string | null;

  @Field(() => String, { nullable: true, description: "SHA-256 of the file's bytes." })
  sha256!: string | null;

  @Field(() => String, { nullable: true, description: "ISO 8601." })
  startedAt!: string | null;

  @Field(() => String, { nullable: true, description: "ISO 8601; null while running or when the run failed." })
  finishedAt!: string | null;

  @Field(() => String, { nullable: true })
  status!: string | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: "The importer's counts for this run, as a JSON object (read, papers/authors/venues created or updated, rejected, ...).",
  })
  counts!: Record<string, unknown> | null;
}

@ObjectType("GraphStats", { description: "Size of the graph and the import runs behind it.", simpleResolvers: true })
export class GraphStats {
  @Field(() => Int)
  authors!: number;

  @Field(() => Int)
  papers!: number;

  @Field(() => Int)
  venues!: number;

  @Field(() => Int, { description: "AUTHORED relationships (author-paper pairs)." })
  authorships!: number;

  @Field(() => Int, { description: "Distinct pairs of authors with at least one joint paper." })
  coauthorPairs!: number;

  @Field(() => Int)
  importRunCount!: number;

  @Field(() => String, {
    description:
      'The graph version, "<epoch>-<counter>": it changes when, and only when, an import changes the graph (every import transaction that changes something bumps the counter in that same transaction; a re-import that changes nothing leaves it). Every response carries it as extensions.snapshotId, and every analysis result in its explain. "0-0" for a graph no import has versioned.',
  })
  snapshotId!: string;

  @Field(() => String, { nullable: true, description: "When the graph last changed (ISO 8601); null when unknown." })
  snapshotChangedAt!: string | null;
}
