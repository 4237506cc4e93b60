import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import express, { Router } from "express";
import { fromRoot } from "../../util/project-root";

/** Where the bundled browser code is served from (built into dist/web by `npm run build`). */
export const WEB_ASSET_PREFIX = "/web";

/** The widget's module, also under a stable name a host page can use. */
export const WIDGET_PATH = "/widget/coauthor-network.js";

const WEB_FILES = ["explorer.js", "embed.js", "coauthor-network.js", "playground-network.js", "explorer.css"];

/**
 * The explorer and embeds may talk only to their own origin and run the layout in a blob: worker
 * (graphology's ForceAtlas2 supervisor creates one). Embeds take their frame-ancestors from
 * EMBED_FRAME_ANCESTORS; the explorer is a page of its own.
 */
function pageCsp(frameAncestors: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "worker-src blob:",
    "object-src 'none'",
    "base-uri 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

export function webDir(): string {
  return fromRoot("dist", "web");
}

function page(name: string): string {
  return readFileSync(fromRoot("src", "api", "web", "pages", name), "utf8").replace(/\{\{WEB\}\}/g, WEB_ASSET_PREFIX);
}

/**
 * /explore (the explorer), /embed/network (the iframe page), the widget module and the bundles.
 * Throws at start-up when the bundles are missing, with what to run.
 */
export function webRouter(options: { frameAncestors: string }): Router {
  const missing = WEB_FILES.filter((file) => !existsSync(path.join(webDir(), file)));
  if (missing.length > 0) {
    throw new Error(
      `The explorer cannot start: ${missing.join(", ")} missing in dist/web. Run \`npm run build\` (it bundles src/api/web with esbuild).`,
    );
  }
  const router = Router();
  const explore = page("explore.html");
  const embed = page("embed.html");
  const sendPage =
    (html: string, frameAncestors: string): express.RequestHandler =>
    (_req, res) => {
      res.set({
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": "no-cache",
        "Content-Security-Policy": pageCsp(frameAncestors),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
      });
      res.send(html);
    };
  router.get("/explore", sendPage(explore, "'self'"));
  router.get("/embed/network", sendPage(embed, options.frameAncestors));

  // Code any page may load (the widget is meant for other origins; a module script needs CORS).
  const sendAsset =
    (file: string): express.RequestHandler =>
    (_req, res, next) => {
      res.set({ "Access-Control-Allow-Origin": "*", "Cross-Origin-Resource-Policy": "cross-origin", "X-Content-Type-Options": "nosniff" });
      res.sendFile(path.join(webDir(), file), { maxAge: 0, headers: { "Cache-Control": "no-cache" } }, (error) => {
        if (error) next(error);
      });
    };
  router.get(WIDGET_PATH, sendAsset("coauthor-network.js"));
  router.get(`${WIDGET_PATH}.map`, sendAsset("coauthor-network.js.map"));
  for (const file of WEB_FILES) router.get(`${WEB_ASSET_PREFIX}/${file}`, sendAsset(file));
  for (const file of WEB_FILES.filter((f) => f.endsWith(".js"))) router.get(`${WEB_ASSET_PREFIX}/${file}.map`, sendAsset(`${file}.map`));
  return router;
}
