import { useLocale, useTranslations } from "next-intl";
import type { FigureView } from "@/lib/data/reader/types";
import { quantityText } from "@/lib/format/reader-words";
import { formatNumber } from "@/lib/i18n-format";
import { CitationList } from "./citation-list";
import { CitationSentence } from "./citation-sentence";
import { PartialDate } from "./partial-date";
import { Untranslated } from "./untranslated";
import { useReaderWords } from "./use-reader-words";

/** Disputed numbers side by side, each with who says so; never reduced to one figure. */
export function Figures({ figures }: { figures: FigureView[] }) {
  const t = useTranslations("reader");
  const f = useTranslations("pageFigures");
  const words = useReaderWords();
  const locale = useLocale();
  if (figures.length === 0) return null;
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading" className="font-serif text-xl font-semibold">
        {t("figuresHeading")}
      </h2>
      <div className="mt-3 grid gap-4">
        {figures.map((figure) => (
          <article
            key={figure.slug}
            className="rounded-md border border-stone-200 p-4 dark:border-stone-700"
            data-testid={`figure-${figure.slug}`}
          >
            <h3 className="font-medium" dir="auto">
              <Untranslated text={figure.localized.label.text} lang={figure.localized.label.lang} pageLocale={locale} />
            </h3>
            {figure.localized.description.text ? (
              <p className="text-sm text-stone-700 dark:text-stone-300" dir="auto">
                <Untranslated
                  text={figure.localized.description.text}
                  lang={figure.localized.description.lang}
                  pageLocale={locale}
                  note={figure.localized.label.lang !== figure.localized.description.lang}
                />
              </p>
            ) : null}
            {figure.claims.length > 1 ? (
              <p className="mt-1 text-xs font-semibold uppercase tracking-wide text-amber-800 dark:text-amber-300">
                {t("sourcesDiffer")}
              </p>
            ) : null}
            <ul className="mt-3 grid gap-3 sm:grid-cols-2">
              {figure.claims.map((claim) => (
                <li key={claim.id} className="rounded bg-stone-50 p-3 dark:bg-stone-800">
                  <p className="font-serif text-2xl font-bold">{quantityText(words, claim.quantity)}</p>
                  {claim.quantity.wording && claim.quantity.wording !== claim.text ? (
                    <p className="text-sm text-stone-700 dark:text-stone-300">
                      {f.rich("reportedAs", {
                        wording: () => (
                          <Untranslated text={claim.quantity.wording!} lang="en" pageLocale={locale} note={false} />
                        ),
                      })}
                    </p>
                  ) : null}
                  <p className="text-sm">
                    {figure.unit ? (
                      <>
                        <Untranslated text={figure.unit} lang="en" pageLocale={locale} note={false} />
                        {words.t("separator")}
                      </>
                    ) : null}
                    <CitationSentence citations={claim.citations} lowerCase />
                    {claim.asOf ? (
                      <>
                        {" "}
                        {f.rich("asOf", {
                          date: () => <PartialDate iso={claim.asOf!} precision={claim.asOfPrecision} />,
                        })}
                      </>
                    ) : null}
                  </p>
                  {claim.note ? (
                    <p className="mt-1 text-xs text-stone-700 dark:text-stone-300" dir="auto">
                      <Untranslated text={claim.note} lang="en" pageLocale={locale} note={false} />
                    </p>
                  ) : null}
                  <details className="mt-2">
                    <summary className="cursor-pointer text-sm text-blue-800 underline dark:text-blue-300">
                      {f("sources")}
                      <span className="sr-only">
                        {f("sourcesFor", {
                          what: `${figure.localized.label.text}: ${quantityText(words, claim.quantity)}`,
                        })}
                      </span>{" "}
                      ({formatNumber(words.locale, claim.citations.length)})
                    </summary>
                    <div className="mt-2">
                      <CitationList citations={claim.citations} />
                    </div>
                  </details>
                </li>
              ))}
            </ul>
          </article>
        ))}
      </div>
    </section>
  );
}
