import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import type { NegotiationView } from "@/lib/data/reader/types";
import { NoBreakName } from "./no-break-name";

type Participant = NegotiationView["participants"][number];

function Person({ p, showRole }: { p: Participant; showRole: boolean }) {
  const locale = useLocale();
  // On Arabic pages the Arabic name is the name; the stored one follows it, marked English.
  if (locale === "ar" && p.arabicName) {
    return (
      <li>
        <Link href={`/actors/${p.actor.slug}`} className="font-medium underline" prefetch={false}>
          {p.arabicName}
        </Link>{" "}
        <span lang="en" dir="ltr" className="text-stone-700 dark:text-stone-300">
          <NoBreakName name={p.actor.name} />
        </span>
        <Details p={p} showRole={showRole} />
      </li>
    );
  }
  return (
    <li>
      <Link
        href={`/actors/${p.actor.slug}`}
        className="font-medium underline"
        prefetch={false}
        dir="auto"
        lang={locale === "en" ? undefined : "en"}
      >
        <NoBreakName name={p.actor.name} />
      </Link>
      {/* A plain space: a logical margin on the right-to-left span would fall on its far side. */}
      {p.arabicName ? (
        <>
          {" "}
          <span lang="ar" dir="rtl" className="text-stone-700 dark:text-stone-300">
            {p.arabicName}
          </span>
        </>
      ) : null}
      <Details p={p} showRole={showRole} />
    </li>
  );
}

function Details({ p, showRole }: { p: Participant; showRole: boolean }) {
  const t = useTranslations("role");
  const locale = useLocale();
  return (
    <>
      {showRole ? <span className="text-sm text-stone-700 dark:text-stone-300"> · {t(p.role)}</span> : null}
      {p.description ? (
        <span
          className="block text-sm text-stone-700 dark:text-stone-300"
          dir="auto"
          lang={locale === "en" ? undefined : "en"}
        >
          {p.description}
        </span>
      ) : null}
    </>
  );
}

function Group({ title, people, showRole }: { title: string; people: Participant[]; showRole: boolean }) {
  const locale = useLocale();
  const t = useTranslations("reader");
  // Side labels are editorial English; the "between the sides" title is the page's own.
  const english = locale !== "en" && title !== t("betweenSides");
  return (
    <div className="rounded-md border border-stone-200 p-3 dark:border-stone-700">
      <h3
        className="text-sm font-semibold uppercase tracking-wide text-stone-700 dark:text-stone-300"
        dir="auto"
        lang={english ? "en" : undefined}
      >
        {title}
      </h3>
      <ul className="mt-1 grid gap-2">
        {people.map((p) => (
          <Person key={`${p.role}-${p.actor.slug}`} p={p} showRole={showRole} />
        ))}
      </ul>
    </div>
  );
}

/**
 * Who is involved, grouped by side; mediators, guarantors, observers and intermediaries
 * stand between the first two sides, as they do in the talks.
 */
export function Participants({ participants }: { participants: NegotiationView["participants"] }) {
  const t = useTranslations("reader");
  if (participants.length === 0) return null;
  const parties = participants.filter((p) => p.role === "PARTY");
  const sideNames = [...new Set(parties.map((p) => p.side ?? p.actor.shortName ?? p.actor.name))];
  const sides = sideNames.map((name) => ({
    name,
    people: parties.filter((p) => (p.side ?? p.actor.shortName ?? p.actor.name) === name),
  }));
  const between = participants.filter((p) => p.role !== "PARTY");
  const columns = [
    ...sides.slice(0, 1).map((s) => <Group key={`side-${s.name}`} title={s.name} people={s.people} showRole={false} />),
    ...(between.length > 0 ? [<Group key="between" title={t("betweenSides")} people={between} showRole={true} />] : []),
    ...sides.slice(1).map((s) => <Group key={`side-${s.name}`} title={s.name} people={s.people} showRole={false} />),
  ];
  return (
    <section aria-labelledby="participants-heading">
      <h2 id="participants-heading" className="font-serif text-xl font-semibold">
        {t("participantsHeading")}
      </h2>
      <div className={`mt-3 grid gap-3 ${columns.length >= 3 ? "lg:grid-cols-3" : "sm:grid-cols-2"}`}>{columns}</div>
    </section>
  );
}
