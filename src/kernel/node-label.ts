/**
 * The label of each object that node(id)/nodes(ids) returned, read by the Node interface's
 * resolveType. The node domain tags what it returns; fields typed Author, Paper or Venue never
 * need a tag. A WeakMap, so tags die with the objects.
 */
export type NodeLabel = "Author" | "Paper" | "Venue";

const labels = new WeakMap<object, NodeLabel>();

export function tagNodeLabel(value: object, label: NodeLabel): void {
  labels.set(value, label);
}

export function nodeLabelOf(value: object): NodeLabel | undefined {
  return labels.get(value);
}
