import type { Settings } from "sigma/settings";
import type { NodeDisplayData, PartialButFor } from "sigma/types";

/*
 * Where node labels go and how they are drawn, for sigma's label layer, the still 2D picture and
 * the SVG alike. A label sits right of its node, or left of it when the right side would run off
 * the picture; it is left out when it would overlap a label already placed this frame (forced
 * labels: the centre, the selection, a path, always show). Each is drawn with a halo of the
 * background's colour, so a name stays readable over the nodes and ties behind it in both themes.
 */

export type LabelSide = "right" | "left";
export type Box = [x: number, y: number, width: number, height: number];

export interface LabelFont {
  size: number;
  weight: string;
  family: string;
}

/** The gap between a node's rim and its label, in CSS pixels. */
const GAP = 3;
/** The halo's width: wide enough to part a label from the lines under it, narrow enough not to hide nodes. */
const HALO = 3;

export const fontOf = (settings: Pick<Settings, "labelSize" | "labelWeight" | "labelFont">): LabelFont => ({
  size: settings.labelSize,
  weight: settings.labelWeight,
  family: settings.labelFont,
});

const css = (font: LabelFont) => `${font.weight} ${font.size}px ${font.family}`;

/** Where the text of a label starts (left edge, baseline) on a side of a node of radius `radius`. */
export function textOrigin(x: number, y: number, radius: number, width: number, font: LabelFont, side: LabelSide) {
  return { x: side === "right" ? x + radius + GAP : x - radius - GAP - width, y: y + font.size / 3 };
}

/** Draws one label's text with its halo. */
export function drawLabelText(
  context: CanvasRenderingContext2D,
  label: string,
  at: { x: number; y: number },
  font: LabelFont,
  color: string,
  halo: string,
): void {
  context.font = css(font);
  context.lineJoin = "round";
  context.lineWidth = HALO;
  context.strokeStyle = halo;
  context.strokeText(label, at.x, at.y);
  context.fillStyle = color;
  context.fillText(label, at.x, at.y);
}

/** The labels of one frame: which are placed, on which side, and the room they take. */
export class LabelLayout {
  private taken: Box[] = [];
  /** Labels drawn this frame, and on which side. */
  readonly placed = new Map<string, LabelSide>();
  /** Room taken before the frame for the labels that must show. */
  private readonly reserved = new Map<string, { side: LabelSide; box: Box }>();
  /** Where each label drawn this frame is, margin included (the tests check these never overlap). */
  readonly boxes = new Map<string, Box>();
  private width = Infinity;
  private height = Infinity;

  /** Set by reset: the labels that must show are still to be reserved in this frame. */
  reservePending = false;

  /** A new frame of this size (CSS pixels). */
  reset(width: number, height: number): void {
    this.reservePending = true;
    this.taken = [];
    this.placed.clear();
    this.reserved.clear();
    this.boxes.clear();
    this.width = width;
    this.height = height;
  }

  private box(x: number, y: number, radius: number, textWidth: number, font: LabelFont, side: LabelSide): Box {
    // A margin around the text, so that two labels never run into each other end to end ("Hang XuChi Han").
    const text = side === "right" ? x + radius + GAP : x - radius - GAP - textWidth;
    return [text - 5, y - font.size / 2 - 3, textWidth + 10, font.size + 6];
  }

  private fits(b: Box): boolean {
    return b[0] >= 0 && b[0] + b[2] <= this.width && b[1] >= 0 && b[1] + b[3] <= this.height;
  }

  private free(b: Box): boolean {
    return !this.taken.some((o) => b[0] < o[0] + o[2] && o[0] < b[0] + b[2] && b[1] < o[1] + o[3] && o[1] < b[1] + b[3]);
  }

  /**
   * Places a label: the right side if it is inside the picture and free, else the left side if that
   * is. A forced label always gets a side (inside the picture if either side is). Null: left out.
   */
  place(key: string, x: number, y: number, radius: number, textWidth: number, font: LabelFont, force: boolean): LabelSide | null {
    const reserved = this.reserved.get(key);
    if (reserved) {
      this.placed.set(key, reserved.side);
      this.boxes.set(key, reserved.box);
      return reserved.side;
    }
    const right = this.box(x, y, radius, textWidth, font, "right");
    const left = this.box(x, y, radius, textWidth, font, "left");
    let side: LabelSide | null = null;
    if (this.fits(right) && this.free(right)) side = "right";
    else if (this.fits(left) && this.free(left)) side = "left";
    else if (force) side = this.fits(right) || !this.fits(left) ? "right" : "left";
    if (side === null) return null;
    const box = side === "right" ? right : left;
    this.taken.push(box);
    this.placed.set(key, side);
    this.boxes.set(key, box);
    return side;
  }

  /** Takes room for a label that must show, before the others are placed; drawn later by place(). */
  reserve(key: string, x: number, y: number, radius: number, textWidth: number, font: LabelFont): void {
    if (this.reserved.has(key)) return;
    const side = this.place(key, x, y, radius, textWidth, font, true)!;
    this.reserved.set(key, { side, box: this.boxes.get(key)! });
    this.placed.delete(key);
    this.boxes.delete(key);
  }
}

export type LabelData = PartialButFor<NodeDisplayData, "x" | "y" | "size" | "label" | "color"> & { key: string; forceLabel?: boolean };

/** sigma's label drawer over a LabelLayout: places the label, then draws it with its halo. */
export function drawNodeLabel(
  context: CanvasRenderingContext2D,
  data: LabelData,
  settings: Settings,
  layout: LabelLayout,
  halo: string,
): void {
  if (!data.label) return;
  const font = fontOf(settings);
  context.font = css(font);
  const width = context.measureText(data.label).width;
  const side = layout.place(data.key, data.x, data.y, data.size, width, font, data.forceLabel === true);
  if (!side) return;
  const color = settings.labelColor.color ?? "#000";
  drawLabelText(context, data.label, textOrigin(data.x, data.y, data.size, width, font, side), font, color, halo);
}

/** The width of a label's text in this font. */
export function measure(context: CanvasRenderingContext2D, label: string, font: LabelFont): number {
  context.font = css(font);
  return context.measureText(label).width;
}

/**
 * sigma's hover drawer (also for the selected node): the node ringed, and its label on a box of the
 * theme's panel colour (sigma's own box is always white), on the side the label was placed (the right
 * if it was not).
 */
export function drawNodeHover(
  context: CanvasRenderingContext2D,
  data: LabelData,
  settings: Settings,
  layout: LabelLayout,
  colors: { panel: string; text: string },
): void {
  const font = fontOf(settings);
  const label = typeof data.label === "string" ? data.label : "";
  const width = label ? measure(context, label, font) : 0;
  const height = font.size + 6;
  const radius = Math.max(data.size, font.size / 2) + 3;
  const side = layout.placed.get(data.key) ?? "right";
  context.fillStyle = colors.panel;
  context.shadowBlur = 6;
  context.shadowColor = "rgba(0,0,0,0.35)";
  context.beginPath();
  context.arc(data.x, data.y, radius, 0, Math.PI * 2);
  context.fill();
  // A ring in the text's colour marks the node in both themes (the box alone hardly shows on dark).
  context.shadowBlur = 0;
  context.strokeStyle = colors.text;
  context.lineWidth = 2;
  context.beginPath();
  context.arc(data.x, data.y, radius - 1, 0, Math.PI * 2);
  context.stroke();
  context.shadowBlur = 6;
  if (label)
    context.fillRect(side === "right" ? data.x + radius - 2 : data.x - radius - width - 8, data.y - height / 2, width + 10, height);
  context.shadowBlur = 0;
  if (label) drawLabelText(context, label, textOrigin(data.x, data.y, data.size, width, font, side), font, colors.text, colors.panel);
}
