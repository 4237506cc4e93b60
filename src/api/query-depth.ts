import { FragmentDefinitionNode, Kind, OperationDefinitionNode, SelectionSetNode } from "graphql";

/** Introspection (GraphiQL's schema query nests ~13 levels) is cheap and static; it never counts. */
const INTROSPECTION_ROOTS = new Set(["__schema", "__type"]);

/**
 * Nesting depth of an operation: `{ author { name } }` is 2. Fragments count where they are
 * spread; a spread already being expanded is skipped (validation refuses cycles anyway).
 */
export function operationDepth(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>): number {
  const expanding = new Set<string>();
  const depthOf = (selectionSet: SelectionSetNode): number => {
    let deepest = 0;
    for (const selection of selectionSet.selections) {
      let depth: number;
      if (selection.kind === Kind.FIELD) {
        if (INTROSPECTION_ROOTS.has(selection.name.value)) continue;
        depth = 1 + (selection.selectionSet ? depthOf(selection.selectionSet) : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        depth = depthOf(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        if (!fragment || expanding.has(name)) continue;
        expanding.add(name);
        depth = depthOf(fragment.selectionSet);
        expanding.delete(name);
      }
      deepest = Math.max(deepest, depth);
    }
    return deepest;
  };
  return depthOf(operation.selectionSet);
}
