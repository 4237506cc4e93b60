import "./lib/production-mode";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadConfig } from "../src/config";
import { Database } from "../src/db/database";
import { provideNeo4j } from "../src/db/neo4j-provider";
import { jarCacheRoot } from "../src/db/local/home-layout";
import { startHttpServer } from "../src/api/http";
import { fromRoot } from "../src/util/project-root";
import { launchBrowser } from "../test/support/browser";
import { DATASET } from "./import.bench";
import { runBulkChild } from "./lib/import-child";
import { machineInfo } from "./lib/machine-info";

/*
 * `npm run bench:explorer`: the explorer in headless Chromium (WebGL through SwiftShader, i.e. on
 * the CPU) against the 158k-paper graph. For the largest network the API allows (depth 2 around
 * the most connected author, maxNodes 2,000) and a depth-2 network of the same author at the
 * default cap (200): the API's time for the explorer's own query, request -> first frame in the
 * page, the layout's time, frames per second while panning with the mouse, and the time one full frame
 * (edges included) takes to draw. The graph is bulk-loaded once into
 * BENCH_EXPLORER_HOME (default bench/.data/explorer-home) and reused by later runs.
 */

const HOME = process.env.BENCH_EXPLORER_HOME || fromRoot("bench", ".data", "explorer-home");
const RESULTS = fromRoot("bench", "explorer-results.md");
const API_RUNS = 5;
const PAN_MS = 3000;

/** The author with the most coauthors (ties to the rest of the graph). */
const TOP_AUTHOR = `MATCH (a:Author) RETURN a.id AS id, a.name AS name, COUNT { (a)-[:COAUTHORED_WITH]-() } AS ties ORDER BY ties DESC, a.id LIMIT 1`;
const HAS_PAPERS = `MATCH (p:Paper) RETURN count(p) > 0 AS any`;

const NETWORK_QUERY = `query Network($authorId: ID!, $depth: Int, $maxNodes: Int) {
  coauthorNetwork(authorId: $authorId, depth: $depth, maxNodes: $maxNodes) {
    truncated nodes { distance author { id name paperCount firstYear lastYear } } edges { source target jointPapers firstYear lastYear } } }`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

interface CaseResult {
  label: string;
  nodes: number;
  edges: number;
  apiMs: number;
  firstFrameMs: number;
  pageToFirstFrameMs: number;
  layoutMs: number;
  panFps: number;
  frameMs: number;
}

async function main(): Promise<void> {
  const log = (line: string) => console.log(line);
  const machine = machineInfo();
  log(`machine: ${machine.cores} cores, ${machine.memoryGiB} GiB, load ${machine.loadAverage}`);
  const userHome = loadConfig({ ...process.env, NEO4J_URI: "", COAUTHOR_GRAPH_HOME: "" }).home;
  // The user's jar cache, so a new bench home does not download Neo4j again.
  const env = {
    ...process.env,
    COAUTHOR_GRAPH_HOME: HOME,
    NEO4J_URI: "",
    COAUTHOR_GRAPH_NEO4J_VIA: "local",
    COAUTHOR_GRAPH_JAR_CACHE: process.env.COAUTHOR_GRAPH_JAR_CACHE || jarCacheRoot(userHome, process.env),
  };
  if (!existsSync(path.join(HOME, "neo4j"))) {
    mkdirSync(HOME, { recursive: true });
    log(`bulk-loading ${DATASET} into ${HOME} (once; later runs reuse it) …`);
    await runBulkChild({ file: DATASET, env, log });
  }
  const neo4j = await provideNeo4j({ config: loadConfig(env), env, mode: "owner", log });
  const db = await Database.connect(neo4j.target, 120_000);
  const config = { ...loadConfig(env), production: true };
  const server = await startHttpServer({ db, config, port: 0, host: "127.0.0.1" });
  const browser = await launchBrowser([new URL(server.url).origin], { width: 1400, height: 860 });
  try {
    const [any] = await db.read(HAS_PAPERS);
    if (!any.get("any")) throw new Error(`${HOME} holds no papers; remove it and run again to bulk-load ${DATASET}.`);
    const [top] = await db.read(TOP_AUTHOR);
    const author = { id: String(top.get("id")), name: String(top.get("name")), ties: Number(top.get("ties")) };
    log(`top author: ${author.name} (${author.id}), ${author.ties} coauthors`);
    const cases = [
      { label: "largest allowed: depth 2, maxNodes 2000", depth: 2, maxNodes: 2000 },
      { label: "depth 2, default cap (maxNodes 200)", depth: 2, maxNodes: 200 },
    ];
    const results: CaseResult[] = [];
    for (const c of cases) {
      const apiTimes: number[] = [];
      for (let i = 0; i < API_RUNS; i += 1) {
        const started = performance.now();
        const response = await fetch(`${server.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: NETWORK_QUERY, variables: { authorId: author.id, depth: c.depth, maxNodes: c.maxNodes } }),
        });
        await response.json();
        apiTimes.push(performance.now() - started);
      }
      const page = await browser.newPage();
      await page.goto(`${server.url}/explore?author=${encodeURIComponent(author.id)}&depth=${c.depth}&maxNodes=${c.maxNodes}`);
      await page.waitForSelector("#stage[data-layout=done]", { timeout: 180_000 });
      // Panning as a reader does: a mouse drag across the picture for PAN_MS, counting the frames sigma draws.
      await page.evaluate(() => {
        const w = window as any;
        w.__frames = 0;
        w.__explorer.view.sigma.on("afterRender", () => (w.__frames += 1));
      });
      const box = (await page.locator("#stage").boundingBox())!;
      const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      const panStarted = Date.now();
      for (let i = 0; Date.now() - panStarted < PAN_MS; i += 1) {
        await page.mouse.move(cx + 150 * Math.sin(i / 10), cy + 100 * Math.cos(i / 13));
        await page.waitForTimeout(16);
      }
      await page.mouse.up();
      const panElapsed = Date.now() - panStarted;
      const panFrames = await page.evaluate(() => (window as any).__frames as number);
      const figures = await page.evaluate(async () => {
        const explorer = (window as any).__explorer;
        const sigma = explorer.view.sigma;
        const camera = sigma.getCamera();
        const fps = 0;
        // One frame's own cost: sigma draws synchronously on refresh({ skipIndexation }) after a camera move. This
        // times the JavaScript and the GL calls; the GPU process rasterises afterwards (the panning rate shows that).
        const renderStarted = performance.now();
        for (let i = 0; i < 10; i += 1) {
          camera.setState({ x: 0.5 + 0.01 * i });
          sigma.refresh({ skipIndexation: true });
        }
        const frameMs = (performance.now() - renderStarted) / 10;
        const stats = explorer.stats;
        return { nodes: stats.nodes, edges: stats.edges, firstFrameMs: stats.firstFrameMs, layoutMs: stats.layoutMs, fps, frameMs };
      });
      figures.fps = (panFrames * 1000) / panElapsed;
      const navigation = await page.evaluate(() => (window as any).__explorer.firstFrameAt as number | undefined);
      results.push({
        label: c.label,
        nodes: figures.nodes,
        edges: figures.edges,
        apiMs: median(apiTimes),
        firstFrameMs: figures.firstFrameMs,
        pageToFirstFrameMs: navigation ?? NaN,
        layoutMs: figures.layoutMs,
        panFps: figures.fps,
        frameMs: figures.frameMs,
      });
      log(
        `${c.label}: ${figures.nodes} authors, ${figures.edges} ties; API ${median(apiTimes).toFixed(0)} ms; request -> first frame ${figures.firstFrameMs.toFixed(0)} ms (page open -> first frame ${navigation?.toFixed(0)} ms); layout ${figures.layoutMs.toFixed(0)} ms; panning ${figures.fps.toFixed(1)} fps (one frame drawn in ${figures.frameMs.toFixed(0)} ms)`,
      );
      await page.close();
    }
    const table = [
      `# Explorer benchmark (last run)`,
      ``,
      `\`npm run bench:explorer\` on ${new Date().toISOString().slice(0, 10)}: ${machine.cores} cores, load ${machine.loadAverage}; headless Chromium, WebGL on SwiftShader (CPU).`,
      `Graph: ${DATASET.split("/").pop()}; centre: ${author.name} (${author.ties} coauthors). API time: median of ${API_RUNS} POSTs of the explorer's query.`,
      ``,
      `| network | authors | ties | API | request → first frame | page open → first frame | layout (worker) | panning (mouse drag) | one frame (JS + GL calls) |`,
      `|---|---|---|---|---|---|---|---|---|`,
      ...results.map(
        (r) =>
          `| ${r.label} | ${r.nodes} | ${r.edges} | ${r.apiMs.toFixed(0)} ms | ${r.firstFrameMs.toFixed(0)} ms | ${r.pageToFirstFrameMs.toFixed(0)} ms | ${r.layoutMs.toFixed(0)} ms | ${r.panFps.toFixed(1)} fps | ${r.frameMs.toFixed(0)} ms |`,
      ),
      ``,
    ].join("\n");
    writeFileSync(RESULTS, table);
    log(`\n${table}\nwrote ${RESULTS}`);
  } finally {
    await browser.close();
    await server.close();
    await db.close();
    await neo4j.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
