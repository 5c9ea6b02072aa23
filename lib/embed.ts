import { createHash } from "node:crypto";
import { createTranslator } from "use-intl/core";
import { directionOf, type Locale } from "@/i18n/routing";
import arMessages from "@/messages/ar.json";
import enMessages from "@/messages/en.json";
import { intlLocale } from "./i18n-format";
import type { NegotiationView } from "@/lib/data/reader/types";
import { formatPartialDate } from "./dates";
import { stageLabels, termsStatusLabels } from "./format/labels";
import { escapeHtml } from "./format/html";
import { citationSentence } from "./format/citation";
import { termsConfidence } from "./format/confidence";
import { confidenceWords, directionText, sideDirections } from "./format/directions";
import { localizedActorName, localizedSideName } from "./format/localized-actor";
import { untranslatedNote } from "./format/localized-html";
import type { LocalizedText } from "@/lib/translations/fields";

export const EMBED_HEIGHT = 280;

// Tells the host page how tall the card is, so it can size the iframe.
const RESIZE_SCRIPT = `(function(){function s(){parent.postMessage({type:"parley:embed-height",height:Math.ceil(document.body.getBoundingClientRect().height)},"*")}addEventListener("load",s);addEventListener("resize",s);s()})();`;
const RESIZE_HASH = `sha256-${createHash("sha256").update(RESIZE_SCRIPT).digest("base64")}`;

/** Embeds may be framed by any site, set no cookies and run only their own hashed script. */
export const EMBED_POLICY = [
  "default-src 'none'",
  `script-src '${RESIZE_HASH}'`,
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  "frame-ancestors *",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

export type EmbedTheme = "light" | "dark" | "auto";
export type EmbedOptions = { theme: EmbedTheme; transparent: boolean; lang: Locale };

/**
 * `?theme=light|dark|auto&transparent=1&lang=en|ar`; light by default, so the card matches most
 * host pages, not the reader's OS; English unless asked for Arabic.
 */
export function embedOptions(params: URLSearchParams): EmbedOptions {
  const theme = params.get("theme");
  return {
    theme: theme === "dark" || theme === "auto" ? theme : "light",
    transparent: params.get("transparent") === "1" || params.get("transparent") === "true",
    lang: params.get("lang") === "ar" ? "ar" : "en",
  };
}

/** The embed's words, from the same catalogs as the pages. */
export function embedTranslator(lang: Locale) {
  return createTranslator({ locale: lang, messages: lang === "ar" ? arMessages : enMessages });
}

const LIGHT =
  "--fg:#14213d;--bg:#fff;--muted:#44403c;--line:#a8a29e;--bar:#f5f5f4;--ok:#047857;--warn-bg:#fffbeb;--warn:#78350f";
const DARK =
  "--fg:#f5f5f4;--bg:#1c1917;--muted:#d6d3d1;--line:#78716c;--bar:#292524;--ok:#34d399;--warn-bg:#451a03;--warn:#fde68a";

function themeCss({ theme, transparent }: EmbedOptions): string {
  const base =
    theme === "dark"
      ? `:root{color-scheme:dark;${DARK}}`
      : theme === "auto"
        ? `:root{color-scheme:light dark;${LIGHT}}@media (prefers-color-scheme:dark){:root{${DARK}}}`
        : `:root{color-scheme:light;${LIGHT}}`;
  // A transparent card lets the host's background through; the text colours still follow the theme.
  return transparent ? `${base}:root{--bg:transparent}html,body{background:transparent}` : base;
}

/**
 * The compact card as a standalone HTML document (no app shell, no client framework): who
 * releases whom and how far it has got, the caveats on the terms, and where they come from.
 */
export function renderEmbed(
  negotiation: NegotiationView,
  pageUrl: string,
  options: EmbedOptions = { theme: "light", transparent: false, lang: "en" },
): string {
  const { lang } = options;
  const t = embedTranslator(lang);
  // Generated wording (quantities, citation sentences) stays English: marked as such on other cards.
  const en = lang === "en" ? "" : ' lang="en"';
  // Editorial text in the card's language where translated; English marked, with the note, where not.
  const title = negotiation.localized.title;
  const titleHtml =
    title.lang === lang
      ? escapeHtml(title.text)
      : `<span lang="${title.lang}" dir="auto">${escapeHtml(title.text)}</span> <span class="note">${escapeHtml(untranslatedNote(lang, title.lang))}</span>`;
  const name = (text: LocalizedText) =>
    `<bdi${text.lang === lang ? "" : ` lang="${text.lang}"`}>${escapeHtml(text.text)}</bdi>`;
  // The arrow points the way the line reads: leftward on a right-to-left card.
  const arrow = directionOf(lang) === "rtl" ? "←" : "→";
  const current = negotiation.phases.filter((p) => p.current);
  const terms = current.length === 1 ? current[0]!.current : null;
  const citations = current.flatMap((p) => p.current!.citations);
  const bar = (value: number, max: number, label: string) =>
    `<div class="bar" role="progressbar" aria-valuemin="0" aria-valuemax="${max}" aria-valuenow="${value}" aria-label="${escapeHtml(label)}"><span style="width:${Math.min(100, Math.round((value / max) * 100))}%"></span></div>`;
  const sides = negotiation.sides
    .map((side) => {
      const lines = sideDirections(negotiation, side)
        .map((d) =>
          lang === "en"
            ? `<strong dir="auto">${escapeHtml(directionText(d))}</strong>`
            : `<strong>${name(localizedActorName(d.releasing, lang))} ${arrow} <span lang="en" dir="auto">${escapeHtml(d.what)}</span> ${arrow} ${name(localizedActorName(d.receiving, lang))}</strong>`,
        )
        .join("");
      const who = localizedSideName(side, lang);
      const released = t("embed.released", { side: who.text, progress: side.progressText });
      const releasedHtml =
        lang === "en"
          ? escapeHtml(released)
          : messageHtml(t("embed.released", { side: SLOTS[0], progress: SLOTS[1] }), [
              name(who),
              `<span lang="en" dir="auto">${escapeHtml(side.progressText)}</span>`,
            ]);
      return `<li>${lines}<small>${releasedHtml}</small>${side.target ? bar(side.releasedCount, side.target, released) : ""}</li>`;
    })
    .join("");
  const confidence = termsConfidence(citations);
  const caveats =
    lang === "en"
      ? confidenceWords(confidence)
      : [
          ...(confidence.singleAnonymousSource ? [t("answer.singleAnonymous")] : []),
          ...(confidence.unconfirmedBySides ? [t("answer.unconfirmed")] : []),
          ...(confidence.lowestRating
            ? [
                t("answer.weakest", {
                  rating: confidence.lowestRating,
                  meaning: t(`reliability.${confidence.lowestRating}`),
                }),
              ]
            : []),
        ];
  const latest = negotiation.latestDevelopment
    ? ` · ${escapeHtml(
        t("embed.latest", {
          date: formatPartialDate(
            new Date(negotiation.latestDevelopment.on),
            negotiation.latestDevelopment.precision,
            intlLocale(lang),
          ),
        }),
      )}`
    : "";
  const sourceLine =
    citations.length > 0
      ? `${escapeHtml(t("embed.source"))} <span${en}>${escapeHtml(citationSentence(citations))}</span>`
      : "";
  const stage = lang === "en" ? stageLabels[negotiation.stage] : t(`stage.${negotiation.stage}`);
  const status = terms
    ? ` · ${escapeHtml(t("embed.terms", { status: lang === "en" ? termsStatusLabels[terms.status].toLowerCase() : t(`termsStatus.${terms.status}`) }))}`
    : "";
  return `<!doctype html><html lang="${lang}" dir="${directionOf(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><link rel="icon" href="/icon.svg" type="image/svg+xml"><title>${escapeHtml(title.text)} · ${escapeHtml(t("embed.siteName"))}</title>
<style>
${themeCss(options)}
body{margin:0;font:15px/1.4 system-ui,"Noto Sans Arabic",sans-serif;color:var(--fg);background:var(--bg)}
.card{border:2px solid var(--fg);border-radius:10px;padding:14px}
h1{font:700 17px/1.25 Georgia,serif;margin:4px 0 10px}
.meta,small{color:var(--muted);font-size:12px;display:block}
.note{font:400 12px/1.4 system-ui,"Noto Sans Arabic",sans-serif;color:var(--muted)}
ul{list-style:none;margin:0;padding:0;display:grid;gap:10px;grid-template-columns:repeat(auto-fit,minmax(220px,1fr))}
li{border:1px solid var(--line);border-radius:8px;padding:10px}
strong{display:block;font-size:17px}
.bar{height:10px;background:var(--bar);border:1px solid var(--line);border-radius:5px;overflow:hidden;margin-top:6px}.bar span{display:block;height:100%;background:var(--ok)}
.caveat{margin:10px 0 0;padding:6px 8px;border-radius:6px;background:var(--warn-bg);color:var(--warn);font-size:13px;font-weight:600}
p{margin:8px 0 0}
a{color:inherit}
</style></head><body><main class="card">
<span class="meta">${escapeHtml(stage)}${status}${latest}</span>
<h1 dir="auto">${titleHtml}</h1>
${sides ? `<ul>${sides}</ul>` : `<p>${escapeHtml(t("card.noTerms"))}</p>`}
${caveats.length > 0 ? `<p class="caveat">⚠ ${caveats.map(escapeHtml).join(" · ")}</p>` : ""}
${sourceLine ? `<p class="meta" dir="auto">${sourceLine}</p>` : ""}
<p class="meta"><a href="${escapeHtml(pageUrl)}" target="_blank" rel="noopener">${escapeHtml(t("embed.more"))}</a></p>
</main><script>${RESIZE_SCRIPT}</script></body></html>`;
}

/** Private-use characters standing in for arguments given as HTML (catalog text has none). */
const SLOTS = ["\uE000", "\uE001"] as const;

/**
 * A catalog message formatted with SLOTS as its arguments, as HTML: the catalog's words are
 * escaped and each slot becomes its HTML (a marked name, English wording), in one pass so that
 * inserted HTML is never read again.
 */
function messageHtml(message: string, html: string[]): string {
  return escapeHtml(message).replace(/[\uE000\uE001]/g, (slot) => html[slot.charCodeAt(0) - 0xe000] ?? "");
}

/** What a news site pastes: the iframe plus a listener that sizes it. */
export function embedSnippet(embedUrl: string, title: string): string {
  return `<iframe src="${escapeHtml(embedUrl)}" title="${escapeHtml(title)}" style="width:100%;border:0" height="${EMBED_HEIGHT}" loading="lazy" data-parley-embed></iframe>
<script>addEventListener("message",function(e){if(e.data&&e.data.type==="parley:embed-height"){document.querySelectorAll("iframe[data-parley-embed]").forEach(function(f){if(f.contentWindow===e.source)f.height=e.data.height})}})</script>`;
}
