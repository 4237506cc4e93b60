/** Colours of the network picture, light and dark; chosen for contrast on their background (labels AA, nodes by distance). */
export type Theme = "light" | "dark";

export interface Palette {
  background: string;
  text: string;
  muted: string;
  panel: string;
  edge: string;
  edgeFaded: string;
  nodeFaded: string;
  highlight: string;
  /** Node colour by distance from the centre: 0, 1, 2, 3. */
  distance: [string, string, string, string];
}

export const PALETTES: Record<Theme, Palette> = {
  light: {
    background: "#ffffff",
    text: "#1f2328",
    muted: "#57606a",
    panel: "#ffffff",
    // Opaque: sigma blends premultiplied colours, so a translucent edge colour would tint oddly.
    edge: "#c3cbd6",
    edgeFaded: "#eef1f4",
    nodeFaded: "#d0d7de",
    highlight: "#e8590c",
    distance: ["#c2255c", "#1864ab", "#2b8a3e", "#7048e8"],
  },
  dark: {
    background: "#14161b",
    text: "#e6edf3",
    muted: "#9da7b3",
    panel: "#1f232b",
    edge: "#3b4452",
    edgeFaded: "#1c2026",
    nodeFaded: "#30363d",
    highlight: "#ffa94d",
    distance: ["#f06595", "#74c0fc", "#8ce99a", "#b197fc"],
  },
};

export function themeFrom(value: string | null | undefined, fallback: Theme = "light"): Theme {
  if (value === "dark" || value === "light") return value;
  if (value === "auto" && typeof matchMedia === "function") return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  return fallback;
}
