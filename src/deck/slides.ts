import { getCollection, type CollectionEntry } from "astro:content";
import { marked } from "marked";
import type { Locale } from "../i18n/locales.ts";

export type SlideEntry = CollectionEntry<"slides" | "slidesEn">;

const collections = { "pt-br": "slides", en: "slidesEn" } as const satisfies Record<Locale, string>;

/** The talk in order, in one language: file names (`01-…`, `02-…`) decide it, never the loader's order. */
export async function getSlides(locale: Locale): Promise<SlideEntry[]> {
  const slides: SlideEntry[] = await getCollection(collections[locale]);
  return slides.sort((a, b) => a.id.localeCompare(b.id, "en"));
}

/** A slide and its place in the talk: what the deck's slide and the reader's are drawn from. */
export interface PlacedSlide {
  slide: SlideEntry;
  /** 0-based. */
  index: number;
  total: number;
}

/** The speaker notes as HTML. They are the speaker's own Markdown, written in the repository: trusted content. */
export async function notesHtml(slide: SlideEntry): Promise<string> {
  return marked.parse(slide.data.notes);
}
