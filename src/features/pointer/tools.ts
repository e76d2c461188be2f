/**
 * The presenter's laser and pen, on the stage of /present/. Hold L (or press the laser button) and
 * the mouse is a red dot on every screen; D (or the pen button) draws with mouse, touch or stylus
 * (Pointer Events); C (or the button) clears this slide's drawings. Space and the arrows still
 * move the deck while the pen is on; drawing never swipes or clicks the slide under it.
 *
 * What goes out is coalesced here first: the laser's latest position at most every INK_EVERY_MS
 * (Throttle), a stroke's new points in pieces just as often (Pen), so a 120 Hz stylus costs the
 * room ≤ 30 messages a second of each.
 */
import { pageLocale } from "../../i18n/locales.ts";
import type { RoomClient } from "../../live/room.ts";
import { PIECE_POINTS_MAX, STROKE_ID_MAX, type Point } from "./protocol.ts";
import { Pen, slidePoint, Throttle } from "./rules.ts";
import type { InkDeck, InkScreen } from "./screen.ts";
import { pointerStrings } from "./strings.ts";

const ICONS = {
  laser: "M12 12m-3 0a3 3 0 1 0 6 0a3 3 0 1 0 -6 0M12 2v4M12 18v4M2 12h4M18 12h4",
  pen: "M4 20l4-1L19 8l-3-3L5 16zM14 7l3 3",
  clear: "M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6",
};

function toolButton(name: keyof typeof ICONS, label: string, toggle: boolean): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "deck__button ink-tools__button";
  button.dataset.inkTool = name;
  button.setAttribute("aria-label", label);
  button.title = label;
  if (toggle) button.setAttribute("aria-pressed", "false");
  button.innerHTML = `<svg viewBox="0 0 24 24" aria-hidden="true"><path d="${ICONS[name]}" /></svg>`;
  return button;
}

/**
 * `isDeckKey`: whether the deck's shortcuts may take a key press (not typed in a field, no dialog
 * open: src/deck/controllers/keyboard.ts).
 */
export function mountInkTools(deck: InkDeck, client: RoomClient, screen: InkScreen, bar: HTMLElement, isDeckKey: (event: KeyboardEvent) => boolean): void {
  const t = pointerStrings[pageLocale()];
  const group = document.createElement("div");
  group.className = "ink-tools";
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", t.tools);
  const laserButton = toolButton("laser", t.laser, true);
  const penButton = toolButton("pen", t.pen, true);
  const clearButton = toolButton("clear", t.clear, false);
  const note = document.createElement("span");
  note.className = "sr-only";
  note.setAttribute("role", "status");
  group.append(laserButton, penButton, clearButton, note);
  bar.querySelector(".deck__spacer")?.before(group);

  let laserHeld = false;
  let laserToggled = false;
  let penOn = false;
  let mouse: { x: number; y: number } | null = null;
  const laser = new Throttle<{ slide: number; at: Point | null }>();
  const pen = new Pen(() => 1 + Math.floor(Math.random() * STROKE_ID_MAX));
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    timer = undefined;
    const now = Date.now();
    const point = laser.take(now);
    if (point) client.send({ type: "pointer", slide: point.value.slide, at: point.value.at });
    for (const piece of pen.take(now, PIECE_POINTS_MAX)) client.send({ type: "stroke", ...piece });
    schedule();
  };
  function schedule() {
    if (timer !== undefined) return;
    const now = Date.now();
    const waits = [laser.wait(now), pen.wait(now)].filter((wait): wait is number => wait !== null);
    if (waits.length > 0) timer = setTimeout(flush, Math.min(...waits));
  }

  const laserOn = () => laserHeld || laserToggled;
  let pointing = false;
  /** Where the laser is now (from the last mouse position), to this page and to the room. */
  const aim = () => {
    const box = screen.box();
    const slide = deck.position().slide;
    if (!laserOn()) {
      screen.setLocalPointer(undefined);
      if (pointing) laser.offer({ slide, at: null });
      pointing = false;
    } else {
      const at = mouse && box ? slidePoint(mouse.x, mouse.y, box.getBoundingClientRect()) : null;
      screen.setLocalPointer(at ? { slide, at } : null);
      // Off the slide is "off" too, once.
      if (at || pointing) laser.offer({ slide, at });
      pointing = at !== null;
    }
    deck.root.toggleAttribute("data-laser", laserOn());
    laserButton.setAttribute("aria-pressed", String(laserOn()));
    schedule();
  };

  const setPen = (on: boolean) => {
    penOn = on;
    if (!on) pen.end();
    screen.surface.classList.toggle("ink-layer--drawing", on);
    deck.root.toggleAttribute("data-pen", on);
    penButton.setAttribute("aria-pressed", String(on));
    schedule();
  };

  const clear = () => {
    const slide = deck.position().slide;
    pen.end();
    client.send({ type: "clearStrokes", slide });
    screen.model.clear(slide);
    screen.render();
    note.textContent = "";
  };

  laserButton.addEventListener("click", () => {
    laserToggled = !laserToggled;
    aim();
  });
  penButton.addEventListener("click", () => setPen(!penOn));
  clearButton.addEventListener("click", clear);

  document.addEventListener("pointermove", (event) => {
    mouse = { x: event.clientX, y: event.clientY };
    if (laserOn()) aim();
  });
  deck.onMove(() => {
    pen.end();
    if (laserOn()) aim();
  });

  document.addEventListener("keydown", (event) => {
    if (!isDeckKey(event)) return;
    const key = event.key.toLowerCase();
    // Without a 16:9 slide box (a phone as remote) there is nothing to aim at: the keys are the deck's.
    if (event.shiftKey || !["l", "d", "c"].includes(key) || !screen.box()) return;
    event.preventDefault();
    if (key === "l" && !event.repeat && !laserHeld) {
      laserHeld = true;
      aim();
    }
    if (key === "d" && !event.repeat) setPen(!penOn);
    if (key === "c" && !event.repeat) clear();
  });
  const release = () => {
    if (!laserHeld) return;
    laserHeld = false;
    aim();
  };
  document.addEventListener("keyup", (event) => {
    if (event.key.toLowerCase() === "l") release();
  });
  addEventListener("blur", release);

  // The pen draws on the overlay, which takes the pointer only while the pen is on.
  const surface = screen.surface;
  const pointOf = (event: PointerEvent) => {
    const box = screen.box();
    return box ? slidePoint(event.clientX, event.clientY, box.getBoundingClientRect(), true) : null;
  };
  const showStroke = () => {
    const stroke = pen.current;
    if (stroke) screen.model.write(stroke.slide, stroke.id, 0, stroke.points);
    screen.render();
  };
  surface.addEventListener("pointerdown", (event) => {
    if (!penOn || (event.pointerType === "mouse" && event.button !== 0)) return;
    const at = pointOf(event);
    if (!at) return;
    event.preventDefault(); // no text selection, no focus move, no compatibility mouse events
    surface.setPointerCapture(event.pointerId);
    pen.begin(deck.position().slide, at);
    showStroke();
    schedule();
  });
  surface.addEventListener("pointermove", (event) => {
    if (!penOn || !pen.current || !surface.hasPointerCapture(event.pointerId)) return;
    const samples = event.getCoalescedEvents?.() ?? [];
    const points = (samples.length > 0 ? samples : [event]).map(pointOf).filter((point): point is Point => point !== null);
    pen.move(points);
    showStroke();
    schedule();
  });
  const lift = (event: PointerEvent) => {
    if (!surface.hasPointerCapture(event.pointerId) && !pen.current) return;
    pen.end();
    schedule();
  };
  surface.addEventListener("pointerup", lift);
  surface.addEventListener("pointercancel", lift);
  // Drawing by touch must not swipe the deck (src/deck/controllers/touch.ts listens on the viewport).
  for (const type of ["touchstart", "touchmove", "touchend"] as const) {
    surface.addEventListener(type, (event) => penOn && event.stopPropagation(), { passive: true });
  }
  surface.addEventListener("click", (event) => penOn && event.stopPropagation());

  client.onMessage((message) => {
    if (message.type === "error" && message.code === "ink_full") note.textContent = t.full;
  });
}
