import http from "node:http";
import type { Duplex } from "node:stream";

/**
 * What the server answers a request Node could not parse, in place of Node's own bare answers. The one that matters:
 * a query sent by GET carries its text in the URL, and a URL plus headers longer than Node's limit (16 KB unless
 * `--max-http-header-size` says otherwise) was answered with a bare 431 that names no way out. It now comes with a
 * GraphQL-shaped error saying what to send instead. Timeouts and malformed requests answer as Node would (408, 400).
 *
 * The request's headers were not parsed, so its Origin is unknown: the answer is readable from another origin only
 * when the API answers every origin (CORS_ORIGINS=*), as it is for the GraphQL answers themselves.
 */
export function clientErrorAnswerer(opts: { anyOrigin: boolean }): (error: Error & { code?: string }, socket: Duplex) => void {
  return (error, socket) => {
    // Nothing can be answered on a socket that is gone, or after a response began on it (Node does the same).
    const response = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code !== "ECONNRESET" && socket.writable && !response?.headersSent) socket.write(answerFor(error.code, opts.anyOrigin));
    socket.destroy(error);
  };
}

function answerFor(code: string | undefined, anyOrigin: boolean): string {
  if (code === "HPE_HEADER_OVERFLOW") return headersTooLarge(anyOrigin);
  if (code === "ERR_HTTP_REQUEST_TIMEOUT") return bare(408);
  if (code === "HPE_CHUNK_EXTENSIONS_OVERFLOW") return bare(413);
  return bare(400);
}

function bare(status: number): string {
  return `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\n\r\n`;
}

function headersTooLarge(anyOrigin: boolean): string {
  const body = JSON.stringify({
    errors: [
      {
        message:
          `The request's URL and headers are longer than this server accepts (${http.maxHeaderSize} bytes). A query sent by GET ` +
          "carries its whole text in the URL: send it by POST instead, or by GET as an automatic persisted query " +
          "(extensions.persistedQuery with the query's sha256Hash, the query itself sent once by POST), whose URL stays short.",
        extensions: { code: "LIMIT_EXCEEDED", limit: "requestHeaderBytes", maxBytes: http.maxHeaderSize },
      },
    ],
  });
  return (
    "HTTP/1.1 431 Request Header Fields Too Large\r\n" +
    "Content-Type: application/json; charset=utf-8\r\n" +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    (anyOrigin ? "Access-Control-Allow-Origin: *\r\n" : "") +
    "Connection: close\r\n\r\n" +
    body
  );
}
