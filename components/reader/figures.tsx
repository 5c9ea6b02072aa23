import { useTranslations } from "next-intl";
import type { FigureView } from "@/lib/data/reader/types";
import { citationPhrase } from "@/lib/format/citation";
import { CitationList } from "./citation-list";
import { PartialDate } from "./partial-date";

/** Disputed numbers side by side, each with who says so; never reduced to one figure. */
export function Figures({ figures }: { figures: FigureView[] }) {
  const t = useTranslations("reader");
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
            <h3 className="font-medium">{figure.label}</h3>
            {figure.description ? (
              <p className="text-sm text-stone-700 dark:text-stone-300">{figure.description}</p>
            ) : null}
            {figure.claims.length > 1 ? (
              <p className="mt-1 text-xs font-semibold uppercase tracking-wide text-amber-800 dark:text-amber-300">
                {t("sourcesDiffer")}
              </p>
            ) : null}
            <ul className="mt-3 grid gap-3 sm:grid-cols-2">
              {figure.claims.map((claim) => (
                <li key={claim.id} className="rounded bg-stone-50 p-3 dark:bg-stone-800">
                  <p className="font-serif text-2xl font-bold">{claim.text}</p>
                  {claim.quantity.wording && claim.quantity.wording !== claim.text ? (
                    <p className="text-sm text-stone-700 dark:text-stone-300">
                      reported as “<span dir="auto">{claim.quantity.wording}</span>”
                    </p>
                  ) : null}
                  <p className="text-sm">
                    {figure.unit}, {claim.citations.map(citationPhrase).join("; ")}
                    {claim.asOf ? (
                      <>
                        {" "}
                        (as of <PartialDate iso={claim.asOf} precision={claim.asOfPrecision} />)
                      </>
                    ) : null}
                  </p>
                  {claim.note ? <p className="mt-1 text-xs text-stone-700 dark:text-stone-300">{claim.note}</p> : null}
                  <details className="mt-2">
                    <summary className="cursor-pointer text-sm text-blue-800 underline dark:text-blue-300">
                      Sources<span className="sr-only"> for {`${figure.label}: ${claim.text}`}</span> (
                      {claim.citations.length})
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
