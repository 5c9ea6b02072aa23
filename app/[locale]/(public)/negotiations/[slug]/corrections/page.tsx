import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { notFound } from "next/navigation";
import { currentLocale, pageAlternates } from "@/i18n/server";
import { developmentAnchor } from "@/components/reader/development-item";
import { Untranslated, UntranslatedNote } from "@/components/reader/untranslated";
import { formatPartialDate } from "@/lib/dates";
import { intlLocale } from "@/lib/i18n-format";
import { getPublishedNegotiation } from "@/lib/data/reader/negotiation";
import { listPublicCorrections } from "@/lib/data/reader/timeline";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const locale = await currentLocale();
  const [negotiation, t] = await Promise.all([getPublishedNegotiation(slug, locale), getTranslations()]);
  if (!negotiation) return { title: t("meta.notFound") };
  const path = `/negotiations/${slug}`;
  return {
    title: t("corrections.title", { title: negotiation.localized.title.text }),
    description: t("corrections.intro"),
    alternates: pageAlternates(locale, `${path}/corrections`, path),
  };
}

export default async function CorrectionsPage({ params }: Props) {
  const { slug } = await params;
  const locale = await currentLocale();
  const [negotiation, corrections] = await Promise.all([
    getPublishedNegotiation(slug, locale),
    listPublicCorrections(slug, locale),
  ]);
  if (!negotiation) notFound();
  const t = await getTranslations("corrections");
  const title = negotiation.localized.title;
  return (
    <>
      <p className="text-sm">
        <Link href={`/negotiations/${slug}`} className="underline">
          <span aria-hidden="true" className="inline-block rtl:-scale-x-100">
            ←
          </span>{" "}
          <Untranslated text={title.text} lang={title.lang} pageLocale={locale} note={false} />
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-3xl font-bold">{t("heading")}</h1>
      <p className="mt-2 text-stone-700 dark:text-stone-300">{t("intro")}</p>
      {corrections.length === 0 ? (
        <p className="mt-6">{t("none")}</p>
      ) : (
        <ol className="mt-6 grid gap-4">
          {corrections.map((correction) => {
            const developmentTitle = correction.development.localized.title;
            const note = correction.localized.note;
            return (
              <li
                key={correction.id}
                className="rounded-md border border-stone-200 p-4 dark:border-stone-700"
                data-testid="correction"
              >
                <p className="text-sm text-stone-600 dark:text-stone-400">
                  {t("correctedOn", {
                    date: formatPartialDate(new Date(correction.correctedAt), "DAY", intlLocale(locale)),
                  })}
                </p>
                <p className="mt-1 font-medium">
                  <Link
                    href={`/negotiations/${slug}#${developmentAnchor(correction.development.id)}`}
                    className="underline"
                  >
                    <Untranslated
                      text={developmentTitle.text}
                      lang={developmentTitle.lang}
                      pageLocale={locale}
                      note={false}
                    />
                  </Link>
                  {developmentTitle.lang !== locale ? " " : null}
                  <UntranslatedNote lang={developmentTitle.lang} pageLocale={locale} />
                </p>
                <p className="mt-1" data-testid="correction-note">
                  <Untranslated text={note.text} lang={note.lang} pageLocale={locale} />
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
