/**
 * The talk's record on the live demos' slides (issue 18): on the static site (no room), each demo
 * slide shows the newest talk's numbers with its date, drawn with the demo's own board, in both
 * languages; the reader does too, with JavaScript off. The numbers are read from records/ at test
 * time, so the test follows whatever record the project ships; a demo the record lacks is skipped.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import type { TalkRecord } from "../../src/features/record/schema.ts";
import { recordStrings } from "../../src/features/record/strings.ts";
import { talkDay } from "../../src/features/record/talks.ts";
import { formatBytes } from "../../src/features/measure/format.ts";
import { formatMs } from "../../src/features/rtt/format.ts";
import { perLoad } from "../../src/features/pages/pageTally.ts";
import type { Locale } from "../../src/i18n/locales.ts";
import { records } from "./records.ts";

type Demos = TalkRecord["demos"];
type Check<K extends keyof Demos> = (board: Locator, data: NonNullable<Demos[K]>, locale: Locale) => Promise<void>;

/** Each demo: its island (by component), and what its board must show of the record's part. */
const demos: { [K in keyof Demos]-?: { island: string; check: Check<K> } } = {
  browsers: {
    island: "BrowserTally",
    check: async (board, tally) => {
      await expect(board.locator("[data-tally-websocket]")).toHaveText(String(tally.websocket));
      await expect(board.locator("[data-tally-total]")).toHaveText(String(tally.total));
      await expect(board.locator(".tally__row")).toHaveCount(tally.browsers.length);
    },
  },
  requests: {
    island: "RequestResponse",
    check: async (board, totals, locale) => {
      await expect(board.locator(".requests__count")).toHaveText(String(totals.count));
      await expect(board.locator(".requests__up")).toHaveText(formatBytes(totals.requestBytes, locale));
      await expect(board.locator(".requests__down")).toHaveText(formatBytes(totals.responseBytes, locale));
    },
  },
  pages: {
    island: "PageVsAjax",
    check: async (board, pages) => {
      for (const route of ["page", "data"] as const) {
        const load = perLoad(pages[route]);
        const measure = board.locator(`.pages__side--${route} .pages__measure`);
        if (load) {
          await expect(measure).toHaveAttribute("data-response-bytes", String(Math.round(load.response)));
          await expect(measure).toHaveAttribute("data-loads", String(pages[route].loads));
        } else await expect(measure).toHaveText("—");
      }
    },
  },
  delivery: {
    island: "DeliveryRace",
    check: async (board, race, locale) => {
      for (const lane of ["poll", "longpoll", "ws"] as const) {
        const perEvent = race.lanes[lane].bytesPerEvent;
        await expect(board.locator(`td[data-lane="${lane}"][data-cell="per-event"]`)).toHaveText(perEvent === null ? "—" : formatBytes(perEvent, locale));
      }
      // A record has no phones watching now: no such row.
      await expect(board.locator('[data-cell="phones"]')).toHaveCount(0);
    },
  },
  rtt: {
    island: "DuplexPing",
    check: async (board, rtt, locale) => {
      await expect(board.locator('[data-stat="p50"]')).toHaveText(`${formatMs(rtt.p50, locale)} ms`);
      await expect(board.locator('[data-stat="count"]')).toHaveText(String(rtt.count));
      await expect(board.locator(".histogram__count")).toHaveText(rtt.buckets.map((bucket) => String(bucket.count)));
    },
  },
  notify: {
    island: "PushNotify",
    check: async (board, notifications) => {
      const latest = notifications.at(-1)!;
      await expect(board.locator("[data-push-delivered]")).toHaveText(`${latest.acked}/${latest.audience}`);
    },
  },
};

/** The newest talk with this demo's part (the one a slide shows first), or null. */
function latestWith<K extends keyof Demos>(demo: K): { record: TalkRecord; data: NonNullable<Demos[K]> } | null {
  for (const record of records) {
    const data = record.demos[demo];
    if (data !== undefined) return { record, data: data as NonNullable<Demos[K]> };
  }
  return null;
}

/** The talk's own group (the latest talk's; earlier ones are closed in a disclosure), named by its date. */
function talkRegion(scope: Locator, record: TalkRecord, locale: Locale): Locator {
  return scope.getByRole("group", { name: recordStrings[locale].atTalk(talkDay(record.date, locale)), exact: true }).first();
}

async function expectDemo<K extends keyof Demos>(scope: Locator, demo: K, locale: Locale): Promise<void> {
  const found = latestWith(demo)!;
  const region = talkRegion(scope, found.record, locale);
  await expect(region).toBeVisible();
  await expect(region.locator("time")).toHaveAttribute("datetime", found.record.date);
  await expect(region).toContainText(recordStrings[locale].people(found.record.audience.peak, found.record.locale === locale ? null : found.record.locale));
  // TypeScript can't follow `demo` through the mapped type: the check is this demo's own.
  const check = demos[demo].check as Check<K>;
  await check(region, found.data, locale);
}

const locales = [
  { locale: "pt-br", base: "/" },
  { locale: "en", base: "/en/" },
] as const;

const present = (Object.keys(demos) as (keyof Demos)[]).filter((demo) => latestWith(demo) !== null);

test.skip(present.length === 0, "no record in records/ has a live demo's numbers");

async function slideOf(page: Page, base: string, island: string): Promise<number> {
  await page.goto(`${base}slides/1/`);
  const index = await page.locator(`[data-slide-index]:has(astro-island[component-url*="/${island}."])`).first().getAttribute("data-slide-index");
  return Number(index) + 1;
}

for (const { locale, base } of locales) {
  for (const demo of present) {
    test(`${locale}: the ${demo} demo's slide shows the newest talk's numbers, dated, outside a room`, async ({ page }) => {
      const n = await slideOf(page, base, demos[demo].island);
      await page.goto(`${base}slides/${n}/`);
      const slide = page.locator(`#slide-${n}`);
      // Outside a room the slide still explains the demo, and labels nothing "now".
      await expect(slide.locator(".demo-offline")).toBeVisible();
      await expect(slide.locator("[data-now]")).toHaveCount(0);
      await expectDemo(slide, demo, locale);
    });
  }
}

test.describe("the reader, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  for (const { locale, base } of locales) {
    test(`${locale}: every demo the record has shows its numbers with the talk's date`, async ({ page }) => {
      await page.goto(`${base}reader/`);
      for (const demo of present) {
        const article = page.locator(`[data-reader-slide]:has(astro-island[component-url*="/${demos[demo].island}."])`);
        await expect(article).toHaveCount(1);
        await expectDemo(article, demo, locale);
      }
    });
  }
});
