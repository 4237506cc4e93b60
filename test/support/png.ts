import { inflateSync } from "node:zlib";

/*
 * A minimal PNG reader for the browser tests: 8-bit RGB or RGBA, not interlaced (what Chromium's
 * screenshots and canvas.toBlob write). Enough to count the pixels a picture really drew.
 */

export interface Png {
  width: number;
  height: number;
  /** RGBA, row by row. */
  pixels: Uint8Array;
}

export function readPng(buffer: Buffer): Png {
  if (buffer.readUInt32BE(0) !== 0x89504e47) throw new Error("not a PNG");
  let offset = 8;
  let width = 0,
    height = 0,
    colorType = 0,
    depth = 0,
    interlace = 0;
  const data: Buffer[] = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString("ascii", offset + 4, offset + 8);
    const body = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      depth = body[8];
      colorType = body[9];
      interlace = body[12];
    } else if (type === "IDAT") data.push(body);
    else if (type === "IEND") break;
    offset += 12 + length;
  }
  if (depth !== 8 || (colorType !== 2 && colorType !== 6) || interlace !== 0)
    throw new Error(`unsupported PNG (depth ${depth}, colour type ${colorType}, interlace ${interlace})`);
  const channels = colorType === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  let previous = new Uint8Array(stride);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    const line = Uint8Array.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i += 1) {
      const a = i >= channels ? line[i - channels] : 0;
      const b = previous[i];
      const c = i >= channels ? previous[i - channels] : 0;
      let add = 0;
      if (filter === 1) add = a;
      else if (filter === 2) add = b;
      else if (filter === 3) add = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a),
          pb = Math.abs(p - b),
          pc = Math.abs(p - c);
        add = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      line[i] = (line[i] + add) & 0xff;
    }
    for (let x = 0; x < width; x += 1) {
      const o = (y * width + x) * 4;
      out[o] = line[x * channels];
      out[o + 1] = line[x * channels + 1];
      out[o + 2] = line[x * channels + 2];
      out[o + 3] = channels === 4 ? line[x * channels + 3] : 255;
    }
    previous = line;
  }
  return { width, height, pixels: out };
}

/** How many distinct colours (quantised to 4 bits a channel) cover at least `minPixels` pixels: a drawn network has several. */
export function colourCount(png: Png, minPixels = 20): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < png.pixels.length; i += 4) {
    const key = ((png.pixels[i] >> 4) << 8) | ((png.pixels[i + 1] >> 4) << 4) | (png.pixels[i + 2] >> 4);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.values()].filter((n) => n >= minPixels).length;
}

/** Pixels that differ from the most common colour (the background) by more than a little. */
export function inkPixels(png: Png): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < png.pixels.length; i += 4) {
    const key = (png.pixels[i] << 16) | (png.pixels[i + 1] << 8) | png.pixels[i + 2];
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const background = [...counts].sort((a, b) => b[1] - a[1])[0][0];
  const [br, bg, bb] = [background >> 16, (background >> 8) & 0xff, background & 0xff];
  let ink = 0;
  for (let i = 0; i < png.pixels.length; i += 4) {
    if (Math.abs(png.pixels[i] - br) + Math.abs(png.pixels[i + 1] - bg) + Math.abs(png.pixels[i + 2] - bb) > 60) ink += 1;
  }
  return ink;
}
