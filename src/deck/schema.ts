import { z } from "astro/zod";

/**
 * The kinds of slide, each a layout in src/styles/slide.css. (Not called `layout`: in MDX
 * frontmatter that key makes Astro import a layout component of that name.)
 */
export const slideKinds = ["default", "cover", "section", "center", "credits"] as const;

/**
 * The frontmatter of one slide (`slides/NN-name.mdx`). Kept apart from `content.config.ts`
 * so unit tests can validate the content with exactly the schema Astro uses.
 */
export const slideSchema = z.strictObject({
  title: z.string().trim().min(1),
  /** The part of the talk this slide belongs to, as shown to people (Portuguese). */
  section: z.string().trim().min(1),
  /** Speaker notes (Markdown): what to say, and the facts behind the slide. */
  notes: z.string().trim().min(80),
  /** How many step reveals the slide has; step 0 is the slide as it first appears. */
  steps: z.number().int().min(0).max(20).default(0),
  kind: z.enum(slideKinds).default("default"),
  /**
   * In a live room, the projector shows how to join (QR code, address, room code) beside this
   * slide until the presenter hides it (J): for the opening slides, while people sit down.
   */
  join: z.boolean().default(false),
  /** Names rolled on the credits slide. */
  credits: z.array(z.string().trim().min(1)).optional(),
});

export type SlideData = z.infer<typeof slideSchema>;
