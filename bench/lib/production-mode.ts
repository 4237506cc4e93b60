/**
 * Imported first by every benchmark entry point: the servers measured (ours and @neo4j/graphql) run as they
 * would be deployed (the Dockerfile sets NODE_ENV=production), which among other things turns off graphql-js's
 * development-only instanceof checks. It must run before graphql is loaded, hence a module of its own.
 * An explicit NODE_ENV from the caller wins.
 */
process.env.NODE_ENV ??= "production";
export {};
