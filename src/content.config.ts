import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { slideSchema } from "./deck/schema.ts";

// The talk lives in /slides, apart from the code: one MDX file per slide, ordered by file name.
// Portuguese at the top, each translation in a folder of its locale with the same file names.
const slides = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./slides" }),
  schema: slideSchema,
});
const slidesEn = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./slides/en" }),
  schema: slideSchema,
});

export const collections = { slides, slidesEn };
