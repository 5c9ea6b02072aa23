import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { Badge } from "@/components/ui/badge";
import type { DevelopmentView } from "@/lib/data/reader/types";
import { formatPartialDate } from "@/lib/dates";
import { intlLocale } from "@/lib/i18n-format";
import { isLocale } from "@/i18n/routing";
import { CitationDisclosure } from "./citation-list";
import { CitationSentence } from "./citation-sentence";
import { PartialDate } from "./partial-date";
import { TransferLine } from "./transfer-line";
import { Untranslated } from "./untranslated";

export function developmentAnchor(id: string) {
  return `development-${id}`;
}

export function DevelopmentItem({ development, locale = "en" }: { development: DevelopmentView; locale?: string }) {
  // Title and summary in the page's language where translated, else the English marked as such.
  const { title, summary } = development.localized ?? {
    title: { text: development.title, lang: "en" },
    summary: { text: development.summary, lang: "en" },
  };
  const t = useTranslations("pageTimeline");
  const figures = useTranslations("pageFigures");
  const day = (iso: string) => formatPartialDate(new Date(iso), "DAY", intlLocale(isLocale(locale) ? locale : "en"));
  const anchor = developmentAnchor(development.id);
  const lastCorrection = development.corrections.at(-1);
  return (
    <li
      id={anchor}
      className="scroll-mt-4 border-s-2 border-stone-300 pb-6 ps-4 dark:border-stone-700"
      data-testid="development"
    >
      <p className="flex flex-wrap items-center gap-2 text-sm text-stone-600 dark:text-stone-400">
        <span data-testid="development-date">
          <PartialDate iso={development.occurredOn} precision={development.occurredPrecision} />
        </span>
        <Badge label={t("kindLabel")}>{t("kind", { kind: development.kind })}</Badge>
        {development.key ? <Badge label={t("markedLabel")}>{t("keyEvent")}</Badge> : null}
        {development.singleAnonymousSource ? (
          <Badge tone="alert" label={t("sourcingLabel")}>
            {t("singleAnonymous")}
          </Badge>
        ) : null}
        {lastCorrection ? (
          <Badge tone="alert" label={t("correctionLabel")}>
            {t("correctedOn", { date: day(lastCorrection.correctedAt) })}
          </Badge>
        ) : null}
      </p>
      <h3 className="mt-1 font-serif text-lg font-semibold" dir="auto">
        <Link href={`#${anchor}`} className="hover:underline">
          <Untranslated text={title.text} lang={title.lang} pageLocale={locale} note={false} />
        </Link>
      </h3>
      <p className="mt-1" dir="auto">
        <Untranslated text={summary.text} lang={summary.lang} pageLocale={locale} />
      </p>
      {development.transfers.length > 0 ? (
        <ul className="mt-2 grid gap-1 text-sm" aria-label={t("transfersLabel")} data-testid="development-transfers">
          {development.transfers.map((transfer) => (
            <li key={transfer.id}>
              <TransferLine transfer={transfer} />
            </li>
          ))}
        </ul>
      ) : null}
      {development.citations.length > 0 ? (
        <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">
          <CitationSentence citations={development.citations} />
        </p>
      ) : null}
      {development.corrections.length > 0 ? (
        <div
          className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
          data-testid="correction-note"
        >
          {development.corrections.map((correction) => (
            <p key={correction.id}>
              <strong>{t("correction", { date: day(correction.correctedAt) })}</strong>{" "}
              <Untranslated
                text={correction.localized?.note.text ?? correction.note}
                lang={correction.localized?.note.lang ?? "en"}
                pageLocale={locale}
                note={false}
              />
            </p>
          ))}
        </div>
      ) : null}
      <CitationDisclosure
        citations={development.citations}
        label={figures("sources")}
        // citation-list.tsx words the screen-reader suffix " for …" in English; until it has
        // an Arabic one, Arabic pages leave it out rather than mix the languages.
        about={locale === "en" ? t("about", { title: title.text }) : undefined}
      />
    </li>
  );
}
