// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import react from "@astrojs/react";

export default defineConfig({
  // Trailing slashes match the static files the build writes (slides/3/index.html), so
  // `/slides/3/` works on any static host and on PartyKit's asset server alike.
  trailingSlash: "always",
  build: { format: "directory" },
  integrations: [react(), mdx()],
  markdown: {
    shikiConfig: { theme: "github-dark-dimmed", wrap: true },
  },
  devToolbar: { enabled: false },
});
