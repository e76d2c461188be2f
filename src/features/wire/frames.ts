/**
 * The wire inspector's rules: what one text frame on this device's socket costs (RFC 6455
 * header + UTF-8 payload), what it was, and the running totals. Pure, so the tests check the
 * numbers the slide shows.
 */
import { headerSize } from "../../diagrams/frameHeader.ts";
import { utf8Length } from "../../room/utf8.ts";
import type { WireFrame } from "../../live/room.ts";
import type { Locale } from "../../i18n/locales.ts";
import { wireStrings } from "./strings.ts";

/** How many frames the list keeps (newest first). */
export const MAX_ROWS = 10;

/** The ping ids this demo sends when someone taps "send": never the heartbeat's "hb…". */
export const WIRE_PING_PREFIX = "wire";

export interface WireRow {
  id: number;
  direction: WireFrame["direction"];
  /** This device's clock (ms since the epoch). */
  at: number;
  /** The message's JSON `type` ("?" when it has none). */
  type: string;
  /** A few words, in the page's language, on which message of that type it was (a ping's owner, a report's demo…), or "". */
  detail: string;
  payloadBytes: number;
  /** Client → server frames are masked (RFC 6455 §5.3): 4 more header bytes. */
  masked: boolean;
  headerBytes: number;
  totalBytes: number;
}

export interface DirectionTotals {
  frames: number;
  /** Header + payload bytes. */
  bytes: number;
  headerBytes: number;
}

export interface WireTotals {
  in: DirectionTotals;
  out: DirectionTotals;
}

export const NO_TOTALS: WireTotals = {
  in: { frames: 0, bytes: 0, headerBytes: 0 },
  out: { frames: 0, bytes: 0, headerBytes: 0 },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Cuts what a frame says about itself to a label's length. */
function short(text: string, max = 16): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function pingDetail(id: unknown, detail: (typeof wireStrings)[Locale]["detail"]): string {
  if (typeof id !== "string") return "";
  if (id.startsWith("hb")) return detail.heartbeat;
  if (id.startsWith(WIRE_PING_PREFIX)) return detail.yours;
  if (id.startsWith("rtt")) return detail.rtt;
  return "";
}

/** The message's type and which one it was, read from its JSON (text that isn't ours: "?"). */
export function describeMessage(text: string, locale: Locale): { type: string; detail: string } {
  const detail = wireStrings[locale].detail;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { type: "?", detail: "" };
  }
  if (!isRecord(value) || typeof value["type"] !== "string") return { type: "?", detail: "" };
  const type = short(value["type"]);
  switch (type) {
    case "ping":
    case "pong":
      return { type, detail: pingDetail(value["id"], detail) };
    case "report":
      return { type, detail: typeof value["feature"] === "string" ? short(value["feature"]) : "" };
    case "delta":
      return { type, detail: isRecord(value["changes"]) ? short(Object.keys(value["changes"]).join(", ")) : "" };
    case "error":
      return { type, detail: typeof value["code"] === "string" ? short(value["code"]) : "" };
    case "goto":
      return { type, detail: typeof value["slide"] === "number" ? detail.slide(value["slide"] + 1) : "" };
    default:
      return { type, detail: "" };
  }
}

/** One frame as a row: text frames (opcode 0x1), unfragmented, masked when this device sent them. */
export function wireRow(frame: WireFrame, id: number, locale: Locale): WireRow {
  const payloadBytes = utf8Length(frame.text);
  const masked = frame.direction === "out";
  const headerBytes = headerSize(payloadBytes, masked);
  return { id, direction: frame.direction, at: frame.at, ...describeMessage(frame.text, locale), payloadBytes, masked, headerBytes, totalBytes: headerBytes + payloadBytes };
}

/** The list after `row` arrives: newest first, at most `max` rows. */
export function keepLatest(rows: readonly WireRow[], row: WireRow, max = MAX_ROWS): WireRow[] {
  return [row, ...rows].slice(0, max);
}

export function addToTotals(totals: WireTotals, row: WireRow): WireTotals {
  const side = totals[row.direction];
  return {
    ...totals,
    [row.direction]: { frames: side.frames + 1, bytes: side.bytes + row.totalBytes, headerBytes: side.headerBytes + row.headerBytes },
  };
}

/**
 * The frame to draw: the one the person picked while it is still listed, else the newest.
 * Null when nothing arrived yet.
 */
export function selectedRow(rows: readonly WireRow[], picked: number | null): WireRow | null {
  return (picked === null ? undefined : rows.find((row) => row.id === picked)) ?? rows[0] ?? null;
}

/** "14:03:27.042": this device's clock, to the millisecond. */
export function clockTime(at: number): string {
  const date = new Date(at);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}.${String(date.getMilliseconds()).padStart(3, "0")}`;
}

/** Whether the socket negotiated compression (RFC 7692): then payloads may travel smaller than counted here. */
export function isCompressed(extensions: string): boolean {
  return /(^|,)\s*permessage-deflate\b/i.test(extensions);
}
