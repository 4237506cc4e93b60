import { readFile, writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { buildGraphqlSchema, printSchemaSdl } from "../api/schema";
import { fromRoot } from "../util/project-root";

/** Where the committed SDL lives. */
export function schemaFilePath(): string {
  return fromRoot("schema", "schema.graphql");
}

/** The SDL the current resolvers produce, exactly as schema/schema.graphql should hold it. */
export async function currentSchemaSdl(): Promise<string> {
  return printSchemaSdl(await buildGraphqlSchema());
}

/**
 * `coauthor-graph schema [--write]`: prints the GraphQL SDL, or writes schema/schema.graphql
 * (what `npm run schema` does after building). No database is needed.
 */
export function registerSchemaCommand(program: Command): Command {
  return program
    .command("schema")
    .description("print the GraphQL schema (SDL), or write it to schema/schema.graphql with --write")
    .option("--write", "write schema/schema.graphql instead of printing")
    .action(async (options: { write?: boolean }) => {
      const sdl = await currentSchemaSdl();
      if (!options.write) {
        process.stdout.write(sdl);
        return;
      }
      const file = schemaFilePath();
      const previous = await readFile(file, "utf8").catch(() => null);
      if (previous === sdl) {
        process.stdout.write(`${file} is up to date\n`);
        return;
      }
      await writeFile(file, sdl, "utf8");
      process.stdout.write(`wrote ${file}\n`);
    });
}
