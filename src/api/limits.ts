import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import {
  DocumentNode,
  FragmentDefinitionNode,
  getVariableValues,
  GraphQLError,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
} from "graphql";
import { getComplexity } from "graphql-query-complexity";
import { BadUserInputError, LimitExceededError, RateLimitedError } from "../errors";
import { costReport, rateLimitHeaders, type BudgetState, type CostBudget } from "./cost-budget";
import { checkArguments } from "./argument-check";
import { costEstimator } from "./query-cost";
import { operationDepth } from "./query-depth";

export interface QueryLimits {
  /** Deepest selection nesting allowed (`{ author { name } }` is 2). */
  maxDepth: number;
  /** Highest cost allowed (see query-cost.ts). */
  maxComplexity: number;
}

export interface QueryMeasure {
  depth: number;
  complexity: number;
}

/** Errors raised before execution are the client's fault: HTTP 400, not Apollo's default 500. */
const CLIENT_ERROR = { http: { status: 400 } };

/**
 * Checks one operation against the limits, before anything reaches Neo4j:
 *
 * - query depth and cost over the limits: LIMIT_EXCEEDED (extensions: depth/maxDepth or
 *   complexity/maxComplexity);
 * - any argument breaking a rule anywhere in the operation (first 1..100, depth 1..3,
 *   maxNodes 1..2000, maxLength 1..8, 2..10 distinct authorIds, yearFrom <= yearTo, a cursor that
 *   is not ours, a blank search): BAD_USER_INPUT, exactly as the service would have said it.
 *
 * Variables that do not coerce are left to execution, which reports them as BAD_USER_INPUT
 * before any resolver runs.
 */
export function checkQueryLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  request: { operationName?: string | null; variables?: Record<string, unknown> | null },
  limits: QueryLimits,
): QueryMeasure | null {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    else if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  const operation = request.operationName ? operations.find((o) => o.name?.value === request.operationName) : operations[0];
  if (!operation) return null;

  const variables = request.variables ?? {};
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) return null;

  const depth = operationDepth(operation, fragments);
  if (depth > limits.maxDepth) {
    throw new LimitExceededError(`The query is nested ${depth} levels deep; the limit is ${limits.maxDepth}.`, {
      ...CLIENT_ERROR,
      depth,
      maxDepth: limits.maxDepth,
    });
  }

  let badArgument: GraphQLError | undefined;
  let complexity: number;
  try {
    complexity = getComplexity({
      schema,
      query: document,
      variables,
      operationName: request.operationName ?? undefined,
      estimators: [
        (options) => {
          if (!badArgument) {
            try {
              checkArguments(options.args);
            } catch (error) {
              if (!(error instanceof GraphQLError)) throw error;
              badArgument = error;
            }
          }
          return costEstimator(options);
        },
      ],
    });
  } catch (error) {
    if (badArgument) throw clientError(badArgument);
    // graphql-query-complexity throws when the operation has too many fields to even measure.
    throw new LimitExceededError(`The query is too large to run: ${(error as Error).message}`, CLIENT_ERROR);
  }
  if (badArgument) throw clientError(badArgument);
  if (complexity > limits.maxComplexity) {
    throw new LimitExceededError(
      `The query would cost ${complexity}; the limit is ${limits.maxComplexity}. Ask for smaller pages (first), fewer nested lists or a smaller network (maxNodes).`,
      { ...CLIENT_ERROR, complexity, maxComplexity: limits.maxComplexity },
    );
  }
  return { depth, complexity };
}

function clientError(error: GraphQLError): GraphQLError {
  return new BadUserInputError(error.message, { ...error.extensions, ...CLIENT_ERROR });
}

/** Variable sets remembered per document; past it the document's entries start over. */
export const PASSED_CHECKS_PER_DOCUMENT = 512;

/**
 * Operations that passed checkQueryLimits, per parsed document and per operation name and variables. Apollo hands the
 * same DocumentNode for the same query text (its document store), so a repeated request (a dashboard's poll, a page
 * asked again) skips the depth walk, the argument rules and the cost estimate: 0.3–0.5 ms per request on this machine
 * under load, against statements of 0.6–1.2 ms. Only passes are kept; a refused operation is checked again each time.
 */
export class PassedChecks {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, QueryMeasure | null>>();

  check(
    schema: GraphQLSchema,
    document: DocumentNode,
    request: { operationName?: string | null; variables?: Record<string, unknown> | null },
    limits: QueryLimits,
  ): QueryMeasure | null {
    let passed = this.byDocument.get(document);
    const key = `${request.operationName ?? ""}\u0000${JSON.stringify(request.variables ?? {})}`;
    const known = passed?.get(key);
    if (known !== undefined) return known;
    const measure = checkQueryLimits(schema, document, request, limits);
    if (!passed) this.byDocument.set(document, (passed = new Map<string, QueryMeasure | null>()));
    if (passed.size >= PASSED_CHECKS_PER_DOCUMENT) passed.clear();
    passed.set(key, measure);
    return measure;
  }
}

/** What a context offers the cost budget: who the request is charged to (none: not charged, e.g. in-process calls). */
interface ClientContext {
  client?: string;
}

/**
 * Apollo plugin applying checkQueryLimits once the operation is known and before it executes (passes remembered), and, with a
 * `budget`,
 * charging the measured cost to the request's client (context.client): every answer then carries what is left, in
 * `extensions.cost` ({ requested, remaining, limit, windowSeconds, resetSeconds }) and in the RateLimit-Policy and
 * RateLimit header fields; a client without enough left is refused with RATE_LIMITED (429, Retry-After).
 */
export function createLimitsPlugin<TContext extends BaseContext = BaseContext>(
  schema: GraphQLSchema,
  limits: QueryLimits,
  budget?: CostBudget,
): ApolloServerPlugin<TContext> {
  const passed = new PassedChecks();
  return {
    async requestDidStart({ contextValue }) {
      const client = budget ? (contextValue as ClientContext).client : undefined;
      let report: { ok: boolean; requested: number; state: BudgetState } | undefined;
      return {
        async didResolveOperation({ document, request, operation, operationName, response }) {
          // An operation name the document does not hold (or none, of several operations): Apollo refuses the request
          // next, and nothing is measured or charged (measuring would pick the document's first operation).
          if (!operation) return;
          const measure = passed.check(schema, document, { operationName, variables: request.variables }, limits);
          if (!budget || client === undefined || !measure) return;
          const charged = budget.charge(client, measure.complexity);
          report = { ok: charged.ok, requested: charged.cost, state: charged };
          if (charged.ok) {
            for (const [name, value] of Object.entries(rateLimitHeaders(charged))) response.http.headers.set(name.toLowerCase(), value);
            return;
          }
          const cost = { requested: charged.cost, remaining: charged.remaining, limit: charged.limit, windowSeconds: 60 };
          if (charged.reason === "too-costly") {
            throw new LimitExceededError(
              `The query would cost ${charged.cost}, more than this server's whole budget of ${charged.limit} per minute per client; ask for smaller pages (first), fewer nested lists or a smaller network (maxNodes).`,
              {
                http: { status: 400, headers: new Map(Object.entries(rateLimitHeaders(charged)).map(([k, v]) => [k.toLowerCase(), v])) },
                cost,
              },
            );
          }
          const wait = charged.retryAfterSeconds;
          throw new RateLimitedError(
            `This client has ${charged.remaining} of its ${charged.limit} query-cost points per minute left and the query costs ${charged.cost}; retry after ${wait} s, or ask for less.`,
            { "Retry-After": String(wait), ...rateLimitHeaders(charged, wait) },
            { cost: { ...cost, resetSeconds: wait } },
          );
        },
        async willSendResponse({ response }) {
          if (!budget || client === undefined) return;
          // Not measured (a parse or validation error): nothing was charged; say what is left all the same.
          if (!report) {
            for (const [name, value] of Object.entries(rateLimitHeaders(budget.peek(client))))
              response.http.headers.set(name.toLowerCase(), value);
            return;
          }
          if (response.body.kind !== "single" || !report.ok) return;
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            cost: costReport(report.requested, report.state),
          };
        },
      };
    },
  };
}
