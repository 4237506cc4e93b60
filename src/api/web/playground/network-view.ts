import { NetworkView } from "../shared/network-view";
import type { NetworkAnswer, PathAnswer } from "../shared/queries";
import { themeFrom } from "../shared/theme";

/*
 * The playground's "Network" view: playground.js hands every GraphQL result to
 * window.coauthorGraphNetworkView.show(result). When the result holds a coauthorNetwork (nodes
 * with author ids, edges with source/target) or a collaborationPath (authors and links), the
 * "Network" tab beside the JSON lights up and draws it.
 */

interface Found {
  network: NetworkAnswer;
  centre: string;
  title: string;
  path: string[] | null;
}

type Json = unknown;

function isNetwork(value: Json): value is NetworkAnswer {
  const v = value as NetworkAnswer;
  return Boolean(v && Array.isArray(v.nodes) && Array.isArray(v.edges) && v.nodes.every((n) => n?.author?.id !== undefined));
}

function isPath(value: Json): value is PathAnswer {
  const v = value as PathAnswer;
  return Boolean(v && Array.isArray(v.authors) && Array.isArray(v.links) && v.authors.every((a) => a?.id !== undefined));
}

/** The first network or path anywhere in the result, depth first. */
export function findNetwork(value: Json, key = "result"): Found | null {
  if (isNetwork(value)) {
    const network: NetworkAnswer = {
      truncated: Boolean(value.truncated),
      nodes: value.nodes.map((n) => ({
        distance: n.distance ?? 1,
        author: {
          id: n.author.id,
          name: n.author.name ?? n.author.id,
          paperCount: n.author.paperCount ?? 1,
          firstYear: null,
          lastYear: null,
        },
      })),
      edges: value.edges
        .filter((e) => e?.source && e?.target)
        .map((e) => ({
          source: e.source,
          target: e.target,
          jointPapers: e.jointPapers ?? 1,
          firstYear: e.firstYear ?? null,
          lastYear: e.lastYear ?? null,
        })),
    };
    return {
      network,
      centre: network.nodes.find((n) => n.distance === 0)?.author.id ?? network.nodes[0]?.author.id ?? "",
      title: key,
      path: null,
    };
  }
  if (isPath(value)) {
    const nodes = value.authors.map((a, i) => ({
      distance: i === 0 ? 0 : 1,
      author: { id: a.id, name: a.name ?? a.id, paperCount: a.paperCount ?? 1, firstYear: null, lastYear: null },
    }));
    const edges = value.authors.slice(1).map((a, i) => ({
      source: value.authors[i].id,
      target: a.id,
      jointPapers: value.links[i]?.papers?.length || 1,
      firstYear: null,
      lastYear: null,
    }));
    return {
      network: { truncated: false, nodes, edges },
      centre: nodes[0]?.author.id ?? "",
      title: key,
      path: nodes.map((n) => n.author.id),
    };
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value as Record<string, Json>)) {
      const found = findNetwork(v, k);
      if (found) return found;
    }
  }
  return null;
}

let view: NetworkView | null = null;

function show(result: Json): Found | null {
  const found = findNetwork((result as { data?: Json })?.data ?? null);
  const tab = document.getElementById("cg-network-tab") as HTMLButtonElement | null;
  if (tab) {
    tab.disabled = !found;
    tab.title = found
      ? `Draw ${found.title}: ${found.network.nodes.length} authors, ${found.network.edges.length} ties`
      : "Run a query that selects coauthorNetwork { nodes { author { id name } } edges { source target } } or collaborationPath { authors { id name } links { … } }";
  }
  const pane = document.getElementById("cg-network-pane");
  if (!pane) return found;
  const stage = pane.querySelector<HTMLElement>(".cg-network-stage")!;
  const caption = pane.querySelector<HTMLElement>(".cg-network-caption")!;
  if (!found) {
    view?.kill();
    view = null;
    caption.textContent = "This result holds no network or collaboration path.";
    return null;
  }
  // GraphiQL's theme at the time of this result (the reader may have switched it since the last one).
  const theme = themeFrom(document.body.classList.contains("graphiql-dark") ? "dark" : "light");
  view ??= new NetworkView(stage, theme);
  view.setTheme(theme);
  caption.textContent = `${found.title}: ${found.network.nodes.length} authors, ${found.network.edges.length} ties${found.network.truncated ? " (truncated)" : ""}`;
  // Drawn when the pane is visible: sigma needs a sized container.
  const draw = () => {
    if (pane.hidden) return;
    pending = null;
    void view!.setData(found.network, found.centre).then(() => {
      if (found.path)
        view!.setFocus(
          found.path,
          found.path.slice(1).map((id, i) => (found.path![i] < id ? `${found.path![i]}|${id}` : `${id}|${found.path![i]}`)),
        );
    });
  };
  pending = draw;
  draw();
  return found;
}

let pending: (() => void) | null = null;

/** Called when the Network tab is shown: the first draw waits for a visible, sized pane. */
function drawPending(): void {
  pending?.();
}

(window as unknown as { coauthorGraphNetworkView: unknown }).coauthorGraphNetworkView = { show, drawPending, view: () => view };
