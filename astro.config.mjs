// @ts-check
import { createHash } from "node:crypto";
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import react from "@astrojs/react";
import { loadEnv } from "vite";
import { newsPage } from "./src/features/pages/newsPage.ts";
import { defaultLocale, locales } from "./src/i18n/locales.ts";

/** The PUBLIC_ variables the pages are built with (shell or .env), for the policy below. */
const env = loadEnv(process.env.NODE_ENV === "development" ? "development" : "production", process.cwd(), "PUBLIC_");

/**
 * Where pages may connect: their own origin, the room server when it lives on another host
 * (PUBLIC_PARTY_HOST, HTTP and WebSocket), and the join origin's WebSocket by name, because
 * Safari before 16 doesn't count ws:/wss: as 'self'.
 */
function connectSources() {
  const sources = ["'self'"];
  const party = env.PUBLIC_PARTY_HOST;
  if (party) {
    if (!/^[\w.-]+(:\d+)?$/.test(party)) throw new Error(`PUBLIC_PARTY_HOST must be host[:port], not "${party}"`);
    sources.push(...["http", "https", "ws", "wss"].map((scheme) => `${scheme}://${party}`));
  }
  if (env.PUBLIC_JOIN_ORIGIN) {
    const join = new URL(env.PUBLIC_JOIN_ORIGIN);
    sources.push(`${join.protocol === "https:" ? "wss" : "ws"}://${join.host}`);
  }
  return sources.join(" ");
}

/**
 * The pages demo draws a 2005 page in a srcdoc frame, which inherits this policy: its one
 * `<style>` element is allowed by hash, computed from the page itself so it never goes stale.
 */
function newsPageStyleHash() {
  const style = /<style type="text\/css">([\s\S]*?)<\/style>/.exec(newsPage({ visits: 0, time: "" }))?.[1];
  if (style === undefined) throw new Error("newsPage() has no <style> element to hash");
  return /** @type {`sha256-${string}`} */ (`sha256-${createHash("sha256").update(style).digest("base64")}`);
}

/**
 * github-dark-dimmed greys comments to #768390, 3.9:1 on its #22272e background: under the 4.5:1
 * WCAG AA asks of text. The same grey a little lighter (5.1:1) keeps them quiet but readable.
 * @type {import("shiki").ShikiTransformer}
 */
const readableComments = {
  name: "readable-comments",
  span(node) {
    const style = node.properties.style;
    if (typeof style === "string") node.properties.style = style.replace(/#768390/gi, "#8b98a5");
  },
};

export default defineConfig({
  // Trailing slashes match the static files the build writes (slides/3/index.html), so
  // `/slides/3/` works on any static host and on PartyKit's asset server alike.
  trailingSlash: "always",
  build: { format: "directory" },
  integrations: [react(), mdx()],
  // Portuguese, the talk's language, at the root; English under /en/ (src/pages/[...locale]/).
  i18n: {
    locales: [...locales],
    defaultLocale,
    routing: { prefixDefaultLocale: false },
  },
  markdown: {
    shikiConfig: { theme: "github-dark-dimmed", wrap: true, transformers: [readableComments] },
  },
  devToolbar: { enabled: false },
  // A Content-Security-Policy <meta> on every page: scripts only from this origin or hashed by
  // Astro (no inline script of anyone else's, no eval), `<style>` elements the same way. Style
  // *attributes* stay allowed: Shiki colours code with them and React writes them into the
  // server-rendered islands; they can't run code.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        `connect-src ${connectSources()}`,
        "font-src 'self' data:", // Vite inlines the smallest font subset as a data: URL
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      styleDirective: {
        resources: [{ resource: "'unsafe-inline'", kind: "attribute" }],
        hashes: [newsPageStyleHash()],
      },
    },
  },
});
