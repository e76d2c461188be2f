/**
 * The push demo's record: each notification the presenter sent, to how many phones, and which
 * participants acknowledged it how fast. Latency is measured on the server's clock alone (ack
 * received − sent), so no phone's clock enters the number; it is a round trip (push + ack).
 * Pure, so the tests can drive it with any clock.
 */
import type { NotificationKind } from "./protocol.ts";

/** Notifications kept (the newest ones): a talk sends a handful. */
export const NOTIFICATIONS_KEPT = 20;

export interface NotificationRecord {
  id: number;
  kind: NotificationKind;
  /** Server time it went out. */
  at: number;
  /** Audience connections it was sent to. */
  sent: number;
  /** Participants in the room when it went out (a phone with two tabs counts once). */
  audience: number;
  /** Participants that acknowledged it (once each). */
  acked: number;
  /** Push + ack round trip, server-measured (ms); null before the first ack. */
  latency: { mean: number; max: number } | null;
}

export interface NotifyReport {
  notifications: NotificationRecord[];
}

interface Entry {
  id: number;
  kind: NotificationKind;
  at: number;
  sent: number;
  audience: number;
  acks: Map<string, number>;
}

function record(entry: Entry): NotificationRecord {
  const latencies = [...entry.acks.values()];
  const latency =
    latencies.length === 0
      ? null
      : { mean: Math.round(latencies.reduce((sum, ms) => sum + ms, 0) / latencies.length), max: Math.max(...latencies) };
  const { id, kind, at, sent, audience } = entry;
  return { id, kind, at, sent, audience, acked: entry.acks.size, latency };
}

export class NotifyLedger {
  private entries: Entry[] = [];
  // Ids keep growing across resets, so a late ack for an old notification never counts for a new one.
  private nextId = 1;

  /** Records a notification going out now; returns what the phones get. */
  send(kind: NotificationKind, at: number, delivery: { sent: number; audience: number }): { id: number; kind: NotificationKind; at: number } {
    const entry: Entry = { id: this.nextId++, kind, at, sent: delivery.sent, audience: delivery.audience, acks: new Map() };
    this.entries = [...this.entries, entry].slice(-NOTIFICATIONS_KEPT);
    return { id: entry.id, kind, at };
  }

  /** A participant's ack; false (ignored) for an unknown id or a repeat. */
  ack(id: number, pid: string, now: number): boolean {
    const entry = this.entries.find((candidate) => candidate.id === id);
    if (!entry || entry.acks.has(pid)) return false;
    entry.acks.set(pid, Math.max(0, now - entry.at));
    return true;
  }

  clear(): void {
    this.entries = [];
  }

  report(): NotifyReport {
    return { notifications: this.entries.map(record) };
  }
}
