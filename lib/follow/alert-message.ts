// The text of reader e-mails, built only from the public shapes webhooks send
// (lib/webhooks/payload.ts reads published rows through the reader's selects), so an alert can
// carry nothing a reader could not see on the page. Every value is escaped in the HTML part.
import { escapeHtml } from "@/lib/format/html";
import { stageLabels, termsStatusLabels } from "@/lib/format/labels";
import type { Stage, TermsStatus } from "@/lib/generated/prisma/enums";

type NegotiationRef = { slug: string; title: string; stage: Stage; url: string };
type Correction = { note: string; correctedAt: string };
/** The webhook message's body (lib/webhooks/payload.ts), as far as an alert reads it. */
export type AlertItem = {
  type: string;
  data: {
    negotiation: NegotiationRef;
    development?: { id: string; title?: string; summary?: string; occurredOn?: string; corrections?: Correction[] };
    terms?: { number: number; status: TermsStatus; summary: string };
  };
};

export type MailParts = { subject: string; text: string; html: string };

/** One change as a heading, a line of detail and its link. */
function describe(item: AlertItem): { heading: string; detail: string; url: string } {
  const { negotiation, development, terms } = item.data;
  const anchor = development ? `#development-${development.id}` : "";
  const url = `${negotiation.url}${anchor}`;
  switch (item.type) {
    case "development.published":
      return {
        heading: `New development: ${development?.title ?? ""}`,
        detail: [development?.occurredOn?.slice(0, 10), development?.summary].filter(Boolean).join(" — "),
        url,
      };
    case "development.corrected":
      return {
        heading: `Correction: ${development?.title ?? ""}`,
        detail: development?.corrections?.at(-1)?.note ?? "",
        url,
      };
    case "terms.published":
      return {
        heading: `Terms published: version ${terms?.number ?? ""} (${terms ? termsStatusLabels[terms.status] : ""})`,
        detail: terms?.summary ?? "",
        url,
      };
    default:
      return { heading: `Stage now: ${stageLabels[negotiation.stage]}`, detail: "", url };
  }
}

const footerText = (unsubscribeUrl: string) =>
  `You receive this because you confirmed an alert subscription on Parley.\nUnsubscribe (one click): ${unsubscribeUrl}`;

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body style="font-family:sans-serif;line-height:1.5;max-width:40em">${body}</body></html>`;

/** One message for one subscriber: every change of the batch, grouped by negotiation. */
export function alertMessage(items: AlertItem[], unsubscribeUrl: string): MailParts {
  const byNegotiation = new Map<string, AlertItem[]>();
  for (const item of items) {
    const key = item.data.negotiation.slug;
    byNegotiation.set(key, [...(byNegotiation.get(key) ?? []), item]);
  }
  const groups = [...byNegotiation.values()];
  const first = groups[0]![0]!.data.negotiation.title;
  const subject =
    groups.length === 1
      ? `${first}: ${items.length === 1 ? describe(items[0]!).heading : `${items.length} updates`}`
      : `${items.length} updates on ${groups.length} negotiations`;
  const text = groups
    .map((group) => {
      const lines = group.map((item) => {
        const { heading, detail, url } = describe(item);
        return [`* ${heading}`, detail ? `  ${detail}` : "", `  ${url}`].filter(Boolean).join("\n");
      });
      return `${group[0]!.data.negotiation.title}\n\n${lines.join("\n\n")}`;
    })
    .join("\n\n---\n\n");
  const html = groups
    .map((group) => {
      const entries = group.map((item) => {
        const { heading, detail, url } = describe(item);
        return `<li><a href="${escapeHtml(url)}">${escapeHtml(heading)}</a>${detail ? `<br>${escapeHtml(detail)}` : ""}</li>`;
      });
      return `<h2>${escapeHtml(group[0]!.data.negotiation.title)}</h2><ul>${entries.join("")}</ul>`;
    })
    .join("");
  return {
    subject,
    text: `${text}\n\n--\n${footerText(unsubscribeUrl)}\n`,
    html: page(
      `${html}<hr><p style="font-size:small">You receive this because you confirmed an alert subscription on Parley. <a href="${escapeHtml(unsubscribeUrl)}">Unsubscribe</a> (one click).</p>`,
    ),
  };
}

/** The double opt-in message: nothing else is sent until its link is followed. */
export function confirmationMessage(scope: string, confirmUrl: string, hours: number): MailParts {
  const intro = `Someone — hopefully you — asked Parley to send alerts about ${scope} to this address.`;
  const ignore = `If it was not you, ignore this message: without confirmation nothing is sent, and the request is forgotten. The link works for ${hours} hours.`;
  return {
    subject: "Confirm your Parley alerts",
    text: `${intro}\n\nConfirm: ${confirmUrl}\n\n${ignore}\n`,
    html: page(
      `<p>${escapeHtml(intro)}</p><p><a href="${escapeHtml(confirmUrl)}">Confirm the alerts</a></p><p>${escapeHtml(ignore)}</p>`,
    ),
  };
}
