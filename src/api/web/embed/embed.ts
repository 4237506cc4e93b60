import "../widget/coauthor-network";
import type { CoauthorNetworkElement } from "../widget/coauthor-network";

/*
 * /embed/network: the widget filling a page a dashboard can frame. Its URL parameters become the
 * element's attributes. The parent window may send
 *   { type: "coauthor-network:set", author?, depth?, minJointPapers?, yearFrom?, yearTo?, maxNodes?, theme? }
 * (a null or "" value removes that setting), and receives
 *   { type: "coauthor-network:ready" }, { type: "coauthor-network:load", author, nodes, edges, truncated },
 *   { type: "coauthor-network:author-select", id, name, papers, distance },
 *   { type: "coauthor-network:tie-select", source, target, jointPapers, firstYear, lastYear, sourceName, targetName }.
 * Only messages from the framing window are obeyed; what is sent out is public graph data.
 */

const SETTABLE = ["author", "depth", "minJointPapers", "yearFrom", "yearTo", "maxNodes", "theme"];

const element = document.createElement("coauthor-network") as CoauthorNetworkElement;
const params = new URL(location.href).searchParams;
for (const name of [...SETTABLE, "controls"]) {
  const value = params.get(name);
  if (value !== null) element.setAttribute(name.toLowerCase(), value);
}
element.setAttribute("endpoint", new URL("/graphql", location.href).toString());
document.body.classList.toggle("dark", params.get("theme") === "dark");
document.body.appendChild(element);

const post = (message: Record<string, unknown>) => {
  if (window.parent !== window) window.parent.postMessage(message, "*");
};

for (const [event, type] of [
  ["network-load", "coauthor-network:load"],
  ["author-select", "coauthor-network:author-select"],
  ["tie-select", "coauthor-network:tie-select"],
] as const) {
  element.addEventListener(event, (e) => post({ type, ...(e as CustomEvent<Record<string, unknown>>).detail }));
}

/** Keeps the frame's own URL in step, so "open in a new tab" shows the same view. */
function mirrorUrl(): void {
  const url = new URL(location.pathname, location.href);
  for (const name of [...SETTABLE, "controls"]) {
    const value = element.getAttribute(name.toLowerCase());
    if (value !== null && value !== "") url.searchParams.set(name, value);
  }
  history.replaceState(null, "", url);
}

window.addEventListener("message", (event) => {
  if (event.source !== window.parent || window.parent === window) return;
  const data = event.data as Record<string, unknown> | null;
  if (!data || data.type !== "coauthor-network:set") return;
  for (const name of SETTABLE) {
    if (!(name in data)) continue;
    const value = data[name];
    if (value === null || value === undefined || value === "") element.removeAttribute(name.toLowerCase());
    else element.setAttribute(name.toLowerCase(), String(value));
  }
  document.body.classList.toggle("dark", element.getAttribute("theme") === "dark");
  mirrorUrl();
});

post({ type: "coauthor-network:ready" });
