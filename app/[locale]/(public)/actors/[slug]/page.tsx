import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { notFound } from "next/navigation";
import { currentLocale, pageAlternates } from "@/i18n/server";
import { StageBadge } from "@/components/negotiations/stage-badge";
import { Untranslated, UntranslatedNote } from "@/components/reader/untranslated";
import { getPublicActor } from "@/lib/data/reader/entities";
import { formatNumber } from "@/lib/i18n-format";

type Props = { params: Promise<{ slug: string }> };

// Actors' descriptions, countries and the names of related actors are recorded in English only.
const RECORDED_LANG = "en";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const locale = await currentLocale();
  const [actor, t] = await Promise.all([getPublicActor(slug, locale), getTranslations()]);
  if (!actor) return { title: t("meta.notFound") };
  const kind = t(`actor.kind.${actor.kind}`);
  return {
    title: actor.localized.name.text,
    // The English description would be a description in the wrong language: Arabic pages describe the actor's kind.
    description: locale === RECORDED_LANG && actor.description ? actor.description : t("actor.description", { kind }),
    alternates: pageAlternates(locale, `/actors/${slug}`),
  };
}

export default async function ActorPage({ params }: Props) {
  const locale = await currentLocale();
  const actor = await getPublicActor((await params).slug, locale);
  if (!actor) notFound();
  const [t, format] = await Promise.all([getTranslations("actor"), getFormatter()]);
  const role = await getTranslations("role");
  const recordedLang = locale === RECORDED_LANG ? undefined : RECORDED_LANG;
  const name = actor.localized.name;
  // The English name, when the heading shows the Arabic one, is listed with the other names.
  const aliases = name.lang === "en" ? actor.aliases : [{ name: actor.name, language: "en" }, ...actor.aliases];
  const otherNames = aliases.filter((alias) => alias.name !== name.text);
  return (
    <>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        {t(`kind.${actor.kind}`)}
        {actor.country ? (
          <>
            {" · "}
            <span lang={recordedLang} dir="auto">
              {actor.country}
            </span>
          </>
        ) : null}
      </p>
      <h1 className="mt-1 font-serif text-3xl font-bold">
        <bdi lang={name.lang === locale ? undefined : name.lang} dir="auto">
          {name.text}
        </bdi>
      </h1>
      {otherNames.length > 0 ? (
        <p className="mt-2 text-stone-700 dark:text-stone-300">
          {t("alsoKnownAs")}{" "}
          {otherNames.map((alias, index) => (
            <span key={alias.name}>
              {index > 0 ? (locale === "ar" ? "، " : ", ") : ""}
              <bdi lang={alias.language === "und" ? undefined : alias.language} dir="auto">
                {alias.name}
              </bdi>
            </span>
          ))}
        </p>
      ) : null}
      {actor.description ? (
        <p className="mt-3 max-w-3xl">
          <Untranslated text={actor.description} lang={RECORDED_LANG} pageLocale={locale} />
        </p>
      ) : null}
      {actor.parent ? (
        <p className="mt-3 text-sm">
          {t("operatesUnder")}{" "}
          <Link href={`/actors/${actor.parent.slug}`} className="underline">
            <bdi lang={recordedLang} dir="auto">
              {actor.parent.name}
            </bdi>
          </Link>
        </p>
      ) : null}
      {actor.children.length > 0 ? (
        <p className="mt-1 text-sm">
          {t("includes")}{" "}
          {actor.children.map((child, index) => (
            <span key={child.slug}>
              {index > 0 ? (locale === "ar" ? "، " : ", ") : ""}
              <Link href={`/actors/${child.slug}`} className="underline">
                <bdi lang={recordedLang} dir="auto">
                  {child.name}
                </bdi>
              </Link>
            </span>
          ))}
        </p>
      ) : null}
      <section aria-labelledby="actor-negotiations" className="mt-8">
        <h2 id="actor-negotiations" className="font-serif text-xl font-semibold">
          {t("negotiationsHeading")}
        </h2>
        <p className="mt-2" data-testid="actor-negotiation-count">
          {t("negotiationsCount", {
            count: actor.negotiations.length,
            n: formatNumber(locale, actor.negotiations.length),
          })}
        </p>
        {actor.negotiations.length > 0 ? (
          <ul className="mt-3 grid gap-2">
            {actor.negotiations.map((n) => (
              <li key={n.slug}>
                <Link href={`/negotiations/${n.slug}`} className="font-medium underline">
                  <Untranslated
                    text={n.localized.title.text}
                    lang={n.localized.title.lang}
                    pageLocale={locale}
                    note={false}
                  />
                </Link>{" "}
                {n.localized.title.lang !== locale ? (
                  <>
                    <UntranslatedNote lang={n.localized.title.lang} pageLocale={locale} />{" "}
                  </>
                ) : null}
                <StageBadge stage={n.stage} />{" "}
                <span className="text-sm">
                  {t("roles", {
                    count: n.roles.length,
                    roles: format.list(n.roles.map((r) => role(r))),
                  })}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}
