import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { build, type BuildOptions } from "esbuild";
import { fromRoot } from "../util/project-root";

/*
 * Bundles the browser code of src/api/web/ (sigma, graphology and ForceAtlas2 from npm) into
 * dist/web/, run by `npm run build` after the type checks. Nothing is fetched from a CDN at run
 * time: the server sends these files. The widget is ONE self-contained ES module, so a page
 * can load it from this server or keep a copy of it.
 */

export const WEB_OUT_DIR = fromRoot("dist", "web");
const SOURCE = fromRoot("src", "api", "web");

const COMMON: BuildOptions = {
  bundle: true,
  minify: true,
  sourcemap: "linked",
  target: ["es2022", "chrome100", "firefox100", "safari16"],
  platform: "browser",
  legalComments: "eof",
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "warning",
};

const BUNDLES: Array<{ entry: string; out: string; format: "esm" | "iife" }> = [
  { entry: "explorer/explorer.ts", out: "explorer.js", format: "esm" },
  { entry: "embed/embed.ts", out: "embed.js", format: "esm" },
  { entry: "widget/coauthor-network.ts", out: "coauthor-network.js", format: "esm" },
  // Loaded as a classic script before the playground's own (GraphiQL is a UMD page).
  { entry: "playground/network-view.ts", out: "playground-network.js", format: "iife" },
];

async function main(): Promise<void> {
  mkdirSync(WEB_OUT_DIR, { recursive: true });
  const started = Date.now();
  await Promise.all(
    BUNDLES.map((bundle) =>
      build({
        ...COMMON,
        entryPoints: [path.join(SOURCE, bundle.entry)],
        outfile: path.join(WEB_OUT_DIR, bundle.out),
        format: bundle.format,
      }),
    ),
  );
  copyFileSync(path.join(SOURCE, "explorer", "explorer.css"), path.join(WEB_OUT_DIR, "explorer.css"));
  console.log(`web: ${BUNDLES.length} bundles in dist/web (${Date.now() - started} ms)`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(
      `web build failed: ${(error as Error).message}\nRun \`npm ci\` to install esbuild, sigma and graphology, then \`npm run build\` again.`,
    );
    process.exit(1);
  });
}
