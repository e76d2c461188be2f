/**
 * What the presenter's wire inspector shows, as the projector gets it (src/features/mirror): the
 * rows of the presenter's own socket, the one drawn, the totals and the negotiated extensions.
 * Each row travels as what it says (type, note, payload bytes); its header cost is recomputed
 * by the same rules (frames.ts), so the projector's numbers are the presenter's.
 */
import * as v from "valibot";
import { Int } from "../../room/messages.ts";
import { MAX_ROWS, rowOf, type WireRow, type WireTotals } from "./frames.ts";

/** The longest `type` and `note` a row carries (frames.ts cuts them to this). */
export const LABEL_MAX = 16;
/** Longer extension lists are cut: a browser's is a few dozen characters. */
export const EXTENSIONS_MAX = 200;
const COUNT_MAX = Number.MAX_SAFE_INTEGER;
const Label = v.pipe(v.string(), v.maxLength(LABEL_MAX));

const ShownRow = v.strictObject({
  id: Int(1, COUNT_MAX),
  direction: v.picklist(["in", "out"]),
  /** The presenter's clock, ms since the epoch. */
  at: Int(0, 8.64e15),
  type: Label,
  note: Label,
  payloadBytes: Int(0, COUNT_MAX),
});

const Direction = v.strictObject({ frames: Int(0, COUNT_MAX), bytes: Int(0, COUNT_MAX), headerBytes: Int(0, COUNT_MAX) });

export const WireShownSchema = v.strictObject({
  demo: v.literal("wire"),
  /** Newest first, as listed. */
  rows: v.pipe(v.array(ShownRow), v.maxLength(MAX_ROWS)),
  /** The id of the row drawn bit by bit (null: none yet, or the newest). */
  drawn: v.nullable(Int(1, COUNT_MAX)),
  totals: v.strictObject({ in: Direction, out: Direction }),
  extensions: v.pipe(v.string(), v.maxLength(EXTENSIONS_MAX)),
});
export type WireShown = v.InferOutput<typeof WireShownSchema>;

/** The presenter's board, to send. */
export function wireShown(rows: readonly WireRow[], drawn: WireRow | null, totals: WireTotals, extensions: string): WireShown {
  return {
    demo: "wire",
    rows: rows.slice(0, MAX_ROWS).map(({ id, direction, at, type, note, payloadBytes }) => ({ id, direction, at, type, note, payloadBytes })),
    drawn: drawn?.id ?? null,
    totals: { in: { ...totals.in }, out: { ...totals.out } },
    extensions: extensions.slice(0, EXTENSIONS_MAX),
  };
}

/** The projector's board, from what the presenter sent. */
export function wireBoard(shown: WireShown): { rows: WireRow[]; drawn: number | null; totals: WireTotals; extensions: string } {
  return { rows: shown.rows.map(rowOf), drawn: shown.drawn, totals: shown.totals, extensions: shown.extensions };
}
