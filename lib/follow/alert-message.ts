// The text of reader e-mails, built only from the public shapes webhooks send
// (lib/webhooks/payload.ts reads published rows through the reader's selects), so an alert can
// carry nothing a reader could not see on the page. Every value is escaped in the HTML part.
// Words come from the message catalogs (namespace `alerts`), in the subscriber's language.
import type { Stage, TermsStatus } from "@/lib/generated/prisma/enums";
import { formatPartialDate } from "@/lib/dates";
import { intlLocale } from "@/lib/i18n-format";
import { escapeHtml } from "@/lib/format/html";
import type { DatePrecision } from "@/lib/generated/prisma/enums";
import { mailTranslator, type MailLocale, type MailTranslator } from "./mail-locale";

/** Which language each text field is in (the read API's `languages`); absent: English. */
type Languages = Partial<Record<string, string>>;
type NegotiationRef = { slug: string; title: string; stage: Stage; url: string; languages?: Languages };
type Correction = { note: string; correctedAt: string; languages?: Languages };
/** The webhook message's body (lib/webhooks/payload.ts), as far as an alert reads it. */
export type AlertItem = {
  type: string;
  data: {
    negotiation: NegotiationRef;
    development?: {
      id: string;
      title?: string;
      summary?: string;
      occurredOn?: string;
      occurredPrecision?: DatePrecision;
      corrections?: Correction[];
      languages?: Languages;
    };
    terms?: { number: number; status: TermsStatus; summary: string };
  };
};

export type MailParts = { subject: string; text: string; html: string };

/** An editorial text and the language it is actually in. */
export type MailText = { text: string; lang: string };
/** A piece of a message rendered for both parts: plain text, and HTML with every value escaped. */
type Rendered = { text: string; html: string };

const textOf = (text: string | undefined, languages: Languages | undefined, field: string): MailText => ({
  text: text ?? "",
  lang: languages?.[field] ?? "en",
});

/** Writes one message's pieces in `locale`; editorial text in another language is marked and noted. */
function writer(locale: MailLocale) {
  const t = mailTranslator(locale);
  const plain = (value: string): Rendered => ({ text: value, html: escapeHtml(value) });
  const editorial = ({ text, lang }: MailText): Rendered => {
    if (lang === locale || text === "") return plain(text);
    // The pages' note ("(النص بالإنجليزية)"); the HTML marks the text's own language and direction.
    const note = `(${t("untranslated.note", { lang })})`;
    return {
      text: `${text} ${note}`,
      html: `<span lang="${escapeHtml(lang)}" dir="${lang === "ar" ? "rtl" : "ltr"}">${escapeHtml(text)}</span> ${escapeHtml(note)}`,
    };
  };
  /**
   * A catalog message with rendered arguments: the plain part formats them in; the HTML part
   * escapes the message's own words and inserts each argument's HTML (escaped already) in place
   * of a marker that escaping leaves alone.
   */
  const fill = (key: string, args: Record<string, Rendered | number> = {}): Rendered => {
    const textArgs: Record<string, string | number> = {};
    const markerArgs: Record<string, string | number> = {};
    const htmlOf = new Map<string, string>();
    Object.entries(args).forEach(([name, value], index) => {
      if (typeof value === "number") {
        textArgs[name] = value;
        markerArgs[name] = value;
        return;
      }
      const marker = `\uE000${index}\uE001`;
      textArgs[name] = value.text;
      markerArgs[name] = marker;
      htmlOf.set(marker, value.html);
    });
    let html = escapeHtml(t(key as never, markerArgs as never));
    for (const [marker, value] of htmlOf) html = html.split(marker).join(value);
    return { text: t(key as never, textArgs as never), html };
  };
  const number = (value: number) => plain(new Intl.NumberFormat(intlLocale(locale)).format(value));
  return { t, locale, plain, editorial, fill, number };
}
type Writer = ReturnType<typeof writer>;

/** A development's date as the pages show it; English alerts keep their ISO day as before. */
function occurredOn(w: Writer, iso: string | undefined, precision: DatePrecision | undefined): string | undefined {
  if (!iso) return undefined;
  if (w.locale === "en") return iso.slice(0, 10);
  return formatPartialDate(new Date(iso), precision ?? "DAY", intlLocale(w.locale));
}

/** One change as a heading, a line of detail and its link. */
function describe(w: Writer, item: AlertItem): { heading: Rendered; detail: Rendered; url: string } {
  const { negotiation, development, terms } = item.data;
  const anchor = development ? `#development-${development.id}` : "";
  const url = `${negotiation.url}${anchor}`;
  const title = () => w.editorial(textOf(development?.title, development?.languages, "title"));
  const joined = (parts: Rendered[]): Rendered => ({
    text: parts.map((p) => p.text).join(" — "),
    html: parts.map((p) => p.html).join(" — "),
  });
  switch (item.type) {
    case "development.published": {
      const date = occurredOn(w, development?.occurredOn, development?.occurredPrecision);
      const summary = w.editorial(textOf(development?.summary, development?.languages, "summary"));
      return {
        heading: w.fill("alerts.newDevelopment", { title: title() }),
        detail: joined([...(date ? [w.plain(date)] : []), ...(summary.text ? [summary] : [])]),
        url,
      };
    }
    case "development.corrected": {
      const last = development?.corrections?.at(-1);
      return {
        heading: w.fill("alerts.correction", { title: title() }),
        detail: w.editorial(textOf(last?.note, last?.languages, "note")),
        url,
      };
    }
    case "terms.published":
      return {
        heading: w.fill("alerts.termsPublished", {
          number: w.number(terms?.number ?? 0),
          status: w.plain(terms ? w.t(`alerts.termsStatus.${terms.status}`) : ""),
        }),
        // Terms summaries have no translation field: an Arabic alert shows the English, noted.
        detail: w.editorial({ text: terms?.summary ?? "", lang: "en" }),
        url,
      };
    default:
      return {
        heading: w.fill("alerts.stageNow", { stage: w.plain(w.t(`stage.${negotiation.stage}`)) }),
        detail: w.plain(""),
        url,
      };
  }
}

const negotiationTitle = (w: Writer, ref: NegotiationRef) => w.editorial(textOf(ref.title, ref.languages, "title"));

/** The HTML document; an Arabic one reads right to left (English stays as it always was). */
const page = (locale: MailLocale, body: string) =>
  `<!doctype html><html lang="${locale}"${locale === "ar" ? ' dir="rtl"' : ""}><head><meta charset="utf-8"></head><body style="font-family:sans-serif;line-height:1.5;max-width:40em">${body}</body></html>`;

/** One message for one subscriber, in their language: every change of the batch, grouped by negotiation. */
export function alertMessage(items: AlertItem[], unsubscribeUrl: string, locale: MailLocale = "en"): MailParts {
  const w = writer(locale);
  const byNegotiation = new Map<string, AlertItem[]>();
  for (const item of items) {
    const key = item.data.negotiation.slug;
    byNegotiation.set(key, [...(byNegotiation.get(key) ?? []), item]);
  }
  const groups = [...byNegotiation.values()];
  // The subject is short: the title as written, without the "in English" note.
  const first = groups[0]![0]!.data.negotiation.title;
  const count = { count: items.length, n: w.number(items.length) };
  const subject =
    groups.length === 1
      ? `${first}: ${items.length === 1 ? describe(w, items[0]!).heading.text : w.fill("alerts.updates", count).text}`
      : w.fill("alerts.updatesOn", { ...count, groups: groups.length, g: w.number(groups.length) }).text;
  const text = groups
    .map((group) => {
      const lines = group.map((item) => {
        const { heading, detail, url } = describe(w, item);
        return [`* ${heading.text}`, detail.text ? `  ${detail.text}` : "", `  ${url}`].filter(Boolean).join("\n");
      });
      return `${negotiationTitle(w, group[0]!.data.negotiation).text}\n\n${lines.join("\n\n")}`;
    })
    .join("\n\n---\n\n");
  const html = groups
    .map((group) => {
      const entries = group.map((item) => {
        const { heading, detail, url } = describe(w, item);
        return `<li><a href="${escapeHtml(url)}">${heading.html}</a>${detail.text ? `<br>${detail.html}` : ""}</li>`;
      });
      return `<h2>${negotiationTitle(w, group[0]!.data.negotiation).html}</h2><ul>${entries.join("")}</ul>`;
    })
    .join("");
  const footer = w.t("alerts.footer");
  const unsubscribeLink = w.t.markup("alerts.unsubscribeHtml", {
    link: (chunks) => `<a href="${escapeHtml(unsubscribeUrl)}">${chunks}</a>`,
  });
  return {
    subject,
    text: `${text}\n\n--\n${footer}\n${w.t("alerts.unsubscribeText", { url: unsubscribeUrl })}\n`,
    html: page(locale, `${html}<hr><p style="font-size:small">${escapeHtml(footer)} ${unsubscribeLink}</p>`),
  };
}

/**
 * The double opt-in message, in the language asked for: nothing else is sent until its link is
 * followed. `negotiation` is the followed negotiation's title (null: every negotiation).
 */
export function confirmationMessage(
  negotiation: MailText | null,
  confirmUrl: string,
  hours: number,
  locale: MailLocale = "en",
): MailParts {
  const w = writer(locale);
  const scope = negotiation
    ? w.fill("alerts.confirm.scopeOne", { title: w.editorial(negotiation) })
    : w.fill("alerts.confirm.scopeAll");
  const intro = w.fill("alerts.confirm.intro", { scope });
  const ignore = w.fill("alerts.confirm.ignore", { hours, h: w.number(hours) });
  return {
    subject: w.t("alerts.confirm.subject"),
    text: `${intro.text}\n\n${w.t("alerts.confirm.linkText", { url: confirmUrl })}\n\n${ignore.text}\n`,
    html: page(
      locale,
      `<p>${intro.html}</p><p><a href="${escapeHtml(confirmUrl)}">${escapeHtml(w.t("alerts.confirm.linkHtml"))}</a></p><p>${ignore.html}</p>`,
    ),
  };
}

export type { MailLocale, MailTranslator };
