import { nodeIds } from "./argument-rules";
import type { Loaders } from "./loaders";
import type { NodeRecord } from "./node.store";

/** The label of each object node(id)/nodes(ids) returned, read by the Node interface's resolveType. */
const labels = new WeakMap<object, NodeRecord["label"]>();

export function nodeLabelOf(value: object): NodeRecord["label"] | undefined {
  return labels.get(value);
}

export class NodeService {
  constructor(private readonly loaders: Loaders) {}

  private tag(found: NodeRecord | null): object | null {
    if (!found) return null;
    labels.set(found.record, found.label);
    // Later lookups of the same object by its own type need no new read.
    if (found.label === "Author") this.loaders.authorById.prime(found.record.id, found.record);
    else if (found.label === "Paper") this.loaders.paperById.prime(found.record.id, found.record);
    else this.loaders.venueById.prime(found.record.id, found.record);
    return found.record;
  }

  /** An Author, Paper or Venue by id; null when there is none. */
  async node(id: string): Promise<object | null> {
    return this.tag(await this.loaders.nodeById.load(id));
  }

  /** Up to 100 ids, answered in order with null for unknown ones. */
  async nodes(ids: readonly string[]): Promise<Array<object | null>> {
    const found = await this.loaders.nodeById.loadMany(nodeIds(ids));
    return found.map((f) => {
      if (f instanceof Error) throw f;
      return this.tag(f);
    });
  }
}
