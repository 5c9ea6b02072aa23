import { Link } from "@/i18n/navigation";
import type { ActorRef } from "@/lib/data/reader/types";
import { NoBreakName } from "./no-break-name";

/**
 * An actor's name in the page's language: its Arabic name on Arabic pages where one is recorded
 * (the loaders' `localized.name`), else the stored name marked with its language. Isolated
 * (`<bdi>`) so an English name inside Arabic text does not reorder the words around it.
 */
export function ActorName({
  actor,
  pageLocale,
  short = true,
  link = false,
}: {
  actor: ActorRef;
  pageLocale: string;
  short?: boolean;
  link?: boolean;
}) {
  const localized = actor.localized?.name;
  const translated = localized && localized.lang === pageLocale && pageLocale !== "en";
  const text = translated ? localized.text : short ? (actor.shortName ?? actor.name) : actor.name;
  const lang = translated || pageLocale === "en" ? undefined : "en";
  const name = <NoBreakName name={text} />;
  return (
    <bdi lang={lang}>
      {link ? (
        <Link href={`/actors/${actor.slug}`} prefetch={false} className="underline decoration-stone-400">
          {name}
        </Link>
      ) : (
        name
      )}
    </bdi>
  );
}
