/**
 * The project's shape, checked: one way imports between src/ folders (pages → deck → features →
 * live → room), a core that knows no feature and no PartyKit, and every feature's messages in the
 * room's one table.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { MESSAGES } from "../../src/features/index.ts";

const SRC = join(import.meta.dirname, "../../src");
/** Static imports and re-exports (type-only too: they tie folders as much), and dynamic imports. */
const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,]+?\s+from\s+)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|astro)$/.test(entry.name) ? [path] : [];
  });
}

/** Every import of every source file: [importing file, imported specifier or resolved path]. */
const imports = sourceFiles(SRC).flatMap((file) =>
  Array.from(readFileSync(file, "utf8").matchAll(IMPORT), ([, from, dynamic]) => {
    const spec = (from ?? dynamic)!;
    return [relative(SRC, file), spec.startsWith(".") ? relative(SRC, normalize(join(dirname(file), spec))) : spec] as const;
  }),
);
const folderOf = (path: string) => (path.includes("/") ? path.split("/")[0]! : null);

test("no two folders of src/ import each other, directly or through others", () => {
  const edges = new Map<string, Set<string>>();
  for (const [from, to] of imports) {
    const [a, b] = [folderOf(from), folderOf(to)];
    if (a && b && a !== b && !to.startsWith("..")) (edges.get(a) ?? edges.set(a, new Set()).get(a)!).add(b);
  }
  const reaches = (from: string, target: string, seen = new Set<string>()): boolean =>
    [...(edges.get(from) ?? [])].some((next) => next === target || (!seen.has(next) && (seen.add(next), reaches(next, target, seen))));
  const cycles = [...edges.keys()].filter((folder) => reaches(folder, folder));
  assert.deepEqual(cycles, [], `folders in an import cycle: ${cycles.join(", ")}`);
});

test("the room's core imports nothing but itself and valibot", () => {
  const outside = imports.filter(([from, to]) => from.startsWith("room/") && !to.startsWith("room/") && to !== "valibot");
  assert.deepEqual(outside, []);
});

test("every message a feature declares is in the room's one table", () => {
  const features = readdirSync(join(SRC, "features"), { withFileTypes: true }).filter((entry) => entry.isDirectory());
  for (const { name } of features) {
    const path = join(SRC, "features", name, "protocol.ts");
    const source = (() => {
      try {
        return readFileSync(path, "utf8");
      } catch {
        return "";
      }
    })();
    for (const [, type] of source.matchAll(/^ {2}(\w+): \{ schema: message\("(\w+)"/gm)) {
      assert.ok(Object.hasOwn(MESSAGES, type!), `${name}/protocol.ts declares "${type}", which the room's table lacks (register the feature in src/features/index.ts)`);
    }
  }
});
