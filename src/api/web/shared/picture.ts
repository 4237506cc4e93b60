import Sigma from "sigma";
import type { Settings } from "sigma/settings";
import type { LabelSide } from "./labels";
import type { Palette } from "./theme";

/*
 * Saving the picture. PNG: a second, off-screen sigma renders the same graph with the same camera
 * at `scale` times the device pixel ratio (sigma reads window.devicePixelRatio when it sizes its
 * canvases, so it is overridden for that moment), its layers are drawn onto one canvas over the
 * background, and the temporary renderer (and its WebGL contexts) is killed. SVG: the nodes,
 * edges and the labels on screen, at their screen positions.
 */

const LAYERS = ["edges", "edgeLabels", "nodes", "labels"];

export async function composeImage(
  source: Sigma,
  settings: Partial<Settings>,
  background: string,
  scale: number,
  prepare: (temp: Sigma) => void,
): Promise<Blob> {
  const { width, height } = source.getDimensions();
  const holder = document.createElement("div");
  holder.style.cssText = `position:fixed;left:-${width + 100}px;top:0;width:${width}px;height:${height}px;pointer-events:none;`;
  document.body.appendChild(holder);
  const ratio = (window.devicePixelRatio || 1) * scale;
  Object.defineProperty(window, "devicePixelRatio", { configurable: true, get: () => ratio });
  let temp: Sigma | null = null;
  try {
    temp = new Sigma(source.getGraph(), holder, { ...settings, enableEdgeEvents: false });
    prepare(temp);
    temp.getCamera().setState(source.getCamera().getState());
    temp.refresh();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const ctx = canvas.getContext("2d")!;
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    const layers = temp.getCanvases();
    // Drawn in the same task as the render: WebGL canvases keep their pixels until then.
    for (const id of LAYERS) if (layers[id]) ctx.drawImage(layers[id], 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("The browser could not encode the PNG."))), "image/png"),
    );
  } finally {
    delete (window as { devicePixelRatio?: number }).devicePixelRatio;
    temp?.kill();
    holder.remove();
  }
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** rgba(r, g, b, a) as SVG wants it: a colour and an opacity. */
function paint(color: string): { color: string; opacity: number } {
  const m = color.match(/^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/);
  if (!m) return { color, opacity: 1 };
  return { color: `rgb(${m[1]},${m[2]},${m[3]})`, opacity: m[4] === undefined ? 1 : Number(m[4]) };
}

export function svgOfView(renderer: Sigma, palette: Palette, labelled: ReadonlyMap<string, LabelSide>): string {
  const { width, height } = renderer.getDimensions();
  const graph = renderer.getGraph();
  const settings = renderer.getSettings();
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="${palette.background}"/>`,
    `<g stroke-linecap="round">`,
  ];
  const position = (node: string) => {
    const data = renderer.getNodeDisplayData(node)!;
    return { ...renderer.framedGraphToViewport(data), r: renderer.scaleSize(data.size), data };
  };
  graph.forEachEdge((edge, _attrs, source, target) => {
    const data = renderer.getEdgeDisplayData(edge);
    if (!data || data.hidden) return;
    const a = position(source);
    const b = position(target);
    const { color, opacity } = paint(data.color);
    out.push(
      `<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" stroke="${color}" stroke-opacity="${opacity}" stroke-width="${Math.max(0.5, renderer.scaleSize(data.size)).toFixed(2)}"/>`,
    );
  });
  out.push(`</g><g>`);
  const nodes = graph.nodes().sort((x, y) => (renderer.getNodeDisplayData(x)?.zIndex ?? 0) - (renderer.getNodeDisplayData(y)?.zIndex ?? 0));
  for (const node of nodes) {
    const p = position(node);
    if (p.data.hidden) continue;
    const { color, opacity } = paint(p.data.color);
    out.push(
      `<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${p.r.toFixed(2)}" fill="${color}" fill-opacity="${opacity}"><title>${escapeXml(String(graph.getNodeAttribute(node, "label") ?? node))}</title></circle>`,
    );
  }
  out.push(
    // The halo of the picture's labels: a stroke of the background's colour painted under the text.
    `</g><g font-family="${escapeXml(settings.labelFont)}" font-size="${settings.labelSize}" font-weight="${settings.labelWeight}" fill="${palette.text}" stroke="${palette.background}" stroke-width="3" stroke-linejoin="round" paint-order="stroke">`,
  );
  for (const [node, side] of labelled) {
    const p = position(node);
    if (!p.data.label) continue;
    const x = side === "right" ? p.x + p.r + 3 : p.x - p.r - 3;
    const anchor = side === "right" ? "" : ` text-anchor="end"`;
    out.push(`<text x="${x.toFixed(1)}" y="${(p.y + settings.labelSize / 3).toFixed(1)}"${anchor}>${escapeXml(p.data.label)}</text>`);
  }
  out.push(`</g></svg>`);
  return out.join("\n");
}

/** Saves a blob or text under a file name (an <a download> click; nothing leaves the page). */
export function saveFile(content: Blob | string, fileName: string, type = "application/octet-stream"): void {
  const blob = typeof content === "string" ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
