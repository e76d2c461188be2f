import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 4327);
/** The room server (partykit dev) serving the same build, for the live-room tests. */
export const ROOM_PORT = Number(process.env.E2E_ROOM_PORT ?? 4330);

/**
 * The browser: an explicit path, else Debian's Chromium (CI and these machines), else the one
 * `npx playwright install chromium` put in Playwright's cache (a laptop).
 */
function chromiumPath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  return ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) => existsSync(path));
}

const executablePath = chromiumPath();

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // A live test drives a presenter and two or three phones in one Chromium, on two cores.
  timeout: 60_000,
  workers: 2,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "on-first-retry", // tracing snapshots a 29-slide DOM per action: too slow to keep always on
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1920, height: 1080 } },
    },
  ],
  // The built site (run `npm run build` first; `npm test` does), served twice: as a static host
  // would, and by the real room server, the way `npm start` serves a talk.
  webServer: [
    {
      command: `astro preview --host 127.0.0.1 --port ${PORT}`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // Every test makes rooms from loopback, one address: past the default budget (ROOMS_BURST).
      // Halls open at once and hold two phones (HALLS_FROM, HALL_SIZE): a test's first phone stays on
      // the talk, the others go to halls, so every live test also proves a phone in a hall sees and
      // does everything a phone on the talk does (src/room/halls.ts).
      command: `partykit dev --port ${ROOM_PORT} --disable-request-cf-fetch --no-hotkeys --persist .partykit/e2e --var ROOMS_BURST=100000 --var HALLS_FROM=1 --var HALL_SIZE=2`,
      url: `http://127.0.0.1:${ROOM_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 90_000,
    },
  ],
});
