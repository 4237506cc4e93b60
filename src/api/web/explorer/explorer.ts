import { gql } from "../shared/graphql";
import { edgeKey, NetworkView } from "../shared/network-view";
import { saveFile } from "../shared/picture";
import {
  AUTHOR_PANEL_QUERY,
  exportUrl,
  NETWORK_QUERY,
  networkVariables,
  PATH_QUERY,
  readViewParams,
  SHARED_VENUES_QUERY,
  TIE_QUERY,
  type NetworkAnswer,
  type PaperLite,
  type PathAnswer,
  type ViewParams,
} from "../shared/queries";
import { themeFrom, type Theme } from "../shared/theme";
import { button, h, paperList, pathSection } from "./panel";
import { SearchBox } from "./search-box";

/*
 * /explore: search an author, see the coauthor network, click an author or a tie for the
 * evidence, ask for the path to a second author. Everything that makes the view is in the URL
 * (history.replaceState on every change), so reloading or sharing it gives the same view.
 */

interface State extends ViewParams {
  selected: string | null;
  tie: string | null;
  to: string | null;
  theme: Theme;
}

const ENDPOINT = new URL("/graphql", location.href).toString();
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function readState(): State {
  const url = new URL(location.href);
  const get = (name: string) => url.searchParams.get(name);
  return { ...readViewParams(get), selected: get("selected"), tie: get("tie"), to: get("to"), theme: themeFrom(get("theme") ?? "auto") };
}

function writeState(state: State): void {
  const url = new URL(location.pathname, location.href);
  const put = (name: string, value: string | number | null, skip?: string | number | null) => {
    if (value !== null && value !== "" && value !== skip) url.searchParams.set(name, String(value));
  };
  put("author", state.author);
  put("depth", state.depth, 1);
  put("minJointPapers", state.minJointPapers, 1);
  put("yearFrom", state.yearFrom);
  put("yearTo", state.yearTo);
  put("maxNodes", state.maxNodes, 200);
  put("selected", state.selected);
  put("tie", state.tie);
  put("to", state.to);
  put("theme", state.theme);
  history.replaceState(null, "", url);
}

const state = readState();
let network: NetworkAnswer | null = null;
let loadCount = 0;
const stage = $<HTMLDivElement>("stage");
const panel = $<HTMLElement>("panel");
const status = $<HTMLElement>("status");

const view = new NetworkView(stage, state.theme, {
  onNode: (id) => choose({ selected: id, tie: null }),
  onEdge: (a, b) => choose({ selected: null, tie: edgeKey(a, b) }),
  onStage: () => choose({ selected: null, tie: null }),
  onLayoutDone: (ms) => setStatus(`${summary()} · layout ${Math.round(ms)} ms`),
});

function summary(): string {
  if (!network) return "";
  return `${network.nodes.length} authors · ${network.edges.length} ties${network.truncated ? ` (cut at ${state.maxNodes}; raise the node cap)` : ""}`;
}

function setStatus(text: string, error = false): void {
  status.textContent = text;
  status.classList.toggle("error", error);
}

const nameOf = (id: string) => network?.nodes.find((n) => n.author.id === id)?.author.name ?? id;

// ---- controls -------------------------------------------------------------------------------

const fields = {
  depth: $<HTMLSelectElement>("depth"),
  minJointPapers: $<HTMLInputElement>("minJointPapers"),
  yearFrom: $<HTMLInputElement>("yearFrom"),
  yearTo: $<HTMLInputElement>("yearTo"),
  maxNodes: $<HTMLInputElement>("maxNodes"),
};

function showControls(): void {
  fields.depth.value = String(state.depth);
  fields.minJointPapers.value = String(state.minJointPapers);
  fields.yearFrom.value = state.yearFrom === null ? "" : String(state.yearFrom);
  fields.yearTo.value = state.yearTo === null ? "" : String(state.yearTo);
  fields.maxNodes.value = String(state.maxNodes);
  document.documentElement.dataset.theme = state.theme;
  $("theme-toggle").textContent = state.theme === "dark" ? "Light theme" : "Dark theme";
}

$<HTMLFormElement>("controls").addEventListener("change", (event) => {
  if ((event.target as HTMLElement).closest(".combo")) return;
  const values = readViewParams((name) =>
    name in fields ? fields[name as keyof typeof fields].value : name === "author" ? state.author : null,
  );
  Object.assign(state, {
    depth: values.depth,
    minJointPapers: values.minJointPapers,
    yearFrom: values.yearFrom,
    yearTo: values.yearTo,
    maxNodes: values.maxNodes,
  });
  void load();
});
$<HTMLFormElement>("controls").addEventListener("submit", (e) => e.preventDefault());

new SearchBox($("author-input"), $("author-options"), ENDPOINT, (author) => {
  Object.assign(state, { author: author.id, selected: null, tie: null, to: null });
  void load();
});
new SearchBox($("to-input"), $("to-options"), ENDPOINT, (author) => {
  state.to = author.id;
  choose({ selected: null, tie: null });
});
$("clear-path").addEventListener("click", () => {
  state.to = null;
  $<HTMLInputElement>("to-input").value = "";
  choose({ selected: null, tie: null });
});

$("theme-toggle").addEventListener("click", () => {
  state.theme = state.theme === "dark" ? "light" : "dark";
  view.setTheme(state.theme);
  showControls();
  writeState(state);
});

stage.addEventListener("keydown", (event) => {
  if (event.key === "Escape") choose({ selected: null, tie: null });
  else if (view.handleKey(event)) event.preventDefault();
});

$("save-png").addEventListener("click", () => {
  view.toPNG(2).then(
    (png) => saveFile(png, `${fileStem()}.png`),
    (error: Error) => setStatus(`Could not save the picture: ${error.message}`, true),
  );
});
$("save-svg").addEventListener("click", () => saveFile(view.toSVG(), `${fileStem()}.svg`, "image/svg+xml"));

function fileStem(): string {
  const slug = nameOf(state.author)
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `coauthor-network_${slug || "author"}_d${state.depth}`;
}

const EXPORTS: Array<[string, string]> = [
  ["network.gexf", "GEXF (Gephi, dynamic)"],
  ["network.graphml", "GraphML"],
  ["network.cyjs", "Cytoscape.js JSON"],
  ["network-nodes.csv", "CSV nodes"],
  ["network-edges.csv", "CSV edges"],
  ["network.net", "Pajek .net"],
  ["network.vosviewer.json", "VOSviewer JSON"],
  ["network.grafana.json", "Grafana Node Graph"],
];

function showExports(): void {
  const list = $("data-links");
  list.innerHTML = "";
  if (!state.author) return;
  for (const [file, label] of EXPORTS)
    list.append(h("li", {}, h("a", { href: exportUrl(location.href, file, state), download: "" }, label)));
  const coauthors = new URL("/export/coauthors.csv", location.href);
  coauthors.searchParams.set("author", state.author);
  if (state.yearFrom !== null) coauthors.searchParams.set("yearFrom", String(state.yearFrom));
  if (state.yearTo !== null) coauthors.searchParams.set("yearTo", String(state.yearTo));
  list.append(h("li", {}, h("a", { href: coauthors.toString(), download: "" }, "Coauthor list (CSV)")));
}

function showNodeList(): void {
  const list = $("node-list").querySelector("ol")!;
  list.innerHTML = "";
  $("node-count").textContent = network ? `(${network.nodes.length})` : "";
  for (const { author } of [...(network?.nodes ?? [])].sort((a, b) => b.author.paperCount - a.author.paperCount).slice(0, 300)) {
    list.append(
      h(
        "li",
        {},
        button(`${author.name} (${author.paperCount})`, () => showInPicture({ selected: author.id, tie: null })),
      ),
    );
  }
}

// ---- loading and selection ------------------------------------------------------------------

/** Selects from an event handler: a failed request shows in the status line instead of being lost. */
function choose(next: { selected: string | null; tie: string | null }): void {
  select(next).catch((error: Error) => setStatus(`Could not load the selection: ${error.message}`, true));
}

/** A selection made from a list (keyboard users' way in): select, and move the picture to it. */
function showInPicture(next: { selected: string | null; tie: string | null }): void {
  const [a, b] = next.tie ? next.tie.split("|") : [];
  const at = next.selected ?? a;
  if (at) view.panTo(at, b);
  choose(next);
}

async function load(): Promise<void> {
  showControls();
  writeState(state);
  showExports();
  if (!state.author) {
    setStatus("Search an author to see their coauthor network.");
    // Nothing to show yet: the search box is where a keyboard user starts.
    $<HTMLInputElement>("author-input").focus();
    panel.replaceChildren(
      h("p", { class: "muted" }, "Pick an author on the left. Then click an author or a tie in the picture to see the papers behind it."),
    );
    return;
  }
  const mine = ++loadCount;
  const requestedAt = performance.now();
  // "loading" until the new network is drawn: tests and the benchmark wait for "done".
  stage.dataset.layout = "loading";
  setStatus("Loading…");
  try {
    const data = await gql<{ coauthorNetwork: NetworkAnswer }>(ENDPOINT, NETWORK_QUERY, networkVariables(state));
    if (mine !== loadCount) return;
    network = data.coauthorNetwork;
    $<HTMLInputElement>("author-input").value = nameOf(state.author);
    stage.setAttribute(
      "aria-label",
      `Coauthor network of ${nameOf(state.author)}: ${summary()}. Arrow keys pan, + and - zoom, 0 fits, Escape clears the selection.`,
    );
    await view.setData(network, state.author, requestedAt);
    // Since the page began to load (performance.now() counts from navigation start), for the benchmark.
    if (mine === 1) (window as unknown as { __explorer: { firstFrameAt?: number } }).__explorer.firstFrameAt = performance.now();
    setStatus(`${summary()} · laying out…`);
    showNodeList();
    if (state.selected && !network.nodes.some((n) => n.author.id === state.selected)) state.selected = null;
    await select({ selected: state.selected, tie: state.tie });
  } catch (error) {
    if (mine !== loadCount) return;
    network = null;
    setStatus(`Could not load the network: ${(error as Error).message}`, true);
  }
}

async function select(next: { selected: string | null; tie: string | null }): Promise<void> {
  Object.assign(state, next);
  writeState(state);
  view.select(state.selected);
  if (state.tie) {
    const [a, b] = state.tie.split("|");
    view.setFocus([a, b], [state.tie]);
    await showTie(a, b);
  } else {
    // A path stays highlighted while an author on it (or any other) is looked at.
    if (state.to) await showPath(!state.selected);
    else view.setFocus(null);
    if (state.selected) await showAuthor(state.selected);
    else if (!state.to)
      panel.replaceChildren(
        h(
          "p",
          { class: "muted" },
          "Click an author or a tie in the picture (or pick one from “Authors in this network”) to see the papers behind it.",
        ),
      );
  }
  panel.dataset.showing = state.tie ? "tie" : state.selected ? "author" : state.to ? "path" : "none";
}

interface AuthorPanel {
  id: string;
  name: string;
  aliases: string[];
  paperCount: number;
  coauthorCount: number;
  firstYear: number | null;
  lastYear: number | null;
  papers: { totalCount: number; edges: Array<{ node: PaperLite }> };
  coauthors: { edges: Array<{ jointPapers: number; node: { id: string; name: string } }> };
}

async function showAuthor(id: string): Promise<void> {
  panel.replaceChildren(h("p", { class: "muted" }, "Loading…"));
  const window = { yearFrom: state.yearFrom, yearTo: state.yearTo };
  const [{ author }, shared] = await Promise.all([
    gql<{ author: AuthorPanel | null }>(ENDPOINT, AUTHOR_PANEL_QUERY, { id, ...window }),
    id === state.author
      ? Promise.resolve(null)
      : gql<{ sharedVenues: Array<{ venue: { name: string; acronym: string | null }; paperCounts: number[]; jointPaperCount: number }> }>(
          ENDPOINT,
          SHARED_VENUES_QUERY,
          { ids: [state.author, id], ...window },
        ),
  ]);
  if (state.selected !== id || !author) return;
  const inNetwork = (other: string) => network?.nodes.some((n) => n.author.id === other) ?? false;
  const children: Array<Node | null> = [
    h("h2", { id: "panel-title" }, author.name),
    author.aliases.length ? h("p", { class: "muted" }, `Also: ${author.aliases.join(", ")}`) : null,
    h(
      "p",
      {},
      `${author.paperCount} papers · ${author.coauthorCount} coauthors${author.firstYear ? ` · ${author.firstYear}–${author.lastYear}` : ""}`,
    ),
    h(
      "div",
      { class: "actions" },
      id !== state.author
        ? button("Centre here", () => Object.assign(state, { author: id, selected: null, tie: null, to: null }) && void load(), {
            id: "centre-here",
          })
        : null,
      id !== state.author
        ? button("Path from the centre", () => ((state.to = id), choose({ selected: null, tie: null })), { id: "path-here" })
        : null,
    ),
    h("h3", {}, `Papers${state.yearFrom !== null || state.yearTo !== null ? " in these years" : ""} (${author.papers.totalCount})`),
    paperList(author.papers.edges.map((e) => e.node)),
    h("h3", {}, "Top coauthors"),
    h(
      "ol",
      { class: "coauthors" },
      ...author.coauthors.edges.map((e) =>
        h(
          "li",
          {},
          inNetwork(e.node.id) ? button(e.node.name, () => showInPicture({ selected: e.node.id, tie: null })) : e.node.name,
          " ",
          // The tie's papers, from the keyboard too (when the tie is drawn).
          view.graph.hasEdge(edgeKey(id, e.node.id))
            ? button(`${e.jointPapers} joint`, () => showInPicture({ selected: null, tie: edgeKey(id, e.node.id) }), {
                class: "meta",
                "aria-label": `Joint papers of ${author.name} and ${e.node.name}`,
              })
            : h("span", { class: "meta" }, `${e.jointPapers} joint`),
        ),
      ),
    ),
    shared
      ? h(
          "div",
          {},
          h("h3", {}, `Venues shared with ${nameOf(state.author)}`),
          shared.sharedVenues.length === 0
            ? h("p", { class: "muted" }, "None.")
            : h(
                "ol",
                { class: "venues" },
                ...shared.sharedVenues
                  .slice(0, 10)
                  .map((v) =>
                    h(
                      "li",
                      {},
                      v.venue.acronym?.toUpperCase() || v.venue.name,
                      h("span", { class: "meta" }, ` ${v.paperCounts.join(" / ")} papers · ${v.jointPaperCount} joint`),
                    ),
                  ),
              ),
        )
      : null,
  ];
  panel.replaceChildren(...children.filter((c): c is Node => c !== null));
}

async function showTie(a: string, b: string): Promise<void> {
  panel.replaceChildren(h("p", { class: "muted" }, "Loading…"));
  const edge = network?.edges.find((e) => edgeKey(e.source, e.target) === edgeKey(a, b));
  const data = await gql<{ collaborationPath: PathAnswer | null }>(ENDPOINT, TIE_QUERY, {
    a,
    b,
    yearFrom: state.yearFrom,
    yearTo: state.yearTo,
  });
  if (state.tie !== edgeKey(a, b)) return;
  const papers = data.collaborationPath?.links[0]?.papers ?? [];
  panel.replaceChildren(
    h("h2", { id: "panel-title" }, `${nameOf(a)} – ${nameOf(b)}`),
    h("p", {}, `${edge?.jointPapers ?? papers.length} joint papers${edge?.firstYear ? `, ${edge.firstYear}–${edge.lastYear}` : ""}`),
    paperList(papers),
    h(
      "div",
      { class: "actions" },
      button(`Open ${nameOf(a)}`, () => choose({ selected: a, tie: null })),
      button(`Open ${nameOf(b)}`, () => choose({ selected: b, tie: null })),
    ),
  );
}

async function showPath(inPanel = true): Promise<void> {
  if (!state.to || !state.author) return;
  const to = state.to;
  if (inPanel) panel.replaceChildren(h("p", { class: "muted" }, "Finding the path…"));
  const data = await gql<{ collaborationPath: PathAnswer | null }>(ENDPOINT, PATH_QUERY, {
    from: state.author,
    to,
    yearFrom: state.yearFrom,
    yearTo: state.yearTo,
  });
  if (state.to !== to) return;
  const path = data.collaborationPath;
  if (path) {
    // Hops outside the drawn network are added next to the author they join.
    const edges = view.addPath(
      path.authors,
      path.links.map((link) => ({ from: link.from.id, to: link.to.id, papers: link.papers.length })),
    );
    view.setFocus(
      path.authors.map((a) => a.id),
      edges,
    );
  }
  const toName = path?.authors.at(-1)?.name ?? $<HTMLInputElement>("to-input").value ?? to;
  $<HTMLInputElement>("to-input").value = toName;
  if (inPanel)
    panel.replaceChildren(
      h("h2", { id: "panel-title" }, `Path: ${nameOf(state.author)} → ${toName}`),
      pathSection(path, nameOf(state.author), toName),
    );
}

// For the browser tests and the benchmark: the view, its numbers and the state, read-only by convention.
(window as unknown as { __explorer: unknown }).__explorer = { view, state, stats: view.stats, network: () => network };

void load();
