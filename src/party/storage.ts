/** The features' storage (src/room/feature.ts) on a Durable Object's. */
import type * as Party from "partykit/server";
import type { FeatureStorage } from "../room/feature.ts";

/** Durable Object storage deletes at most this many keys per call. */
const DELETE_BATCH = 128;

export function featureStorage(storage: Party.Storage): FeatureStorage {
  return {
    get: (key) => storage.get(key),
    put: (entries) => storage.put({ ...entries }),
    list: (prefix) => storage.list({ prefix }),
    async delete(keys) {
      for (let i = 0; i < keys.length; i += DELETE_BATCH) await storage.delete(keys.slice(i, i + DELETE_BATCH));
    },
  };
}
