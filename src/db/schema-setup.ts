import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fromRoot } from "../util/project-root";
import { Database } from "./database";

export interface SchemaStatement {
  file: string;
  cypher: string;
}

/** Waits for every index to be ONLINE; full-text indexes on a big graph take a while to populate. */
export const AWAIT_INDEXES = "CALL db.awaitIndexes($timeoutSeconds)";

/** Thrown when a statement from schema/neo4j/*.cypher fails; names the file and the server's reason. */
export class SchemaSetupError extends Error {
  override readonly name = "SchemaSetupError";
}

export function schemaDirectory(): string {
  return fromRoot("schema", "neo4j");
}

/** Every statement of every *.cypher file in `dir`, files in name order. */
export function readSchemaStatements(dir = schemaDirectory()): SchemaStatement[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".cypher"))
    .sort()
    .flatMap((name) => splitCypherStatements(readFileSync(path.join(dir, name), "utf8")).map((cypher) => ({ file: name, cypher })));
}

/** The statement of schema/neo4j/*.cypher that creates the index or constraint `name`. */
export function schemaStatementCreating(name: string, dir = schemaDirectory()): string {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const creates = new RegExp(`^CREATE\\s+(?:[A-Z]+\\s+)?(?:INDEX|CONSTRAINT)\\s+${escaped}\\s+IF\\s+NOT\\s+EXISTS\\b`);
  const found = readSchemaStatements(dir).find(({ cypher }) => creates.test(cypher));
  if (!found) throw new SchemaSetupError(`No statement in ${dir} creates "${name}"; the schema files and the code disagree.`);
  return found.cypher;
}

/**
 * Splits a schema file: a statement ends with a line ending in ";", lines starting with "//"
 * are comments, and a last statement without ";" still counts. Semicolons inside a line
 * (e.g. in a string) do not split, which is all our DDL needs.
 */
export function splitCypherStatements(text: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  const flush = () => {
    const statement = current.join("\n").trim().replace(/;$/, "").trim();
    if (statement) statements.push(statement);
    current = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.trim().startsWith("//")) continue;
    current.push(line);
    if (/;\s*$/.test(line)) flush();
  }
  flush();
  return statements;
}

/** Names schema transactions in their metadata, whichever command applies the schema. */
const SCHEMA_OPERATION = "schema";

/**
 * Applies schema/neo4j/*.cypher. Every statement is "IF NOT EXISTS", so this runs at every start
 * and before every import, also from two processes at once. Then waits until the indexes are online.
 */
export async function applySchema(
  db: Database,
  opts: { awaitSeconds?: number; log?: (msg: string) => void; dir?: string } = {},
): Promise<{ statements: number }> {
  const statements = readSchemaStatements(opts.dir);
  await dropFulltextIndexesOfOtherAnalyzers(db, statements, opts.log);
  for (const { file, cypher } of statements) {
    try {
      await db.write(cypher, {}, { timeoutMs: 60_000, operation: SCHEMA_OPERATION });
    } catch (error) {
      if (isEquivalentRuleRace(error)) continue;
      throw new SchemaSetupError(`Applying ${file} failed at "${firstLine(cypher)}": ${reason(error)}`, { cause: error });
    }
  }
  const awaitSeconds = opts.awaitSeconds ?? 300;
  try {
    await db.read(AWAIT_INDEXES, { timeoutSeconds: awaitSeconds }, { timeoutMs: (awaitSeconds + 10) * 1000, operation: SCHEMA_OPERATION });
  } catch (error) {
    throw new SchemaSetupError(`Indexes did not come online within ${awaitSeconds} s: ${reason(error)}`, { cause: error });
  }
  opts.log?.(`Schema applied: ${statements.length} constraints and indexes online.`);
  return { statements: statements.length };
}

const FULLTEXT_ANALYZER = /^CREATE\s+FULLTEXT\s+INDEX\s+(\w+)\s+IF\s+NOT\s+EXISTS\b[\s\S]*`fulltext\.analyzer`\s*:\s*'([^']+)'/;

/**
 * "IF NOT EXISTS" keeps an index as it was made: a full-text index the schema now wants with another analyzer is
 * dropped here, so that its statement makes it again (Neo4j fills it from the store in the background; this step
 * waits for it with the other indexes below). It happens once, at the first start or import after the upgrade. Two
 * processes starting at that moment may each drop and make it, the second after the first has made it: searches in
 * the first then fail until the second's index is online, which the second waits for.
 */
async function dropFulltextIndexesOfOtherAnalyzers(
  db: Database,
  statements: ReadonlyArray<{ cypher: string }>,
  log?: (msg: string) => void,
): Promise<void> {
  const wanted = new Map<string, string>();
  for (const { cypher } of statements) {
    const match = FULLTEXT_ANALYZER.exec(cypher);
    if (match) wanted.set(match[1], match[2]);
  }
  if (wanted.size === 0) return;
  const rows = await db.read(
    "SHOW FULLTEXT INDEXES YIELD name, options WHERE name IN $names RETURN name, options.indexConfig['fulltext.analyzer'] AS analyzer",
    { names: [...wanted.keys()] },
    { operation: SCHEMA_OPERATION },
  );
  for (const row of rows) {
    const name = row.get("name") as string;
    const analyzer = row.get("analyzer") as string | null;
    if (analyzer === wanted.get(name)) continue;
    log?.(`Full-text index ${name} was made with the ${analyzer ?? "default"} analyzer; making it again with ${wanted.get(name)}.`);
    await db.write(`DROP INDEX ${name} IF EXISTS`, {}, { timeoutMs: 60_000, operation: SCHEMA_OPERATION });
  }
}

/** Two processes creating the same index or constraint at the same moment: the loser's IF NOT EXISTS can still fail. */
export function isEquivalentRuleRace(error: unknown): boolean {
  const code = String((causeOf(error) as { code?: string })?.code ?? "");
  return (
    code.includes("EquivalentSchemaRuleAlreadyExists") || code.includes("ConstraintAlreadyExists") || code.includes("IndexAlreadyExists")
  );
}

function causeOf(error: unknown): unknown {
  return (error as { cause?: unknown })?.cause ?? error;
}

function reason(error: unknown): string {
  const cause = causeOf(error) as { message?: string };
  return cause?.message ?? String(error);
}

function firstLine(cypher: string): string {
  return cypher.split("\n")[0].slice(0, 80);
}
