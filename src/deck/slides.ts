import { getCollection, type CollectionEntry } from "astro:content";
import type { Locale } from "../i18n/locales.ts";

export type SlideEntry = CollectionEntry<"slides" | "slidesEn">;

const collections = { "pt-br": "slides", en: "slidesEn" } as const satisfies Record<Locale, string>;

/** The talk in order, in one language: file names (`01-…`, `02-…`) decide it, never the loader's order. */
export async function getSlides(locale: Locale): Promise<SlideEntry[]> {
  const slides: SlideEntry[] = await getCollection(collections[locale]);
  return slides.sort((a, b) => a.id.localeCompare(b.id, "en"));
}
