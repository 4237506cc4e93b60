import type {
  FieldNode,
  FragmentDefinitionNode,
  FragmentSpreadNode,
  GraphQLResolveInfo,
  InlineFragmentNode,
  SelectionSetNode,
} from "graphql";
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isObjectType,
  Kind,
} from "graphql";

/*
 * Looking ahead at what a client selected below a field, so that a resolver can read it in the
 * same statement (or skip reading what nobody asked for). Directives (@skip, @include) are not
 * evaluated unless `directives` is given: a field they drop still counts, so a caller may read a
 * little more, never less. A caller that starts much work on a look ahead (an analysis) evaluates
 * them: the query's cost check does, so a skipped field is not charged for.
 */

/** Evaluate @skip and @include with these variables (the operation's: info.variableValues). */
export interface LookaheadOptions {
  directives?: GraphQLResolveInfo["variableValues"];
}

/** Whether @skip/@include leave the selection in, with these variables (graphql-js's own rule). */
function included(node: FieldNode | InlineFragmentNode | FragmentSpreadNode, variables: LookaheadOptions["directives"]): boolean {
  if (!variables) return true;
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

/** The fields called `name` (under any alias) selected directly below `parents`, through fragments. */
export function subFields(
  parents: readonly FieldNode[],
  name: string,
  fragments: GraphQLResolveInfo["fragments"],
  options: LookaheadOptions = {},
): FieldNode[] {
  const found: FieldNode[] = [];
  const visit = (selectionSet: SelectionSetNode | undefined, seen: Set<FragmentDefinitionNode>) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (!included(selection, options.directives)) continue;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === name) found.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, seen);
      } else {
        const fragment = fragments[selection.name.value];
        // Validation refuses fragment cycles; the guard only keeps this total.
        if (fragment && !seen.has(fragment)) visit(fragment.selectionSet, new Set(seen).add(fragment));
      }
    }
  };
  for (const parent of parents) visit(parent.selectionSet, new Set());
  return found;
}

/** Whether any of the paths (field names, aliases ignored) is selected below the resolver's field. */
export function selectsAny(info: GraphQLResolveInfo, paths: readonly string[][], options: LookaheadOptions = {}): boolean {
  return selectsAnyBelow(info.fieldNodes, info, paths, options);
}

/** The same below the given field nodes (some of the resolver's sub-fields, say). */
export function selectsAnyBelow(
  parents: readonly FieldNode[],
  info: GraphQLResolveInfo,
  paths: readonly string[][],
  options: LookaheadOptions = {},
): boolean {
  return paths.some(
    (path) => path.reduce<readonly FieldNode[]>((nodes, name) => subFields(nodes, name, info.fragments, options), parents).length > 0,
  );
}

/**
 * The arguments of every `name` field selected directly below the resolver's field, coerced as
 * graphql-js will pass them to that field (defaults applied); [] when there is none. A selection
 * whose arguments do not coerce is left out: that field reports it itself.
 */
export function subFieldArguments(info: GraphQLResolveInfo, name: string, options: LookaheadOptions = {}): Array<Record<string, unknown>> {
  return subFieldSelections(info, name, options).map((selection) => selection.args);
}

/** The same, each with its field node (to look further below that selection only). */
export function subFieldSelections(
  info: GraphQLResolveInfo,
  name: string,
  options: LookaheadOptions = {},
): Array<{ node: FieldNode; args: Record<string, unknown> }> {
  const type = getNamedType(info.returnType);
  const field = isObjectType(type) ? type.getFields()[name] : undefined;
  if (!field) return [];
  return subFields(info.fieldNodes, name, info.fragments, options).flatMap((node) => {
    try {
      return [{ node, args: getArgumentValues(field, node, info.variableValues) }];
    } catch {
      return [];
    }
  });
}
