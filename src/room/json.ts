/** JSON off the wire, in either direction. */

/** Keys that could reach an object's prototype if some later code merged the object naively. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/**
 * JSON.parse that also reports own keys named `__proto__`/`constructor`/`prototype` at any depth
 * (the reviver sees every key). Never throws.
 */
export function parseJson(text: string): { ok: true; value: unknown; poisoned: boolean } | { ok: false } {
  let poisoned = false;
  try {
    const value: unknown = JSON.parse(text, (key, val: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) poisoned = true;
      return val;
    });
    return { ok: true, value, poisoned };
  } catch {
    return { ok: false };
  }
}
