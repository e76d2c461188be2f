/**
 * Attendance: the room's count of people, per minute, kept for the talk's record (log.ts). It
 * hears every change of the room's presence (already coalesced by the room), writes only when a
 * minute's peak rises or a new minute begins, and is not reset by the presenter's "start again"
 * of a demo: who came is the talk's, not a demo's.
 */
import { defineFeature } from "../../room/feature.ts";
import { AttendanceLog, restoreAttendance } from "./log.ts";

const ATTENDANCE_KEY = "attendance";

export const attendance = defineFeature("attendance", {}, (host) => {
  let log = new AttendanceLog();
  return {
    async load() {
      log = new AttendanceLog(restoreAttendance(await host.storage.get(ATTENDANCE_KEY)));
    },
    presence(audience) {
      if (!log.count(audience, host.now())) return;
      host.storage.put({ [ATTENDANCE_KEY]: log.stored() }).catch((error: unknown) => console.error("attendance: put", error));
    },
    export: () => log.export(),
  };
});
