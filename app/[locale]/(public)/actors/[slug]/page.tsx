import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { notFound } from "next/navigation";
import { currentLocale, pageAlternates } from "@/i18n/server";
import { StageBadge } from "@/components/negotiations/stage-badge";
import { getPublicActor } from "@/lib/data/reader/entities";
import { actorKindLabels, participationRoleLabels } from "@/lib/format/labels";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const actor = await getPublicActor(slug);
  return actor
    ? {
        title: actor.name,
        description: actor.description || `${actorKindLabels[actor.kind]} in Parley's negotiation tracker.`,
        alternates: pageAlternates(await currentLocale(), `/actors/${slug}`),
      }
    : { title: (await getTranslations("meta"))("notFound") };
}

export default async function ActorPage({ params }: Props) {
  const actor = await getPublicActor((await params).slug);
  if (!actor) notFound();
  return (
    <>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        {actorKindLabels[actor.kind]}
        {actor.country ? ` · ${actor.country}` : ""}
      </p>
      <h1 className="mt-1 font-serif text-3xl font-bold" dir="auto">
        {actor.name}
      </h1>
      {actor.aliases.length > 0 ? (
        <p className="mt-2 text-stone-700 dark:text-stone-300">
          Also known as:{" "}
          {actor.aliases.map((alias, index) => (
            <span key={alias.name}>
              {index > 0 ? ", " : ""}
              <bdi lang={alias.language === "und" ? undefined : alias.language} dir="auto">
                {alias.name}
              </bdi>
            </span>
          ))}
        </p>
      ) : null}
      {actor.description ? (
        <p className="mt-3 max-w-3xl" dir="auto">
          {actor.description}
        </p>
      ) : null}
      {actor.parent ? (
        <p className="mt-3 text-sm">
          Operates under{" "}
          <Link href={`/actors/${actor.parent.slug}`} className="underline">
            {actor.parent.name}
          </Link>
        </p>
      ) : null}
      {actor.children.length > 0 ? (
        <p className="mt-1 text-sm">
          Includes:{" "}
          {actor.children.map((child, index) => (
            <span key={child.slug}>
              {index > 0 ? ", " : ""}
              <Link href={`/actors/${child.slug}`} className="underline">
                {child.name}
              </Link>
            </span>
          ))}
        </p>
      ) : null}
      <section aria-labelledby="actor-negotiations" className="mt-8">
        <h2 id="actor-negotiations" className="font-serif text-xl font-semibold">
          Negotiations
        </h2>
        {actor.negotiations.length === 0 ? (
          <p className="mt-2">Not part of any published negotiation.</p>
        ) : (
          <ul className="mt-3 grid gap-2">
            {actor.negotiations.map((n) => (
              <li key={n.slug}>
                <Link href={`/negotiations/${n.slug}`} className="font-medium underline">
                  {n.title}
                </Link>{" "}
                <StageBadge stage={n.stage} />{" "}
                <span className="text-sm">
                  — {n.roles.map((role) => participationRoleLabels[role].one.toLowerCase()).join(", ")}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
