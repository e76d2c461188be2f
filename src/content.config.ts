import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { slideSchema } from "./deck/schema.ts";

// The talk lives in /slides, apart from the code: one MDX file per slide, ordered by file name.
const slides = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./slides" }),
  schema: slideSchema,
});

export const collections = { slides };
