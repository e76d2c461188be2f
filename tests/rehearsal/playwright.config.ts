/**
 * `npm run rehearse`: the whole talk given once in Playwright (tests/rehearsal/talk.spec.ts), which
 * writes the talk's record into records/. Not part of `npm test`: it writes a file meant to be
 * committed. The main config's Chromium and its two servers (the built site, and `partykit dev`
 * serving it with the rooms), on ports of their own by default so a rehearsal never talks to
 * another checkout's e2e servers. Build first: `npm run build:e2e` (the npm script does).
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";

// Read by the main config (and by tests/e2e/live.ts in the worker) when it loads: set them first.
process.env.E2E_PORT ??= "4337";
process.env.E2E_ROOM_PORT ??= "4340";
const { default: base } = await import("../../playwright.config.ts");

/** The project's root: the servers run there, whatever directory Playwright was started from. */
const root = fileURLToPath(new URL("../..", import.meta.url));
const servers = Array.isArray(base.webServer) ? base.webServer : base.webServer ? [base.webServer] : [];

export default defineConfig({
  ...base,
  testDir: ".",
  outputDir: `${root}test-results/rehearsal`,
  fullyParallel: false,
  workers: 1,
  retries: 0, // a second run would write a second talk into the same room's record
  // One talk: a presenter, a projector and five phones, every slide, a 30 s race and three quizzes.
  timeout: 10 * 60_000,
  reporter: "list",
  expect: { timeout: 10_000 }, // seven pages on two cores that other work may share
  use: { ...base.use, trace: "off" },
  webServer: servers.map((server) => ({ ...server, cwd: root })),
});
