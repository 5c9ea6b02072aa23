import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Link } from "@/i18n/navigation";
import { isLocale } from "@/i18n/routing";
import type { PublicCitation, PublicSource } from "@/lib/data/reader/types";
import { formatPartialDate } from "@/lib/dates";
import { formatNumber, intlLocale } from "@/lib/i18n-format";
import { ReliabilityBadge } from "./reliability-badge";

// Source names, attributions and excerpts are recorded as reported (in English): on a page in
// another language they are marked lang="en", so screen readers and fonts treat them as English.
const RECORDED_LANG = "en";

function usePageLocale() {
  const locale = useLocale();
  return isLocale(locale) ? locale : "en";
}

/** Text recorded in English, marked as such where the page is in another language. */
function Recorded({ children, pageLocale }: { children: ReactNode; pageLocale: string }) {
  return (
    <bdi lang={pageLocale === RECORDED_LANG ? undefined : RECORDED_LANG} dir="auto">
      {children}
    </bdi>
  );
}

function SourceLine({ source, role }: { source: PublicSource; role: string }) {
  const t = useTranslations("source");
  const pageLocale = usePageLocale();
  return (
    <li>
      <span className="text-stone-600 dark:text-stone-400">{role}: </span>
      <Link href={`/sources/${source.slug}`} prefetch={false} className="underline">
        <Recorded pageLocale={pageLocale}>{source.name}</Recorded>
      </Link>{" "}
      <ReliabilityBadge rating={source.reliability} />{" "}
      <span className="text-stone-600 dark:text-stone-400">
        ({t(`kind.${source.kind}`)})
        {source.publicDescription ? (
          <>
            {" — "}
            <Recorded pageLocale={pageLocale}>{source.publicDescription}</Recorded>
          </>
        ) : null}
      </span>
    </li>
  );
}

/** Each citation in journalistic form, with its sources' public descriptions and ratings. */
export function CitationList({ citations }: { citations: PublicCitation[] }) {
  const t = useTranslations("citation");
  const pageLocale = usePageLocale();
  if (citations.length === 0) return <p className="text-sm text-stone-600 dark:text-stone-400">{t("none")}</p>;
  const recorded = (chunks: ReactNode) => <Recorded pageLocale={pageLocale}>{chunks}</Recorded>;
  return (
    <ol className="grid gap-3 text-sm">
      {citations.map((citation) => (
        <li key={citation.id} className="border-s-2 border-stone-300 ps-3 dark:border-stone-700">
          <p>
            <span className="font-medium">
              {citation.via
                ? t.rich("accordingVia", { en: recorded, via: citation.via.name, attribution: citation.attribution })
                : t.rich("according", { en: recorded, attribution: citation.attribution })}
            </span>
            {citation.publishedOn ? (
              <span className="text-stone-600 dark:text-stone-400">
                {" "}
                ({formatPartialDate(new Date(citation.publishedOn), "DAY", intlLocale(pageLocale))})
              </span>
            ) : null}
            {citation.url ? (
              <>
                {" · "}
                <a href={citation.url} className="underline" rel="noopener noreferrer nofollow" target="_blank">
                  {t("original")}
                  <span className="sr-only"> {t("newTab")}</span>
                </a>
              </>
            ) : null}
            {citation.archivedCopy ? (
              <>
                {" · "}
                <a href={citation.archivedCopy.url} className="underline" rel="noopener noreferrer nofollow">
                  {t("archived")}
                </a>
              </>
            ) : null}
          </p>
          {citation.excerpt ? (
            <blockquote
              className="mt-1 italic text-stone-700 dark:text-stone-300"
              dir="auto"
              lang={pageLocale === RECORDED_LANG ? undefined : RECORDED_LANG}
            >
              “{citation.excerpt}”
            </blockquote>
          ) : null}
          <ul className="mt-1 grid gap-0.5">
            <SourceLine source={citation.source} role={t("source")} />
            {citation.via ? <SourceLine source={citation.via} role={t("reportedBy")} /> : null}
          </ul>
        </li>
      ))}
    </ol>
  );
}

/** Citations one click away: a native disclosure, no client JavaScript. */
export function CitationDisclosure({
  citations,
  label,
  about,
}: {
  citations: PublicCitation[];
  /** The summary's name; "Sources" in the page's language by default. */
  label?: string;
  /** What the sources are for, added to the name screen readers hear, so a page of disclosures is not all "Sources (1)". */
  about?: string;
}) {
  const t = useTranslations("citation");
  const pageLocale = usePageLocale();
  return (
    <details className="mt-2 group">
      <summary className="cursor-pointer text-sm text-blue-800 underline dark:text-blue-300">
        {label ?? t("sources")}
        {about ? <span className="sr-only"> {t("sourcesAbout", { about })}</span> : null} (
        {formatNumber(pageLocale, citations.length)})
      </summary>
      <div className="mt-2">
        <CitationList citations={citations} />
      </div>
    </details>
  );
}
