/**
 * The presenter's laser and pen as every screen draws them: the projector window, each phone, and
 * the presenter's own stage. An SVG over the slide's 16:9 box, in slide coordinates (0..1 of its
 * width and height), so a 1920-px projector and a 360-px phone draw the same line on the same bit.
 * A phone lays slides out as a column, not 16:9: there the ink is drawn over a picture of the
 * slide as the projector shows it, above the phone's own column, while there is ink to show.
 * Plain DOM: no framework on the phone's page. The overlay is decoration (aria-hidden): the
 * slide under it says everything in words.
 */
import { pageLocale } from "../../i18n/locales.ts";
import type { RoomClient } from "../../live/room.ts";
import type { Point } from "./protocol.ts";
import { InkModel } from "./frames.ts";
import { pointerStrings } from "./strings.ts";
import "./pointer.css";

/** The SVG's own units: 16:9, so a stroke's width scales with the slide. */
const WIDTH = 1600;
const HEIGHT = 900;
const SVG = "http://www.w3.org/2000/svg";
/** When the deck lays a slide out as a column (the same query as slide.css). */
const COLUMN = "(max-width: 720px), (max-aspect-ratio: 4/5)";

/** One overlay: the strokes and the laser's dot, sized by the box it is put in. */
class InkLayer {
  readonly element = document.createElement("div");
  private readonly svg = document.createElementNS(SVG, "svg");
  private readonly dot = document.createElement("div");
  private drawn = "";

  constructor() {
    this.element.className = "ink-layer";
    this.element.dataset.ink = "layer";
    this.element.setAttribute("aria-hidden", "true");
    this.svg.setAttribute("viewBox", `0 0 ${WIDTH} ${HEIGHT}`);
    this.svg.setAttribute("preserveAspectRatio", "none");
    this.svg.classList.add("ink-layer__strokes");
    this.dot.className = "ink-layer__dot";
    this.dot.dataset.ink = "dot";
    this.dot.hidden = true;
    this.element.append(this.svg, this.dot);
  }

  draw(strokes: readonly (readonly Point[])[], pointer: Point | null): void {
    // Strokes are redrawn only when they changed (the laser moves 30 times a second).
    const key = JSON.stringify(strokes);
    if (key !== this.drawn) {
      this.drawn = key;
      const lines = strokes.flatMap((points) => {
        const at = points.map(([x, y]) => `${(x * WIDTH).toFixed(1)},${(y * HEIGHT).toFixed(1)}`).join(" ");
        // A lone point (a tap) still shows: a line of zero length with round caps is a dot.
        const path = points.length === 1 ? `${at} ${at}` : at;
        return ["ink-layer__halo", "ink-layer__line"].map((name) => {
          const line = document.createElementNS(SVG, "polyline");
          line.setAttribute("points", path);
          line.setAttribute("class", name);
          return line;
        });
      });
      this.svg.replaceChildren(...lines);
      this.element.dataset.strokes = String(strokes.length);
    }
    this.dot.hidden = pointer === null;
    if (pointer) {
      this.dot.style.left = `${pointer[0] * 100}%`;
      this.dot.style.top = `${pointer[1] * 100}%`;
    }
  }
}

/** What the ink needs of the deck (src/deck's Deck has it; the deck imports features, not the reverse). */
export interface InkDeck {
  readonly root: HTMLElement;
  readonly slides: readonly HTMLElement[];
  position(): { slide: number; step: number };
  onMove(listener: () => void): unknown;
}

export interface InkOptions {
  /**
   * A phone: where the deck lays slides out as a column, draw over a still 16:9 copy of the slide,
   * made by this function (the deck's thumbnail copy).
   */
  picture?: (slide: HTMLElement) => HTMLElement;
}

export interface InkScreen {
  readonly model: InkModel;
  /** The overlay itself (the presenter's pen draws on it). */
  readonly surface: HTMLElement;
  /** Draws again (after the model changed here: the presenter's own strokes, a clear). */
  render(): void;
  /** The presenter's stage: its own laser, drawn at once instead of the room's echo (null: none). */
  setLocalPointer(pointer: { slide: number; at: Point } | null | undefined): void;
  /** The slide box the ink is drawn over, on the slide this page shows. */
  box(): HTMLElement | null;
}

/** Draws the room's ink on `deck`, from `client`'s reports and `ink` frames. */
export function mountInk(deck: InkDeck, client: RoomClient, { picture }: InkOptions = {}): InkScreen {
  const model = new InkModel();
  const layer = new InkLayer();
  const column = matchMedia(COLUMN);
  // undefined: show the room's laser; null: this page's laser is off; else where it points.
  let local: { slide: number; at: Point } | null | undefined;

  // The phone's picture of the slide as the projector shows it (only built where it is used).
  const figure = document.createElement("figure");
  figure.className = "ink-picture";
  figure.dataset.ink = "picture";
  figure.setAttribute("aria-hidden", "true");
  figure.hidden = true;
  const frame = document.createElement("div");
  frame.className = "ink-picture__frame";
  const caption = document.createElement("figcaption");
  caption.className = "ink-picture__caption";
  caption.textContent = pointerStrings[pageLocale()].picture;
  figure.append(frame, caption);
  let pictured: string | null = null;
  if (picture) deck.root.querySelector(".deck__stage")?.before(figure);

  const slideInner = (slide: number) => deck.slides[slide]?.querySelector<HTMLElement>(":scope > .slide__inner") ?? null;

  const render = () => {
    const { slide, step } = deck.position();
    const strokes = model.strokes(slide);
    const laser = local === undefined ? model.pointer : local;
    const pointer = laser && laser.slide === slide ? laser.at : null;
    const inPicture = picture !== undefined && column.matches;
    const host = inPicture ? (strokes.length > 0 || pointer ? pictureOf(slide, step) : null) : slideInner(slide);
    figure.hidden = !(inPicture && host);
    if (host && layer.element.parentElement !== host) host.append(layer.element);
    if (!host) layer.element.remove();
    layer.draw(strokes, pointer);
  };

  /** The picture's slide box for this slide and step: a still copy, made again when they change. */
  function pictureOf(slide: number, step: number): HTMLElement | null {
    const key = `${slide}/${step}`;
    if (pictured !== key) {
      const original = deck.slides[slide];
      if (!original) return null;
      frame.replaceChildren(picture!(original));
      pictured = key;
    }
    return frame.querySelector<HTMLElement>(".slide__inner");
  }

  client.watch("pointer", (report) => {
    model.load(report);
    render();
  });
  client.onMessage((message) => {
    if (message.type !== "ink") return;
    model.fold(message);
    render();
  });
  deck.onMove(render);
  column.addEventListener("change", render);
  render();

  return {
    model,
    surface: layer.element,
    render,
    setLocalPointer(pointer) {
      local = pointer;
      render();
    },
    box: () => (picture !== undefined && column.matches ? null : slideInner(deck.position().slide)),
  };
}
