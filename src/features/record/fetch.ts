/**
 * A room's record, fetched: its results export (presenter key in `Authorization`, never in the
 * URL) and its count of people now, turned into the talk's record. Shared by the presenter's
 * panel (a room API on this origin) and `npm run record` (a room on any host).
 */
import type { RoomResults } from "../export/results.ts";
import { RecordError, recordFromResults, type RecordOptions, type TalkRecord } from "./record.ts";

/** `roomUrl`: the room's address, `…/parties/main/<CODE>`. */
export async function fetchRecord(roomUrl: string, key: string, options: RecordOptions): Promise<TalkRecord> {
  const exported = await fetch(`${roomUrl}/export?format=json`, { headers: { authorization: `Bearer ${key}` }, cache: "no-store" });
  if (exported.status === 401) throw new RecordError("the presenter key is wrong for this room");
  if (exported.status === 404) throw new RecordError("no such room (it was never created, or its data was erased)");
  if (exported.status === 400) throw new RecordError("not a room code");
  if (!exported.ok) throw new RecordError(`the room's export answered HTTP ${exported.status}`);
  const results = (await exported.json()) as RoomResults;
  // The room's count now is one more sample of its audience; the export can't say it.
  const info = await fetch(roomUrl, { cache: "no-store" }).catch(() => null);
  const audienceNow = info?.ok ? ((await info.json()) as { state?: { audience?: unknown } }).state?.audience : undefined;
  return recordFromResults(results, typeof audienceNow === "number" ? { ...options, audienceNow } : options);
}
