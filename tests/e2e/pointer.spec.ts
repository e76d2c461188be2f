/**
 * The presenter's laser and pen on every screen: the presenter points (hold L, or the laser button)
 * and draws (D or the pen button; C or the button clears) on the frame slide; the projector window
 * and each phone show the dot and the line at the same place of the slide, a phone over a picture
 * of the slide as the projector shows it; a reloaded phone still sees the line; keys in Help.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { settled } from "./deck.ts";
import { expectOnSlide, goToSlide, joined, origin, phone, pixel7, present, projector, type Device } from "./live.ts";

test.use({ baseURL: origin });
test.describe.configure({ timeout: 150_000 });

const SHOTS = "/tmp/fd/shots";
const small: Device = { ...pixel7, viewport: { width: 360, height: 640 } };

const current = (page: Page) => page.locator("[data-slide-index]:not([hidden]):not([inert])");
/** The 16:9 box the ink is drawn over: the slide itself, or on a phone the picture of it. */
const slideBox = (page: Page, onPhone = false) => (onPhone ? page.locator('[data-ink="picture"] .slide__inner') : current(page).locator(".slide__inner"));

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  expect(found, `${locator.toString()} has a box`).not.toBeNull();
  return found!;
}

/** Where the dot's centre is, in 0..1 of the slide box it is drawn over. */
async function dotAt(page: Page, onPhone = false): Promise<{ x: number; y: number }> {
  const dot = await box(page.locator('[data-ink="dot"]:visible'));
  const slide = await box(slideBox(page, onPhone));
  return { x: (dot.x + dot.width / 2 - slide.x) / slide.width, y: (dot.y + dot.height / 2 - slide.y) / slide.height };
}

async function expectDotAt(page: Page, x: number, y: number, onPhone = false): Promise<void> {
  await expect(page.locator('[data-ink="dot"]:visible')).toHaveCount(1);
  await expect.poll(async () => {
    const at = await dotAt(page, onPhone);
    return Math.abs(at.x - x) < 0.02 && Math.abs(at.y - y) < 0.02 ? "there" : JSON.stringify(at);
  }, { message: `the dot at ${x}, ${y}` }).toBe("there");
}

/** Moves the presenter's mouse to (x, y) of its slide box, in a few steps (as a hand does). */
async function mouseTo(page: Page, x: number, y: number): Promise<void> {
  const slide = await box(slideBox(page));
  await page.mouse.move(slide.x + slide.width * x, slide.y + slide.height * y, { steps: 4 });
}

async function expectAccessible(page: Page, what: string, include: string[]): Promise<void> {
  const axe = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]);
  for (const selector of include) axe.include(selector);
  const { violations } = await axe.analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(" ")).join(", ")}`), `axe on ${what}`).toEqual([]);
}

test("laser and pen on the frame slide: the projector and two phones show them in the same place; a reload keeps the line; C clears it", async ({ page, browser }) => {
  const code = await present(page);
  const screen = await projector(browser, page);
  const first = await joined(browser, pixel7, code);
  const second = await joined(browser, small, code);
  await goToSlide(page, "O frame");
  for (const follower of [screen, first.page, second.page]) await expectOnSlide(follower, "O frame");
  // The header's fields, revealed step by step: show them all.
  for (let i = 0; i < 8; i++) await page.keyboard.press("ArrowRight");
  await settled(page);
  await expect(current(page).locator(".frame [data-step]").last()).toHaveAttribute("data-shown", "");

  // Hold L: the mouse is a red dot on the presenter's stage, the projector and every phone.
  await mouseTo(page, 0.25, 0.4);
  await page.keyboard.down("l");
  await mouseTo(page, 0.25, 0.4);
  await expect(page.locator('[data-ink-tool="laser"]')).toHaveAttribute("aria-pressed", "true");
  await expectDotAt(page, 0.25, 0.4);
  await expectDotAt(screen, 0.25, 0.4);
  await expectDotAt(first.page, 0.25, 0.4, true);
  await expectDotAt(second.page, 0.25, 0.4, true);
  // The phone's picture is the slide as the projector shows it: 16:9, as wide as the phone's column.
  for (const follower of [first.page, second.page]) {
    const picture = await box(slideBox(follower, true));
    const column = await box(current(follower).locator(".slide__inner"));
    expect(Math.abs(picture.width / picture.height - 16 / 9), "the picture is 16:9").toBeLessThan(0.02);
    expect(Math.abs(picture.width - column.width), "as wide as the column").toBeLessThan(2);
  }
  await mouseTo(page, 0.7, 0.3);
  await expectDotAt(screen, 0.7, 0.3);
  await expectDotAt(second.page, 0.7, 0.3, true);
  await page.keyboard.up("l");
  for (const follower of [screen, first.page, second.page]) await expect(follower.locator('[data-ink="dot"]:visible')).toHaveCount(0);
  await expect(second.page.locator('[data-ink="picture"]')).toBeHidden(); // no ink: the phone's own column only

  // D: the pen. A line under the header's first bits; arrows still move the deck while it is on.
  await page.keyboard.press("d");
  await expect(page.locator('[data-ink-tool="pen"]')).toHaveAttribute("aria-pressed", "true");
  await mouseTo(page, 0.15, 0.62);
  await page.mouse.down();
  for (const [x, y] of [[0.2, 0.64], [0.3, 0.65], [0.4, 0.64], [0.45, 0.6]] as const) await mouseTo(page, x, y);
  await page.mouse.up();
  await expectOnSlide(page, "O frame"); // the stroke didn't move the deck
  for (const [follower, onPhone] of [[page, false], [screen, false], [first.page, true], [second.page, true]] as const) {
    const layer = onPhone ? follower.locator('[data-ink="picture"] [data-ink="layer"]') : current(follower).locator('[data-ink="layer"]');
    await expect(layer).toHaveAttribute("data-strokes", "1");
  }
  // The line is where it was drawn: its box on the phone matches the projector's, in slide space.
  const lineIn = async (follower: Page, onPhone: boolean) => {
    // The stroke count is set as the line is drawn; a phone shows its picture a moment later.
    await expect(follower.locator(".ink-layer__line").first()).toBeVisible();
    const line = await box(follower.locator(".ink-layer__line").first());
    const slide = await box(slideBox(follower, onPhone));
    return [(line.x - slide.x) / slide.width, (line.y - slide.y) / slide.height, line.width / slide.width].map((n) => Math.round(n * 50) / 50);
  };
  expect(await lineIn(second.page, true)).toEqual(await lineIn(screen, false));

  // The pictures: the laser at the FIN bit, and the line.
  await page.keyboard.press("d");
  const fin = await box(current(page).locator(".frame__field--fin").first());
  await page.mouse.move(fin.x + fin.width / 2, fin.y + fin.height / 2, { steps: 3 });
  await page.keyboard.down("l");
  await page.mouse.move(fin.x + fin.width / 2 + 1, fin.y + fin.height / 2, { steps: 2 });
  await expect(screen.locator('[data-ink="dot"]:visible')).toHaveCount(1);
  await expect(second.page.locator('[data-ink="dot"]:visible')).toHaveCount(1);
  await settled(screen);
  await screen.waitForTimeout(200);
  await screen.screenshot({ path: `${SHOTS}/pointer-projector.png` });
  await second.page.screenshot({ path: `${SHOTS}/pointer-phone-360.png` });
  await page.screenshot({ path: `${SHOTS}/pointer-presenter.png` });
  await expectAccessible(second.page, "the phone with ink", ["[data-ink]", ".deck__bar"]);
  await expectAccessible(screen, "the projector with ink", ["[data-ink]"]);
  await expectAccessible(page, "the presenter's tools", [".ink-tools", "[data-ink]"]);
  await page.keyboard.up("l");

  // A phone that reloads gets the line back from the room.
  await second.page.reload();
  await expect(second.page.locator("[data-room-status]")).toHaveText("Ao vivo");
  await expectOnSlide(second.page, "O frame");
  await expect(second.page.locator('[data-ink="picture"] [data-ink="layer"]')).toHaveAttribute("data-strokes", "1");

  // C clears the slide for everyone.
  await page.keyboard.press("c");
  await expect(current(page).locator('[data-ink="layer"]')).toHaveAttribute("data-strokes", "0");
  await expect(current(screen).locator('[data-ink="layer"]')).toHaveAttribute("data-strokes", "0");
  for (const follower of [first.page, second.page]) await expect(follower.locator('[data-ink="picture"]')).toBeHidden();

  // The keys are in Help.
  await page.keyboard.press("?");
  const help = page.locator("dialog[data-help]");
  await expect(help).toBeVisible();
  for (const [key, action] of [["L", "Segure para apontar com o laser"], ["D", "Caneta"], ["C", "Apagar os desenhos deste slide"]] as const) {
    await expect(help.locator(".help__row").filter({ has: page.locator("kbd", { hasText: new RegExp(`^${key}$`) }) })).toContainText(action);
  }
  await page.keyboard.press("Escape");
});

test("in English, the laser and pen buttons work by keyboard, and a phone sees the dot in place", async ({ page, browser }) => {
  await page.goto("/en/present/");
  await expect(page.locator("[data-room-status]")).toHaveText(/Live/);
  const code = (await page.locator('[data-panel="code"]').textContent())!;
  const follower = await phone(browser, small);
  await follower.page.goto(`/en/join/?room=${code}`);
  await expect(follower.page.locator("[data-room-status]")).toHaveText("Live");
  await goToSlide(page, "The frame");
  await expectOnSlide(follower.page, "The frame");

  const laser = page.getByRole("button", { name: "Laser (hold L)" });
  const pen = page.getByRole("button", { name: "Pen (D)" });
  const clear = page.getByRole("button", { name: "Clear this slide's drawings (C)" });
  await expect(page.getByRole("group", { name: "Point and draw on the slide" })).toBeVisible();
  await laser.focus();
  await page.keyboard.press("Enter");
  await expect(laser).toHaveAttribute("aria-pressed", "true");
  await mouseTo(page, 0.6, 0.5);
  await expectDotAt(follower.page, 0.6, 0.5, true);
  // Reduced motion: the dot jumps from one position to the next, it never glides (no trail either).
  const glide = () => follower.page.locator('[data-ink="dot"]:visible').evaluate((dot) => getComputedStyle(dot).transitionDuration);
  expect(await glide()).not.toBe("0s");
  await follower.page.emulateMedia({ reducedMotion: "reduce" });
  expect(await glide()).toBe("0s");
  await expect(follower.page.locator('[data-ink="picture"] > figcaption')).toHaveText("As on the big screen");
  await laser.click();
  await expect(follower.page.locator('[data-ink="dot"]:visible')).toHaveCount(0);

  await pen.focus();
  await page.keyboard.press("Enter");
  await expect(pen).toHaveAttribute("aria-pressed", "true");
  await mouseTo(page, 0.3, 0.3);
  await page.mouse.down();
  await mouseTo(page, 0.5, 0.35);
  await page.mouse.up();
  await expect(follower.page.locator('[data-ink="picture"] [data-ink="layer"]')).toHaveAttribute("data-strokes", "1");
  // Space still moves the deck while the pen is on (and doesn't press the focused button).
  await page.keyboard.press("Space");
  await expect(pen).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("Shift+Space");
  await expectOnSlide(page, "The frame");
  await clear.click();
  await expect(follower.page.locator('[data-ink="picture"]')).toBeHidden();

  await page.keyboard.press("?");
  const help = page.locator("dialog[data-help]");
  await expect(help).toContainText("Hold to point with the laser");
  await expect(help).toContainText("Clear this slide's drawings");
  await expectAccessible(page, "the presenter's help and tools", ["dialog[data-help]", ".ink-tools"]);
});
