/**
 * What a message costs on the wire, counted the way HTTP/1.1 and RFC 6455 put it there: the
 * demos compare techniques by these numbers, so every demo counts with the same rules.
 * HTTP/2 and permessage-deflate would compress some of it; the talk compares the protocols as
 * written, and says so.
 */
import { headerSize } from "../../diagrams/frameHeader.ts";
import { utf8Length } from "../../room/utf8.ts";

/**
 * Headers that the hosting platform adds between the browser and our code (Cloudflare and
 * partykit dev): they never crossed the audience's network, so they are not counted.
 */
const PLATFORM_HEADER = /^(cf-|x-partykit|x-forwarded-|x-real-ip$|cdn-loop$|true-client-ip$)/i;

const REASONS: Readonly<Record<number, string>> = {
  200: "OK",
  201: "Created",
  204: "No Content",
  400: "Bad Request",
  404: "Not Found",
  405: "Method Not Allowed",
  413: "Content Too Large",
  414: "URI Too Long",
  429: "Too Many Requests",
  503: "Service Unavailable",
};

function headerLines(headers: Iterable<[string, string]>): number {
  let total = 0;
  for (const [name, value] of headers) {
    if (!PLATFORM_HEADER.test(name)) total += utf8Length(`${name}: ${value}\r\n`);
  }
  return total;
}

/** Request line + headers + blank line, as the browser sent them (`target`: path and query). */
export function requestHeadBytes(method: string, target: string, headers: Iterable<[string, string]>): number {
  return utf8Length(`${method} ${target} HTTP/1.1\r\n`) + headerLines(headers) + 2;
}

/** Status line + headers + blank line; counts the Content-Length the server adds when missing. */
export function responseHeadBytes(status: number, headers: Iterable<[string, string]>, bodyBytes: number): number {
  const list = Array.from(headers);
  const hasLength = list.some(([name]) => name.toLowerCase() === "content-length");
  const length = hasLength ? 0 : utf8Length(`content-length: ${bodyBytes}\r\n`);
  return utf8Length(`HTTP/1.1 ${status} ${REASONS[status] ?? ""}\r\n`) + headerLines(list) + length + 2;
}

/** One WebSocket frame: its RFC 6455 header (2/4/10 bytes, + 4 for a client's mask) and payload. */
export function frameBytes(payloadBytes: number, masked: boolean): number {
  return headerSize(payloadBytes, masked) + payloadBytes;
}

/** What the server knows of a request it received (the platform's Request type, or the standard one). */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: Iterable<[string, string]>;
}

/** Request line + headers + blank line of a request as received (a GET has no body). */
export function requestSize(request: ReceivedRequest): number {
  const url = new URL(request.url);
  return requestHeadBytes(request.method, url.pathname + url.search, request.headers);
}

export interface SizedResponse {
  response: Response;
  headBytes: number;
  bodyBytes: number;
}

/**
 * A response with `text` as its body, and what it will cost on the wire. It goes out
 * uncompressed (`content-encoding: identity`; otherwise the runtime gzips it for any browser that
 * accepts gzip and sends it chunked), so the bytes counted here are the bytes the phone receives,
 * and its own measurement agrees with the server's. A 2005 server rarely compressed either.
 */
export function sizedResponse(status: number, text: string, headers: Record<string, string>): SizedResponse {
  const response = new Response(text, { status, headers: { ...headers, "content-encoding": "identity" } });
  const bodyBytes = utf8Length(text);
  return { response, headBytes: responseHeadBytes(status, response.headers, bodyBytes), bodyBytes };
}
