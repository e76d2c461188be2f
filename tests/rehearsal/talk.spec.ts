/**
 * The talk, given once, in Portuguese, by a presenter (1440×900) with the projector's window
 * (1920×1080) and five phones: every slide from the first to the last, by the arrow keys, and on
 * each live slide the room does what an audience does (room.ts). It ends with "Encerrar e guardar"
 * and keeps the downloaded record in records/: the record the project ships was made this way.
 * Run with `npm run rehearse` (not part of `npm test`: it writes a file meant to be committed).
 */
import { mkdir, readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { parseRecord } from "../../src/features/record/record.ts";
import { deckShape } from "../e2e/deck.ts";
import { expectOnSlide, origin } from "../e2e/live.ts";
import { ACTS, NICKNAME, QUIZZES, SHOTS, askFromBar, followed, openRoom, react, shoot, type Room } from "./room.ts";

const RECORDS = new URL("../../records/", import.meta.url);

test.use({ baseURL: origin, viewport: { width: 1440, height: 900 } });

/** Reactions the phones send on the way, by slide title: [phone, name, emoji, taps]. */
const REACTIONS: Record<string, [number, string, string, number][]> = {
  WebSockets: [[0, "aplausos", "👏", 3], [2, "coração", "❤️", 1]],
  "Pergunta para a sala": [[1, "risada", "😂", 2], [4, "aplausos", "👏", 1]],
  "Polling × long polling × WebSocket": [[3, "cabeça explodindo", "🤯", 2], [0, "fogo", "🔥", 1]],
  "Sensores ao vivo": [[2, "cabeça explodindo", "🤯", 1]],
  "WebSocket em Python": [[1, "cobra (Python)", "🐍", 4], [3, "cobra (Python)", "🐍", 1]],
  "Full-duplex ao vivo": [[4, "fogo", "🔥", 2]],
  "Obrigado!": [[0, "aplausos", "👏", 2], [1, "aplausos", "👏", 2], [2, "aplausos", "👏", 1], [3, "coração", "❤️", 1], [4, "aplausos", "👏", 2]],
};

test("the talk, given to a room of five phones, ends with its record in records/", async ({ page: presenter, browser }) => {
  const started = Date.now();
  await mkdir(SHOTS, { recursive: true });
  const room = await openRoom(presenter, browser);
  await presenter.locator("[data-timer='start']").click(); // the speaker's clock
  const { stepCounts, titles } = await deckShape(presenter);
  expect(titles.filter((title) => ACTS[title]), "every act has its slide").toHaveLength(Object.keys(ACTS).length);

  for (const [index, title] of titles.entries()) {
    const slide = index + 1;
    await expectOnSlide(presenter, title);
    const act = ACTS[title];
    if (act) {
      await followed(room, title);
      await act(room, title);
      await shoot(room, slide, title);
      console.log(`${slide} ${title}: done at ${Math.round((Date.now() - started) / 1000)} s`);
    }
    if (REACTIONS[title]) await react(room, REACTIONS[title]);
    if (title === "Full-duplex ao vivo") await askFromBar(room); // a question can come on any slide
    // The steps, one key each, then the next slide.
    for (let step = 1; step <= stepCounts[index]!; step++) {
      await presenter.keyboard.press("ArrowRight");
      await presenter.waitForFunction(revealed, { slide, step });
    }
    if (slide < titles.length) await presenter.keyboard.press("ArrowRight");
  }
  await followed(room, titles.at(-1)!);
  await shoot(room, titles.length, titles.at(-1)!);

  // The end: the presenter keeps the talk.
  const [download] = await Promise.all([presenter.waitForEvent("download"), presenter.getByRole("button", { name: "Encerrar e guardar" }).click()]);
  const name = download.suggestedFilename();
  expect(name).toMatch(/^\d{4}-\d\d-\d\d-pt-br\.json$/);
  const file = new URL(name, RECORDS);
  await download.saveAs(file.pathname);
  await expect(presenter.locator('[data-panel="export-status"]')).toContainText(`${name} baixado`);
  await presenter.locator(".presenter__export").screenshot({ path: `${SHOTS}/99-encerrar-e-guardar-presenter.png` });
  const text = await readFile(file, "utf8");
  console.log(`record: records/${name}; the talk took ${Math.round((Date.now() - started) / 1000)} s`);
  checkRecord(text, room);
  for (const { context } of room.phones) await context.close();
  await room.screen.context().close();
});

/** In the page: the deck shows slide `slide` (1-based) alone, with `step` of its step marks revealed (deck.ts's visible(), in one look). */
function revealed({ slide, step }: { slide: number; step: number }): boolean {
  const shown = [...document.querySelectorAll<HTMLElement>("[data-slide-index]")].filter((s) => !s.hidden);
  if (shown.length !== 1 || Number(shown[0]!.dataset.slideIndex) + 1 !== slide) return false;
  return new Set([...shown[0]!.querySelectorAll<HTMLElement>("[data-step][data-shown]")].map((el) => el.dataset.step)).size === step;
}

/** The record parses and holds every part the talk exercised, and nothing that identifies anyone. */
function checkRecord(text: string, room: Room): void {
  const record = parseRecord(text);
  const people = room.phones.length;
  expect(record.locale).toBe("pt-br");
  expect(record.audience.peak).toBeGreaterThanOrEqual(people);
  expect(record.polls).toEqual([expect.objectContaining({ id: "ja-usou-websocket", counts: room.expected.poll, total: people })]);

  expect(record.quiz.questions.map((question) => question.answered)).toEqual(Object.keys(QUIZZES).map(() => people));
  expect(record.quiz.questions.map((question) => question.options.map((option) => option.answers))).toEqual(room.expected.quiz);
  expect(record.quiz.questions.map((question) => question.options.findIndex((option) => option.correct))).toEqual(Object.values(QUIZZES).map((quiz) => quiz.right));
  expect(record.quiz.leaderboard).toHaveLength(people);

  expect(record.clouds).toHaveLength(1);
  const words = record.clouds[0]!.words;
  expect(words).toContainEqual(expect.objectContaining({ count: 3 })); // "Chat", three times
  expect(words.map((word) => word.text)).not.toContain(room.expected.hiddenWord);

  expect(record.questions.map((question) => question.text).sort()).toEqual([...room.expected.answered].sort());
  for (const unanswered of room.expected.unanswered) expect(text).not.toContain(unanswered);

  expect(record.reactions.total).toBe(Object.values(room.reactions).reduce((sum, n) => sum + n, 0));
  for (const [emoji, total] of Object.entries(room.reactions)) expect(record.reactions.totals[emoji as keyof typeof record.reactions.totals]).toBe(total);

  const { demos } = record;
  expect(demos.browsers?.total).toBe(people);
  expect(demos.requests?.count).toBeGreaterThan(people);
  expect(demos.requests?.refused).toBeGreaterThanOrEqual(1);
  expect(demos.pages?.page.loads).toBeGreaterThan(0);
  expect(demos.pages?.data.loads).toBeGreaterThan(0);
  for (const lane of ["poll", "longpoll", "ws"] as const) expect(demos.delivery?.lanes[lane].delivered, lane).toBeGreaterThan(0);
  expect(demos.rtt?.phones).toBe(people);
  expect(demos.notify?.map((n) => [n.kind, n.acked])).toEqual([["email", people], ["like", people]]);

  expect(text).not.toContain(NICKNAME);
  expect(text).not.toMatch(/\bAna\b/);
  expect(text).not.toContain(room.code);
}
