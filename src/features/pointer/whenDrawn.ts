/**
 * The ink's display on the projector and the phones, loaded the first time there is ink to show:
 * most of a talk has none, and a phone's first load is budgeted (scripts/size.ts). Until then
 * this watches the room for a laser or a stroke and keeps the `ink` frames that arrive, so the
 * display starts exactly where an eager one would be.
 */
import type { RoomClient } from "../../live/room.ts";
import type { ServerMessage } from "../../room/wire.ts";
import type { PointerReport } from "./protocol.ts";
import type { InkDeck, InkOptions } from "./screen.ts";

type InkFrame = Extract<ServerMessage, { type: "ink" }>;

const hasInk = (report: PointerReport) => report.pointer !== null || Object.values(report.slides).some((strokes) => strokes.length > 0);

export function mountInkWhenDrawn(deck: InkDeck, client: RoomClient, options?: InkOptions): void {
  // Frames since the latest report: the display loads that report, then folds these over it.
  const since: InkFrame[] = [];
  let loading = false;
  const load = () => {
    if (loading) return;
    loading = true;
    import("./screen.ts")
      .then(({ mountInk }) => {
        stopReports();
        stopFrames();
        const screen = mountInk(deck, client, options);
        for (const frame of since) screen.model.fold(frame);
        screen.render();
      })
      .catch((error: unknown) => console.error("pointer: display", error));
  };
  const stopReports = client.watch("pointer", (report) => {
    since.length = 0; // a report is whole: the frames before it are in it
    if (hasInk(report)) load();
  });
  const stopFrames = client.onMessage((message) => {
    if (message.type !== "ink") return;
    since.push(message);
    load();
  });
}
