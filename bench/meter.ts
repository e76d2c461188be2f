/**
 * Messages into the room, counted where they leave a client (every thread has its own meter): the
 * frames sent in each 100 ms slot of the one clock every thread shares (`now()`, epoch
 * milliseconds), by the object they went to (the talk, or one of its halls). Merged, the slots give
 * each object's mean and its busiest one-second window.
 */
import { performance } from "node:perf_hooks";

/** Epoch milliseconds: performance.now() of a worker thread counts from its own start, this doesn't. */
export const now = (): number => performance.timeOrigin + performance.now();

const SLOT_MS = 100;
/** Frames sent in each slot, by the object they went to: "talk", or a hall's id (src/room/halls.ts). */
const slots = new Map<string, Map<number, number>>();
/** The same for the `read` answers to the room's marks alone (all phones cross a mark together). */
const readSlots = new Map<string, Map<number, number>>();

export type SentByObject = Record<string, [number, number][]>;

function add(map: Map<string, Map<number, number>>, object: string, slot: number): void {
  let perSlot = map.get(object);
  if (!perSlot) map.set(object, (perSlot = new Map()));
  perSlot.set(slot, (perSlot.get(slot) ?? 0) + 1);
}

export function countSent(read = false, object = "talk"): void {
  const slot = Math.floor(now() / SLOT_MS);
  add(slots, object, slot);
  if (read) add(readSlots, object, slot);
}

/** This thread's slots within [from, to] (epoch ms), as [slot, frames] pairs by object: every frame, or the reads. */
export function sentBetween(from: number, to: number, reads = false): SentByObject {
  const first = Math.floor(from / SLOT_MS);
  const last = Math.floor(to / SLOT_MS);
  const sent: SentByObject = {};
  for (const [object, map] of reads ? readSlots : slots) {
    for (const slot of map.keys()) if (slot < first - 600) map.delete(slot); // forget what no window will ask for
    sent[object] = [...map].filter(([slot]) => slot >= first && slot <= last);
  }
  return sent;
}

export interface InRate {
  messagesIn: number;
  /** Messages in per second over the window. */
  mean: number;
  /** The busiest second: the most messages in any ten consecutive slots. */
  peak: number;
}

/** Every thread's slots merged, per object. */
export function inRates(parts: readonly SentByObject[], from: number, to: number): Record<string, InRate> {
  const objects = new Set(parts.flatMap((part) => Object.keys(part)));
  return Object.fromEntries([...objects].map((object) => [object, inRate(parts.map((part) => part[object] ?? []), from, to)]));
}

/** Every thread's slots merged, all objects together. */
export function inRateAll(parts: readonly SentByObject[], from: number, to: number): InRate {
  return inRate(parts.flatMap((part) => Object.values(part)), from, to);
}

function inRate(parts: readonly [number, number][][], from: number, to: number): InRate {
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
