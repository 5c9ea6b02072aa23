import { createHash } from "node:crypto";
import type { NegotiationView } from "@/lib/data/reader/types";
import { formatPartialDate } from "./dates";
import { stageLabels, termsStatusLabels } from "./format/labels";
import { escapeHtml } from "./format/html";

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

/** The compact terms card as a standalone HTML document (no app shell, no client framework). */
export function renderEmbed(negotiation: NegotiationView, pageUrl: string): string {
  const current = negotiation.phases.filter((p) => p.current);
  const terms = current.length === 1 ? current[0]!.current : null;
  const bar = (value: number, max: number, label: string) =>
    `<div class="bar" role="progressbar" aria-valuemin="0" aria-valuemax="${max}" aria-valuenow="${value}" aria-label="${escapeHtml(label)}"><span style="width:${Math.min(100, Math.round((value / max) * 100))}%"></span></div>`;
  const sides = negotiation.sides
    .map((side) => {
      const who = side.label ?? side.actor.shortName ?? side.actor.name;
      const label = `${who}: released ${side.progressText}`;
      return `<li><small>${escapeHtml(who)} released</small><strong>${escapeHtml(side.progressText)}</strong>${side.target ? bar(side.releasedCount, side.target, label) : ""}</li>`;
    })
    .join("");
  const obligations = current
    .flatMap((phase) =>
      phase
        .current!.obligations.filter((o) => !o.withdrawn)
        .map((o) => {
          const prefix = current.length > 1 ? `${phase.name || `Phase ${phase.number}`} · ` : "";
          return `<li><small>${escapeHtml(prefix + (o.releasing.shortName ?? o.releasing.name))} releases</small><strong>${escapeHtml(o.text)}</strong><small>${escapeHtml(o.progressText)} released</small></li>`;
        }),
    )
    .join("");
  const items = sides + obligations;
  const updated = formatPartialDate(new Date(negotiation.updatedAt), "DAY");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(negotiation.title)} · Parley</title>
<style>
:root{color-scheme:light dark;--fg:#14213d;--bg:#fff;--muted:#57534e;--line:#d6d3d1;--bar:#e7e5e4;--ok:#059669}
@media (prefers-color-scheme:dark){:root{--fg:#f5f5f4;--bg:#1c1917;--muted:#a8a29e;--line:#44403c;--bar:#44403c;--ok:#34d399}}
body{margin:0;font:15px/1.4 system-ui,sans-serif;color:var(--fg);background:var(--bg)}
.card{border:2px solid var(--fg);border-radius:10px;padding:14px}
h1{font:700 17px/1.25 Georgia,serif;margin:4px 0 10px}
.meta,small{color:var(--muted);font-size:12px;display:block}
ul{list-style:none;margin:0;padding:0;display:grid;gap:10px;grid-template-columns:repeat(auto-fit,minmax(180px,1fr))}
li{border:1px solid var(--line);border-radius:8px;padding:10px}
strong{display:block;font-size:20px}
.bar{height:6px;background:var(--bar);border-radius:3px;overflow:hidden;margin-top:6px}.bar span{display:block;height:100%;background:var(--ok)}
a{color:inherit}
</style></head><body><article class="card">
<span class="meta">${escapeHtml(stageLabels[negotiation.stage])}${terms ? ` · terms ${escapeHtml(termsStatusLabels[terms.status].toLowerCase())}` : ""} · updated ${escapeHtml(updated)}</span>
<h1 dir="auto">${escapeHtml(negotiation.title)}</h1>
${current.length > 0 ? `<ul>${items}</ul>` : "<p>No terms reported yet.</p>"}
<p class="meta"><a href="${escapeHtml(pageUrl)}" target="_blank" rel="noopener">Sources and full timeline on Parley</a></p>
</article><script>${RESIZE_SCRIPT}</script></body></html>`;
}

/** What a news site pastes: the iframe plus a listener that sizes it. */
export function embedSnippet(embedUrl: string, title: string): string {
  return `<iframe src="${escapeHtml(embedUrl)}" title="${escapeHtml(title)}" style="width:100%;border:0" height="${EMBED_HEIGHT}" loading="lazy" data-parley-embed></iframe>
<script>addEventListener("message",function(e){if(e.data&&e.data.type==="parley:embed-height"){document.querySelectorAll("iframe[data-parley-embed]").forEach(function(f){if(f.contentWindow===e.source)f.height=e.data.height})}})</script>`;
}
