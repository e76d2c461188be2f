/**
 * The projector shows what the presenter did: for the demos that run in the presenter's own
 * browser (a handshake, its socket's frames, its page loads), the presenter's page sends what it
 * shows (`mirror`); the room keeps the latest view of each demo and reports them to presenters
 * and screens, whole on join, so a reloaded projector window shows the latest at once.
 * Each demo's view is declared in its own folder (`shown.ts`).
 */
import * as v from "valibot";
import { message, type MessagesOf } from "../../room/messages.ts";
import { HandshakeShownSchema } from "../handshake/shown.ts";
import { PagesShownSchema } from "../pages/shown.ts";
import { WireShownSchema } from "../wire/shown.ts";

export const MirrorViewSchema = v.variant("demo", [HandshakeShownSchema, WireShownSchema, PagesShownSchema]);
export type MirrorView = v.InferOutput<typeof MirrorViewSchema>;
export type MirroredDemo = MirrorView["demo"];
export type ViewOf<D extends MirroredDemo> = Extract<MirrorView, { demo: D }>;

export const MIRROR_DEMOS = ["handshake", "wire", "pages"] as const satisfies readonly MirroredDemo[];

export const MIRROR_MESSAGES = {
  /** Presenter: what one of its demos shows now, for the projector to show the same. */
  mirror: { schema: message("mirror", { view: MirrorViewSchema }), from: "presenter" },
} as const;

/** The presenter's latest view of each demo; null until it showed one. */
export type MirrorReport = { [D in MirroredDemo]: ViewOf<D> | null };

export function emptyMirror(): MirrorReport {
  return { handshake: null, wire: null, pages: null };
}

/** The report once the presenter showed `view`: it replaces that demo's view, and only that one. */
export function withView(report: MirrorReport, view: MirrorView): MirrorReport {
  return { ...report, [view.demo]: view };
}

declare module "../../room/protocol.ts" {
  interface ClientMessages extends MessagesOf<typeof MIRROR_MESSAGES> {}
  interface FeatureReports {
    mirror: MirrorReport;
  }
}
