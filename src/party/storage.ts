/** The features' storage (src/room/feature.ts) on a Durable Object's. */
import type * as Party from "partykit/server";
import type { FeatureStorage } from "../room/feature.ts";

/** Durable Object storage deletes at most this many keys per call. */
const DELETE_BATCH = 128;

/** `live`: false once the room was erased, when whatever a feature still writes is dropped. */
export function featureStorage(storage: Party.Storage, live: () => boolean): FeatureStorage {
  return {
    get: (key) => storage.get(key),
    put: async (entries) => (live() ? await storage.put({ ...entries }) : undefined),
    list: (prefix) => storage.list({ prefix }),
    async delete(keys) {
      if (!live()) return;
      for (let i = 0; i < keys.length; i += DELETE_BATCH) await storage.delete(keys.slice(i, i + DELETE_BATCH));
    },
  };
}
