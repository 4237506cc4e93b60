import { createHash } from "node:crypto";
import { Kind, OperationTypeNode, parse, print } from "graphql";
import { LRUCache } from "lru-cache";

/** The lower-case hex SHA-256 of a text: what automatic persisted queries and the manifest name a document by. */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** What the middleware before Apollo needs to know of a document's text. */
export interface DocumentInfo {
  /** The SHA-256 of the printed document: two spellings of one operation (whitespace, comments) share it. */
  normalizedHash: string;
  /** Every operation in it is a query. */
  onlyQueries: boolean;
}

/**
 * Document texts already seen, each parsed once: the response cache keys answers on the normalised operation, and
 * parsing it again per request would cost more than the cache hit it is for. Bounded by entries and by text size.
 */
export class DocumentIndex {
  private readonly seen = new LRUCache<string, DocumentInfo | false>({
    max: 5_000,
    maxSize: 16 * 1024 * 1024,
    sizeCalculation: (_value, text) => Math.max(1, text.length),
  });

  /** `undefined` for a text that does not parse (Apollo answers it with GRAPHQL_PARSE_FAILED). */
  info(text: string): DocumentInfo | undefined {
    let info = this.seen.get(text);
    if (info === undefined) {
      info = describeDocument(text);
      this.seen.set(text, info);
    }
    return info || undefined;
  }
}

function describeDocument(text: string): DocumentInfo | false {
  try {
    const document = parse(text, { noLocation: true });
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    return {
      normalizedHash: sha256Hex(print(document)),
      onlyQueries: operations.length > 0 && operations.every((d) => d.operation === OperationTypeNode.QUERY),
    };
  } catch {
    return false;
  }
}

/** The shape of Apollo's KeyValueCache<string> (persistedQueries.cache), which this store is given as. */
export interface StringKeyValueCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void>;
  delete(key: string): Promise<boolean | void>;
}

/** Apollo prefixes the keys of its persisted-query cache with this (requestPipeline's APQ_CACHE_PREFIX). */
const APQ_PREFIX = "apq:";

/**
 * Where Apollo's automatic persisted queries live, shared with the middleware before Apollo so that a request that
 * names its document by hash only can still be cached and checked:
 *  - open mode: documents registered by clients (hash + text, checked by Apollo), bounded by text size;
 *  - trusted-documents mode: the manifest's documents and nothing else (registrations are ignored; the
 *    trusted-documents middleware refuses any text that is not in the manifest before Apollo sees it).
 */
export class PersistedQueryStore implements StringKeyValueCache {
  private readonly registered: LRUCache<string, string>;

  constructor(
    /** sha256 → text of the manifest's operations; undefined: any client may register documents. */
    readonly trusted?: ReadonlyMap<string, string>,
    maxBytes = 16 * 1024 * 1024,
  ) {
    this.registered = new LRUCache<string, string>({ maxSize: maxBytes, sizeCalculation: (text) => Math.max(1, text.length) });
  }

  /** The text of a document known by its hash, if any. */
  lookup(hash: string): string | undefined {
    return this.trusted ? this.trusted.get(hash) : this.registered.get(hash);
  }

  get(key: string): Promise<string | undefined> {
    return Promise.resolve(this.lookup(key.startsWith(APQ_PREFIX) ? key.slice(APQ_PREFIX.length) : key));
  }

  set(key: string, value: string): Promise<void> {
    if (!this.trusted) this.registered.set(key.startsWith(APQ_PREFIX) ? key.slice(APQ_PREFIX.length) : key, value);
    return Promise.resolve();
  }

  delete(key: string): Promise<boolean> {
    return Promise.resolve(this.registered.delete(key.startsWith(APQ_PREFIX) ? key.slice(APQ_PREFIX.length) : key));
  }
}
