/**
 * A built site with a talk's record (records/*.json, the newest): the poll, quiz, word cloud and
 * questions slides show that talk's numbers under its date, outside a room, in both languages;
 * the reader shows them too, with the talk as given (audience, reactions per slide), with
 * JavaScript off as well. The record is read here, so the test follows whichever one is shipped.
 */
import { expect, test, type Page } from "@playwright/test";
import { talkDay } from "../../src/features/record/talks.ts";
import type { Locale } from "../../src/i18n/locales.ts";
import { latestRecord as latest, slideWith } from "./records.ts";

const heading = { "pt-br": "Na palestra de", en: "At the talk of" } satisfies Record<Locale, string>;
const base = { "pt-br": "/", en: "/en/" } satisfies Record<Locale, string>;

/** The recorded part of slide `n`: its first talk, labelled with the record's date. */
async function recordedOn(page: Page, n: number, locale: Locale) {
  const talk = page.locator(`#slide-${n} [data-recorded-talk="${latest!.date}"]`).first();
  await expect(talk).toBeVisible();
  await expect(talk).toContainText(`${heading[locale]} ${talkDay(latest!.date, locale)}`);
  return talk;
}

test.skip(!latest, "no record in records/");

for (const locale of ["pt-br", "en"] as const) {
  test.describe(`the record's numbers on the slides (${locale})`, () => {
    test("each poll: its counts by option, under the talk's date", async ({ page }) => {
      for (const poll of latest!.polls) {
        const n = slideWith(`id="${poll.id}"`);
        await page.goto(`${base[locale]}slides/${n}/`);
        const talk = await recordedOn(page, n, locale);
        await expect(talk.locator("[data-poll-count]")).toHaveText(poll.counts.map(String));
        await expect(talk).toContainText(`${latest!.audience.peak}`);
        if (locale === "pt-br") await page.screenshot({ path: `/tmp/fd/shots/record-slide-poll-${n}.png` });
      }
    });

    test("each quiz question: the answers per option, the right one marked", async ({ page }) => {
      for (const question of latest!.quiz.questions.filter((question) => question.answered > 0)) {
        const n = slideWith(`id="${question.id}"`);
        await page.goto(`${base[locale]}slides/${n}/`);
        const talk = await recordedOn(page, n, locale);
        await expect(talk.locator("[data-quiz-count]")).toHaveText(question.options.map((option) => String(option.answers)));
        const right = question.options.findIndex((option) => option.correct);
        await expect(talk.locator(`[data-quiz-option="${right}"]`)).toHaveAttribute("data-right", "true");
      }
    });

    test("the word cloud: its words drawn and listed with their counts", async ({ page }) => {
      for (const cloud of latest!.clouds.filter((cloud) => cloud.words.length > 0)) {
        const n = slideWith(`id="${cloud.id}"`);
        await page.goto(`${base[locale]}slides/${n}/`);
        const talk = await recordedOn(page, n, locale);
        const top = cloud.words[0]!;
        await expect(talk.locator("[data-cloud-still] text").first()).toHaveText(top.text);
        await expect(talk.locator("[data-cloud-list] li").first()).toContainText(top.text);
        await expect(talk.locator("[data-cloud-list] li")).toHaveCount(cloud.words.length);
        if (locale === "pt-br") await page.screenshot({ path: `/tmp/fd/shots/record-slide-cloud.png` });
      }
    });

    test("the questions answered, most voted first, with their votes", async ({ page }) => {
      test.skip(latest!.questions.length === 0, "no question answered");
      const n = slideWith("<Questions");
      await page.goto(`${base[locale]}slides/${n}/`);
      const talk = await recordedOn(page, n, locale);
      await expect(talk.locator("[data-question-text]")).toHaveText(latest!.questions.map((question) => question.text));
      await expect(talk.locator("[data-question-votes]")).toHaveText(latest!.questions.map((question) => String(question.votes)));
    });
  });
}

test.describe("the reader, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  for (const locale of ["pt-br", "en"] as const) {
    test(`the talk as given, and each slide's numbers (${locale})`, async ({ page }) => {
      await page.goto(`${base[locale]}reader/`);
      const given = page.locator(`[data-talk-as-given="${latest!.date}"]`);
      await expect(given).toContainText(`${heading[locale]} ${talkDay(latest!.date, locale)}`);
      await expect(given).toContainText(String(latest!.audience.peak));
      await expect(given).toContainText(String(latest!.reactions.total));
      // A poll's numbers in its reader slide, the same as on the slide.
      const poll = latest!.polls[0];
      if (poll) {
        const slide = page.locator(`[data-reader-slide="${slideWith(`id="${poll.id}"`)}"]`);
        await expect(slide.locator(`[data-recorded-talk="${latest!.date}"] [data-poll-count]`)).toHaveText(poll.counts.map(String));
      }
      // Reactions under the slides that got them.
      for (const { slide, total } of latest!.reactions.slides.slice(0, 3)) {
        const line = page.locator(`[data-slide-reactions="${slide}"]`);
        await expect(line).toBeVisible();
        const shown = (await line.locator(".slide-reactions__counts").textContent())!.match(/\d+/g)!.map(Number);
        expect(shown.reduce((a, b) => a + b, 0)).toBe(total);
      }
      if (locale === "pt-br") await given.screenshot({ path: "/tmp/fd/shots/record-reader-given.png" });
    });
  }
});
