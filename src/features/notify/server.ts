/**
 * Push, made visible: the presenter's `notify` goes out as one `notification` frame to every
 * phone at once (the server speaks first: nobody asked); each phone answers `ack`, and the
 * presenter's board counts deliveries and the round trip live.
 */
import { errorMessage, type ServerMessage } from "../../room/protocol.ts";
import { countAudience } from "../../room/participants.ts";
import { NotifyLedger } from "./ledger.ts";
import type { LabDemoFactory } from "../../party/features.ts";

export const notifyDemo: LabDemoFactory = (host) => {
  const ledger = new NotifyLedger();

  return {
    name: "notify",
    handles: ["notify", "ack"],
    message(message, { connection, member }) {
      if (message.type === "notify") {
        const audience = host.audience();
        const note = ledger.send(message.kind, host.now(), {
          sent: audience.length,
          audience: countAudience(audience.map(({ member: each }) => each)),
        });
        // Encoded once, sent to everyone in the same turn.
        const text = JSON.stringify({ type: "notification", ...note } satisfies ServerMessage);
        for (const { connection: phone } of audience) host.send(phone, text);
        return host.changed("notify");
      }
      if (message.type === "ack") {
        if (member.role !== "audience" || member.pid === undefined) return host.send(connection, errorMessage("forbidden", { ref: "ack" }));
        if (ledger.ack(message.id, member.pid, host.now())) host.changed("notify");
      }
    },
    reset() {
      ledger.clear();
    },
    report: () => ledger.report(),
    export: () => ledger.report().notifications,
  };
};
