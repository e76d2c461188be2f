/**
 * JSON Merge Patch (RFC 7396): how a report that is mostly the same from one send to the next
 * travels as its changes. A patch is an object holding only what changed: a member set to a
 * value replaces it (objects merge member by member, so a list kept as an object keyed by id
 * takes single entries), a member set to `null` is removed. A report sent as patches must hold
 * no `null` of its own: null means "removed".
 *
 * The server diffs the report it sent last against the one it would send now; the browser
 * applies each patch to the report it holds, and has the whole report again.
 */

/** What `patch` may carry for a value of type T. Arrays and scalars are replaced whole. */
export type MergePatch<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: MergePatch<T[K]> | null } : T;

type Members = Record<string, unknown>;

function isMembers(value: unknown): value is Members {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Never merged: a key that could reach an object's prototype (see src/room/json.ts). */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

function merge(target: unknown, patch: unknown): unknown {
  if (!isMembers(patch)) return patch;
  const result: Members = isMembers(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (FORBIDDEN_KEYS.has(key)) continue;
    if (value === null) delete result[key];
    else result[key] = merge(result[key], value);
  }
  return result;
}

/** `target` with `patch` applied (RFC 7396, section 2). Neither argument is changed. */
export function applyPatch<T>(target: T, patch: MergePatch<T>): T {
  // The one unchecked step: a patch made by diffPatch from two T's gives a T back.
  return merge(target, patch) as T;
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((value, index) => sameJson(value, b[index]));
  if (!isMembers(a) || !isMembers(b)) return false;
  const keys = Object.keys(a).filter((key) => a[key] !== undefined);
  return keys.length === Object.keys(b).filter((key) => b[key] !== undefined).length && keys.every((key) => sameJson(a[key], b[key]));
}

function diff(before: unknown, after: unknown): unknown {
  if (!isMembers(before) || !isMembers(after)) return sameJson(before, after) ? undefined : after;
  const patch: Members = {};
  let changed = false;
  for (const key of Object.keys(before)) {
    if (before[key] !== undefined && after[key] === undefined) {
      patch[key] = null;
      changed = true;
    }
  }
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue;
    const change = before[key] === undefined ? value : diff(before[key], value);
    if (change !== undefined) {
      patch[key] = change;
      changed = true;
    }
  }
  return changed ? patch : undefined;
}

/**
 * The patch that turns `before` into `after`, or null when they are the same. Both are JSON
 * values (undefined members count as absent, as JSON.stringify drops them) with no null in them.
 */
export function diffPatch<T>(before: T, after: T): MergePatch<T> | null {
  const patch = diff(before, after);
  // diff() builds a patch of T's own shape: members of T, each a patch or null.
  return patch === undefined ? null : (patch as MergePatch<T>);
}
