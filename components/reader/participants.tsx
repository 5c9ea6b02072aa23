import Link from "next/link";
import type { NegotiationView } from "@/lib/data/reader/types";
import { participationRoleLabels } from "@/lib/format/labels";
import { participationRoles } from "@/lib/validation/enums";

/** Parties first, as in schema.prisma's order of roles. */
const roleOrder = participationRoles;

export function Participants({ participants }: { participants: NegotiationView["participants"] }) {
  const groups = roleOrder
    .map((role) => ({ role, people: participants.filter((p) => p.role === role) }))
    .filter((g) => g.people.length > 0);
  if (groups.length === 0) return null;
  return (
    <section aria-labelledby="participants-heading">
      <h2 id="participants-heading" className="font-serif text-xl font-semibold">
        Who is involved
      </h2>
      <dl className="mt-3 grid gap-3">
        {groups.map(({ role, people }) => (
          <div key={role}>
            <dt className="text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">
              {people.length > 1 ? participationRoleLabels[role].many : participationRoleLabels[role].one}
            </dt>
            {people.map((p) => (
              <dd key={`${role}-${p.actor.slug}`} className="mt-1">
                <Link href={`/actors/${p.actor.slug}`} className="font-medium underline" dir="auto">
                  {p.actor.name}
                </Link>
                {p.side ? <span className="text-sm text-stone-600 dark:text-stone-400"> — side: {p.side}</span> : null}
                {p.description ? (
                  <span className="block text-sm text-stone-700 dark:text-stone-300" dir="auto">
                    {p.description}
                  </span>
                ) : null}
              </dd>
            ))}
          </div>
        ))}
      </dl>
    </section>
  );
}
