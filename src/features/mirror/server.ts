/**
 * The mirror's server: the presenter's latest view of each of its demos, in memory (a live view,
 * not the talk's record), reported to presenters and screens like any report: whole on join,
 * then at most every 250 ms. Phones get nothing: their demos are their own.
 */
import { defineFeature } from "../../room/feature.ts";
import { emptyMirror, MIRROR_MESSAGES, withView } from "./protocol.ts";

export const mirror = defineFeature("mirror", MIRROR_MESSAGES, (host) => {
  let shown = emptyMirror();
  return {
    message({ view }) {
      shown = withView(shown, view);
      host.changed();
    },
    reset() {
      shown = emptyMirror();
    },
    report: () => shown,
  };
});
