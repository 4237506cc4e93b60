import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { fromRoot } from "../../src/util/project-root";

/*
 * Debian's Chromium, headless, with WebGL through its software renderer (SwiftShader via ANGLE):
 * no GPU, no browser download. Every request to an origin the test did not allow is aborted and
 * recorded, so a test can assert that a page never reached the internet.
 */

export const CHROMIUM = "/usr/bin/chromium";

const ARGS = [
  "--no-sandbox",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
  "--ignore-gpu-blocklist",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface TestBrowser {
  context: BrowserContext;
  /** Requests to any other origin, which were aborted. */
  foreign: string[];
  /** Page errors, console errors and WebGL warnings of every page. */
  problems: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchBrowser(allowedOrigins: string[], viewport = { width: 1400, height: 860 }): Promise<TestBrowser> {
  assert.ok(
    existsSync(CHROMIUM),
    `${CHROMIUM} is missing. The browser tests need Debian's chromium: run \`apt-get install -y chromium\` (as root), then rerun.`,
  );
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), "coauthor-graph-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport,
    acceptDownloads: true,
  });
  const foreign: string[] = [];
  const problems: string[] = [];
  const allowed = new Set(allowedOrigins);
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith("data:") || url.startsWith("blob:") || allowed.has(new URL(url).origin)) await route.continue();
    else {
      foreign.push(url);
      await route.abort("internetdisconnected");
    }
  });
  const watch = (page: Page) => {
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      const text = message.text();
      if (message.type() === "error" || /WebGL|context lost/i.test(text)) problems.push(`console ${message.type()}: ${text}`);
    });
  };
  context.on("page", watch);
  context.pages().forEach(watch);
  return {
    context,
    foreign,
    problems,
    newPage: async () => context.newPage(),
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Whether this browser really draws WebGL (not a silent fallback), checked in a page. */
export function hasWebGl(page: Page): Promise<{ webgl2: boolean; renderer: string }> {
  return page.evaluate(() => {
    const gl = document.createElement("canvas").getContext("webgl2");
    const info = gl?.getExtension("WEBGL_debug_renderer_info");
    return { webgl2: Boolean(gl), renderer: gl ? String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : "" };
  });
}

/**
 * Saves a screenshot as test-results/screenshots/<name>.png and, with UPDATE_SCREENSHOTS=1, also
 * as test/screenshots/<name>.png (committed; the README shows them). Returns the PNG.
 */
export async function screenshot(page: Page, name: string, options: { selector?: string } = {}): Promise<Buffer> {
  const dir = fromRoot("test-results", "screenshots");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  const png = options.selector ? await page.locator(options.selector).screenshot({ path: file }) : await page.screenshot({ path: file });
  if (process.env.UPDATE_SCREENSHOTS === "1") {
    mkdirSync(fromRoot("test", "screenshots"), { recursive: true });
    copyFileSync(file, fromRoot("test", "screenshots", `${name}.png`));
  }
  return png;
}
