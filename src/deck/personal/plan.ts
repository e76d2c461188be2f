/** Which room a browsing tab takes (pure, for the tests). */

export interface PersonalRoom {
  code: string;
  /** The presenter key: only the tab that created the room holds it. */
  key?: string;
}

export type RoomPlan = { join: PersonalRoom } | { create: true };

/**
 * A link with `?room=` always makes a guest, even in the browser that made the room (a tab opened
 * from it may inherit its session storage, key and all): one driver per room. Without an invite,
 * the room this tab had before a reload, or a new one.
 */
export function planPersonalRoom(invited: string | null, saved: PersonalRoom | null): RoomPlan {
  if (invited) return { join: { code: invited } };
  if (saved) return { join: saved };
  return { create: true };
}
