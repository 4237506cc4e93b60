/** A Neo4j to benchmark against, as the bench entry points take it from the environment. */
export interface BenchTarget {
  uri: string;
  user: string;
  password: string;
  database: string;
}

/**
 * The target whose URI is in `uriVariable` (NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE complete it); without the
 * URI, says what to set (`hint`) and exits 2.
 */
export function benchTargetFromEnv(uriVariable: string, hint: string, env: NodeJS.ProcessEnv = process.env): BenchTarget {
  const uri = env[uriVariable];
  if (!uri) {
    console.error(hint);
    process.exit(2);
  }
  return { uri, user: env.NEO4J_USER || "neo4j", password: env.NEO4J_PASSWORD || "neo4j", database: env.NEO4J_DATABASE || "neo4j" };
}
