/**
 * The pages demo's two answers to the same update (the site's visit counter, and when it was
 * read): a whole 2005-style news page, as a server then sent it on every F5, and the JSON an
 * AJAX call fetches instead. Same content, same moment; only the packaging differs. The page
 * is written in the language the phone asked in; its style is the same in every language,
 * because the site's Content-Security-Policy allows that one <style> by its hash (astro.config.mjs).
 */
import { defaultLocale, htmlLang, type Locale } from "../../i18n/locales.ts";
import { newsPageStrings, type NewsStory } from "./strings.ts";

export interface Visit {
  /** The visit counter, after this load. */
  visits: number;
  /** When the server read it, in the viewer's zone: "21:04:05 GMT-3". */
  time: string;
}

/** What the AJAX route sends: the update and nothing else. */
export function visitJson(visit: Visit): string {
  return JSON.stringify({ visits: visit.visits, time: visit.time });
}

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const UNESCAPES: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(ESCAPES).map(([char, entity]) => [entity, char]));

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/**
 * The update a page of `newsPage` carries, read back from its markup (null for any other text):
 * what the presenter's page load sends the projector, which draws the same page again.
 */
export function visitOfPage(html: string): Visit | null {
  const visits = /<p class="contador" id="visitas">(\d+)<\/p>/.exec(html)?.[1];
  const time = /<b id="hora">([^<]*)<\/b>/.exec(html)?.[1];
  if (visits === undefined || time === undefined) return null;
  return { visits: Number(visits), time: time.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => UNESCAPES[entity]!) };
}

/** The counter as the era drew it: six digits, zeros in front. */
export function counterDigits(visits: number): string {
  return String(Math.max(0, Math.floor(visits))).padStart(6, "0");
}

/** An IANA time zone name as a browser reports it ("America/Sao_Paulo", "UTC"): letters, digits, _ + - and /. */
const ZONE = /^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+){0,2}$/;

/**
 * The zone a request asked to read the clock in (`?tz=`, the viewer's own, e.g. America/Sao_Paulo):
 * UTC when it names none, or one this runtime doesn't know. The clock says which it used.
 */
export function zoneOf(params: URLSearchParams): string {
  const values = params.getAll("tz");
  const zone = values.length === 1 ? values[0]! : "";
  if (zone.length > 64 || !ZONE.test(zone)) return "UTC";
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    return "UTC";
  }
}

/**
 * The server's clock as a wall clock in the viewer's zone, labelled with its offset so nobody
 * mistakes whose time it is: "20:04:05 GMT-3". Built from parts, so it reads the same in every
 * language and runtime.
 */
export function wallClock(at: number, zone = "UTC"): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZone: zone,
    timeZoneName: "shortOffset",
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const label = zone === "UTC" ? "UTC" : part("timeZoneName");
  return `${part("hour")}:${part("minute")}:${part("second")} ${label}`;
}

const STYLE = `
body { margin: 0; padding: 10px 0; background: #d9dde4; font: 13px Verdana, Arial, Helvetica, sans-serif; color: #222; }
a { color: #0645ad; }
#pagina { width: 760px; margin: 0 auto; background: #fff; border: 1px solid #8a93a6; }
#topo { padding: 14px 18px; background: #1d3f73; background-image: linear-gradient(#2c5aa0, #1d3f73); color: #fff; }
#topo h1 { margin: 0; font: bold 26px Georgia, "Times New Roman", serif; letter-spacing: 1px; }
#topo p { margin: 4px 0 0; font-size: 11px; color: #c9d8f0; }
#menu { margin: 0; padding: 6px 18px; background: #f2c200; border-bottom: 1px solid #b38b00; list-style: none; }
#menu li { display: inline; margin-right: 14px; font-weight: bold; font-size: 12px; }
#menu a { color: #1d3f73; text-decoration: none; }
#conteudo { overflow: hidden; padding: 12px 18px; }
#principal { float: left; width: 500px; }
#principal h2 { margin: 0 0 8px; padding-bottom: 3px; border-bottom: 2px solid #1d3f73; font-size: 16px; color: #1d3f73; }
.noticia { margin-bottom: 12px; }
.noticia h3 { margin: 0; font-size: 14px; }
.noticia .data { margin: 1px 0 3px; font-size: 10px; color: #777; }
.noticia p { margin: 0; line-height: 1.4; }
#lateral { float: right; width: 200px; }
.caixa { margin-bottom: 12px; border: 1px solid #b7c0d0; background: #f4f6fa; }
.caixa h4 { margin: 0; padding: 4px 6px; background: #1d3f73; color: #fff; font-size: 11px; text-transform: uppercase; }
.caixa p, .caixa form { margin: 6px; font-size: 11px; }
.contador { font: bold 22px "Courier New", monospace; letter-spacing: 3px; text-align: center; color: #0f0; background: #000; padding: 4px 0; }
#rodape { clear: both; padding: 8px 18px; border-top: 1px solid #8a93a6; background: #eef0f4; font-size: 10px; color: #555; text-align: center; }
`;

function story({ date, title, text }: NewsStory): string {
  return `<div class="noticia">
<h3><a href="#">${escapeHtml(title)}</a></h3>
<p class="data">${escapeHtml(date)}</p>
<p>${escapeHtml(text)}</p>
</div>`;
}

const link = (text: string) => `<a href="#">${escapeHtml(text)}</a>`;

/** The whole page, as a 2005 server rendered it: everything sent again for a new counter. */
export function newsPage(visit: Visit, locale: Locale = defaultLocale): string {
  const t = newsPageStrings[locale];
  const lang = htmlLang[locale];
  const number = `<b>${escapeHtml(String(visit.visits))}</b>`;
  const time = `<b id="hora">${escapeHtml(visit.time)}</b>`;
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="${lang}" xml:lang="${lang}">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>${escapeHtml(t.title)}</title>
<style type="text/css">${STYLE}</style>
</head>
<body>
<div id="pagina">
<div id="topo">
<h1>${escapeHtml(t.name)}</h1>
<p>${escapeHtml(t.tagline)}</p>
</div>
<ul id="menu">
${t.menu.map((item) => `<li>${link(item)}</li>`).join("\n")}
</ul>
<div id="conteudo">
<div id="principal">
<h2>${escapeHtml(t.latest)}</h2>
${t.stories.map(story).join("\n")}
</div>
<div id="lateral">
<div class="caixa">
<h4>${escapeHtml(t.counter)}</h4>
<p class="contador" id="visitas">${escapeHtml(counterDigits(visit.visits))}</p>
<p>${t.visitor(number, time)}</p>
</div>
<div class="caixa">
<h4>${escapeHtml(t.poll)}</h4>
<form action="#">
<p>${escapeHtml(t.question)}</p>
<p><label><input type="radio" name="nav" /> Internet Explorer 6</label><br />
<label><input type="radio" name="nav" /> Firefox 1.0</label><br />
<label><input type="radio" name="nav" /> Opera 8</label><br />
<label><input type="radio" name="nav" /> Netscape 7</label></p>
<p><input type="submit" value="${escapeHtml(t.vote)}" /></p>
</form>
</div>
<div class="caixa">
<h4>${escapeHtml(t.partners)}</h4>
<p>${t.links.map(link).join("<br />")}</p>
</div>
</div>
</div>
<div id="rodape">${escapeHtml(t.footer)}</div>
</div>
</body>
</html>
`;
}
