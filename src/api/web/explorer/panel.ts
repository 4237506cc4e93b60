import type { PaperLite, PathAnswer } from "../shared/queries";

/*
 * The side panel's contents, built with DOM calls (never innerHTML with data), so names and
 * titles from the graph are always text.
 */

type Child = Node | string | null | undefined | false;

export function h(tag: string, props: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") el.className = value;
    else el.setAttribute(key, value);
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) el.append(child);
  return el;
}

export function button(label: string, onClick: () => void, props: Record<string, string> = {}): HTMLButtonElement {
  const el = h("button", { type: "button", ...props }, label) as HTMLButtonElement;
  el.addEventListener("click", onClick);
  return el;
}

export function paperItem(paper: PaperLite): HTMLElement {
  const venue = paper.venue ? paper.venue.acronym?.toUpperCase() || paper.venue.name : null;
  const link = paper.url ?? (paper.doi ? `https://doi.org/${paper.doi}` : null);
  const title = link ? h("a", { href: link, target: "_blank", rel: "noopener noreferrer" }, paper.title) : h("span", {}, paper.title);
  return h("li", { class: "paper" }, title, h("span", { class: "meta" }, [paper.year ?? "no year", venue].filter(Boolean).join(" · ")));
}

export function paperList(papers: PaperLite[], empty = "No papers."): HTMLElement {
  if (papers.length === 0) return h("p", { class: "muted" }, empty);
  return h("ol", { class: "papers" }, ...papers.map(paperItem));
}

export function pathSection(path: PathAnswer | null, fromName: string, toName: string): HTMLElement {
  if (!path) return h("p", { class: "muted" }, `No chain of coauthors joins ${fromName} and ${toName} within 8 hops (in these years).`);
  const hops = path.links.map((link, i) =>
    h(
      "li",
      { class: "hop" },
      h("strong", {}, `${i + 1}. ${link.from.name} – ${link.to.name}`),
      h("span", { class: "meta" }, ` ${link.papers.length} joint paper${link.papers.length === 1 ? "" : "s"}`),
      paperList(link.papers.slice(0, 5)),
      link.papers.length > 5 ? h("p", { class: "muted" }, `and ${link.papers.length - 5} more`) : null,
    ),
  );
  return h(
    "div",
    {},
    h("p", {}, `${path.length} hop${path.length === 1 ? "" : "s"}: ${path.authors.map((a) => a.name).join(" → ")}`),
    h("ol", { class: "hops" }, ...hops),
  );
}
