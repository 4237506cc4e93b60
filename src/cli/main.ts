#!/usr/bin/env node
import "reflect-metadata";
import { Command } from "commander";
import { registerDbCommands } from "./db.commands";
import { registerFiguresCommand } from "./figures.command";
import { registerImportCommand } from "./import.command";
import { registerPersistedCommand } from "./persisted.command";
import { registerSchemaCommand } from "./schema.command";
import { registerServeCommands } from "./serve.command";
import { registerStatsCommand } from "./stats.command";

const program = new Command()
  .name("coauthor-graph")
  .description("A GraphQL knowledge graph of scholarly coauthorship on Neo4j")
  .showHelpAfterError();

registerServeCommands(program);
registerImportCommand(program);
registerStatsCommand(program);
registerFiguresCommand(program);
registerDbCommands(program);
registerSchemaCommand(program);
registerPersistedCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  // Our own errors carry the advice; anything else still gets one readable line instead of a stack.
  console.error(`coauthor-graph: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.DEBUG) console.error(error);
  process.exit(1);
});
