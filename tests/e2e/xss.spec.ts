/**
 * XSS: text from the audience and from links is only ever text, and the pages' Content Security
 * Policy would stop a script even if some day it weren't. Every payload in tests/fixtures/xss.ts
 * goes through every way outside text reaches a page: a question (to the presenter, the
 * projector and the other phones), the join link's parameters and fragment, the join form's box,
 * and the presenter link's room and handed key.
 */
import { createHash } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { normalizeRoomCode } from "../../src/room/codes.ts";
import { normalizeQuestionText, QUESTION_TEXT_MAX, VIEW_ANSWERED } from "../../src/features/questions/rules.ts";
import { INJECTED_SELECTOR, PAYLOAD_NAMES, XSS_PAYLOADS } from "../fixtures/xss.ts";
import { visible } from "./deck.ts";
import { expectOnSlide, goToSlide, iphone14, joined, origin, phone, pixel7, present, projector, projectorLink } from "./live.ts";

const payloads = PAYLOAD_NAMES.map((name) => ({ name, text: XSS_PAYLOADS[name] }));

/** Records what a payload that ran (a dialog), broke a script (an uncaught error) or met the CSP would leave. */
function watch(page: Page, incidents: string[]): void {
  page.on("dialog", (dialog) => {
    incidents.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => incidents.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) incidents.push(`csp: ${message.text().slice(0, 200)}`);
  });
}

/** Elements a payload would have become: anything with an `on…` handler (the app writes none), or named in INJECTED_SELECTOR. */
function injected(page: Page): Promise<string[]> {
  return page.evaluate((selector) => {
    const found: string[] = [];
    for (const element of document.querySelectorAll("*")) {
      for (const attribute of element.attributes) if (/^on/i.test(attribute.name)) found.push(`${element.localName}[${attribute.name}]`);
    }
    for (const element of document.querySelectorAll(selector)) found.push(element.outerHTML.slice(0, 80));
    for (const element of document.querySelectorAll("script, style")) {
      if (/alert\(|display:none!important/.test(element.textContent ?? "")) found.push(element.outerHTML.slice(0, 80));
    }
    return found;
  }, INJECTED_SELECTOR);
}

async function expectClean(page: Page, incidents: string[], what: string): Promise<void> {
  expect(await injected(page), `${what}: elements made from a payload`).toEqual([]);
  expect(incidents, `${what}: dialogs, errors, CSP reports`).toEqual([]);
}

// ── The policy ───────────────────────────────────────────────────────────────────────────────

/** The page's CSP <meta>, as directive → sources. */
function policyOf(html: string): Map<string, string[]> {
  const head = html.slice(0, html.indexOf("</head>"));
  const content = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(head)?.[1];
  expect(content, "a CSP <meta> in <head>").toBeDefined();
  const directives = content!.split(";").map((directive) => directive.trim().split(/\s+/)).filter((words) => words[0]);
  return new Map(directives.map(([name, ...sources]) => [name!, sources]));
}

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/** Every page the site serves: the table of contents, each slide it lists, the live pages and a missing page. */
async function routes(request: APIRequestContext): Promise<string[]> {
  const index = await (await request.get("/")).text();
  const slides = [...new Set([...index.matchAll(/href="(\/slides\/\d+\/)"/g)].map((match) => match[1]!))];
  const deck = await (await request.get("/slides/1/")).text();
  expect(slides.length, "the contents list every slide of the deck").toBe(deck.match(/data-slide-index=/g)?.length);
  return ["/", ...slides, "/present/", "/join/", "/nao-existe/"];
}

test("every page carries a CSP that runs only our own scripts and styles", async ({ request }) => {
  for (const route of await routes(request)) {
    const html = await (await request.get(route)).text();
    const policy = policyOf(html);
    const scripts = policy.get("script-src") ?? [];
    expect(scripts[0], route).toBe("'self'");
    for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:", "http:", "https:"]) expect(scripts, route).not.toContain(unsafe);
    // Style elements by hash only; style attributes (Shiki's colours, React's server-rendered styles) allowed.
    expect(policy.get("style-src"), route).not.toContain("'unsafe-inline'");
    expect(policy.get("style-src-attr"), route).toEqual(["'unsafe-inline'"]);
    expect(policy.get("default-src"), route).toEqual(["'self'"]);
    expect(policy.get("object-src"), route).toEqual(["'none'"]);
    expect(policy.get("base-uri"), route).toEqual(["'self'"]);
    expect(policy.get("form-action"), route).toEqual(["'self'"]);
    // The e2e build's join origin (192.0.2.10:4330) gets its WebSocket named, for Safari before 16.
    expect(policy.get("connect-src"), route).toEqual(["'self'", "ws://192.0.2.10:4330"]);
    // Each inline <script> and <style> the page has is one the policy names by hash.
    for (const [, body] of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) expect(scripts, `${route}: ${body!.slice(0, 60)}`).toContain(sha256(body!));
    for (const [, body] of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) expect(policy.get("style-src"), `${route}: ${body!.slice(0, 60)}`).toContain(sha256(body!));
  }
});

test("a script, an inline handler or a style added to a page at runtime does not run", async ({ page }) => {
  for (const route of ["/", "/slides/1/", "/present/", "/join/"]) {
    await page.goto(route);
    const outcome = await page.evaluate(async () => {
      const reports: string[] = [];
      document.addEventListener("securitypolicyviolation", (event) => reports.push(event.effectiveDirective));
      const script = document.createElement("script");
      script.textContent = "window.xssScriptRan = true;";
      document.body.append(script);
      const holder = document.createElement("div");
      holder.innerHTML = '<img src="x" onerror="window.xssHandlerRan = true">';
      document.body.append(holder);
      const style = document.createElement("style");
      style.textContent = "body { visibility: hidden; }";
      document.head.append(style);
      for (const deadline = Date.now() + 5000; reports.length < 3 && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 20));
      const ran = window as unknown as { xssScriptRan?: boolean; xssHandlerRan?: boolean };
      return { reports: reports.sort(), script: ran.xssScriptRan, handler: ran.xssHandlerRan, body: getComputedStyle(document.body).visibility };
    });
    expect(outcome, route).toEqual({ reports: ["script-src-attr", "script-src-elem", "style-src-elem"], script: undefined, handler: undefined, body: "visible" });
  }
});

// ── Links ────────────────────────────────────────────────────────────────────────────────────

// Every payload is one page load per link below: generous timeouts for two cores under load.
test("a join link's room code and fragment stay out of the page", async ({ page }) => {
  test.setTimeout(180_000);
  const incidents: string[] = [];
  watch(page, incidents);
  for (const { name, text } of payloads) {
    const payload = encodeURIComponent(text);
    await page.goto(`/join/?room=${payload}#${payload}`);
    await expect(page.locator("[data-join-error]"), name).toHaveText("Esse código não parece certo: são 5 letras e números, como K7M2Q.");
    await expect(page.locator("#room-code"), name).toHaveValue("");
    await expectClean(page, incidents, `join ${name}`);
  }
});

test("a slide link's step and fragment stay out of the page", async ({ page }) => {
  test.setTimeout(180_000);
  const incidents: string[] = [];
  watch(page, incidents);
  for (const { name, text } of payloads) {
    const payload = encodeURIComponent(text);
    await page.goto(`/slides/3/?step=${payload}#${payload}`);
    await expect(page.locator("[data-deck]")).toHaveAttribute("data-ready", "");
    expect(await visible(page), name).toEqual({ slide: 3, shown: 0 });
    await expectClean(page, incidents, `slide ${name}`);
  }
});

test.describe("on the room server", () => {
  test.use({ baseURL: origin });

  test("the join form's code box keeps any text as text", async ({ page }) => {
    test.setTimeout(120_000);
    const incidents: string[] = [];
    watch(page, incidents);
    await page.goto("/join/");
    for (const { name, text } of payloads) {
      if (new URL(page.url()).search) await page.goto("/join/");
      const box = page.locator("#room-code");
      await box.fill(text);
      const typed = await box.inputValue();
      expect(typed, name).toBe(text.slice(0, 5)); // maxlength="5"
      await box.press("Enter");
      if (/^[A-Za-z0-9]{5}$/.test(typed)) {
        // The box's pattern lets it through: the page asks the room server, which has no such room.
        await expect(page).toHaveURL(`/join/?room=${typed}`);
        const code = normalizeRoomCode(typed);
        await expect(page.locator("[data-join-error]"), name).toHaveText(code ? `Não achei a sala ${code}. Confira o código.` : "Esse código não parece certo: são 5 letras e números, como K7M2Q.");
      } else {
        // The browser refuses to submit what the pattern doesn't match.
        expect(await box.evaluate((input: HTMLInputElement) => input.validity.patternMismatch), name).toBe(true);
        await expect(page).toHaveURL("/join/");
        await expect(page.locator("[data-join-error]"), name).toBeHidden();
      }
      await expectClean(page, incidents, `code box ${name}`);
    }
  });

  test("a phone's join link: parameters and fragment stay out of the page", async ({ page, browser }) => {
    test.setTimeout(180_000);
    const incidents: string[] = [];
    watch(page, incidents);
    const code = await present(page);
    const { context, page: audience } = await phone(browser, pixel7);
    watch(audience, incidents);
    for (const { name, text } of payloads) {
      const payload = encodeURIComponent(text);
      await audience.goto(`/join/?room=${code}&pid=${payload}&step=${payload}#${payload}`);
      await expect(audience.locator("[data-room-status]"), name).toHaveText("Ao vivo");
      await expectClean(audience, incidents, `phone ${name}`);
    }
    // The projector's flag is there or not: its value is never read.
    await audience.goto((await projectorLink(page)).replace("&screen#", `&screen=${encodeURIComponent(XSS_PAYLOADS.scriptTag)}#`));
    await expect(audience.locator("[data-room-status]")).toHaveText("Ao vivo");
    await expect(audience.locator(".reactions-tray")).toHaveCount(0); // the projector's view: no reactions to send
    await expectClean(audience, incidents, "screen");
    await expectClean(page, incidents, "presenter");
    await context.close();
  });

  test("a presenter link's room and handed key stay out of the page", async ({ page, browser }) => {
    test.setTimeout(240_000);
    const incidents: string[] = [];
    const code = await present(page);
    const { context, page: intruder } = await phone(browser, iphone14);
    watch(intruder, incidents);
    for (const { name, text } of payloads) {
      const payload = encodeURIComponent(text);
      // A handed key that isn't the room's, however long: the room refuses it, in its own words
      // (after five wrong keys from this address, as too many).
      await intruder.goto(`/present/?room=${code}#key=${payload}`);
      await expect(intruder.locator("[data-room-status]"), name).toHaveText(/^(Chave de apresentação inválida|Chaves erradas demais deste endereço: espere um pouco)$/);
      await expect(intruder).toHaveURL(`/present/?room=${code}`);
      await expectClean(intruder, incidents, `presenter key ${name}`);
      // A room code that can't be one: the presenter view makes a room of its own.
      await intruder.goto(`/present/?room=${payload}#key=${payload}`);
      await expect(intruder.locator("[data-room-status]"), name).toHaveText("Ao vivo · 0 pessoas");
      await expect(intruder).toHaveURL(/\/present\/\?room=[A-HJKMNP-Z2-9]{5}$/);
      await expectClean(intruder, incidents, `presenter room ${name}`);
    }
    await context.close();
  });

  test("every payload asked from a phone is text on the presenter, the projector and the other phones", async ({ page, browser }) => {
    test.setTimeout(300_000); // 16 questions asked, shown on four pages and answered
    const SLIDE = "Perguntas da plateia";
    const questionsOn = (p: Page) => p.locator(`[data-title="${SLIDE}"] section.questions`);
    const incidents: string[] = [];
    watch(page, incidents);
    const code = await present(page);
    const [ana, bia] = [(await joined(browser, pixel7, code)).page, (await joined(browser, iphone14, code)).page] as [Page, Page];
    const screen = await projector(browser, page);
    for (const p of [ana, bia, screen]) watch(p, incidents);
    await goToSlide(page, SLIDE);
    for (const p of [ana, bia, screen]) await expectOnSlide(p, SLIDE);

    // Ana asks in the slide's box, Bia through the deck bar's "Perguntar"; the presenter marks each
    // answered once it shows, so nobody reaches the limit of open questions.
    const shown: string[] = [];
    for (const [i, { name, text }] of payloads.entries()) {
      const asker = i % 2 === 0 ? ana : bia;
      const viaBar = asker === bia;
      if (viaBar) await bia.getByRole("button", { name: "Perguntar" }).click();
      const form = viaBar ? bia.getByRole("dialog", { name: "Fazer uma pergunta" }) : questionsOn(ana).locator("[data-question-form]");
      const box = form.getByLabel("Sua pergunta");
      // A phone sends at most 280 characters a person sees: the form refuses more before sending.
      await box.fill(text.slice(0, QUESTION_TEXT_MAX));
      await form.getByRole("button", { name: "Enviar pergunta" }).click();
      await expect(form.locator("[data-question-status]"), name).toHaveText("Pergunta enviada: ela aparece na lista.");
      if (viaBar) await form.getByRole("button", { name: "Fechar" }).click();
      // What the room keeps: one line, no control or bidi-override characters, at most 280 characters.
      const question = normalizeQuestionText(text.slice(0, QUESTION_TEXT_MAX));
      shown.push(question);
      const row = questionsOn(page).locator("li.questions__item--open");
      await expect(row.locator("[data-question-text]"), name).toHaveText(question);
      await row.getByRole("button", { name: "Respondida" }).click();
      await expect(row).toHaveCount(0);
    }

    // Answered questions stay listed, oldest first, as literal text on every page; nothing became markup.
    // The presenter lists them all; a phone the VIEW_ANSWERED most voted (all at 0 votes here: the
    // oldest) and its own, wherever they rank (rules.ts: audienceView); the projector, a public
    // screen, what the phones share.
    expect(shown).toContain("{{7*7}} ${7*7} <%= 7*7 %> #{7*7}");
    expect(shown).toContain("pergunta gnp.exe fim isolada");
    expect(shown).toContain("antes<script>alert(1)</script>depois");
    const phoneSees = (asker: number) => shown.filter((_, i) => i < VIEW_ANSWERED || i % 2 === asker);
    for (const [p, expected] of [[page, shown], [screen, shown.slice(0, VIEW_ANSWERED)], [ana, phoneSees(0)], [bia, phoneSees(1)]] as const) {
      await expect(questionsOn(p).locator("[data-question-text]")).toHaveText(expected);
      await expectClean(p, incidents, "questions");
    }
    await ana.context().close();
    await bia.context().close();
    await screen.context().close();
  });
});
