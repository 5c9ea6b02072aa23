import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { currentLocale, pageAlternates } from "@/i18n/server";
import { ReliabilityBadge } from "@/components/reader/reliability-badge";
import { Reliability } from "@/lib/generated/prisma/enums";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reliabilityPage");
  return {
    title: t("title"),
    description: t("intro"),
    alternates: pageAlternates(await currentLocale(), "/about/reliability"),
  };
}

export default function ReliabilityScalePage() {
  const t = useTranslations("reliabilityPage");
  const meaning = useTranslations("source.rating");
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">{t("heading")}</h1>
      <p className="mt-3 max-w-3xl">{t("intro")}</p>
      <dl className="mt-6 grid gap-3">
        {Object.values(Reliability).map((rating) => (
          <div key={rating} id={`rating-${rating}`} className="flex scroll-mt-4 gap-3">
            <dt>
              <ReliabilityBadge rating={rating} />
            </dt>
            <dd>{meaning(rating)}</dd>
          </div>
        ))}
      </dl>
      <h2 id="single-anonymous-source" className="mt-8 scroll-mt-4 font-serif text-xl font-semibold">
        {t("singleAnonymousHeading")}
      </h2>
      <p className="mt-2 max-w-3xl">{t("singleAnonymousBody")}</p>
      <h2 id="unconfirmed" className="mt-6 scroll-mt-4 font-serif text-xl font-semibold">
        {t("unconfirmedHeading")}
      </h2>
      <p className="mt-2 max-w-3xl">{t("unconfirmedBody")}</p>
    </>
  );
}
