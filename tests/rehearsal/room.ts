/**
 * The rehearsal's room: a presenter, the projector's window and five phones, and what each of them
 * does on each live slide (the acts, by slide title). Everything goes through the pages, as people
 * would: clicks, taps, typing. The helpers that open a room and join it are the e2e suite's.
 */
import { devices, expect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { expectOnSlide, iphone14, joined, pixel7, present, projector, type Device } from "../e2e/live.ts";

export const SHOTS = process.env.REHEARSAL_SHOTS ?? "/tmp/fd/rehearsal";

const { defaultBrowserType: _galaxy, ...galaxy } = devices["Galaxy S9+"];
const { defaultBrowserType: _se, ...iphoneSE } = devices["iPhone SE"];
/** The smallest phone the talk is designed for. */
const small = { ...pixel7, viewport: { width: 360, height: 640 }, screen: { width: 360, height: 640 } } as Device;

/** Five people in the audience; the first is the 360×640 phone the screenshots show. */
const AUDIENCE: { name: string; device: Device }[] = [
  { name: "360x640", device: small },
  { name: "pixel7", device: pixel7 },
  { name: "iphone14", device: iphone14 },
  { name: "galaxy-s9", device: galaxy as Device },
  { name: "iphone-se", device: iphoneSE as Device },
];

/** The one nickname typed in the quiz: the record must not hold it. */
export const NICKNAME = "Ana 🐍";

export interface Phone {
  name: string;
  page: Page;
  context: BrowserContext;
}

export interface Room {
  code: string;
  presenter: Page;
  screen: Page;
  phones: Phone[];
  /** Reactions sent, per emoji: what the record's totals must say. */
  reactions: Record<string, number>;
  /** What the talk did, for the record's check. */
  expected: {
    poll: number[];
    quiz: number[][];
    hiddenWord: string;
    answered: string[];
    unanswered: string[];
  };
}

export async function openRoom(presenter: Page, browser: Browser): Promise<Room> {
  const code = await present(presenter);
  const screen = await projector(browser, presenter);
  await expect(screen.locator("[data-room-status]")).not.toHaveText("Conectando…");
  const phones: Phone[] = [];
  for (const { name, device } of AUDIENCE) phones.push({ name, ...(await joined(browser, device, code)) });
  await expect(presenter.locator('[data-panel="audience"]')).toHaveText(String(phones.length));
  return {
    code,
    presenter,
    screen,
    phones,
    reactions: {},
    expected: { poll: [], quiz: [], hiddenWord: "", answered: [], unanswered: [] },
  };
}

const on = (page: Page, title: string) => page.locator(`[data-title="${title}"]`);

/** Every phone and the projector show the slide titled `title`. */
export async function followed(room: Room, title: string): Promise<void> {
  for (const page of [room.screen, ...room.phones.map((p) => p.page)]) await expectOnSlide(page, title);
}

/** The presenter, the projector and the 360×640 phone, as they look now. */
export async function shoot(room: Room, slide: number, title: string): Promise<void> {
  await room.presenter.waitForTimeout(800); // the boards' last animations (bars growing, arrows flying) end
  const slug = `${String(slide).padStart(2, "0")}-${title.normalize("NFD").replace(/[^\w]+/g, "-").replace(/^-|-$/g, "").toLowerCase()}`;
  await room.presenter.screenshot({ path: `${SHOTS}/${slug}-presenter.png` });
  await room.screen.screenshot({ path: `${SHOTS}/${slug}-projector.png` });
  await room.phones[0]!.page.screenshot({ path: `${SHOTS}/${slug}-phone-360.png` });
}

/** Phone `i` taps each reaction `n` times (the tray is on every slide); the presenter's totals follow. */
export async function react(room: Room, taps: [phone: number, name: string, emoji: string, times: number][]): Promise<void> {
  for (const [i, name, emoji, times] of taps) {
    const button = room.phones[i]!.page.getByRole("button", { name: `Reagir com ${name}` });
    for (let k = 0; k < times; k++) await button.click();
    room.reactions[emoji] = (room.reactions[emoji] ?? 0) + times;
  }
  for (const [emoji, total] of Object.entries(room.reactions)) {
    await expect(room.presenter.locator(`[data-reaction-total="${emoji}"]`)).toHaveText(String(total));
  }
}

type Act = (room: Room, title: string) => Promise<void>;

async function poll(room: Room, title: string): Promise<void> {
  const board = on(room.presenter, title).locator("section.poll");
  await board.getByRole("button", { name: "Abrir votação" }).click();
  const options = ["Sim, em produção", "Só em projetos pessoais", "Ainda não", "O que é isso?"];
  const votes = [0, 1, 2, 0, 1];
  for (const [i, { page }] of room.phones.entries()) {
    const button = on(page, title).locator("section.poll").getByRole("button", { name: options[votes[i]!]! });
    await button.click();
    await expect(button).toHaveAttribute("aria-pressed", "true");
  }
  // Someone changes their mind while it is open.
  await on(room.phones[4]!.page, title).locator("section.poll").getByRole("button", { name: "O que é isso?" }).click();
  votes[4] = 3;
  const counts = options.map((_, option) => votes.filter((vote) => vote === option).length);
  await expect(on(room.screen, title).locator("[data-poll-count]")).toHaveText(counts.map(String));
  await board.getByRole("button", { name: "Encerrar votação" }).click();
  await expect(board.locator("[data-poll-status]")).toHaveText(`Votação encerrada · ${room.phones.length} votos`);
  room.expected.poll = counts;
}

async function browsers(room: Room, title: string): Promise<void> {
  const tally = on(room.presenter, title).getByRole("region", { name: "Navegadores nesta sala" });
  await expect(tally.locator("[data-tally-total]")).toHaveText(String(room.phones.length));
  for (const { page } of room.phones) await expect(on(page, title).locator("[data-tally-mine]")).toContainText("fala WebSocket");
}

async function requests(room: Room, title: string): Promise<void> {
  const demo = (page: Page) => on(page, title).locator("figure.requests");
  for (const { page } of room.phones) {
    await demo(page).getByRole("button", { name: "Enviar requisição" }).click();
    await expect(demo(page).locator(".requests__details")).toHaveAttribute("data-status", "200");
  }
  await demo(room.presenter).getByRole("button", { name: "Enviar requisição" }).click();
  // Someone with the slide open in four tabs taps them all, each again the moment its button comes
  // back: past the room's budget per person (six at once, two a second) the server refuses with 429
  // and says why. One tab can't, on a busy machine: a thumb's pace is within the budget by design.
  const eager = room.phones[0]!;
  const tabs = [eager.page];
  for (let k = 0; k < 3; k++) {
    const tab = await eager.context.newPage();
    await tab.goto(`/join/?room=${room.code}`);
    await expect(tab.locator("[data-room-status]")).toHaveText("Ao vivo", { timeout: 20_000 });
    await expectOnSlide(tab, title);
    await expect(demo(tab).locator(".requests__send")).toBeEnabled(); // its island is up
    tabs.push(tab);
  }
  const taps = await Promise.all(tabs.map((tab) => tab.evaluate(tapUntilRefused, title)));
  for (const tab of tabs.slice(1)) await tab.close();
  expect(taps.some((tab) => tab.refused), `refused after ${taps.map((tab) => tab.taps).join(" + ")} taps`).toBe(true);
  await expect(demo(room.presenter).locator(".requests__totals")).toContainText(/recusadas? \(429\)/);
  // The projector draws a burst one lane after another: let the last arrows land before the pictures.
  await room.presenter.waitForTimeout(2_000);
}

/**
 * In the page: taps the requests demo's button whenever it is enabled, until this tab or another of
 * the same person's (a BroadcastChannel between them) is answered 429, or 30 s pass.
 */
async function tapUntilRefused(title: string): Promise<{ taps: number; refused: boolean }> {
  const figure = document.querySelector(`[data-title="${title}"] figure.requests`)!;
  const button = figure.querySelector<HTMLButtonElement>(".requests__send")!;
  const refusedHere = () => (figure.querySelector(".requests__status")?.textContent ?? "").startsWith("429");
  const channel = new BroadcastChannel("rehearsal-taps");
  let done = false;
  channel.onmessage = () => (done = true);
  const until = Date.now() + 30_000;
  let taps = 0;
  while (!done && Date.now() < until) {
    if (refusedHere()) {
      channel.postMessage("refused");
      break;
    }
    if (!button.disabled) {
      button.click();
      taps++;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  channel.close();
  return { taps, refused: refusedHere() || done };
}

async function pages(room: Room, title: string): Promise<void> {
  const side = (page: Page, route: "page" | "data") => on(page, title).locator(`figure.pages .pages__side--${route}`);
  const load = async (page: Page, route: "page" | "data") => {
    const name = route === "page" ? "Recarregar a página inteira" : "Buscar só o dado (AJAX)";
    await side(page, route).getByRole("button", { name }).click();
    await expect(side(page, route)).toHaveAttribute("data-phase", "loaded");
  };
  const plan: ("page" | "data")[][] = [["page", "data"], ["data"], ["page", "data"], ["data"], ["page"]];
  for (const [i, { page }] of room.phones.entries()) for (const route of plan[i]!) await load(page, route);
  const count = (route: string) => plan.flat().filter((r) => r === route).length;
  await expect(side(room.presenter, "page").locator(".pages__measure")).toHaveAttribute("data-loads", String(count("page")));
  await expect(side(room.presenter, "data").locator(".pages__measure")).toHaveAttribute("data-loads", String(count("data")));
  await expect(on(room.presenter, title).locator(".pages__ratio-number")).toHaveText(/^\d+(,\d)?×$/);
}

/** How long the race runs: the speaker's notes say "deixe correr uns 30 segundos". */
const RACE_MS = 30_000;

async function delivery(room: Room, title: string): Promise<void> {
  const demo = (page: Page) => on(page, title).getByRole("region", { name: "Três entregas ao vivo" });
  const lanes = ["Polling", "Long polling", "WebSocket", "WebSocket", "Polling"];
  for (const [i, { page }] of room.phones.entries()) {
    const button = demo(page).getByRole("group", { name: "Como este celular recebe os eventos" }).getByRole("button", { name: lanes[i]!, exact: true });
    await button.click();
    await expect(button).toHaveAttribute("aria-pressed", "true");
  }
  const cell = (lane: string, row: string) => on(room.presenter, title).locator(`td[data-lane="${lane}"][data-cell="${row}"]`);
  await expect(cell("poll", "phones")).toHaveText("2");
  await expect(cell("longpoll", "phones")).toHaveText("1");
  await expect(cell("ws", "phones")).toHaveText("2");
  const board = demo(room.presenter);
  await board.getByRole("button", { name: "Iniciar" }).click();
  await expect(board.locator("[data-delivery-status]")).toContainText("Rodando");
  await room.presenter.waitForTimeout(RACE_MS); // the race's own length is the point
  await board.getByRole("button", { name: "Parar", exact: true }).click();
  await expect(board.locator("[data-delivery-status]")).toContainText("Parado");
  // Every phone got the events, whichever way it asked.
  const last = Number(/#(\d+)/.exec((await board.locator("[data-delivery-status]").textContent()) ?? "")?.[1]);
  expect(last, "events fired in the race").toBeGreaterThanOrEqual(5);
  for (const { page } of room.phones) await expect(demo(page).locator("[data-delivery-last]")).toContainText(`#${last}`, { timeout: 10_000 });
  for (const lane of ["poll", "longpoll", "ws"]) await expect(cell(lane, "per-event")).toHaveText(/^[\d.,]+ k?B$/);
}

/** Each quiz: who answers what (option index), the right one's index. */
const QUIZZES: Record<string, { answers: number[]; right: number }> = {
  "Quiz: quem gasta menos bytes?": { answers: [2, 1, 2, 0, 2], right: 2 },
  "Quiz: o handshake": { answers: [1, 1, 3, 1, 0], right: 1 },
  "Quiz: a máscara": { answers: [1, 0, 1, 1, 3], right: 1 },
};

async function quiz(room: Room, title: string): Promise<void> {
  const quizOn = (page: Page): Locator => on(page, title).locator("section.quiz");
  const { answers } = QUIZZES[title]!;
  const first = room.expected.quiz.length === 0;
  if (first) {
    // One person puts a name on the leaderboard; it is shown live, never kept in the record.
    const ana = quizOn(room.phones[0]!.page);
    await ana.getByLabel("Seu apelido no placar (opcional)").fill(NICKNAME);
    await ana.getByRole("button", { name: "Salvar apelido" }).click();
    await expect(ana.locator(".quiz__nickname")).toContainText(NICKNAME);
  }
  await quizOn(room.presenter).getByRole("button", { name: "Começar (20 s)" }).click();
  const options = quizOn(room.phones[0]!.page).locator(".quiz__choice");
  await expect(options.first()).toBeEnabled();
  for (const [i, { page }] of room.phones.entries()) {
    const choice = quizOn(page).locator(".quiz__choice").nth(answers[i]!);
    await choice.click();
    await expect(choice).toHaveAttribute("aria-pressed", "true");
  }
  await expect(quizOn(room.presenter).locator("[data-quiz-status]")).toContainText(`${room.phones.length} respostas`);
  await quizOn(room.presenter).getByRole("button", { name: "Encerrar agora" }).click();
  const counts = [0, 1, 2, 3].map((option) => answers.filter((answer) => answer === option).length);
  await expect(quizOn(room.screen).locator("[data-quiz-count]")).toHaveText(counts.map(String));
  await expect(quizOn(room.phones[0]!.page).locator("[data-quiz-standing]")).toContainText(/Você acertou|Não foi dessa vez/);
  await quizOn(room.presenter).getByRole("button", { name: "Mostrar o placar" }).click();
  const ranks = quizOn(room.screen).locator('[data-quiz-leaderboard="shown"] .quiz__rank');
  await expect(ranks).toHaveCount(room.phones.length);
  await expect(quizOn(room.screen).locator('[data-quiz-leaderboard="shown"]')).toContainText(NICKNAME);
  room.expected.quiz.push(counts);
}

async function notify(room: Room, title: string): Promise<void> {
  const board = on(room.presenter, title).locator(".push");
  for (const [button, toast] of [["Novo e-mail", "Novo e-mail"], ["Curtida", "Nova curtida"]] as const) {
    await board.getByRole("button", { name: button }).click();
    for (const { page } of room.phones) await expect(page.locator(".notify-toast").last()).toContainText(toast);
    await expect(board.locator("[data-push-delivered]")).toHaveText(`${room.phones.length}/${room.phones.length}`);
  }
}

async function sensors(room: Room, title: string): Promise<void> {
  const slider = (page: Page) => on(page, title).locator(".sensors").getByLabel("Inclinação para os lados (sem sensor)");
  // Emulated phones have no orientation sensor: the first one asks, is told so and uses the slider like the rest.
  const first = on(room.phones[0]!.page, title).locator(".sensors");
  await first.getByRole("button", { name: "Usar o sensor do celular" }).click();
  await expect(first.getByRole("status")).toContainText("use o controle", { timeout: 5_000 });
  const tilts = [
    [-30, 10, 45, -60, 20],
    [-10, 25, 30, -40, 5],
    [15, 40, 10, -20, -15],
  ];
  for (const row of tilts) {
    for (const [i, { page }] of room.phones.entries()) await slider(page).fill(String(row[i]));
    await room.presenter.waitForTimeout(500); // the chart draws the room over time
  }
  const board = on(room.presenter, title).locator(".sensors");
  await expect(board.locator("[data-sensors-phones]")).toHaveText(String(room.phones.length));
  await expect(board.locator("svg .sensors__trace")).toHaveCount(room.phones.length);
}

async function handshake(room: Room, title: string): Promise<void> {
  for (const { page } of room.phones) {
    const demo = on(page, title).locator("figure.handshake");
    await expect(demo).toHaveAttribute("data-phase", "live", { timeout: 15_000 });
    await expect(demo).toContainText("✓ igual");
  }
  const curious = on(room.phones[1]!.page, title).locator("figure.handshake");
  const key = await curious.locator("mark").textContent();
  await curious.getByRole("button", { name: "Novo handshake" }).click();
  await expect(curious.locator("mark")).not.toHaveText(key!);
  await expect(curious).toContainText("✓ igual");
  // The presenter shakes hands again too: the projector shows the presenter's own handshake.
  const board = on(room.presenter, title).locator("figure.handshake");
  const shown = await board.locator("mark").textContent();
  await board.getByRole("button", { name: "Novo handshake" }).click();
  await expect(board.locator("mark")).not.toHaveText(shown!);
  await expect(on(room.screen, title).locator("figure.handshake")).toContainText("✓ igual");
}

async function wire(room: Room, title: string): Promise<void> {
  for (const [i, { page }] of room.phones.entries()) {
    const demo = on(page, title).locator("figure.wire");
    await demo.getByRole("button", { name: "Mandar um ping" }).click();
    await expect(demo.getByRole("button", { name: /^Recebido às .*: pong \(seu\)/ }).first()).toBeVisible();
    if (i === 0) {
      await demo.getByRole("button", { name: "Pedir o estado (sync)" }).click();
      const snapshot = demo.getByRole("button", { name: /^Recebido às .*: snapshot, \d+ bytes de payload/ }).first();
      await snapshot.click();
      await expect(demo.locator(".wire__frame figure.frame")).toContainText("cabeçalho: 4 bytes");
    }
  }
  const projectorDemo = on(room.presenter, title).locator("figure.wire");
  await projectorDemo.getByRole("button", { name: "Mandar um ping" }).click();
  await expect(projectorDemo.getByRole("button", { name: /^Recebido às .*: pong \(seu\)/ }).first()).toBeVisible();
}

async function rtt(room: Room, title: string): Promise<void> {
  const board = on(room.presenter, title).locator("figure.duplex");
  await expect(board.locator('[data-stat="phones"]')).toHaveText(`${room.phones.length} celulares`, { timeout: 15_000 });
  for (const { page } of room.phones) {
    const demo = on(page, title).locator("figure.duplex");
    await expect(demo.locator("[data-rtt]")).toHaveText(/^\d+(,\d)?$/);
    await expect.poll(async () => Number(await demo.locator("[data-pushes]").textContent()), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
  }
  await expect(board.locator('[data-stat="p50"]')).toHaveText(/^\d+(,\d)? ms$/);
}

async function python(room: Room, title: string): Promise<void> {
  for (const page of [room.presenter, room.phones[0]!.page]) await expect(on(page, title).locator("pre")).toContainText(`SALA = "${room.code}"`);
}

async function cloud(room: Room, title: string): Promise<void> {
  const cloudOn = (page: Page) => on(page, title).locator("section.cloud");
  const words = [["Chat", "Jogos online"], ["chat", "Dashboards", "Notificações"], ["IoT", "Placar ao vivo"], ["Chat", "Spam do tio"], ["Multiplayer", "Colaboração", "jogos online"]];
  for (const [i, { page }] of room.phones.entries()) {
    const form = cloudOn(page).locator("[data-cloud-form]");
    for (const [k, text] of words[i]!.entries()) {
      await form.getByRole("textbox", { name: "Sua resposta" }).fill(text);
      await form.getByRole("textbox", { name: "Sua resposta" }).press("Enter");
      await expect(form.locator("[data-cloud-mine] li")).toHaveCount(k + 1);
    }
  }
  await expect(cloudOn(room.screen).locator('[data-cloud-word="chat"]')).toHaveAttribute("data-count", "3");
  // One word is not for the big screen: the presenter hides it.
  const board = cloudOn(room.presenter);
  await board.locator("[data-cloud-moderate] summary").click();
  await board.getByRole("button", { name: "Esconder “Spam do tio”" }).click();
  await expect(cloudOn(room.screen).locator("[data-cloud-list]")).not.toContainText("Spam do tio");
  await board.locator("[data-cloud-moderate] summary").click(); // folded again
  room.expected.hiddenWord = "Spam do tio";
}

/** Asked from the deck bar's "Perguntar" (any slide) before the questions slide; see talk.spec.ts. */
export const EARLY_QUESTION = "Dá para usar WebSocket atrás de um proxy corporativo?";

export async function askFromBar(room: Room): Promise<void> {
  const page = room.phones[2]!.page;
  await page.getByRole("button", { name: "Perguntar" }).click();
  const dialog = page.getByRole("dialog", { name: "Fazer uma pergunta" });
  await dialog.getByLabel("Sua pergunta").fill(EARLY_QUESTION);
  await dialog.getByRole("button", { name: "Enviar pergunta" }).click();
  await expect(dialog.locator("[data-question-status]")).toHaveText("Pergunta enviada: ela aparece na lista.");
  await dialog.getByRole("button", { name: "Fechar" }).click();
  await expect(dialog).toBeHidden();
}

async function questions(room: Room, title: string): Promise<void> {
  const questionsOn = (page: Page) => on(page, title).locator("section.questions");
  const asked: [phone: number, text: string][] = [
    [0, "Como o servidor sabe quem é quem depois que o celular dorme?"],
    [1, "Qual biblioteca de WebSocket você usa em Python?"],
    [3, "E com HTTP/2, o polling ainda custa tanto?"],
  ];
  for (const [i, text] of asked) {
    const form = questionsOn(room.phones[i]!.page).locator("[data-question-form]");
    await form.getByLabel("Sua pergunta").fill(text);
    await form.getByRole("button", { name: "Enviar pergunta" }).click();
    await expect(form.locator("[data-question-status]")).toHaveText("Pergunta enviada: ela aparece na lista.");
  }
  const board = questionsOn(room.presenter);
  await expect(board.locator("[data-question-text]")).toHaveCount(4);
  // The room upvotes: the early question three times, the Python one twice.
  const upvote = async (phone: number, text: string) => {
    const item = questionsOn(room.phones[phone]!.page).locator("li", { hasText: text });
    await item.getByRole("button", { name: /Apoiar/ }).click();
    await expect(item.getByRole("button", { name: /Apoiada/ })).toHaveAttribute("aria-pressed", "true");
  };
  for (const phone of [0, 1, 4]) await upvote(phone, EARLY_QUESTION);
  for (const phone of [2, 4]) await upvote(phone, asked[1]![1]);
  await expect(board.locator("[data-question-votes]").first()).toHaveText("3");
  // The presenter answers two, out loud, and marks them.
  for (const text of [EARLY_QUESTION, asked[1]![1]]) {
    await board.locator("li", { hasText: text }).getByRole("button", { name: "Respondida" }).click();
    await expect(questionsOn(room.phones[0]!.page).locator("li", { hasText: text })).toContainText("respondida");
  }
  room.expected.answered = [EARLY_QUESTION, asked[1]![1]];
  room.expected.unanswered = [asked[0]![1], asked[2]![1]];
}

/** What the room does on each live slide, by the slide's title. */
export const ACTS: Record<string, Act> = {
  "Pergunta para a sala": poll,
  "Onde vive? Nesta sala": browsers,
  "HTTP ao vivo": requests,
  "Página inteira × AJAX": pages,
  "Polling × long polling × WebSocket": delivery,
  "Quiz: quem gasta menos bytes?": quiz,
  "Notificações ao vivo": notify,
  "Sensores ao vivo": sensors,
  "Handshake ao vivo": handshake,
  "Quiz: o handshake": quiz,
  "O fio ao vivo": wire,
  "Quiz: a máscara": quiz,
  "Full-duplex ao vivo": rtt,
  "Python na sala": python,
  "Para que você usaria WebSocket?": cloud,
  "Perguntas da plateia": questions,
};

export { QUIZZES };
