import { readFileSync } from "node:fs";
import {
  Kind,
  parse,
  print,
  validate,
  visit,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { ErrorCode } from "../errors";
import { sha256Hex } from "./documents";
import { readGraphqlRequest } from "./graphql-request";
import { sendJson, type GraphqlStep } from "./http-answer";

/*
 * Trusted documents (a "persisted query safelist"): for a public deployment, only the operations of a manifest run.
 * The manifest is Apollo's persisted query manifest format, so Apollo's tooling and clients read it as is:
 *   { "format": "apollo-persisted-query-manifest", "version": 1,
 *     "operations": [{ "id": "<sha256 of body>", "name": "Top", "type": "query", "body": "query Top … fragments" }] }
 * Clients send an operation by its id as an automatic persisted query (extensions.persistedQuery.sha256Hash, no
 * text), or send its exact body; anything else is refused before Apollo parses it.
 */

export const MANIFEST_FORMAT = "apollo-persisted-query-manifest";

export interface ManifestOperation {
  id: string;
  name: string;
  type: "query" | "mutation" | "subscription";
  body: string;
}

export interface PersistedManifest {
  format: typeof MANIFEST_FORMAT;
  version: 1;
  operations: ManifestOperation[];
}

/** Reads and checks a manifest: every id must be the SHA-256 of its body. Returns id → body. */
export function loadManifest(file: string): Map<string, string> {
  let manifest: Partial<PersistedManifest>;
  try {
    manifest = JSON.parse(readFileSync(file, "utf8")) as Partial<PersistedManifest>;
  } catch (error) {
    throw new Error(`Cannot read the trusted-documents manifest ${file}: ${(error as Error).message}`, { cause: error });
  }
  if (manifest.format !== MANIFEST_FORMAT || manifest.version !== 1 || !Array.isArray(manifest.operations)) {
    throw new Error(
      `${file} is not a persisted query manifest (format "${MANIFEST_FORMAT}", version 1); build one with \`coauthor-graph persisted build <dir> -o ${file}\`.`,
    );
  }
  const byId = new Map<string, string>();
  for (const operation of manifest.operations) {
    if (typeof operation?.body !== "string" || operation.id !== sha256Hex(operation.body)) {
      throw new Error(
        `${file}: operation ${JSON.stringify(operation?.name)} has an id that is not the SHA-256 of its body; rebuild the manifest.`,
      );
    }
    byId.set(operation.id, operation.body);
  }
  return byId;
}

/**
 * Express middleware, before Apollo: in trusted-documents mode a request runs only a manifest operation. A request by
 * hash alone goes on (Apollo finds the body in the manifest-only persisted-query store, or answers
 * PERSISTED_QUERY_NOT_FOUND); a request with a text runs only if that exact text is in the manifest.
 */
export function trustedDocumentsOnly(trusted: ReadonlyMap<string, string>): GraphqlStep {
  return (req, res, next) => {
    const request = readGraphqlRequest(req);
    if (request && (request.query === undefined || trusted.has(sha256Hex(request.query)))) {
      next();
      return;
    }
    const message =
      "This server runs trusted documents only: send one of its listed operations by hash " +
      "(extensions.persistedQuery: { version: 1, sha256Hash }), or its exact text. Other operations are refused.";
    sendJson(
      res,
      400,
      { errors: [{ message, extensions: { code: ErrorCode.PERSISTED_QUERY_NOT_IN_LIST } }] },
      { "Cache-Control": "no-store" },
    );
  };
}

/** One .graphql file to build a manifest from. */
export interface DocumentSource {
  name: string;
  text: string;
}

/** The fragments an operation uses, directly or through other fragments, in name order. */
function fragmentsUsed(
  root: DefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  where: string,
): FragmentDefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const pending: DefinitionNode[] = [root];
  while (pending.length > 0) {
    visit(pending.pop()!, {
      FragmentSpread(node) {
        const name = node.name.value;
        if (used.has(name)) return;
        const fragment = fragments.get(name);
        if (!fragment) throw new Error(`${where}: fragment ${name} is not defined in any of the files.`);
        used.set(name, fragment);
        pending.push(fragment);
      },
    });
  }
  return [...used.values()].sort((a, b) => (a.name.value < b.name.value ? -1 : a.name.value > b.name.value ? 1 : 0));
}

/**
 * A manifest of every named operation in `sources`, each with the fragments it uses (from any file), printed by
 * graphql-js and checked against the schema. Refuses anonymous or duplicate operations and invalid documents, naming
 * the file.
 */
export function buildManifest(sources: readonly DocumentSource[], schema: GraphQLSchema): PersistedManifest {
  const operations: Array<{ node: OperationDefinitionNode; file: string }> = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const source of sources) {
    let document: DocumentNode;
    try {
      document = parse(source.text, { noLocation: true });
    } catch (error) {
      throw new Error(`${source.name}: ${(error as Error).message}`, { cause: error });
    }
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        if (fragments.has(definition.name.value)) throw new Error(`${source.name}: fragment ${definition.name.value} is defined twice.`);
        fragments.set(definition.name.value, definition);
      } else if (definition.kind === Kind.OPERATION_DEFINITION) {
        if (!definition.name)
          throw new Error(`${source.name}: an operation has no name; name it (query Name { … }), clients refer to it by name.`);
        operations.push({ node: definition, file: source.name });
      }
    }
  }
  const names = new Set<string>();
  const result: ManifestOperation[] = [];
  for (const { node, file } of operations) {
    const name = node.name!.value;
    if (names.has(name)) throw new Error(`${file}: operation ${name} is defined twice; operation names must be unique.`);
    names.add(name);
    const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [node, ...fragmentsUsed(node, fragments, file)] };
    const errors = validate(schema, document);
    if (errors.length > 0)
      throw new Error(`${file}: operation ${name} is not valid against the schema: ${errors.map((e) => e.message).join("; ")}`);
    const body = print(document);
    result.push({ id: sha256Hex(body), name, type: node.operation, body });
  }
  result.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { format: MANIFEST_FORMAT, version: 1, operations: result };
}
