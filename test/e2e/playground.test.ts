import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { importFiles } from "../../import/import-runner";
import { loadConfig } from "../../src/config";
import type { Database } from "../../src/db/database";
import { startHttpServer, type RunningHttpServer } from "../../src/api/http";
import { readExampleQuery } from "../../src/api/playground";
import { fromRoot } from "../../src/util/project-root";
import { clearGraph, testDatabase } from "../support/neo4j";

// The playground must work with no internet: every request that is not to our own server is
// aborted and recorded, and the test fails if there was any. Uses Debian's chromium; no browser
// is downloaded.

const CHROMIUM = "/usr/bin/chromium";
const SEED = fromRoot("test", "fixtures", "acl-author-page", "acl-author-page-wei-xiong.txt");
const SCREENSHOT = path.join(os.tmpdir(), "playground.png");

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

interface CoauthorResult {
  data?: {
    author: { name: string; coauthors: { edges: Array<{ jointPapers: number; node: { id: string; name: string } }> } };
    sharedVenues: Array<{ venue: { name: string }; paperCounts: number[]; jointPaperCount: number }>;
  };
  errors?: unknown[];
}

/** CodeMirror 5 only renders visible lines; its instance on the wrapper element has the whole text. */
function editorText(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel) => {
    const wrapper = document.querySelector<Element & { CodeMirror?: { getValue(): string } }>(sel);
    return wrapper?.CodeMirror?.getValue() ?? "";
  }, selector);
}

describe("GraphiQL playground in a real browser, offline", { timeout: 180_000 }, () => {
  let db: Database;
  let server: RunningHttpServer;
  let context: BrowserContext;
  let userDataDir: string;
  const foreignRequests: string[] = [];
  const pageProblems: string[] = [];

  before(async () => {
    assert.ok(
      existsSync(CHROMIUM),
      `${CHROMIUM} is missing. The browser test needs Debian's chromium: run \`apt-get install -y chromium\` (as root), then rerun.`,
    );
    db = await testDatabase();
    await clearGraph(db);
    await importFiles(db, [SEED]);
    const config = { ...loadConfig({}), corsOrigins: "*" as const, production: false };
    server = await startHttpServer({ db, config, port: 0, host: "127.0.0.1" });

    userDataDir = mkdtempSync(path.join(os.tmpdir(), "coauthor-graph-chromium-"));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1400, height: 900 },
    });
    const origin = new URL(server.url).origin;
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin || url.startsWith("data:")) {
        await route.continue();
      } else {
        foreignRequests.push(url);
        await route.abort("internetdisconnected");
      }
    });
  });

  after(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    await server?.close();
    await db?.close();
  });

  it("opens with the example query and shows Tong Zhang with 4 joint papers", async () => {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (error) => pageProblems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") pageProblems.push(`console error: ${message.text()}`);
    });
    page.on("requestfailed", (request) => {
      if (!foreignRequests.includes(request.url())) pageProblems.push(`request failed: ${request.url()}`);
    });

    const response = await page.goto(`${server.url}/playground`);
    assert.equal(response?.status(), 200);
    await page.waitForSelector(".graphiql-execute-button", { timeout: 30_000 });
    assert.match(await page.locator(".cg-header").innerText(), /coauthor-graph/);

    const queryEditor = ".graphiql-query-editor .CodeMirror";
    await page.waitForFunction((sel) => Boolean(document.querySelector(sel)), queryEditor);
    assert.equal((await editorText(page, queryEditor)).trim(), readExampleQuery().trim());

    await page.click(".graphiql-execute-button");
    const resultPane = ".result-window .CodeMirror";
    await page.waitForFunction(
      (sel) => {
        const wrapper = document.querySelector<Element & { CodeMirror?: { getValue(): string } }>(sel);
        const text = wrapper?.CodeMirror?.getValue() ?? "";
        return text.includes('"data"') || text.includes('"errors"');
      },
      resultPane,
      { timeout: 30_000 },
    );
    // The pane shows it too (not only the editor model): Tong Zhang is the first, visible edge.
    await page.locator(".result-window").getByText('"Tong Zhang"').first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: SCREENSHOT });

    const result = JSON.parse(await editorText(page, resultPane)) as CoauthorResult;
    assert.equal(result.errors, undefined, `the example query failed: ${JSON.stringify(result.errors)}`);
    const author = result.data!.author;
    assert.equal(author.name, "Wei Xiong");
    const top = author.coauthors.edges[0];
    assert.equal(top.node.name, "Tong Zhang");
    assert.equal(top.jointPapers, 4);
    assert.ok(result.data!.sharedVenues.length > 0, "Wei Xiong and Tong Zhang share at least one venue");

    assert.deepEqual(foreignRequests, [], "the playground tried to reach the internet");
    assert.deepEqual(pageProblems, [], "the page logged errors");
  });
});
