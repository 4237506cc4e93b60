import "../lib/production-mode";
import { performance } from "node:perf_hooks";
import { execute, parse, type DocumentNode } from "graphql";
import { compileQuery, isCompiledQuery } from "graphql-jit";
import { loadConfig } from "../../src/config";
import { Database } from "../../src/db/database";
import { createContext } from "../../src/api/context";
import { buildGraphqlSchema } from "../../src/api/schema";
import { percentile } from "../lib/latency";

/*
 * graphql-jit (compiled execution) against graphql-js's execute, in-process on the same schema, context and Neo4j,
 * each operation taken in turn by the two: wall time and this process's CPU time per request (the driver's decoding,
 * the resolvers, execution, JSON.stringify of the answer; graphql-jit's compiled stringify for it). Issue 12, item 4.
 * Run: BENCH_NEO4J_URI=bolt://… node dist/bench/alternatives/graphql-jit.bench.js
 */

const OPERATIONS: Array<{ name: string; query: string; variables: Record<string, unknown> }> = [
  {
    name: "author by id",
    query: `query($id: ID!) { author(id: $id) { id name paperCount coauthorCount firstYear lastYear } }`,
    variables: { id: "name:iulia maria comsa" },
  },
  {
    name: "coauthors(first: 20)",
    query: `query($id: ID!) { author(id: $id) { coauthors(first: 20) { totalCount edges { jointPapers node { id name } } } } }`,
    variables: { id: "name:zhao zhang" },
  },
  {
    name: "network depth 2, 61k ties, edges",
    query: `query($id: ID!) { coauthorNetwork(authorId: $id, depth: 2, maxNodes: 500) { truncated nodes { distance author { id name } } edges { source target jointPapers } } }`,
    variables: { id: "name:iulia maria comsa" },
  },
  {
    name: "network depth 2, 61k ties, compact",
    query: `query($id: ID!) { coauthorNetwork(authorId: $id, depth: 2, maxNodes: 500) { truncated compact { authorIds names distances source target jointPapers } } }`,
    variables: { id: "name:iulia maria comsa" },
  },
];

async function main() {
  const uri = process.env.BENCH_NEO4J_URI;
  if (!uri) throw new Error("Set BENCH_NEO4J_URI");
  const target = {
    uri,
    user: process.env.NEO4J_USER || "neo4j",
    password: process.env.NEO4J_PASSWORD || "neo4j",
    database: process.env.NEO4J_DATABASE || "neo4j",
  };
  const config = loadConfig({ ...process.env, NODE_ENV: "production" });
  const db = await Database.connect(target, config.neo4j.txTimeoutMs);
  const schema = await buildGraphqlSchema();
  const repeats = Number(process.env.BENCH_REPEATS || 15);
  const lines = [
    "| operation | graphql-js p50 ms | graphql-jit p50 ms | graphql-js CPU ms (p50) | graphql-jit CPU ms (p50) | jit/js CPU | same answer |",
    "|---|---:|---:|---:|---:|---:|---|",
  ];
  try {
    for (const op of OPERATIONS) {
      const document: DocumentNode = parse(op.query);
      const compiled = compileQuery(schema, document);
      if (!isCompiledQuery(compiled)) throw new Error(`graphql-jit could not compile ${op.name}: ${JSON.stringify(compiled.errors)}`);
      const ways = {
        js: async () =>
          JSON.stringify(await execute({ schema, document, contextValue: createContext(db, op), variableValues: op.variables })),
        jit: async () => compiled.stringify(await compiled.query(undefined, createContext(db, op), op.variables)),
      };
      const first = { js: JSON.parse(await ways.js()), jit: JSON.parse(await ways.jit()) };
      const same = JSON.stringify(first.js) === JSON.stringify(first.jit);
      const wall = { js: [] as number[], jit: [] as number[] };
      const cpu = { js: [] as number[], jit: [] as number[] };
      for (let i = 0; i < repeats; i += 1)
        for (const way of ["js", "jit"] as const) {
          const c0 = process.cpuUsage();
          const t0 = performance.now();
          await ways[way]();
          wall[way].push(performance.now() - t0);
          const c = process.cpuUsage(c0);
          cpu[way].push((c.user + c.system) / 1000);
        }
      const p = (xs: number[]) => percentile(xs, 50);
      lines.push(
        `| ${op.name} | ${p(wall.js).toFixed(1)} | ${p(wall.jit).toFixed(1)} | ${p(cpu.js).toFixed(1)} | ${p(cpu.jit).toFixed(1)} | ${(p(cpu.jit) / p(cpu.js)).toFixed(2)}× | ${same ? "yes" : "NO"} |`,
      );
      console.log(lines[lines.length - 1]);
    }
  } finally {
    await db.close();
  }
  console.log(lines.join("\n"));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
