import { mentionTarget } from "../writer/name-target";
import { edgeKeyed, edgeNamed, edgePosition, packEdge } from "./edge";
import type { AuthorGraph, MemAuthor } from "./memory-types";

/**
 * Twin of author-resolution.ts resolveTouchedNames for the in-memory graph: for every touched nameKey shared by
 * more than one author (NAME_KEY_GROUPS), move the name-only mentions to mentionTarget (MOVE_NAMED_MENTIONS), then
 * drop name-only authors left without papers (DELETE_ORPHAN_NAME_AUTHORS). Returns the authorships created by moves.
 */
export function settleNameKeys(graph: AuthorGraph, keys: Iterable<string>): number {
  let moved = 0;
  for (const key of keys) {
    const members = graph.authorsWithNameKey(key);
    if (members.length < 2) continue;
    const target = mentionTarget(key, members);
    for (const holder of members) if (holder.id !== target) moved += moveNamedMentions(graph, holder, key, target);
    for (const member of graph.authorsWithNameKey(key)) {
      if (!member.keyed && member.papers.length === 0) graph.removeAuthor(member);
    }
  }
  return moved;
}

/**
 * MOVE_NAMED_MENTIONS for one holder: each authorship that came from a name-only mention goes to the target author
 * (brought back as a name-only author named like the holder if it is gone). A mention that coincides with a keyed
 * authorship of the holder stays folded into it (named = false there) instead of being deleted.
 */
function moveNamedMentions(graph: AuthorGraph, holder: MemAuthor, key: string, targetId: string): number {
  let created = 0;
  const bylines = graph.paperTable;
  for (const paper of [...holder.papers]) {
    const mine = bylines.edgeIndex(paper, holder.index);
    const edge = bylines.edge(paper, mine);
    if (!edgeNamed(edge)) continue;
    const target =
      graph.author(targetId) ?? graph.addAuthor({ id: targetId, name: holder.name, nameKey: key, keyed: false, numbered: false });
    const theirs = bylines.edgeIndex(paper, target.index);
    if (theirs >= 0) {
      const folded = bylines.edge(paper, theirs);
      bylines.setEdge(paper, theirs, packEdge(target.index, edgePosition(folded), edgeKeyed(folded), true));
    } else {
      graph.link(target, paper, edgePosition(edge), false, true);
      created += 1;
    }
    // `mine` still holds: linking the target appends to the byline, and a byline moved to grow keeps its order.
    if (edgeKeyed(edge)) bylines.setEdge(paper, mine, packEdge(holder.index, edgePosition(edge), true, false));
    else graph.unlink(holder, paper);
  }
  return created;
}
