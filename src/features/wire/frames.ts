/**
 * The wire inspector's rules: what one text frame on this device's socket costs (RFC 6455
 * header + UTF-8 payload), what it was, and the running totals. Pure, so the tests check the
 * numbers the slide shows.
 */
import { headerSize } from "../../diagrams/frameHeader.ts";
import { utf8Length } from "../../room/utf8.ts";
import type { WireFrame } from "../../live/room.ts";
import type { Locale } from "../../i18n/locales.ts";
import type { wireStrings } from "./strings.ts";

/**
 * How many frames the list keeps (newest first): eight rows at the projector's 24-px floor, beside
 * the tallest drawing (a frame with an extended length), still fit the slide.
 */
export const MAX_ROWS = 8;

/** The ping ids this demo sends when someone taps "send": never the heartbeat's "hb…". */
export const WIRE_PING_PREFIX = "wire";

export interface WireRow {
  id: number;
  direction: WireFrame["direction"];
  /** This device's clock (ms since the epoch). */
  at: number;
  /** The message's JSON `type` ("?" when it has none). */
  type: string;
  /** Which message of that type it was, in no language yet (see `note`): a ping's sender, a report's demo…, or "". */
  note: string;
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

/** Who sent a ping (by its id's prefix): the notes a ping or pong may carry, worded by `detailOf`. */
const PING_NOTES = ["heartbeat", "yours", "rtt"] as const;
type PingNote = (typeof PING_NOTES)[number];

function pingNote(id: unknown): PingNote | "" {
  if (typeof id !== "string") return "";
  if (id.startsWith("hb")) return "heartbeat";
  if (id.startsWith(WIRE_PING_PREFIX)) return "yours";
  if (id.startsWith("rtt")) return "rtt";
  return "";
}

/**
 * The message's type and which one it was, read from its JSON (text that isn't ours: "?"). The
 * note is in no language (a ping's sender, a slide's number, a demo's or field's name), so a row
 * can travel to the projector and be worded there (`detailOf`).
 */
export function describeMessage(text: string): { type: string; note: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { type: "?", note: "" };
  }
  if (!isRecord(value) || typeof value["type"] !== "string") return { type: "?", note: "" };
  const type = short(value["type"]);
  switch (type) {
    case "ping":
    case "pong":
      return { type, note: pingNote(value["id"]) };
    case "report":
      return { type, note: typeof value["feature"] === "string" ? short(value["feature"]) : "" };
    case "delta":
      return { type, note: isRecord(value["changes"]) ? short(Object.keys(value["changes"]).join(", ")) : "" };
    case "error":
      return { type, note: typeof value["code"] === "string" ? short(value["code"]) : "" };
    case "goto":
      return { type, note: typeof value["slide"] === "number" ? short(String(value["slide"] + 1)) : "" };
    default:
      return { type, note: "" };
  }
}

/**
 * A row's note in the viewer's words: a ping's sender and a slide's number are worded; names
 * from the wire stay as they are. On the projector (`presenters`) "yours" is the presenter's.
 */
export function detailOf(row: Pick<WireRow, "type" | "note">, detail: (typeof wireStrings)[Locale]["detail"], presenters = false): string {
  const { type, note } = row;
  if (type === "ping" || type === "pong") {
    if (!(PING_NOTES as readonly string[]).includes(note)) return "";
    // The projector's list is the presenter's: "yours" there needs no word (the row must fit at 24 px).
    return note === "yours" && presenters ? "" : detail[note as PingNote];
  }
  if (type === "goto") return /^\d+$/.test(note) ? detail.slide(Number(note)) : "";
  return note;
}

/** A row from what it says: text frames (opcode 0x1), unfragmented, masked when this device sent them. */
export function rowOf(row: Pick<WireRow, "id" | "direction" | "at" | "type" | "note" | "payloadBytes">): WireRow {
  const masked = row.direction === "out";
  const headerBytes = headerSize(row.payloadBytes, masked);
  return { ...row, masked, headerBytes, totalBytes: headerBytes + row.payloadBytes };
}

/**
 * The frames that carry the presenter's view of a demo to the projector (src/features/mirror):
 * left out of the list, or listing them would make another one, and so on.
 */
export function carriesMirror(row: Pick<WireRow, "type" | "note">): boolean {
  return row.type === "mirror" || (row.type === "report" && row.note === "mirror");
}

/** One frame on this device's socket as a row. */
export function wireRow(frame: WireFrame, id: number): WireRow {
  return rowOf({ id, direction: frame.direction, at: frame.at, ...describeMessage(frame.text), payloadBytes: utf8Length(frame.text) });
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
