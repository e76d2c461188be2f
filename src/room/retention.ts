/**
 * How long a room keeps what it stored (its keys, state, questions, ballots, reactions) once
 * nobody uses it: 30 days after its last change with nobody connected, it erases all of it. The
 * presenter can erase it at once ("Apagar os dados da sala": DELETE with the key). Long enough to
 * download the results after a talk; short enough that a room's questions don't live forever.
 */
export const ROOM_IDLE_MS = 30 * 24 * 3_600_000;

/** When a room last changed at `activeAt` may be erased, if nobody is connected then. */
export const erasableAt = (activeAt: number, idleMs = ROOM_IDLE_MS): number => activeAt + idleMs;
