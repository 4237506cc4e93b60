import type { GraphqlHttpRequest } from "./http-answer";

/**
 * A GraphQL request as the client sent it, read the way Apollo reads it (a JSON body for POST; the `query`,
 * `operationName`, `variables` and `extensions` URL parameters, the last two JSON-encoded, for GET), for the
 * middleware that runs before Apollo: the response cache and trusted documents. Anything it cannot read the same
 * way (a batch, a parameter given twice, JSON that does not parse) is `undefined`, and is left to Apollo, which
 * answers it with its own error.
 */
export interface GraphqlRequest {
  method: "GET" | "POST";
  query?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  /** extensions.persistedQuery.sha256Hash, when the request carries one (automatic persisted queries). */
  persistedHash?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The APQ hash; false when a persistedQuery extension is there but not one Apollo would accept (it answers that). */
function persistedHashOf(extensions: unknown): string | undefined | false {
  if (!isRecord(extensions) || extensions.persistedQuery === undefined) return undefined;
  const persisted = extensions.persistedQuery;
  if (!isRecord(persisted) || persisted.version !== 1 || typeof persisted.sha256Hash !== "string") return false;
  return persisted.sha256Hash;
}

function optionalString(value: unknown): string | undefined | false {
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : false;
}

function fromFields(
  method: "GET" | "POST",
  query: unknown,
  operationName: unknown,
  variables: unknown,
  extensions: unknown,
): GraphqlRequest | undefined {
  const q = optionalString(query);
  const name = optionalString(operationName);
  if (q === false || name === false) return undefined;
  if (variables !== undefined && variables !== null && !isRecord(variables)) return undefined;
  if (extensions !== undefined && extensions !== null && !isRecord(extensions)) return undefined;
  const persistedHash = persistedHashOf(extensions);
  if (persistedHash === false) return undefined;
  return {
    method,
    query: q,
    operationName: name || undefined,
    variables: isRecord(variables) ? variables : undefined,
    persistedHash,
  };
}

function jsonParam(params: URLSearchParams, name: string): unknown {
  const raw = params.get(name);
  if (raw === null || raw === "") return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return Symbol.for("unreadable");
  }
}

export function readGraphqlRequest(req: GraphqlHttpRequest): GraphqlRequest | undefined {
  if (req.method === "POST") {
    const body: unknown = req.body;
    if (!isRecord(body)) return undefined;
    return fromFields("POST", body.query, body.operationName, body.variables, body.extensions);
  }
  if (req.method !== "GET") return undefined;
  const url = req.url ?? "";
  const at = url.indexOf("?");
  const params = new URLSearchParams(at >= 0 ? url.slice(at + 1) : "");
  for (const name of ["query", "operationName", "variables", "extensions"]) if (params.getAll(name).length > 1) return undefined;
  const variables = jsonParam(params, "variables");
  const extensions = jsonParam(params, "extensions");
  if (typeof variables === "symbol" || typeof extensions === "symbol") return undefined;
  return fromFields("GET", params.get("query") ?? undefined, params.get("operationName") ?? undefined, variables, extensions);
}
