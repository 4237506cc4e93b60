import { readFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { buildSchema, execute, parse, validate, type GraphQLResolveInfo } from "graphql";
import { parseResolveInfo, type ResolveTree } from "graphql-parse-resolve-info";
import { selectsAny, subFieldArguments } from "../../src/kernel/lookahead";
import { fromRoot } from "../../src/util/project-root";
import { fixed, median, table } from "./measure";

/*
 * `npm run build && node dist/bench/alternatives/lookahead.bench.js [rounds]`
 * Our look-ahead (src/kernel/lookahead.ts) against graphql-parse-resolve-info, the maintained library for
 * reading a resolver's selection, on the operations that use it: the benchmark's and the tests' author
 * and network queries, a dashboard-sized author query, fragments, aliases, variables and @skip. The
 * GraphQLResolveInfo of each is captured by executing it against the committed schema (schema/schema.graphql),
 * then both read it; answers are compared, and the calls timed in one process, interleaved.
 */

/** subFieldArguments through the library: the resolve tree's direct children named `name`, any alias. */
function libSubFieldArguments(info: GraphQLResolveInfo, name: string): Array<Record<string, unknown>> {
  const tree = parseResolveInfo(info) as ResolveTree | null | undefined;
  return children(tree ? [tree] : [], name).map((node) => node.args as Record<string, unknown>);
}

/** selectsAny through the library. */
function libSelectsAny(info: GraphQLResolveInfo, paths: readonly string[][]): boolean {
  const tree = parseResolveInfo(info) as ResolveTree | null | undefined;
  return paths.some((path) => path.reduce<ResolveTree[]>((nodes, name) => children(nodes, name), tree ? [tree] : []).length > 0);
}

function children(nodes: readonly ResolveTree[], name: string): ResolveTree[] {
  return nodes.flatMap((node) =>
    Object.values(node.fieldsByTypeName).flatMap((byAlias) => Object.values(byAlias).filter((child) => child.name === name)),
  );
}

const EDGE_YEARS = [
  ["edges", "firstYear"],
  ["edges", "lastYear"],
];
const COAUTHOR_PAGE =
  "edges { cursor jointPapers firstYear lastYear node { id name paperCount } } pageInfo { hasNextPage endCursor } totalCount";

interface Operation {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

const OPERATIONS: Operation[] = [
  {
    name: "author lookup (bench)",
    query: `query($id: ID!) { author(id: $id) { id name paperCount coauthorCount firstYear lastYear } }`,
    variables: { id: "a" },
  },
  {
    name: "author coauthors (bench)",
    query: `query($id: ID!) { author(id: $id) { coauthors(first: 20) { totalCount edges { jointPapers node { id name } } } } }`,
    variables: { id: "a" },
  },
  {
    name: "coauthor page, variables",
    query: `query($id: ID!, $after: String) { author(id: $id) { name coauthors(first: 2, after: $after) { ${COAUTHOR_PAGE} } } }`,
    variables: { id: "a", after: "abc" },
  },
  {
    name: "fragment + alias",
    query: `{ author(id: "a") { ...page } } fragment page on Author { people: coauthors(first: 3) { totalCount edges { node { id } } } }`,
  },
  {
    name: "two pages, aliases",
    query: `{ author(id: "a") { a: coauthors(first: 1) { edges { node { id } } } b: coauthors(first: 3, yearFrom: 2005) { edges { node { id } } } } }`,
  },
  {
    name: "dashboard-sized author",
    query: `query($id: ID!, $from: Int) { author(id: $id) { id name aliases orcid paperCount firstYear lastYear coauthorCount
      papers(first: 10) { totalCount edges { node { id title year doi venue { id name acronym } authors { id name paperCount } } } }
      coauthors(first: 20, yearFrom: $from) { ${COAUTHOR_PAGE} }
      venues(first: 10) { paperCount firstYear lastYear venue { id name paperCount } } } }`,
    variables: { id: "a", from: 2015 },
  },
  { name: "coauthors under @skip(if: true)", query: `{ author(id: "a") { name coauthors(first: 2) @skip(if: true) { totalCount } } }` },
  {
    name: "network (bench)",
    query: `query($id: ID!, $depth: Int!) { coauthorNetwork(authorId: $id, depth: $depth, maxNodes: 500) { truncated nodes { distance author { id name } } edges { source target jointPapers } } }`,
    variables: { id: "a", depth: 2 },
  },
  {
    name: "network with edge years",
    query: `{ coauthorNetwork(authorId: "a") { nodes { author { id } } ... on CoauthorNetwork { edges { source target jointPapers firstYear lastYear } } } }`,
  },
];

/** Executes the operation on the committed SDL (no resolvers) and keeps the info of the top-level field. */
async function captureInfo(operation: Operation): Promise<GraphQLResolveInfo> {
  const schema = buildSchema(readFileSync(fromRoot("schema", "schema.graphql"), "utf8"));
  const document = parse(operation.query);
  const errors = validate(schema, document);
  if (errors.length > 0) throw new Error(`${operation.name}: ${errors[0].message}`);
  let captured: GraphQLResolveInfo | undefined;
  await execute({
    schema,
    document,
    variableValues: operation.variables,
    fieldResolver: (_source, _args, _context, info) => {
      if (info.parentType.name === "Query") captured = info;
      return null;
    },
  });
  if (!captured) throw new Error(`${operation.name}: no top-level field resolved`);
  return captured;
}

type Reader = (info: GraphQLResolveInfo) => unknown;
const readers = (info: GraphQLResolveInfo): { ours: Reader; lib: Reader } =>
  info.fieldName === "coauthorNetwork"
    ? { ours: (i) => selectsAny(i, EDGE_YEARS), lib: (i) => libSelectsAny(i, EDGE_YEARS) }
    : { ours: (i) => subFieldArguments(i, "coauthors"), lib: (i) => libSubFieldArguments(i, "coauthors") };

/** The distinct argument sets, sorted, as byId sees them (it keys pages by their arguments). */
function canonical(answer: unknown): string {
  return Array.isArray(answer) ? JSON.stringify([...new Set(answer.map((args) => JSON.stringify(args)))].sort()) : JSON.stringify(answer);
}

function microsecondsPerCall(read: Reader, info: GraphQLResolveInfo, calls: number): number {
  const started = performance.now();
  for (let i = 0; i < calls; i++) read(info);
  return ((performance.now() - started) * 1000) / calls;
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 7);
  const calls = 20_000;
  console.log(
    `${calls} calls per round, ${rounds} rounds interleaved, medians; node ${process.version}, ${os.cpus()[0]?.model.trim()}, load ${os.loadavg()[0].toFixed(2)}`,
  );
  const rows = [["operation", "ours µs", "library µs", "library vs ours", "same answer"]];
  const ratios: number[] = [];
  for (const operation of OPERATIONS) {
    const info = await captureInfo(operation);
    const { ours, lib } = readers(info);
    const oursAnswer = canonical(ours(info));
    const libAnswer = canonical(lib(info));
    microsecondsPerCall(ours, info, calls); // warm-up
    microsecondsPerCall(lib, info, calls);
    const oursTimes: number[] = [];
    const libTimes: number[] = [];
    for (let round = 0; round < rounds; round++) {
      oursTimes.push(microsecondsPerCall(ours, info, calls));
      libTimes.push(microsecondsPerCall(lib, info, calls));
    }
    const ratio = median(libTimes) / median(oursTimes);
    ratios.push(ratio);
    rows.push([
      operation.name,
      fixed(median(oursTimes)),
      fixed(median(libTimes)),
      `${fixed(ratio)}x`,
      oursAnswer === libAnswer ? "yes" : `ours ${oursAnswer} / library ${libAnswer}`,
    ]);
  }
  const geometricMean = Math.exp(ratios.reduce((sum, r) => sum + Math.log(r), 0) / ratios.length);
  console.log(`\n${table(rows)}\n\nlibrary vs ours, geometric mean over the operations: ${fixed(geometricMean)}x`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
