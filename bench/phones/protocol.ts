/**
 * Between the bench's main thread and its phones workers: a request names an operation, the
 * worker answers it once, by the same id. A scenario's phone side is a behaviour (one per
 * scenario, registered in behaviours.ts): begun with its arguments on every worker, called by
 * name while the scenario runs, ended before the next one. Times are epoch ms (`now()`).
 */
import type { FrameListener, Member } from "../crowd.ts";

export type Request =
  /** `halls`: the phones say they can follow (halls=1) and go to the hall the talk sends them to. */
  | { id: number; op: "join"; roomUrl: string; pids: string[]; firstIndex: number; halls: boolean }
  | { id: number; op: "begin"; behaviour: string; args: unknown }
  | { id: number; op: "call"; name: string; args: unknown }
  | { id: number; op: "end" }
  | { id: number; op: "counters"; reset: boolean }
  | { id: number; op: "sent"; from: number; to: number; reads: boolean }
  | { id: number; op: "close" };

export type Reply = { id: number; result: unknown } | { id: number; error: string };

export interface Joined {
  /** Each phone's snapshot time (epoch ms), null for a phone that never got one. */
  snapshotAt: (number | null)[];
  /** Why some phones did not join (the first reason, and how many failed), if any did not. */
  failed: number;
  error: string | null;
}

/** A scenario's phone side, inside a worker: what it does with frames, and what it can be asked. */
export interface Behaviour {
  onFrame?: FrameListener;
  calls: Record<string, (args: never) => unknown>;
  /** Stops its timers when the scenario ends. */
  end?(): void;
}

/** `phones`: the worker's slice of the audience (Member.index is each one's place in the whole). */
export type BehaviourFactory = (phones: readonly Member[], args: never) => Behaviour;
