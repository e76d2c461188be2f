/**
 * Messages into the room, counted where they leave a client (every thread has its own meter): the
 * frames sent in each 100 ms slot of the one clock every thread shares (`now()`, epoch
 * milliseconds). Merged, the slots give a room's mean and its busiest one-second window.
 */
import { performance } from "node:perf_hooks";

/** Epoch milliseconds: performance.now() of a worker thread counts from its own start, this doesn't. */
export const now = (): number => performance.timeOrigin + performance.now();

const SLOT_MS = 100;
const slots = new Map<number, number>();
/** The same for the `read` answers to the room's marks alone (all phones cross a mark together). */
const readSlots = new Map<number, number>();

export function countSent(read = false): void {
  const slot = Math.floor(now() / SLOT_MS);
  slots.set(slot, (slots.get(slot) ?? 0) + 1);
  if (read) readSlots.set(slot, (readSlots.get(slot) ?? 0) + 1);
}

/** This thread's slots within [from, to] (epoch ms), as [slot, frames] pairs: every frame, or the reads. */
export function sentBetween(from: number, to: number, reads = false): [number, number][] {
  const first = Math.floor(from / SLOT_MS);
  const last = Math.floor(to / SLOT_MS);
  const map = reads ? readSlots : slots;
  for (const slot of map.keys()) if (slot < first - 600) map.delete(slot); // forget what no window will ask for
  return [...map].filter(([slot]) => slot >= first && slot <= last);
}

export interface InRate {
  messagesIn: number;
  /** Messages in per second over the window. */
  mean: number;
  /** The busiest second: the most messages in any ten consecutive slots. */
  peak: number;
}

export function inRate(parts: readonly [number, number][][], from: number, to: number): InRate {
  const merged = new Map<number, number>();
  for (const part of parts) for (const [slot, frames] of part) merged.set(slot, (merged.get(slot) ?? 0) + frames);
  const first = Math.floor(from / SLOT_MS);
  const last = Math.floor(to / SLOT_MS);
  let messagesIn = 0;
  let window = 0;
  let peak = 0;
  const perSlot = (slot: number) => merged.get(slot) ?? 0;
  for (let slot = first; slot <= last; slot++) {
    messagesIn += perSlot(slot);
    window += perSlot(slot) - (slot - 10 >= first ? perSlot(slot - 10) : 0);
    peak = Math.max(peak, window);
  }
  const seconds = Math.max(0.001, (to - from) / 1000);
  return { messagesIn, mean: Math.round(messagesIn / seconds), peak };
}
