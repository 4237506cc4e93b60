import type { AuthorLoaders } from "../author/author.loaders";
import { nodeIds } from "../kernel/argument-rules";
import { tagNodeLabel } from "../kernel/node-label";
import type { PaperLoaders } from "../paper/paper.loaders";
import type { VenueLoaders } from "../venue/venue.loaders";
import type { NodeLoaders } from "./node.loaders";
import type { NodeRecord } from "./node.store";

export class NodeService {
  constructor(private readonly loaders: NodeLoaders & AuthorLoaders & PaperLoaders & VenueLoaders) {}

  private tag(found: NodeRecord | null): object | null {
    if (!found) return null;
    tagNodeLabel(found.record, found.label);
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
