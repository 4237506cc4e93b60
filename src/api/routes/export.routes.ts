import express, { Router } from "express";
import type { Database } from "../../db/database";
import { BadUserInputError, ErrorCode } from "../../errors";
import { fileSlug, networkFileStem } from "../../export/export.model";
import { writeCoauthorsCsv } from "../../export/csv";
import { NETWORK_FORMATS, type NetworkFormat } from "../../export/formats";
import { createContext } from "../context";
import { errorStatus, queryInt, queryText } from "./query-params";

/** Where the exports live: /export/network.gexf?author=…, /export/coauthors.csv?author=… */
export const EXPORT_PREFIX = "/export";

/**
 * Sends a file the browser saves under `fileName`; a cross-origin fetch may read that name too.
 * Exports are computed fresh from the graph, like GraphQL answers, so they are not cached.
 */
function sendFile(res: express.Response, body: string, contentType: string, fileName: string): void {
  res.set({
    "Content-Type": contentType,
    "Content-Disposition": `attachment; filename="${fileName}"`,
    "Access-Control-Expose-Headers": "Content-Disposition",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  res.send(body);
}

function sendError(res: express.Response, error: unknown, production: boolean): void {
  const status = errorStatus(error);
  const coded = error as { extensions?: { code?: string }; message?: string };
  const code = coded?.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR;
  const message =
    status >= 500 && production && code === (ErrorCode.INTERNAL_SERVER_ERROR as string)
      ? "Internal server error"
      : String(coded?.message ?? error);
  res
    .status(status)
    .set("Cache-Control", "no-store")
    .json({ errors: [{ message, extensions: { code } }] });
}

/** coauthorNetwork's arguments from a URL; `author` and `authorId` both name the centre. */
function networkArgs(query: express.Request["query"]) {
  return {
    authorId: queryText(query, "author") ?? queryText(query, "authorId") ?? "",
    depth: queryInt(query, "depth"),
    minJointPapers: queryInt(query, "minJointPapers"),
    yearFrom: queryInt(query, "yearFrom"),
    yearTo: queryInt(query, "yearTo"),
    maxNodes: queryInt(query, "maxNodes"),
  };
}

function requireAuthor<T extends { authorId: string }>(args: T): T {
  if (args.authorId === "")
    throw new BadUserInputError(
      "Give the centre author as ?author=<author id>, e.g. ?author=name:wei%20xiong (ids come from authors(search:) in GraphQL).",
    );
  return args;
}

/**
 * The network exports, one URL per format, taking coauthorNetwork's arguments, plus an author's
 * coauthor list as CSV; `GET /export` lists them. CORS follows the API's (CORS_ORIGINS, "*" by
 * default), so Gephi Lite (`?file=<url>`), VOSviewer Online (`?json=<url>`), Observable and
 * Grafana can read them from another origin.
 */
export function exportRouter(db: Database, options: { production: boolean }): Router {
  const router = Router();
  const route =
    (format: NetworkFormat): express.RequestHandler =>
    async (req, res) => {
      try {
        const args = requireAuthor(networkArgs(req.query));
        const graph = await createContext(db).services.export.networkGraph(args, {
          perYear: format.perYear,
          maxNodesRange: format.maxNodes,
        });
        sendFile(res, format.write(graph), format.contentType, `${networkFileStem(graph)}${format.suffix}`);
      } catch (error) {
        sendError(res, error, options.production);
      }
    };
  for (const format of NETWORK_FORMATS) router.get(`${EXPORT_PREFIX}/network${format.suffix}`, route(format));

  router.get(`${EXPORT_PREFIX}/coauthors.csv`, async (req, res) => {
    try {
      const args = requireAuthor(networkArgs(req.query));
      const list = await createContext(db).services.export.coauthorList(args);
      const years = args.yearFrom !== null || args.yearTo !== null ? `_${args.yearFrom ?? ""}-${args.yearTo ?? ""}` : "";
      sendFile(
        res,
        writeCoauthorsCsv(list.rows),
        "text/csv; charset=utf-8; header=present",
        `coauthors_${fileSlug(list.name)}${years}.csv`,
      );
    } catch (error) {
      sendError(res, error, options.production);
    }
  });

  router.get(EXPORT_PREFIX, (_req, res) => {
    res.set("Cache-Control", "no-cache").json({
      arguments: "author (an author id; required), depth 1..3, minJointPapers, yearFrom, yearTo, maxNodes (as coauthorNetwork)",
      network: NETWORK_FORMATS.map((f) => ({
        url: `${EXPORT_PREFIX}/network${f.suffix}?author=name:wei%20xiong&depth=2`,
        format: f.label,
      })),
      coauthors: { url: `${EXPORT_PREFIX}/coauthors.csv?author=name:wei%20xiong`, format: "CSV, an author's coauthors" },
    });
  });
  return router;
}
