import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import type { Frame, Page } from "playwright-core";
import type { Database } from "../../src/db/database";
import type { RunningHttpServer } from "../../src/api/http";
import { launchBrowser, screenshot, type TestBrowser } from "../support/browser";
import { inkPixels, readPng } from "../support/png";
import { queryApi, sampleGraph, startTestServer } from "../support/samples";

// The iframe page and the <coauthor-network> module on pages of ANOTHER origin (a second local
// server), offline: postMessage in and out, DOM events, six widgets on one page, framing rules.

const AUTHORS = ["name:wei xiong", "name:tong zhang", "name:hanze dong", "name:rui pan", "name:renjie pi", "name:han zhao"];
const COUNTS = `query($a: ID!, $yearFrom: Int, $yearTo: Int) { coauthorNetwork(authorId: $a, yearFrom: $yearFrom, yearTo: $yearTo) { nodes { author { id } } edges { source } } }`;

function hostServer(pages: Record<string, (api: string) => string>, api: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const page = (pages as Record<string, ((api: string) => string) | undefined>)[req.url ?? ""];
    res.writeHead(page ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
    res.end(page ? page(api) : "not here");
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const PAGES: Record<string, (api: string) => string> = {
  "/widgets.html": (api) => `<!doctype html><html><head><title>A dashboard</title>
<style>body{font:14px system-ui;margin:16px;background:#eef1f5} main{display:grid;grid-template-columns:repeat(3,1fr);gap:12px} coauthor-network{height:300px;border:1px solid #ccd}</style>
<script type="module" src="${api}/widget/coauthor-network.js"></script></head><body><h1>Six widgets from another origin</h1><main>
${AUTHORS.map((a, i) => `<coauthor-network id="w${i}" author="${a}" depth="1" maxnodes="60" ${i % 2 ? 'theme="dark"' : ""} controls="${i === 0 ? 1 : 0}"></coauthor-network>`).join("\n")}
</main><script>window.selections=[];document.addEventListener("author-select",e=>selections.push(["author",e.detail]));document.addEventListener("tie-select",e=>selections.push(["tie",e.detail]));</script></body></html>`,
  // A dashboard of another origin framing the embed: it changes the view by postMessage (a button)
  // and lists what the frame reports.
  "/frame.html": (api) => `<!doctype html><html><head><title>A dashboard framing the embed</title><style>
body{margin:0;background:#111217;color:#ccccdc;font:13px/1.45 system-ui,sans-serif}
header{padding:10px 16px;border-bottom:1px solid #2c3235;display:flex;gap:14px;align-items:baseline}
header b{color:#fff;font-size:15px} header span{color:#8e8e9e}
main{display:flex;gap:12px;padding:12px} .panel{background:#181b1f;border:1px solid #2c3235;border-radius:4px;padding:8px 10px}
h2{font-size:13px;margin:0 0 8px;color:#fff;font-weight:600} iframe{border:0;display:block}
button{font:inherit;color:#fff;background:#3d71d9;border:0;border-radius:3px;padding:4px 10px;cursor:pointer}
ol{margin:8px 0 0;padding-left:18px;font:12px/1.5 ui-monospace,monospace;color:#9fa7b3} li{margin-bottom:4px;word-break:break-word}
</style></head><body>
<header><b>Lab dashboard</b><span>a page of another origin, framing /embed/network</span></header>
<main><section class="panel"><h2>Wei Xiong's coauthors (iframe, theme=dark, controls=0)</h2>
<iframe id="f" src="${api}/embed/network?author=name%3Awei%20xiong&depth=1&theme=dark&controls=0" width="860" height="540"></iframe></section>
<section class="panel" style="flex:1;min-width:0"><h2>postMessage</h2><button id="only2024" type="button">Only 2024 (coauthor-network:set)</button>
<ol id="log"></ol></section></main>
<script>
const frame=document.getElementById("f");window.messages=[];
document.getElementById("only2024").addEventListener("click",()=>frame.contentWindow.postMessage({type:"coauthor-network:set",yearFrom:2024,yearTo:2024},"*"));
addEventListener("message",e=>{if(e.source!==frame.contentWindow)return;messages.push(e.data);
const {type,...rest}=e.data;const li=document.createElement("li");
li.textContent=type.replace("coauthor-network:","")+" "+Object.entries(rest).filter(([,v])=>v!==null&&typeof v!=="object").map(([k,v])=>k+"="+v).join(" ");
document.getElementById("log").append(li)});
</script></body></html>`,
};

async function messages(page: Page, type: string, count = 1): Promise<any[]> {
  await page.waitForFunction(([t, n]) => (window as any).messages.filter((m: any) => m.type === t).length >= n, [type, count] as const, {
    timeout: 60_000,
  });
  return page.evaluate((t) => (window as any).messages.filter((m: any) => m.type === t), type);
}

describe("embedding: iframe page and custom element on another origin", { timeout: 300_000 }, () => {
  let db: Database;
  let server: RunningHttpServer;
  let restricted: RunningHttpServer;
  let host: http.Server;
  let hostUrl: string;
  let browser: TestBrowser;

  before(async () => {
    db = await sampleGraph();
    server = await startTestServer(db);
    restricted = await startTestServer(db, { EMBED_FRAME_ANCESTORS: "https://grafana.example.org" });
    host = await hostServer(PAGES, server.url);
    hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    browser = await launchBrowser([new URL(server.url).origin, new URL(restricted.url).origin, hostUrl], { width: 1280, height: 800 });
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => host?.close(resolve));
    await restricted?.close();
    await server?.close();
    await db?.close();
  });

  it("frames /embed/network, draws what the API returns, obeys postMessage and reports selections", async () => {
    const page = await browser.newPage();
    await page.goto(`${hostUrl}/frame.html`);
    const [loaded] = await messages(page, "coauthor-network:load");
    const api = await queryApi(server.url, COUNTS, { a: "name:wei xiong" });
    assert.equal(loaded.nodes, api.coauthorNetwork.nodes.length);
    assert.equal(loaded.edges, api.coauthorNetwork.edges.length);
    const frame = page.frame({ url: /\/embed\/network/ }) as Frame;
    await frame.waitForFunction(
      () => document.querySelector<any>("coauthor-network")?.shadowRoot.querySelector(".stage").dataset.layout === "done",
      undefined,
      { timeout: 60_000 },
    );
    assert.equal(
      await frame.evaluate(() => document.querySelector<any>("coauthor-network").shadowRoot.querySelector(".controls").offsetHeight),
      0,
      "controls=0 hides the controls",
    );
    await page.click("#only2024");
    const [, narrowed] = await messages(page, "coauthor-network:load", 2);
    const windowed = await queryApi(server.url, COUNTS, { a: "name:wei xiong", yearFrom: 2024, yearTo: 2024 });
    assert.equal(narrowed.edges, windowed.coauthorNetwork.edges.length);
    assert.ok(narrowed.edges < loaded.edges);
    assert.match(frame.url(), /yearFrom=2024/);

    await frame.waitForFunction(
      () => document.querySelector<any>("coauthor-network")?.shadowRoot.querySelector(".stage").dataset.layout === "done",
      undefined,
      { timeout: 60_000 },
    );
    const at = await frame.evaluate(() => document.querySelector<any>("coauthor-network").networkView.viewportPosition("name:wei xiong"));
    const inPage = (await page.locator("#f").boundingBox())!;
    await page.mouse.click(inPage.x + at.x, inPage.y + at.y);
    const [selected] = await messages(page, "coauthor-network:author-select");
    assert.equal(selected.id, "name:wei xiong");
    assert.equal(selected.name, "Wei Xiong");
    await page.mouse.move(inPage.x + 40, inPage.y + inPage.height - 40);
    await page.waitForTimeout(300);
    await screenshot(page, "embed-dark");
  });

  it("lets only EMBED_FRAME_ANCESTORS frame the embed when it is set", async () => {
    const open = await fetch(`${server.url}/embed/network?author=x`);
    assert.match(open.headers.get("content-security-policy") ?? "", /frame-ancestors \*/);
    assert.equal(open.headers.get("x-frame-options"), null);
    const closed = await fetch(`${restricted.url}/embed/network?author=x`);
    assert.match(closed.headers.get("content-security-policy") ?? "", /frame-ancestors https:\/\/grafana\.example\.org(;|$)/);
    const page = await browser.newPage();
    await page.setContent(
      `<iframe src="${restricted.url}/embed/network?author=name%3Awei%20xiong"></iframe><script>window.messages=[];addEventListener("message",e=>messages.push(e.data))</script>`,
    );
    await page.waitForTimeout(4000);
    assert.deepEqual(await page.evaluate(() => (window as any).messages), [], "the browser refused to frame it");
    await page.close();
  });

  it("draws six widgets on one page from another origin, within the WebGL budget, with DOM events", async () => {
    const page = await browser.newPage();
    await page.goto(`${hostUrl}/widgets.html`);
    await page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll("coauthor-network")).every(
          (w: any) => w.shadowRoot.querySelector(".stage").dataset.layout === "done",
        ),
      undefined,
      { timeout: 120_000 },
    );
    await page.waitForTimeout(300);
    for (let i = 0; i < AUTHORS.length; i += 1) {
      const png = readPng(await page.locator(`#w${i}`).screenshot());
      assert.ok(inkPixels(png) > 1500, `widget ${i} (${AUTHORS[i]}) has a drawn network (${inkPixels(png)} ink pixels)`);
    }
    // The live widgets' labels stay inside their pictures and never overlap.
    const pictures = await page.evaluate(() =>
      Array.from(document.querySelectorAll("coauthor-network"))
        .filter((w: any) => w.networkView?.isLive)
        .map((w: any) => {
          const stage = w.shadowRoot.querySelector(".stage") as HTMLElement;
          return { id: w.id, width: stage.clientWidth, height: stage.clientHeight, labels: w.networkView.labelBoxes() };
        }),
    );
    assert.ok(pictures.length >= 3, `several widgets draw live (${pictures.length})`);
    for (const { id, width, height, labels } of pictures) {
      assert.ok(labels.length >= 3, `${id} shows labels (${labels.length})`);
      for (const { node, box } of labels as Array<{ node: string; box: number[] }>) {
        const [x, y, w, h] = box;
        assert.ok(x >= 0 && y >= 0 && x + w <= width && y + h <= height, `${id}: the label of ${node} is inside: ${box.join(",")}`);
        for (const other of labels as Array<{ node: string; box: number[] }>) {
          if (other.node === node) continue;
          const [ox, oy, ow, oh] = other.box;
          assert.ok(x + w <= ox || ox + ow <= x || y + h <= oy || oy + oh <= y, `${id}: the labels of ${node} and ${other.node} overlap`);
        }
      }
    }
    await screenshot(page, "widget-host");
    const widget = `${server.url}/widget/coauthor-network.js`;
    const live = () => page.evaluate(async (url) => (await import(url)).liveCount(), widget);
    const webglCanvases = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll("coauthor-network")).reduce(
          (n, w: any) => n + w.shadowRoot.querySelectorAll(".stage canvas").length,
          0,
        ),
      );
    assert.ok((await live()) <= 4, `at most 4 widgets hold WebGL contexts (${await live()})`);

    // The last widget is a still picture now; hovering it makes it live (and another one still).
    await page.hover("#w5");
    await page.waitForFunction(() => (document.getElementById("w5") as any).networkView.isLive);
    assert.ok((await live()) <= 4);
    const at = await page.evaluate(() => (document.getElementById("w5") as any).networkView.viewportPosition("name:han zhao"));
    const box = (await page.locator("#w5").boundingBox())!;
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await page.waitForFunction(() => (window as any).selections.length > 0);
    const [kind, detail] = (await page.evaluate(() => (window as any).selections[0])) as [string, { id: string }];
    assert.equal(kind, "author");
    assert.equal(detail.id, "name:han zhao");

    // Removing widgets releases their contexts: the WebGL contexts they held are lost (not left for
    // the browser to reclaim later), their canvases are gone and the budget frees up.
    const canvasesBefore = await webglCanvases();
    const held = await page.evaluate(() => {
      const contexts = ["w0", "w1", "w2"].flatMap((id) =>
        Array.from((document.getElementById(id) as any).shadowRoot.querySelectorAll(".stage canvas") as NodeListOf<HTMLCanvasElement>)
          .map((canvas) => canvas.getContext("webgl2") ?? canvas.getContext("webgl"))
          .filter((gl): gl is WebGL2RenderingContext | WebGLRenderingContext => gl !== null),
      );
      (window as any).heldContexts = contexts;
      return contexts.length;
    });
    assert.ok(held >= 3, `the removed widgets held WebGL contexts (${held})`);
    await page.evaluate(() => ["w0", "w1", "w2"].forEach((id) => document.getElementById(id)!.remove()));
    assert.deepEqual(
      await page.evaluate(() => (window as any).heldContexts.map((gl: WebGLRenderingContext) => gl.isContextLost())),
      Array(held).fill(true),
      "every context of a removed widget is lost",
    );
    assert.ok((await webglCanvases()) < canvasesBefore);
    assert.ok((await live()) <= 3);
    await page.evaluate(() => {
      for (let i = 0; i < 6; i += 1) {
        const el = document.createElement("coauthor-network");
        el.setAttribute("author", "name:tong zhang");
        el.setAttribute("maxnodes", "30");
        el.className = "more";
        document.querySelector("main")!.appendChild(el);
      }
    });
    await page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll("coauthor-network.more")).every(
          (w: any) => w.shadowRoot.querySelector(".stage").dataset.layout === "done",
        ),
      undefined,
      { timeout: 120_000 },
    );
    assert.ok((await live()) <= 4);
    await page.close();
  });

  it("never reached the internet and logged no WebGL warnings or errors", () => {
    assert.deepEqual(browser.foreign, [], "the pages tried to reach the internet");
    assert.deepEqual(
      browser.problems.filter((p) => !/refused to frame|frame-ancestors/i.test(p)),
      [],
      "the pages logged errors",
    );
  });
});
