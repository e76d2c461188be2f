import { getCollection, type CollectionEntry } from "astro:content";

export type SlideEntry = CollectionEntry<"slides">;

/** The talk in order: file names (`01-…`, `02-…`) decide it, never the loader's order. */
export async function getSlides(): Promise<SlideEntry[]> {
  const slides = await getCollection("slides");
  return slides.sort((a, b) => a.id.localeCompare(b.id, "en"));
}
