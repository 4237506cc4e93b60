import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { buildGraphqlSchema } from "../api/schema";
import { buildManifest, type DocumentSource } from "../api/trusted-documents";

/** Every .graphql / .gql file under `dir`, recursively, in path order (so the manifest does not depend on the disk). */
export function graphqlFilesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (name.startsWith(".") || name === "node_modules") return [];
      if (statSync(full).isDirectory()) return graphqlFilesUnder(full);
      return /\.(graphql|gql)$/i.test(name) ? [full] : [];
    });
}

/**
 * `coauthor-graph persisted build <dir>... [-o manifest.json]`: the trusted-documents manifest of every named
 * operation in the .graphql files under the folders (or files) given, checked against the schema. No database needed.
 */
export function registerPersistedCommand(program: Command): Command {
  const persisted = program.command("persisted").description("persisted operations: build the trusted-documents manifest");
  persisted
    .command("build")
    .description("write a persisted query manifest (Apollo's format) of the named operations in .graphql files")
    .argument("<paths...>", "folders (searched recursively for .graphql and .gql files) or files")
    .option("-o, --output <file>", "where to write the manifest (default: standard output)")
    .action(async (paths: string[], options: { output?: string }) => {
      const files = paths.flatMap((p) => (statSync(p).isDirectory() ? graphqlFilesUnder(p) : [p]));
      if (files.length === 0) throw new Error(`No .graphql or .gql files under ${paths.join(", ")}.`);
      const sources: DocumentSource[] = files.map((file) => ({ name: file, text: readFileSync(file, "utf8") }));
      const manifest = buildManifest(sources, await buildGraphqlSchema());
      const json = `${JSON.stringify(manifest, null, 2)}\n`;
      if (!options.output) {
        process.stdout.write(json);
        return;
      }
      writeFileSync(options.output, json, "utf8");
      process.stderr.write(`wrote ${options.output}: ${manifest.operations.length} operations from ${files.length} files\n`);
    });
  return persisted;
}
