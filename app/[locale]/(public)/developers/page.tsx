import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
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

const endpoints = [
  {
    path: "/api/v1/negotiations",
    about: "Published negotiations, newest change first. Query: stage, actor (slug), page, pageSize (≤ 100).",
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

export default function DevelopersPage() {
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">API and feeds</h1>
      <p className="mt-3 max-w-3xl">
        Everything Parley publishes is available to other newsrooms and tools: a read-only JSON API, RSS and Atom feeds,
        and an embeddable terms card. Only published material and public fields are included; confidential source
        details never are.
      </p>
      <h2 className="mt-8 font-serif text-xl font-semibold">JSON API (v1)</h2>
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
        nothing changed. Errors always look like <code>{`{ "error": { "code", "message" } }`}</code> with status 400 or
        404. CORS is open for GET.
      </p>
      <h2 className="mt-8 font-serif text-xl font-semibold">Feeds</h2>
      <p className="mt-2 text-sm">
        All negotiations:{" "}
        <Link href="/feed.xml" className="underline">
          RSS
        </Link>{" "}
        ·{" "}
        <Link href="/atom.xml" className="underline">
          Atom
        </Link>
        . Each negotiation: <code>/negotiations/&lt;slug&gt;/feed.xml</code> and <code>/atom.xml</code>. A correction
        updates the existing item and carries the correction note.
      </p>
      <h2 id="embed" className="mt-8 font-serif text-xl font-semibold">
        Embed
      </h2>
      <p className="mt-2 text-sm">
        The card shows who releases whom and how many so far, the caveats on the terms (for example &ldquo;single
        anonymous source&rdquo;), where they come from and the date of the latest development. Paste this where the card
        should appear; the script sizes the frame to the card:
      </p>
      <pre className="mt-2 whitespace-pre-wrap break-all rounded bg-stone-100 p-3 text-xs dark:bg-stone-800">
        <code>
          {embedSnippet(
            new URL(`/embed/negotiations/${EXAMPLE_SLUG}`, siteUrl()).toString(),
            "Sweida prisoner exchange",
          )}
        </code>
      </pre>
      <p className="mt-2 text-sm">
        Add <code>?theme=dark</code> for a dark page, <code>?theme=auto</code> to follow the reader&apos;s system
        setting (the default is <code>light</code>), and <code>&amp;transparent=1</code> to let your page&apos;s
        background show through. The same snippet comes from oEmbed:{" "}
        <code>/api/oembed?url=&lt;negotiation page URL&gt;</code>.
      </p>
    </>
  );
}
