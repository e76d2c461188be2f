/**
 * Layout rules for the Exchange sequence diagram. Pure, so they can be unit tested and reused
 * by the live demos (which feed real messages in).
 */
export type Side = "client" | "server";
export type MessageKind = "request" | "response" | "empty" | "frame" | "held";

export interface ExchangeMessage {
  from: Side;
  /** Protocol text, drawn above the arrow in monospace (e.g. `GET /mensagens`). */
  label: string;
  /** Optional explanation, drawn below the arrow (muted). */
  detail?: string;
  /** The slide step at which the message appears; 0 or absent = from the start. */
  step?: number;
  kind?: MessageKind;
}

export interface ExchangeRow {
  index: number;
  from: Side;
  to: Side;
  kind: MessageKind;
  label: string;
  detail: string | undefined;
  /** Reveal step, or undefined when the message is there from the start. */
  step: number | undefined;
}

/**
 * A request held open at the server (long polling). `kind: "held"` works both ways an author may
 * write it: on the client's request itself (an arrow to the server), or as a server row such as
 * "segurando…" after the request. The server's lifeline is busy from the request's arrival
 * (`from`) through the held row (`through`) until the server's next real answer (`to`).
 */
export interface HeldSpan {
  /** Row whose arrow starts the hold: the held request, or the client request before a server "held" row. */
  from: number;
  /** The held row itself: the first part of the bar is revealed with it, down to its bottom. */
  through: number;
  /** The server's answer, or null when the request is still held at the end of the diagram. */
  to: number | null;
  step: number | undefined;
  /** When the answer appears (the second part of the bar is revealed with it). */
  answerStep: number | undefined;
}

export interface ExchangeLayout {
  rows: ExchangeRow[];
  held: HeldSpan[];
  /** WebSocket only: the row where the open connection starts (first frame), or null. */
  tubeFrom: number | null;
  tubeStep: number | undefined;
  /** Font-size factor (em) so that up to ~9 messages fit in about half a projected slide. */
  scale: number;
  /**
   * Too many messages with details to fit even at MIN_SCALE: each detail then goes on the label's
   * line instead of under the arrow (on wide screens only; phones keep it under the arrow).
   */
  compact: boolean;
}

// Heights in em of the drawing's own font (see .exchange__* in diagrams.css).
const ROW_EM = 2.23;
const DETAIL_EM = 0.96;
const ACTORS_EM = 2.1;
const TUBE_EM = 1.75;
/**
 * Height the whole figure may take, in em of the slide's text. A 16:9 slide set at 2.3cqi is
 * 24.5 em tall and its body about 14 em; 10.5 em (about 43% of the slide) leaves room for the
 * title and two lines of text around the diagram. A caption takes about 1.6 of those.
 */
export const HEIGHT_BUDGET_EM = 10.5;
export const CAPTION_EM = 1.6;
export const MIN_SCALE = 0.45;
export const MAX_SCALE = 0.85;
/** Below this scale, details move onto their label's line rather than shrinking further. */
export const COMPACT_BELOW = 0.55;

function revealStep(step: number | undefined): number | undefined {
  if (step === undefined) return undefined;
  if (!Number.isInteger(step) || step < 0)
    throw new RangeError(`step must be an integer ≥ 0, got ${String(step)}`);
  return step > 0 ? step : undefined;
}

export function exchangeLayout(
  messages: readonly ExchangeMessage[],
  channel: "http" | "websocket" = "http",
  hasCaption = false,
): ExchangeLayout {
  const rows: ExchangeRow[] = messages.map((message, index) => ({
    index,
    from: message.from,
    to: message.from === "client" ? "server" : "client",
    kind: message.kind ?? (message.from === "client" ? "request" : "response"),
    label: message.label,
    detail: message.detail,
    step: revealStep(message.step),
  }));

  const held: HeldSpan[] = [];
  for (const row of rows) {
    if (row.kind !== "held") continue;
    let from = row.index;
    if (row.from === "server") {
      const request = rows.findLast((other) => other.index < row.index && other.from === "client");
      if (request) from = request.index;
    }
    const answer = rows.find(
      (other) => other.index > row.index && other.from === "server" && other.kind !== "held",
    );
    held.push({
      from,
      through: row.index,
      to: answer ? answer.index : null,
      step: row.step,
      answerStep: answer ? answer.step : undefined,
    });
  }

  const firstFrame = channel === "websocket" ? rows.find((row) => row.kind === "frame") : undefined;

  // Vertical room, in em of the drawing's own font: each row is a label line, the arrow and an
  // optional detail line; plus the actors on top and the connection's label at the bottom.
  const budget = HEIGHT_BUDGET_EM - (hasCaption ? CAPTION_EM : 0);
  const frame = ACTORS_EM + (firstFrame ? TUBE_EM : 0);
  const units = rows.reduce((sum, row) => sum + ROW_EM + (row.detail ? DETAIL_EM : 0), 0) + frame;
  const compact = budget / units < COMPACT_BELOW && rows.some((row) => row.detail);
  const fit = budget / (compact ? rows.length * ROW_EM + frame : units);
  const scale = Math.round(Math.min(MAX_SCALE, Math.max(MIN_SCALE, fit)) * 100) / 100;

  return {
    rows,
    held,
    tubeFrom: firstFrame ? firstFrame.index : null,
    tubeStep: firstFrame ? firstFrame.step : undefined,
    scale,
    compact,
  };
}
