/**
 * The baseline the bench compares the room with: a reactions counter as PartyKit's
 * example-reactions builds it. Every reaction updates the totals and is broadcast at once to every
 * connection. Exact, and simple, but each message in costs one frame out per connection.
 * Bench only: `bench/partykit.json` adds it as the party "naive"; the deployed app never has it.
 */
import type * as Party from "partykit/server";

export default class NaiveRelay implements Party.Server {
  readonly room: Party.Room;
  private readonly totals: Record<string, number> = {};

  constructor(room: Party.Room) {
    this.room = room;
  }

  /** Like the example, a newcomer gets the current totals first. */
  onConnect(connection: Party.Connection): void {
    connection.send(JSON.stringify({ type: "snapshot", totals: this.totals }));
  }

  onMessage(raw: string | ArrayBuffer | ArrayBufferView): void {
    if (typeof raw !== "string") return;
    let message: { type?: unknown; counts?: Record<string, unknown> };
    try {
      message = JSON.parse(raw) as typeof message;
    } catch {
      return;
    }
    if (message.type !== "react" || typeof message.counts !== "object" || message.counts === null) return;
    for (const [reaction, count] of Object.entries(message.counts)) {
      if (typeof count === "number") this.totals[reaction] = (this.totals[reaction] ?? 0) + count;
    }
    this.room.broadcast(JSON.stringify({ type: "reactions", totals: this.totals }));
  }
}
