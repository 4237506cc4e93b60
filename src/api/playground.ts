import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import express, { Router } from "express";
import { fromRoot } from "../util/project-root";
import { WEB_ASSET_PREFIX } from "./routes/web.routes";

/** Where the browser fetches GraphiQL, React and our client script from; all served by this process. */
export const PLAYGROUND_ASSET_PREFIX = "/playground-assets";

/** Third-party files are versioned by the installed packages, so a day of caching is safe. */
const ASSET_MAX_AGE = "1d";

/**
 * The page may only talk to its own origin: this is what keeps the playground working offline and
 * makes an accidental CDN reference fail loudly in the browser test instead of silently at a user's.
 * GraphiQL sets inline style attributes and embeds its fonts as data: URLs.
 */
export const PLAYGROUND_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  // The Network view's layout runs in a worker that graphology's ForceAtlas2 creates from a blob.
  "worker-src blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
].join("; ");

interface Asset {
  /** URL path under PLAYGROUND_ASSET_PREFIX. */
  name: string;
  file: string;
}

/**
 * Resolves a file inside an installed package. React's `exports` map hides its UMD folder from
 * require.resolve, so the package root is found through its package.json (which every package exports).
 */
function packageFile(packageName: string, relative: string): string {
  return path.join(path.dirname(require.resolve(`${packageName}/package.json`)), relative);
}

function playgroundDir(): string {
  return fromRoot("src", "api", "playground");
}

function vendorAssets(): Asset[] {
  return [
    { name: "react.production.min.js", file: packageFile("react", "umd/react.production.min.js") },
    { name: "react-dom.production.min.js", file: packageFile("react-dom", "umd/react-dom.production.min.js") },
    { name: "graphiql.min.js", file: packageFile("graphiql", "graphiql.min.js") },
    { name: "graphiql.min.js.map", file: packageFile("graphiql", "graphiql.min.js.map") },
    { name: "graphiql.min.css", file: packageFile("graphiql", "graphiql.min.css") },
    { name: "graphiql.min.css.map", file: packageFile("graphiql", "graphiql.min.css.map") },
  ];
}

function ownAssets(): Asset[] {
  return [
    { name: "playground.js", file: path.join(playgroundDir(), "playground.js") },
    { name: "playground.css", file: path.join(playgroundDir(), "playground.css") },
  ];
}

/** The example query the page opens with; the browser test runs exactly this text. */
export function readExampleQuery(): string {
  return readFileSync(path.join(playgroundDir(), "example-query.graphql"), "utf8");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * The page is rendered once at start-up: the example query is inlined (escaped) in a hidden
 * <textarea> so the client script can read it without a fetch.
 */
function renderPage(graphqlPath: string): string {
  const template = readFileSync(path.join(playgroundDir(), "index.html"), "utf8");
  return template
    .replace(/\{\{ASSETS\}\}/g, PLAYGROUND_ASSET_PREFIX)
    .replace(/\{\{WEB\}\}/g, WEB_ASSET_PREFIX)
    .replace(/\{\{GRAPHQL_PATH\}\}/g, escapeHtml(graphqlPath))
    .replace("{{EXAMPLE_QUERY}}", () => escapeHtml(readExampleQuery()));
}

/**
 * Serves the offline GraphiQL playground at `/` and `/playground`, and its assets from the
 * installed npm packages. Throws at start-up (not at first request) if a package is missing.
 */
export function playgroundRouter(options: { graphqlPath: string }): Router {
  const router = Router();
  const page = renderPage(options.graphqlPath);
  const assets = [...vendorAssets(), ...ownAssets()];
  const missing = assets.filter((asset) => !existsSync(asset.file)).map((asset) => asset.file);
  if (missing.length > 0) {
    throw new Error(`The playground cannot start: missing ${missing.join(", ")}. Run \`npm ci\` to install graphiql and react.`);
  }

  const sendPage: express.RequestHandler = (_req, res) => {
    res.set({
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-cache",
      "Content-Security-Policy": PLAYGROUND_CSP,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    });
    res.send(page);
  };
  router.get("/", sendPage);
  router.get("/playground", sendPage);

  for (const asset of assets) {
    router.get(`${PLAYGROUND_ASSET_PREFIX}/${asset.name}`, (_req, res, next) => {
      res.set("X-Content-Type-Options", "nosniff");
      // sendFile adds ETag/Last-Modified and the Content-Type from the extension.
      res.sendFile(asset.file, { maxAge: ASSET_MAX_AGE }, (error) => {
        if (error) next(error);
      });
    });
  }
  return router;
}
