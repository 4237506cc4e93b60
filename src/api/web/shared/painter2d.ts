import type Graph from "graphology";
import { drawLabelText, LabelLayout, measure, textOrigin, type LabelFont } from "./labels";
import type { Palette } from "./theme";

/*
 * The network drawn with the 2D canvas, for a view that holds no WebGL context (a page may keep
 * only so many alive: widget/context-budget.ts). Same positions, colours and sizes as sigma at
 * its starting camera (the whole network fitted, y up), labels biggest node first, placed and drawn
 * as sigma's are (labels.ts).
 */

const PADDING = 24;

export function paint2d(canvas: HTMLCanvasElement, graph: Graph, palette: Palette, font: string): void {
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  const ratio = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
  }
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, 0, width, height);
  if (graph.order === 0) return;

  let minX = Infinity,
    maxX = -Infinity,
    minY = Infinity,
    maxY = -Infinity;
  graph.forEachNode((_n, a) => {
    const { x, y } = a as { x: number; y: number };
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  });
  const scale = Math.min((width - 2 * PADDING) / Math.max(1e-9, maxX - minX), (height - 2 * PADDING) / Math.max(1e-9, maxY - minY));
  const s = Number.isFinite(scale) && scale > 0 ? scale : 1;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const at = (a: { x: number; y: number }) => ({ x: width / 2 + (a.x - cx) * s, y: height / 2 - (a.y - cy) * s });

  ctx.lineCap = "round";
  graph.forEachEdge((_e, attrs, _s, _t, sa, ta) => {
    const p = at(sa as { x: number; y: number });
    const q = at(ta as { x: number; y: number });
    ctx.strokeStyle = (attrs.color as string) ?? palette.edge;
    ctx.lineWidth = Math.max(0.5, (attrs.size as number) ?? 1);
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
    ctx.lineTo(q.x, q.y);
    ctx.stroke();
  });
  const nodes = graph
    .nodes()
    .map((n) => ({ n, a: graph.getNodeAttributes(n) }))
    .sort((x, y) => (x.a.size as number) - (y.a.size as number));
  for (const { a } of nodes) {
    const p = at(a as { x: number; y: number });
    ctx.fillStyle = a.color as string;
    ctx.beginPath();
    ctx.arc(p.x, p.y, a.size as number, 0, Math.PI * 2);
    ctx.fill();
  }
  const labelFont: LabelFont = { size: 12, weight: "600", family: font };
  const labels = new LabelLayout();
  labels.reset(width, height);
  for (const { n, a } of nodes.reverse()) {
    if (!a.label || (!a.forceLabel && (a.size as number) < 7)) continue;
    const p = at(a as { x: number; y: number });
    const text = a.label as string;
    const textWidth = measure(ctx, text, labelFont);
    const side = labels.place(n, p.x, p.y, a.size as number, textWidth, labelFont, a.forceLabel === true);
    if (side)
      drawLabelText(
        ctx,
        text,
        textOrigin(p.x, p.y, a.size as number, textWidth, labelFont, side),
        labelFont,
        palette.text,
        palette.background,
      );
  }
}
