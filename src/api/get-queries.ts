import type { GraphqlStep } from "./http-answer";

/*
 * Queries by plain GET. Apollo's CSRF prevention refuses a GET (or a POST of a "simple" content type) that carries
 * none of its preflight-forcing headers, because a browser sends such a request cross-site without asking the server
 * first. What that protects against, and why a GET query is safe here:
 *  - Side effects (CSRF proper): a GET cannot have any. Apollo executes only query operations from a GET (a mutation
 *    or subscription is refused with 405 before anything runs), this schema has no Mutation type at all, and the
 *    read-only plugin refuses one as a client mistake. POSTs keep the full check, so a text/plain or form POST is
 *    still refused, should a side effect ever be added.
 *  - Cross-site reads of private data with the visitor's cookies (XS-Search timing): this API has no cookies, no
 *    sessions and no credentials (CORS never allows them); every answer is the same public data for everyone, which
 *    any page could ask for openly.
 * So a GET is marked as preflighted, which is what Apollo's check asks for, and urql's default GET, a shared URL,
 * a CDN and a cross-origin `fetch(url)` all work. If this API ever gains cookie-based sign-in, remove this.
 */
export const GET_PREFLIGHT_HEADER = "apollo-require-preflight";

export function allowGetQueries(): GraphqlStep {
  return (req, _res, next) => {
    if (req.method === "GET" && req.headers[GET_PREFLIGHT_HEADER] === undefined) req.headers[GET_PREFLIGHT_HEADER] = "get-query";
    next();
  };
}
