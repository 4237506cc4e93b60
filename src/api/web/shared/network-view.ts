import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import Sigma from "sigma";
import type { Settings } from "sigma/settings";
import type { NodeDisplayData } from "sigma/types";
import { drawNodeHover, drawNodeLabel, fontOf, LabelLayout, measure, type Box, type LabelData, type LabelSide } from "./labels";
import type { NetworkAnswer } from "./queries";
import { PALETTES, type Palette, type Theme } from "./theme";
import { composeImage, svgOfView } from "./picture";
import { paint2d } from "./painter2d";

/*
 * One drawn coauthor network: a graphology graph, a sigma (WebGL) renderer and a ForceAtlas2
 * layout that runs in a web worker, so the page stays responsive while it settles. Nodes are
 * sized by papers, edges by joint papers, coloured by distance from the centre. Labels: sigma's
 * grid offers at most one per cell, and labels.ts places each on a side of its node where it stays
 * inside the picture and overlaps no label already drawn this frame (neighbouring cells can still
 * collide in sigma alone), or leaves it out; the centre, the selection and a path keep theirs.
 */

export interface ViewCallbacks {
  onNode?(id: string): void;
  onEdge?(source: string, target: string): void;
  onStage?(): void;
  /** After the layout stops (its time budget is spent or stopLayout was called). */
  onLayoutDone?(ms: number): void;
}

export interface ViewStats {
  nodes: number;
  edges: number;
  /** From setData to the first frame sigma drew. */
  firstFrameMs: number | null;
  layoutMs: number | null;
}

export const edgeKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

const nodeSize = (papers: number) => Math.min(26, 3 + 2.2 * Math.sqrt(papers));
const edgeSize = (joint: number) => Math.min(8, 0.6 + 1.3 * Math.log2(1 + joint));

/** The layout's time budget grows with the network; a 2,000-author network gets 8 s. */
const layoutBudgetMs = (nodes: number) => Math.min(8000, Math.max(1500, 800 + 4 * nodes));

export class NetworkView {
  readonly graph = new Graph({ type: "undirected", multi: false });
  readonly stats: ViewStats = { nodes: 0, edges: 0, firstFrameMs: null, layoutMs: null };
  private renderer: Sigma | null = null;
  private layout: FA2Layout | null = null;
  private layoutTimer: ReturnType<typeof setTimeout> | undefined;
  private layoutStarted = 0;
  private palette: Palette;
  private focus: { nodes: Set<string>; edges: Set<string> } | null = null;
  private selected: string | null = null;
  private hovered: string | null = null;
  /** Without WebGL (live = false) the network is painted on this 2D canvas instead. */
  private still: HTMLCanvasElement | null = null;
  private stillFrame = 0;
  private firstFrameWaiter: (() => void) | null = null;
  /** The labels of the frame being drawn (reserved for forced labels first, then placed). */
  private readonly labels = new LabelLayout();

  constructor(
    private readonly container: HTMLElement,
    theme: Theme,
    private readonly callbacks: ViewCallbacks = {},
    private live = true,
  ) {
    this.palette = PALETTES[theme];
    // Layout steps update every node at once; a still picture follows them once per frame.
    this.graph.on("eachNodeAttributesUpdated", () => this.scheduleStill());
  }

  get isLive(): boolean {
    return this.live;
  }

  /**
   * Live: drawn by sigma with WebGL (3 contexts), interactive. Not live: the contexts are released
   * and the same picture is painted with the 2D canvas. The graph and its layout carry on either way.
   */
  setLive(live: boolean): void {
    if (live === this.live) return;
    this.live = live;
    if (live) {
      this.still?.remove();
      this.still = null;
      if (this.graph.order > 0) this.ensureRenderer().refresh();
    } else {
      this.renderer?.kill();
      this.renderer = null;
      this.scheduleStill();
    }
  }

  private scheduleStill(): void {
    if (this.live || this.stillFrame) return;
    this.stillFrame = requestAnimationFrame(() => {
      this.stillFrame = 0;
      if (this.live) return;
      if (!this.still) {
        this.still = document.createElement("canvas");
        this.still.style.cssText = "position:absolute;inset:0;width:100%;height:100%;";
        this.still.setAttribute("aria-hidden", "true");
        this.container.appendChild(this.still);
      }
      paint2d(this.still, this.graph, this.palette, this.settings().labelFont!);
      this.firstFrameWaiter?.();
    });
  }

  get sigma(): Sigma | null {
    return this.renderer;
  }

  get layoutRunning(): boolean {
    return this.layout?.isRunning() ?? false;
  }

  /**
   * Above this many ties, edges are hidden while the picture moves and are not clickable: each frame
   * then draws nodes only, and the edge picking layer (a second drawing of every edge) is skipped.
   * On a software renderer a 120k-tie frame takes seconds; a GPU draws it in milliseconds.
   */
  static readonly LARGE_EDGES = 20_000;

  /**
   * sigma's settings; `labels` and `renderer` are the frame's label layout and the renderer that draws
   * with them (the PNG export's off-screen renderer has its own).
   */
  private settings(labels = this.labels, renderer: () => Sigma | null = () => this.renderer): Partial<Settings> {
    const p = this.palette;
    const large = this.graph.size > NetworkView.LARGE_EDGES;
    return {
      renderEdgeLabels: false,
      enableEdgeEvents: !large,
      hideEdgesOnMove: large,
      labelColor: { color: p.text },
      labelFont: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
      labelSize: 12,
      labelWeight: "600",
      // One label per 100 px cell (about a name's width), biggest node first: no overlapping labels.
      labelDensity: 1,
      labelGridCellSize: 100,
      labelRenderedSizeThreshold: 7,
      zIndex: true,
      // Room at the edges for the outermost nodes (labels flip sides at the edge). sigma takes it off the
      // smaller side twice, so a small widget gets less: 60 px would leave a 235 px picture 115 px of network.
      stagePadding: Math.round(Math.min(60, Math.max(30, Math.min(this.container.clientWidth, this.container.clientHeight) * 0.08))),
      defaultDrawNodeHover: (context, data, settings) => drawNodeHover(context, data as LabelData, settings, labels, p),
      defaultDrawNodeLabel: (context, data, settings) => {
        const sigma = renderer();
        if (labels.reservePending && sigma) this.reserveForcedLabels(sigma, labels, context);
        drawNodeLabel(context, data as LabelData, settings, labels, p.background);
      },
      nodeReducer: (node, data) => {
        const out: Partial<NodeDisplayData> & Record<string, unknown> = { ...data };
        if (node === this.selected || node === this.hovered) {
          out.highlighted = true;
          out.forceLabel = true;
          out.zIndex = 3;
        }
        if (this.focus) {
          if (this.focus.nodes.has(node)) {
            out.forceLabel = true;
            out.zIndex = 2;
          } else {
            out.color = p.nodeFaded;
            out.label = null;
            out.zIndex = 0;
          }
        }
        return out;
      },
      edgeReducer: (edge, data) => {
        const out = { ...data };
        if (this.focus) {
          if (this.focus.edges.has(edge)) {
            out.color = p.highlight;
            out.size = Math.max(3, data.size * 1.6);
            out.zIndex = 2;
          } else {
            out.color = p.edgeFaded;
          }
        }
        return out;
      },
    };
  }

  /** Before each frame: forget last frame's labels; room for the labels that must show is taken at the first label drawn. */
  private startFrame(sigma: Sigma, labels: LabelLayout): void {
    const { width, height } = sigma.getDimensions();
    labels.reset(width, height);
  }

  /**
   * Takes room for the labels that must show before any other is placed. Done when the first label of
   * a frame is drawn, not before the frame: only then are sigma's positions and camera those of this frame.
   */
  private reserveForcedLabels(sigma: Sigma, labels: LabelLayout, context: CanvasRenderingContext2D): void {
    labels.reservePending = false;
    const font = fontOf(sigma.getSettings());
    for (const node of this.forcedNodes()) {
      const data = sigma.getNodeDisplayData(node);
      if (!data?.label || data.hidden) continue;
      const at = sigma.framedGraphToViewport(data);
      labels.reserve(node, at.x, at.y, sigma.scaleSize(data.size), measure(context, data.label, font), font);
    }
  }

  private forcedNodes(): string[] {
    const nodes = this.graph.filterNodes((_n, a) => a.forceLabel === true);
    if (this.selected) nodes.push(this.selected);
    if (this.focus) nodes.push(...this.focus.nodes);
    return nodes.filter((n) => this.graph.hasNode(n));
  }

  /** The boxes of the labels the last frame drew, in CSS pixels of the picture (for the tests). */
  labelBoxes(): Array<{ node: string; box: Box }> {
    return [...this.labels.boxes].map(([node, box]) => ({ node, box }));
  }

  /** Nodes whose label the last frame drew, and on which side (the SVG export shows the same). */
  get labelledNodes(): ReadonlyMap<string, LabelSide> {
    return this.labels.placed;
  }

  /** Replaces the drawn network; returns when the first frame is on screen. */
  setData(network: NetworkAnswer, centreId: string, requestedAt = performance.now()): Promise<void> {
    this.stopLayout(false);
    this.graph.clear();
    this.selected = null;
    this.focus = null;
    const p = this.palette;
    const ringCount = new Map<number, number>();
    for (const { author, distance } of network.nodes) {
      // Rings by distance, spread by the golden angle: a readable start the layout only refines.
      const i = ringCount.get(distance) ?? 0;
      ringCount.set(distance, i + 1);
      const angle = i * 2.399963 + distance;
      const radius = distance === 0 ? 0 : distance * 40 + (i % 7) * 3;
      this.graph.addNode(author.id, {
        label: author.name,
        x: Math.cos(angle) * radius,
        y: Math.sin(angle) * radius,
        size: nodeSize(author.paperCount),
        color: p.distance[Math.min(3, distance)],
        papers: author.paperCount,
        distance,
        forceLabel: author.id === centreId,
      });
    }
    for (const edge of network.edges) {
      if (!this.graph.hasNode(edge.source) || !this.graph.hasNode(edge.target)) continue;
      this.graph.addEdgeWithKey(edgeKey(edge.source, edge.target), edge.source, edge.target, {
        size: edgeSize(edge.jointPapers),
        color: p.edge,
        weight: edge.jointPapers,
        jointPapers: edge.jointPapers,
        firstYear: edge.firstYear,
        lastYear: edge.lastYear,
      });
    }
    this.stats.nodes = this.graph.order;
    this.stats.edges = this.graph.size;
    // Edge events and hiding edges on move follow the network's size.
    this.renderer?.setSettings(this.settings());
    this.stats.firstFrameMs = null;
    this.stats.layoutMs = null;
    this.container.dataset.nodes = String(this.graph.order);
    this.container.dataset.edges = String(this.graph.size);
    this.container.dataset.layout = "running";

    const firstFrame = new Promise<void>((resolve) => {
      const done = () => {
        this.renderer?.off("afterRender", done);
        this.firstFrameWaiter = null;
        this.stats.firstFrameMs = performance.now() - requestedAt;
        resolve();
      };
      if (!this.live) {
        this.firstFrameWaiter = done;
        this.scheduleStill();
        return;
      }
      const sigma = this.ensureRenderer();
      sigma.on("afterRender", done);
      sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
      sigma.refresh();
    });
    this.startLayout();
    return firstFrame;
  }

  private ensureRenderer(): Sigma {
    if (this.renderer) return this.renderer;
    if (!this.live) throw new Error("This view holds no WebGL context now; call setLive(true) first.");
    const sigma = new Sigma(this.graph, this.container, this.settings());
    sigma.on("clickNode", ({ node }) => this.callbacks.onNode?.(node));
    sigma.on("clickEdge", ({ edge }) => {
      const [source, target] = this.graph.extremities(edge);
      this.callbacks.onEdge?.(source, target);
    });
    sigma.on("clickStage", () => this.callbacks.onStage?.());
    sigma.on("beforeRender", () => this.startFrame(sigma, this.labels));
    sigma.on("enterNode", ({ node }) => {
      this.hovered = node;
      this.container.style.cursor = "pointer";
    });
    sigma.on("leaveNode", () => {
      this.hovered = null;
      this.container.style.cursor = "";
    });
    sigma.on("enterEdge", () => (this.container.style.cursor = "pointer"));
    sigma.on("leaveEdge", () => (this.container.style.cursor = ""));
    this.renderer = sigma;
    return sigma;
  }

  startLayout(budgetMs = layoutBudgetMs(this.graph.order)): void {
    if (this.graph.order < 2) {
      this.finishLayout();
      return;
    }
    this.stopLayout(false);
    const inferred = forceAtlas2.inferSettings(this.graph);
    this.layout = new FA2Layout(this.graph, {
      settings: { ...inferred, outboundAttractionDistribution: true, gravity: 1, slowDown: 1 + Math.log10(this.graph.order) },
      getEdgeWeight: "weight",
    });
    this.layoutStarted = performance.now();
    this.container.dataset.layout = "running";
    this.layout.start();
    this.layoutTimer = setTimeout(() => this.stopLayout(true), budgetMs);
  }

  /** Stops the worker; `finished` records the layout time and tells the callback. */
  stopLayout(finished = true): void {
    clearTimeout(this.layoutTimer);
    if (this.layout) {
      this.layout.kill();
      this.layout = null;
      if (finished) this.finishLayout();
    }
  }

  private finishLayout(): void {
    this.stats.layoutMs = this.layoutStarted ? performance.now() - this.layoutStarted : 0;
    this.container.dataset.layout = "done";
    this.callbacks.onLayoutDone?.(this.stats.layoutMs);
  }

  setTheme(theme: Theme): void {
    this.palette = PALETTES[theme];
    const p = this.palette;
    this.graph.forEachNode((node, attrs) => this.graph.setNodeAttribute(node, "color", p.distance[Math.min(3, attrs.distance as number)]));
    this.graph.forEachEdge((edge) => this.graph.setEdgeAttribute(edge, "color", p.edge));
    this.renderer?.setSettings(this.settings());
    this.scheduleStill();
  }

  select(node: string | null): void {
    this.selected = node && this.graph.hasNode(node) ? node : null;
    this.renderer?.refresh({ skipIndexation: true });
  }

  /** Draws attention to these nodes and edges (a path, a tie); null clears it. */
  setFocus(nodes: string[] | null, edges: string[] = []): void {
    this.focus = nodes ? { nodes: new Set(nodes), edges: new Set(edges) } : null;
    this.renderer?.refresh({ skipIndexation: true });
  }

  /**
   * Adds the authors and ties of a path that the network does not hold (each next to the author it
   * joins), then lets the layout settle them. The layout is restarted rather than fed the change:
   * graphology's worker supervisor respawns its worker on every structural change, and a layout
   * changed that way was seen to stall.
   */
  addPath(
    authors: Array<{ id: string; name: string; paperCount: number }>,
    links: Array<{ from: string; to: string; papers: number }>,
  ): string[] {
    const missing = authors.some((a) => !this.graph.hasNode(a.id)) || links.some((l) => !this.graph.hasEdge(edgeKey(l.from, l.to)));
    const running = this.layoutRunning;
    if (missing) this.stopLayout(false);
    authors.forEach((author, i) => this.ensureNode(author.id, author.name, author.paperCount, authors[i - 1]?.id));
    const edges = links.map((link) => this.ensureEdge(link.from, link.to, link.papers));
    if (missing) {
      this.stats.nodes = this.graph.order;
      this.stats.edges = this.graph.size;
      this.startLayout(running ? undefined : 1500);
    }
    return edges;
  }

  private ensureNode(id: string, label: string, papers: number, near?: string): void {
    if (this.graph.hasNode(id)) return;
    const anchor = near && this.graph.hasNode(near) ? this.graph.getNodeAttributes(near) : { x: 0, y: 0 };
    this.graph.addNode(id, {
      label,
      x: (anchor.x as number) + 5,
      y: (anchor.y as number) + 5,
      size: nodeSize(papers),
      color: this.palette.distance[3],
      papers,
      distance: 3,
    });
  }

  private ensureEdge(a: string, b: string, joint: number): string {
    const key = edgeKey(a, b);
    if (!this.graph.hasEdge(key))
      this.graph.addEdgeWithKey(key, a, b, { size: edgeSize(joint), color: this.palette.edge, weight: joint, jointPapers: joint });
    return key;
  }

  /** Where a node is on screen (CSS pixels from the container's top left), for tests and keyboard focus. */
  viewportPosition(node: string): { x: number; y: number } | null {
    if (!this.renderer || !this.graph.hasNode(node)) return null;
    const data = this.renderer.getNodeDisplayData(node);
    return data ? this.renderer.framedGraphToViewport(data) : null;
  }

  /** Moves the camera to a node, or to the middle of a tie, when it is off screen (choices made from lists). */
  panTo(node: string, other?: string): void {
    const sigma = this.renderer;
    const a = sigma?.getNodeDisplayData(node);
    const b = other ? sigma?.getNodeDisplayData(other) : a;
    if (!sigma || !a || !b) return;
    const target = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    const at = sigma.framedGraphToViewport(target);
    const { width, height } = sigma.getDimensions();
    const margin = 40;
    if (at.x > margin && at.y > margin && at.x < width - margin && at.y < height - margin) return;
    void sigma.getCamera().animate(target, { duration: 400 });
  }

  /** Arrow keys pan, + and - zoom, 0 fits the whole network. */
  handleKey(event: KeyboardEvent): boolean {
    const camera = this.renderer?.getCamera();
    if (!camera) return false;
    const step = 0.1 * camera.ratio;
    const moves: Record<string, () => void> = {
      ArrowLeft: () => camera.setState({ x: camera.x - step }),
      ArrowRight: () => camera.setState({ x: camera.x + step }),
      ArrowUp: () => camera.setState({ y: camera.y + step }),
      ArrowDown: () => camera.setState({ y: camera.y - step }),
      "+": () => void camera.animatedZoom({ duration: 200 }),
      "=": () => void camera.animatedZoom({ duration: 200 }),
      "-": () => void camera.animatedUnzoom({ duration: 200 }),
      "0": () => void camera.animatedReset({ duration: 200 }),
    };
    const move = moves[event.key];
    if (!move) return false;
    move();
    return true;
  }

  /** The picture as PNG at `scale` times the screen's resolution (2 by default). */
  toPNG(scale = 2): Promise<Blob> {
    if (!this.renderer) return Promise.reject(new Error("Nothing is drawn with WebGL now; interact with the picture first."));
    const labels = new LabelLayout();
    let temp: Sigma | null = null;
    return composeImage(
      this.renderer,
      this.settings(labels, () => temp),
      this.palette.background,
      scale,
      (renderer) => {
        temp = renderer;
        renderer.on("beforeRender", () => this.startFrame(renderer, labels));
      },
    );
  }

  /** The picture as SVG: the same positions, sizes, colours and labels as on screen. */
  toSVG(): string {
    if (!this.renderer) throw new Error("Nothing is drawn yet.");
    return svgOfView(this.renderer, this.palette, this.labels.placed);
  }

  /** Releases the worker and every WebGL context (sigma's kill loses them). */
  kill(): void {
    this.stopLayout(false);
    cancelAnimationFrame(this.stillFrame);
    this.stillFrame = 0;
    this.live = true;
    this.renderer?.kill();
    this.renderer = null;
    this.still?.remove();
    this.still = null;
  }
}
