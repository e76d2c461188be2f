/**
 * Push, made visible: the presenter's `notify` goes out as one `notification` frame to every
 * phone at once (the server speaks first: nobody asked); each phone answers `ack`, and the
 * presenter's board counts deliveries and the round trip live.
 */
import { defineFeature } from "../../room/feature.ts";
import { countAudience } from "../../room/participants.ts";
import type { ServerMessage } from "../../room/wire.ts";
import { NotifyLedger } from "./ledger.ts";
import { NOTIFY_MESSAGES } from "./protocol.ts";

export const notify = defineFeature("notify", NOTIFY_MESSAGES, (host) => {
  const ledger = new NotifyLedger();

  return {
    message(message, { member }) {
      if (message.type === "notify") {
        const audience = host.audience();
        const note = ledger.send(message.kind, host.now(), {
          sent: audience.length,
          audience: countAudience(audience.map(({ member: each }) => each)),
        });
        // Encoded once, sent to everyone in the same turn.
        const text = JSON.stringify({ type: "notification", ...note } satisfies ServerMessage);
        for (const { link } of audience) host.send(link, text);
        return host.changed();
      }
      // An ack: only phones send it (the table says so).
      if (member.role === "audience" && ledger.ack(message.id, member.pid, host.now())) host.changed();
    },
    reset() {
      ledger.clear();
    },
    report: () => ledger.report(),
    // Times in the download are ISO 8601, like every other time in it.
    export: () => ledger.report().notifications.map(({ id, kind, at, sent, audience, acked, latency }) => ({ id, kind, sentAt: new Date(at).toISOString(), sent, audience, acked, latency })),
  };
});
