/**
 * What a resolver receives, as one domain sees it: the services it calls. Each domain names the
 * services it needs (`RequestContext<{ author: AuthorService }>`); the API root builds one context
 * per request that satisfies every domain's view (src/api/context.ts), so no domain imports the root.
 */
export interface RequestContext<TServices extends object> {
  services: TServices;
}
