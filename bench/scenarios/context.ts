/** What every scenario gets: the room under test, its presenter and audience, and the process to watch. */
import type { Crowd, Member } from "../crowd.ts";

export interface Stage {
  /** ws://…/parties/main/<code> */
  roomUrl: string;
  crowd: Crowd;
  presenter: Member;
  /** The presenter key, for a scenario that opens a second presenter connection (a remote). */
  presenterKey: string;
  audience: Member[];
  /** The workerd process running the room (bench/room-process.ts). */
  workerd: number;
}
