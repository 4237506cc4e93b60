import { gql } from "../shared/graphql";
import { edgeKey, NetworkView } from "../shared/network-view";
import { saveFile } from "../shared/picture";
import { NETWORK_QUERY, networkVariables, readViewParams, type NetworkAnswer, type ViewParams } from "../shared/queries";
import { themeFrom } from "../shared/theme";
import { join, leave, touch } from "./context-budget";
import { WIDGET_CSS } from "./widget.css";

/*
 * <coauthor-network author="name:wei xiong" depth="2" endpoint="https://host/graphql">: one
 * self-contained ES module (sigma, graphology and the layout bundled in) that draws an author's
 * coauthor network. Attributes mirror /embed/network's URL parameters (author, depth,
 * minJointPapers, yearFrom, yearTo, maxNodes, theme, controls; kebab-case works too). It
 * dispatches `author-select`, `tie-select` and `network-load` (bubbling, composed), and releases
 * its WebGL contexts when removed from the page.
 */

const PARAMS = ["author", "depth", "minJointPapers", "yearFrom", "yearTo", "maxNodes", "theme", "controls", "endpoint"];
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The GraphQL endpoint beside the server this module was loaded from. */
const DEFAULT_ENDPOINT = new URL("/graphql", import.meta.url).toString();

export class CoauthorNetworkElement extends HTMLElement {
  static observedAttributes = [...new Set(PARAMS.flatMap((name) => [name.toLowerCase(), kebab(name)]))];

  private view: NetworkView | null = null;
  private network: NetworkAnswer | null = null;
  private loading: AbortController | null = null;
  private reloadQueued = false;
  private readonly root: ShadowRoot;
  private readonly frame: HTMLDivElement;
  private readonly stage: HTMLDivElement;
  private readonly status: HTMLDivElement;
  private readonly info: HTMLDivElement;
  private readonly controls: HTMLFormElement;
  private readonly member = { setLive: (live: boolean) => this.view?.setLive(live) };

  constructor() {
    super();
    this.root = this.attachShadow({ mode: "open" });
    this.root.innerHTML = `<style>${WIDGET_CSS}</style>
<div class="frame light" part="frame">
  <div class="stage" part="stage" tabindex="0" role="img"></div>
  <div class="status" role="status" aria-live="polite"></div>
  <div class="info" part="info" aria-live="polite"></div>
  <form class="controls" part="controls">
    <label>Depth <select name="depth"><option>1</option><option>2</option><option>3</option></select></label>
    <label>Min. joint papers <input name="minJointPapers" type="number" min="1" step="1"></label>
    <label>Years <input name="yearFrom" type="number" placeholder="from" aria-label="From year"> – <input name="yearTo" type="number" placeholder="to" aria-label="To year"></label>
    <button type="button" data-save="png">PNG</button>
    <button type="button" data-save="svg">SVG</button>
  </form>
</div>`;
    this.frame = this.root.querySelector(".frame")!;
    this.stage = this.root.querySelector(".stage")!;
    this.status = this.root.querySelector(".status")!;
    this.info = this.root.querySelector(".info")!;
    this.controls = this.root.querySelector(".controls")!;
    this.controls.addEventListener("change", () => this.applyControls());
    this.controls.addEventListener("submit", (e) => e.preventDefault());
    this.controls.addEventListener("click", (e) => {
      const kind = (e.target as HTMLElement).dataset?.save;
      if (kind) void this.save(kind as "png" | "svg");
    });
    // Using a still widget makes it live again (context-budget.ts).
    for (const type of ["pointerenter", "focusin", "touchstart"])
      this.frame.addEventListener(type, () => touch(this.member), { passive: true });
    this.stage.addEventListener("keydown", (e) => {
      if (this.view?.handleKey(e)) e.preventDefault();
    });
  }

  private param(name: string): string | null {
    return this.getAttribute(name.toLowerCase()) ?? this.getAttribute(kebab(name));
  }

  get params(): ViewParams {
    return readViewParams((name) => this.param(name));
  }

  get endpoint(): string {
    return this.param("endpoint") ?? DEFAULT_ENDPOINT;
  }

  /** The drawn network's view (for tests and the embed page); null before anything is drawn. */
  get networkView(): NetworkView | null {
    return this.view;
  }

  connectedCallback(): void {
    const theme = themeFrom(this.param("theme"), "light");
    this.frame.className = `frame ${theme}`;
    this.controls.hidden = this.param("controls") === "0";
    if (!this.view) {
      const live = join(this.member);
      this.view = new NetworkView(
        this.stage,
        theme,
        {
          onNode: (id) => this.selectAuthor(id),
          onEdge: (a, b) => this.selectTie(a, b),
          onStage: () => this.clearSelection(),
        },
        live,
      );
    }
    this.queueReload();
  }

  disconnectedCallback(): void {
    this.loading?.abort();
    leave(this.member);
    this.view?.kill();
    this.view = null;
  }

  attributeChangedCallback(): void {
    if (this.isConnected && this.view) {
      const theme = themeFrom(this.param("theme"), "light");
      this.frame.className = `frame ${theme}`;
      this.view.setTheme(theme);
      this.controls.hidden = this.param("controls") === "0";
      this.queueReload();
    }
  }

  /** Attribute changes made together (author and years) load once. */
  private queueReload(): void {
    if (this.reloadQueued) return;
    this.reloadQueued = true;
    queueMicrotask(() => {
      this.reloadQueued = false;
      void this.load();
    });
  }

  private syncControls(view: ViewParams): void {
    const form = this.controls.elements as unknown as Record<string, HTMLInputElement>;
    form.depth.value = String(view.depth);
    form.minJointPapers.value = String(view.minJointPapers);
    form.yearFrom.value = view.yearFrom === null ? "" : String(view.yearFrom);
    form.yearTo.value = view.yearTo === null ? "" : String(view.yearTo);
  }

  private applyControls(): void {
    const form = this.controls.elements as unknown as Record<string, HTMLInputElement>;
    for (const name of ["depth", "minJointPapers", "yearFrom", "yearTo"]) {
      const value = form[name].value.trim();
      if (value === "") this.removeAttribute(name.toLowerCase());
      else this.setAttribute(name.toLowerCase(), value);
      this.removeAttribute(kebab(name));
    }
  }

  async load(): Promise<void> {
    const view = this.params;
    this.syncControls(view);
    if (!this.view) return;
    if (!view.author) {
      this.showStatus('Set the author attribute, e.g. author="name:wei xiong".', true);
      return;
    }
    this.loading?.abort();
    const controller = (this.loading = new AbortController());
    const requestedAt = performance.now();
    this.showStatus("Loading…");
    try {
      const data = await gql<{ coauthorNetwork: NetworkAnswer }>(this.endpoint, NETWORK_QUERY, networkVariables(view), controller.signal);
      if (controller.signal.aborted || !this.view) return;
      this.network = data.coauthorNetwork;
      this.info.textContent = "";
      const centre = this.network.nodes[0]?.author;
      this.stage.setAttribute(
        "aria-label",
        `Coauthor network of ${centre?.name ?? view.author}: ${this.network.nodes.length} authors, ${this.network.edges.length} ties. Arrow keys pan, + and - zoom, 0 fits.`,
      );
      await this.view.setData(this.network, view.author, requestedAt);
      this.showStatus(
        `${this.network.nodes.length} authors · ${this.network.edges.length} ties${this.network.truncated ? " (cut at maxNodes)" : ""}`,
      );
      this.dispatchEvent(
        new CustomEvent("network-load", {
          bubbles: true,
          composed: true,
          detail: {
            author: view.author,
            nodes: this.network.nodes.length,
            edges: this.network.edges.length,
            truncated: this.network.truncated,
          },
        }),
      );
    } catch (error) {
      if (controller.signal.aborted) return;
      this.showStatus(`Could not load the network: ${(error as Error).message}`, true);
    }
  }

  private showStatus(text: string, error = false): void {
    this.status.textContent = text;
    this.status.classList.toggle("error", error);
  }

  private selectAuthor(id: string): void {
    const node = this.network?.nodes.find((n) => n.author.id === id);
    if (!node || !this.view) return;
    this.view.select(id);
    this.view.setFocus(null);
    const { author, distance } = node;
    this.info.innerHTML = "";
    this.info.append(`${author.name} · ${author.paperCount} papers${author.firstYear ? ` · ${author.firstYear}–${author.lastYear}` : ""}`);
    if (distance > 0) {
      const centre = document.createElement("button");
      centre.type = "button";
      centre.textContent = "centre here";
      centre.addEventListener("click", () => this.setAttribute("author", id));
      this.info.append(centre);
    }
    this.dispatchEvent(
      new CustomEvent("author-select", {
        bubbles: true,
        composed: true,
        detail: { id: author.id, name: author.name, papers: author.paperCount, distance },
      }),
    );
  }

  private selectTie(a: string, b: string): void {
    const edge = this.network?.edges.find((e) => edgeKey(e.source, e.target) === edgeKey(a, b));
    if (!edge || !this.view) return;
    const name = (id: string) => this.network!.nodes.find((n) => n.author.id === id)?.author.name ?? id;
    this.view.select(null);
    this.view.setFocus([edge.source, edge.target], [edgeKey(edge.source, edge.target)]);
    this.info.textContent = `${name(edge.source)} – ${name(edge.target)}: ${edge.jointPapers} joint papers${edge.firstYear ? `, ${edge.firstYear}–${edge.lastYear}` : ""}`;
    this.dispatchEvent(
      new CustomEvent("tie-select", {
        bubbles: true,
        composed: true,
        detail: { ...edge, sourceName: name(edge.source), targetName: name(edge.target) },
      }),
    );
  }

  private clearSelection(): void {
    this.view?.select(null);
    this.view?.setFocus(null);
    this.info.textContent = "";
  }

  private async save(kind: "png" | "svg"): Promise<void> {
    if (!this.view) return;
    touch(this.member);
    const stem = `coauthor-network_${(this.params.author || "network").replace(/[^a-z0-9]+/gi, "-")}`;
    if (kind === "png") saveFile(await this.view.toPNG(2), `${stem}.png`);
    else saveFile(this.view.toSVG(), `${stem}.svg`, "image/svg+xml");
  }
}

export { liveCount } from "./context-budget";

if (!customElements.get("coauthor-network")) customElements.define("coauthor-network", CoauthorNetworkElement);
