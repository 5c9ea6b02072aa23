import type { Metadata } from "next";
import { useLocale, useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { UntranslatedNote } from "@/components/reader/untranslated";
import { Link } from "@/i18n/navigation";
import { currentLocale, pageAlternates } from "@/i18n/server";
import { embedSnippet } from "@/lib/embed";
import { siteUrl } from "@/lib/site-url";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("developers");
  return {
    title: t("title"),
    description: t("description"),
    alternates: pageAlternates(await currentLocale(), "/developers"),
  };
}

const EXAMPLE_SLUG = "sweida-prisoner-exchange";

// The API reference stays in English on every page: the API's field names, parameters and
// errors are English, and a reference translated around untranslated identifiers reads worse
// than the original. On Arabic pages it is marked lang="en" with the usual note.
const REFERENCE_LANG = "en";

const endpoints = [
  {
    path: "/api/v1/negotiations",
    about: "Published negotiations, newest change first. Query: stage, actor (slug), q, lang, page, pageSize (≤ 100).",
  },
  {
    path: "/api/v1/negotiations/sweida-prisoner-exchange",
    about: "One negotiation: current terms, terms history, participants, stage history, figures.",
  },
  {
    path: "/api/v1/negotiations/sweida-prisoner-exchange/developments",
    about: "Developments with citations and the sources' public fields. Query: order (newest | oldest), page.",
  },
  {
    path: "/api/v1/openapi.json",
    about: "The OpenAPI 3.1 description, generated from the schemas the API validates with.",
  },
];

const code = (chunks: ReactNode) => <code dir="ltr">{chunks}</code>;

export default function DevelopersPage() {
  const t = useTranslations("developers");
  const locale = useLocale();
  const referenceLang = locale === REFERENCE_LANG ? undefined : REFERENCE_LANG;
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">{t("heading")}</h1>
      <p className="mt-3 max-w-3xl">{t("intro")}</p>
      <h2 className="mt-8 font-serif text-xl font-semibold">{t("apiHeading")}</h2>
      {referenceLang ? (
        <p className="mt-2 text-sm">
          {t("apiReferenceNote")} <UntranslatedNote lang={REFERENCE_LANG} pageLocale={locale} />
        </p>
      ) : null}
      <div lang={referenceLang} dir="ltr" className="text-start" data-testid="api-reference">
        <ul className="mt-3 grid gap-3">
          {endpoints.map((endpoint) => (
            <li key={endpoint.path}>
              <code className="rounded bg-stone-100 px-1 text-sm dark:bg-stone-800">GET {endpoint.path}</code>
              <p className="text-sm">{endpoint.about}</p>
            </li>
          ))}
        </ul>
        <p className="mt-4 text-sm">
          Dates are ISO 8601 with a precision field (<code>DAY</code>, <code>MONTH</code>, <code>YEAR</code>): a
          month-precise date should be shown as a month. Every response has an <code>ETag</code> and{" "}
          <code>Last-Modified</code>; send <code>If-None-Match</code> and you get <code>304 Not Modified</code> when
          nothing changed. Errors always look like <code>{`{ "error": { "code", "message" } }`}</code> with status 400
          or 404. CORS is open for GET. Text comes in English, or in Arabic with <code>?lang=ar</code> (or{" "}
          <code>Accept-Language</code>); each object&apos;s <code>languages</code> says which language each text is in.
        </p>
      </div>
      <h2 className="mt-8 font-serif text-xl font-semibold">{t("feedsHeading")}</h2>
      <p className="mt-2 text-sm">
        {t("feedsAll")}{" "}
        <Link href="/feed.xml" className="underline">
          RSS
        </Link>{" "}
        ·{" "}
        <Link href="/atom.xml" className="underline">
          Atom
        </Link>
        . {t.rich("feedsEach", { code, feed: "/negotiations/<slug>/feed.xml", atom: "/atom.xml" })}
      </p>
      <h2 id="embed" className="mt-8 font-serif text-xl font-semibold">
        {t("embedHeading")}
      </h2>
      <p className="mt-2 text-sm">{t("embedIntro")}</p>
      <pre
        className="mt-2 whitespace-pre-wrap break-all rounded bg-stone-100 p-3 text-xs dark:bg-stone-800"
        dir="ltr"
        lang={referenceLang}
      >
        <code>
          {embedSnippet(
            new URL(`/embed/negotiations/${EXAMPLE_SLUG}`, siteUrl()).toString(),
            "Sweida prisoner exchange",
          )}
        </code>
      </pre>
      <p className="mt-2 text-sm">
        {t.rich("embedOptions", { code, oembed: "/api/oembed?url=<negotiation page URL>" })}
      </p>
    </>
  );
}
