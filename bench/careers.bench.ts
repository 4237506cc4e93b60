import "./lib/production-mode";
import "reflect-metadata";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { ApolloServer } from "@apollo/server";
import { apiPlugins } from "../src/api/api-plugins";
import { createContext, GraphContext } from "../src/api/context";
import { buildGraphqlSchema } from "../src/api/schema";
import { readCoauthorCliques, readCoauthorIds, readEgoPapers } from "../src/career/career.store";
import { initialsForm, parseName } from "../src/career/names";
import { homonymVerdict, sameAsVerdict } from "../src/career/namesakes";
import { loadConfig } from "../src/config";
import { Database } from "../src/db/database";
import { provideNeo4j } from "../src/db/neo4j-provider";
import { fromRoot } from "../src/util/project-root";
import { seededRandom } from "../src/util/seeded-random";

/*
 * Careers and namesakes on a real graph (issue 11), in one run:
 * 1. latency of Author.timeline, collaboration (with the author's strongest coauthor), possibleHomonym and
 *    possibleSameAs for the author with the most coauthors, a median author and a single-coauthor author, beside the
 *    coauthors page (first 20) of the same author in the same run (ratio = field / coauthors page);
 * 2. the whole-graph namesakeCandidates listing: its first build for the snapshot (with its phases) and a later page;
 * 3. precision and recall of both namesake flags on the labelled cases (test/fixtures/careers/labelled-cases.json),
 *    at several thresholds. The cases are drawn from the graph once (CAREERS_BENCH_WRITE_CASES=1, seeded) and committed.
 *
 *   CAREERS_BENCH_HOME=<a coauthor-graph home holding the 158k graph> node dist/bench/careers.bench.js
 */
const HOME = process.env.CAREERS_BENCH_HOME;
const RUNS = Number(process.env.CAREERS_BENCH_RUNS || 5);
const CASES = fromRoot("test", "fixtures", "careers", "labelled-cases.json");
const PER_KIND = Number(process.env.CAREERS_BENCH_CASES || 60);

type Ask = (query: string, variables: Record<string, unknown>) => Promise<{ ms: number; data: any }>;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const QUERIES: Record<string, string> = {
  "coauthors page (baseline)": `query($id: ID!) { author(id: $id) { coauthors(first: 20) { totalCount edges { jointPapers node { id name } } } } }`,
  timeline: `query($id: ID!) { author(id: $id) { timeline { rows { year time papers coauthors newCoauthors repeatCoauthors meanTeamSize medianTeamSize soloPapers firstAuthorPapers lastAuthorPapers largeTeamShare } explain { method } snapshotId } } }`,
  collaboration: `query($id: ID!, $other: ID!) { collaboration(authorId: $id, coauthorId: $other) { jointPapers firstYear lastYear authorShare coauthorShare tieClass years { time jointPapers } weights { strength weight } papers { paper { id title year } authorPosition coauthorPosition } explain { method } snapshotId } }`,
  possibleHomonym: `query($id: ID!) { author(id: $id) { possibleHomonym { flagged score groups { size paperCount firstYear lastYear years venues { venue { acronym } papers } topCoauthors(first: 3) { author { name } jointPapers } } explain { notes } } } }`,
  possibleSameAs: `query($id: ID!) { author(id: $id) { possibleSameAs { candidates { author { id name } sharedCoauthorCount overlap score sharedCoauthors { name } evidence { of { name } paper { title year } via { name } } } ruledOut { author { name } reason } explain { notes } } } }`,
};

async function latency(db: Database, ask: Ask): Promise<void> {
  const pick = async (cypher: string) => {
    const [r] = await db.read(cypher);
    return { id: r.get("id") as string, name: r.get("name") as string, k: Number(r.get("k")), papers: Number(r.get("papers")) };
  };
  const top = await pick(
    "MATCH (a:Author) WITH a, COUNT { (a)-[:COAUTHORED_WITH]-() } AS k ORDER BY k DESC, a.id LIMIT 1 RETURN a.id AS id, a.name AS name, k, COUNT { (a)-[:AUTHORED]->() } AS papers",
  );
  const [{ n }] = (await db.read("MATCH (a:Author) RETURN count(a) AS n")).map((r) => ({ n: Number(r.get("n")) }));
  const mid = await pick(
    `MATCH (a:Author) WITH a, COUNT { (a)-[:COAUTHORED_WITH]-() } AS k ORDER BY k, a.id SKIP ${Math.floor(n / 2)} LIMIT 1 RETURN a.id AS id, a.name AS name, k, COUNT { (a)-[:AUTHORED]->() } AS papers`,
  );
  const single = await pick(
    "MATCH (a:Author) WHERE COUNT { (a)-[:COAUTHORED_WITH]-() } = 1 WITH a ORDER BY a.id LIMIT 1 RETURN a.id AS id, a.name AS name, 1 AS k, COUNT { (a)-[:AUTHORED]->() } AS papers",
  );
  console.log(
    `\n${RUNS} runs of each query per author, in turn; medians in ms; ratio = query / coauthors page of the same author; load average at the start ${loadavg()
      .map((x) => x.toFixed(2))
      .join(", ")}\n`,
  );
  console.log(`| author | papers | coauthors | ${Object.keys(QUERIES).join(" | ")} |`);
  console.log(
    `|---|---|---|${Object.keys(QUERIES)
      .map(() => "---")
      .join("|")}|`,
  );
  for (const [label, who] of [
    ["top", top],
    ["median", mid],
    ["single-coauthor", single],
  ] as const) {
    const [strongest] = await db.read(
      "MATCH (:Author {id: $id})-[r:COAUTHORED_WITH]-(c:Author) RETURN c.id AS id ORDER BY r.papers DESC, c.id LIMIT 1",
      { id: who.id },
    );
    const vars = { id: who.id, other: strongest.get("id") as string };
    const times = new Map<string, number[]>(Object.keys(QUERIES).map((k) => [k, []]));
    for (const q of Object.values(QUERIES)) await ask(q, vars); // warm-up
    for (let i = 0; i < RUNS; i++) for (const [k, q] of Object.entries(QUERIES)) times.get(k)!.push((await ask(q, vars)).ms);
    const base = median(times.get("coauthors page (baseline)")!);
    const cells = [...times.entries()].map(([k, t]) =>
      k.startsWith("coauthors") ? `${base.toFixed(1)}` : `${median(t).toFixed(1)} (${(median(t) / base).toFixed(1)}×)`,
    );
    console.log(`| ${label}: ${who.name} | ${who.papers} | ${who.k} | ${cells.join(" | ")} |`);
  }
  const t = Date.now();
  const listing = await ask(
    `{ namesakeCandidates(kind: SAME_AS, first: 5) { totalCount edges { node { score summary } } explain { notes } } }`,
    {},
  );
  const homonyms = await ask(
    `{ namesakeCandidates(kind: HOMONYM, first: 5) { totalCount edges { node { score summary authors { name } } } } }`,
    {},
  );
  console.log(`\nnamesakeCandidates: first call (builds the listing for the snapshot) ${((Date.now() - t) / 1000).toFixed(1)} s in all;`);
  console.log(`  ${listing.data.namesakeCandidates.explain.notes[0]}`);
  const again = await ask(`{ namesakeCandidates(kind: SAME_AS, first: 20) { edges { node { score } } } }`, {});
  console.log(
    `  a later page from the cache: ${again.ms.toFixed(1)} ms; SAME_AS ${listing.data.namesakeCandidates.totalCount}, HOMONYM ${homonyms.data.namesakeCandidates.totalCount} candidates`,
  );
  for (const e of listing.data.namesakeCandidates.edges) console.log(`  SAME_AS ${e.node.score.toFixed(2)}: ${e.node.summary}`);
  for (const e of homonyms.data.namesakeCandidates.edges)
    console.log(`  HOMONYM ${e.node.score}: ${e.node.authors[0].name}: ${e.node.summary}`);
}

interface LabelledCase {
  kind: "HOMONYM" | "SAME_AS";
  /** true: the flag should fire. */
  positive: boolean;
  how: string;
  ids: string[];
  /** SAME_AS: the two names as presented to the rule. */
  names?: [string, string];
}

/** Draws the cases (see the README for the protocol); deterministic for a graph and seed. */
async function drawCases(db: Database): Promise<LabelledCase[]> {
  const random = seededRandom(11);
  const authors = (
    await db.read(`MATCH (a:Author) WITH a, COUNT { (a)-[:AUTHORED]->() } AS papers WHERE papers >= 3
      RETURN a.id AS id, a.name AS name, papers ORDER BY a.id`)
  ).map((r) => ({ id: r.get("id") as string, name: r.get("name") as string, papers: Number(r.get("papers")) }));
  const byFamily = new Map<string, typeof authors>();
  for (const a of authors) {
    const p = parseName(a.name);
    if (p.given.length === 0 || p.given[0].length < 2) continue;
    byFamily.set(p.family[0], [...(byFamily.get(p.family[0]) ?? []), a]);
  }
  const shuffle = <T>(xs: T[]) =>
    xs
      .map((x) => [random(), x] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, x]) => x);
  const cases: LabelledCase[] = [];
  // HOMONYM positives: two people with one family name and different first given names, read as one author.
  const families = shuffle([...byFamily.values()].filter((g) => g.length >= 2));
  for (const group of families) {
    if (cases.filter((c) => c.kind === "HOMONYM" && c.positive).length >= PER_KIND) break;
    const [a, b] = shuffle(group.filter((x) => x.papers >= 4));
    if (!a || !b || parseName(a.name).given[0] === parseName(b.name).given[0]) continue;
    cases.push({ kind: "HOMONYM", positive: true, how: "artificial merge of two authors with one family name", ids: [a.id, b.id] });
  }
  // HOMONYM negatives: distinctive names (the only author with that family name), 8 papers or more: one person.
  for (const group of shuffle([...byFamily.values()].filter((g) => g.length === 1 && g[0].papers >= 8)).slice(0, PER_KIND))
    cases.push({ kind: "HOMONYM", positive: false, how: "the only author with a rare family name", ids: [group[0].id] });
  // SAME_AS positives: one author's papers split in two (alternately by year), one half under the initials form.
  for (const a of shuffle(authors.filter((x) => x.papers >= 6 && parseName(x.name).given.every((g) => g.length >= 2))).slice(0, PER_KIND))
    cases.push({
      kind: "SAME_AS",
      positive: true,
      how: "artificial split of one author, half under initials",
      ids: [a.id],
      names: [a.name, initialsForm(a.name)],
    });
  // SAME_AS negatives: two people, one family name, one first initial, different given names; the second under initials.
  for (const group of families) {
    if (cases.filter((c) => c.kind === "SAME_AS" && !c.positive).length >= PER_KIND) break;
    const pool = shuffle(group);
    for (let i = 0; i < pool.length; i++)
      for (let j = i + 1; j < pool.length; j++) {
        const [pa, pb] = [parseName(pool[i].name), parseName(pool[j].name)];
        if (pa.given[0] !== pb.given[0] && pa.given[0][0] === pb.given[0][0]) {
          cases.push({
            kind: "SAME_AS",
            positive: false,
            how: "two authors, one family name and first initial",
            ids: [pool[i].id, pool[j].id],
            names: [pool[i].name, initialsForm(pool[j].name)],
          });
          i = j = pool.length;
        }
      }
  }
  return cases;
}

/** One case at a time: the reads are small, and a shared machine should not see hundreds at once. */
async function sequential<T, R>(items: readonly T[], f: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await f(item));
  return out;
}

async function evaluate(db: Database, cases: LabelledCase[]): Promise<void> {
  const homonymCases = await sequential(
    cases.filter((c) => c.kind === "HOMONYM"),
    async (c) => {
      const papers = await readEgoPapers(db, c.ids);
      const ties = await readCoauthorCliques(db, c.ids, new Set(papers.flatMap((p) => p.coauthors)), new Set(papers.map((p) => p.paperId)));
      return { c, papers, ties };
    },
  );
  const sameAsCases = await sequential(
    cases.filter((c) => c.kind === "SAME_AS"),
    async (c) => {
      if (c.ids.length === 1) {
        const papers = (await readEgoPapers(db, c.ids)).sort((x, y) => (x.year ?? 0) - (y.year ?? 0) || (x.paperId < y.paperId ? -1 : 1));
        const half = (r: number) => new Set(papers.filter((_, i) => i % 2 === r).flatMap((p) => p.coauthors));
        return { c, a: { id: `${c.ids[0]}#1`, coauthors: half(0) }, b: { id: `${c.ids[0]}#2`, coauthors: half(1) } };
      }
      const sets = await readCoauthorIds(db, c.ids);
      return { c, a: { id: c.ids[0], coauthors: sets.get(c.ids[0])! }, b: { id: c.ids[1], coauthors: sets.get(c.ids[1])! } };
    },
  );
  const report = (label: string, results: Array<{ positive: boolean; flagged: boolean }>) => {
    const tp = results.filter((r) => r.positive && r.flagged).length;
    const fp = results.filter((r) => !r.positive && r.flagged).length;
    const fn = results.filter((r) => r.positive && !r.flagged).length;
    const precision = tp + fp ? tp / (tp + fp) : NaN;
    console.log(
      `| ${label} | ${tp} | ${fp} | ${fn} | ${Number.isNaN(precision) ? "–" : precision.toFixed(3)} | ${(tp / (tp + fn)).toFixed(3)} |`,
    );
  };
  const pos = (kind: string, positive: boolean) => cases.filter((c) => c.kind === kind && c.positive === positive).length;
  console.log(
    `\nLabelled cases: HOMONYM ${pos("HOMONYM", true)} positive, ${pos("HOMONYM", false)} negative; SAME_AS ${pos("SAME_AS", true)} positive, ${pos("SAME_AS", false)} negative\n`,
  );
  console.log("| rule and threshold | true pos. | false pos. | false neg. | precision | recall |\n|---|---|---|---|---|---|");
  for (const tie of [1, 2, 3, 4])
    for (const m of [2, 3, 4, 5, 6])
      report(
        `possibleHomonym, minGroupPapers ${m}, minTiePapers ${tie}`,
        homonymCases.map(({ c, papers, ties }) => ({ positive: c.positive, flagged: homonymVerdict(papers, ties, m, tie).flagged })),
      );
  for (const m of [1, 2, 3, 4])
    report(
      `possibleSameAs, minSharedCoauthors ${m}`,
      sameAsCases.map(({ c, a, b }) => ({
        positive: c.positive,
        flagged: sameAsVerdict(
          { id: a.id, name: c.names![0], aliases: [], orcid: null, coauthors: a.coauthors },
          { id: b.id, name: c.names![1], aliases: [], orcid: null, coauthors: b.coauthors },
          m,
        ).flagged,
      })),
    );
}

async function main(): Promise<void> {
  if (!HOME) throw new Error("set CAREERS_BENCH_HOME to a coauthor-graph home that holds the graph (see the header)");
  const env: NodeJS.ProcessEnv = { ...process.env, COAUTHOR_GRAPH_HOME: HOME };
  for (const name of ["NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"]) delete env[name];
  const neo4j = await provideNeo4j({ config: loadConfig(env), env, mode: "owner", log: (m) => console.error(`bench: ${m}`) });
  const db = await Database.connect(neo4j.target, 600_000);
  try {
    const schema = await buildGraphqlSchema();
    const server = new ApolloServer<GraphContext>({ schema, plugins: apiPlugins(schema, { maxDepth: 20, maxComplexity: 10_000_000 }) });
    await server.start();
    const ask: Ask = async (query, variables) => {
      const t = process.hrtime.bigint();
      const res = await server.executeOperation({ query, variables }, { contextValue: createContext(db) });
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      if (res.body.kind !== "single" || res.body.singleResult.errors) throw new Error(JSON.stringify(res.body));
      return { ms, data: res.body.singleResult.data as any };
    };
    if (process.env.CAREERS_BENCH_SKIP_LATENCY !== "1") await latency(db, ask);
    if (process.env.CAREERS_BENCH_WRITE_CASES === "1" || !existsSync(CASES)) {
      const drawn = await drawCases(db);
      writeFileSync(CASES, `${JSON.stringify(drawn, null, 1)}\n`);
      console.log(`\nwrote ${drawn.length} labelled cases to test/fixtures/careers/labelled-cases.json`);
    }
    await evaluate(db, JSON.parse(readFileSync(CASES, "utf8")) as LabelledCase[]);
    await server.stop();
  } finally {
    await db.close();
    await neo4j.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
