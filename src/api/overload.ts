import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { ErrorCode, RETRY_AFTER_SECONDS, TIME_LIMITS } from "../errors";

const OUT_OF_TIME: ReadonlySet<unknown> = new Set(Object.values(TIME_LIMITS));

/** What a context offers for this plugin (GraphContext.busy). */
interface BusyContext {
  busy?: () => boolean;
}

/**
 * A request that runs out of time (the request deadline, or Neo4j's transaction timeout) is LIMIT_EXCEEDED: "narrow
 * it". That advice is wrong when the server was at its admission limit while the request ran: the others slowed it,
 * and the same query on a calm server is fine. Then the answer is what the admission control's refusals are: HTTP 503
 * with Retry-After and OVERLOADED, keeping `extensions.limit` to say which clock ran out. A request that runs out of
 * time on a calm server keeps LIMIT_EXCEEDED.
 */
export function createOverloadPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    requestDidStart({ contextValue }) {
      const busy = (contextValue as BusyContext).busy;
      if (typeof busy !== "function") return Promise.resolve({});
      return Promise.resolve({
        willSendResponse({ response }) {
          if (response.body.kind !== "single") return Promise.resolve();
          const result = response.body.singleResult;
          const outOfTime = (result.errors ?? []).filter(
            (e) => e.extensions?.code === ErrorCode.LIMIT_EXCEEDED && OUT_OF_TIME.has(e.extensions?.limit),
          );
          if (outOfTime.length === 0 || !busy()) return Promise.resolve();
          result.errors = result.errors!.map((e) =>
            outOfTime.includes(e)
              ? {
                  ...e,
                  message: `The server was too busy to finish this request in time (${String(e.extensions!.limit)}); the query is within the limits: retry after ${RETRY_AFTER_SECONDS} s.`,
                  extensions: { ...e.extensions, code: ErrorCode.OVERLOADED },
                }
              : e,
          );
          response.http.status = 503;
          response.http.headers.set("retry-after", String(RETRY_AFTER_SECONDS));
          return Promise.resolve();
        },
      });
    },
  };
}
