// Writes a case file's Arabic texts. Each is tied to the record whose English still reads as the
// case file gives it, and only where that record has no translation yet: re-running the seed
// (or running it on a database made before translations existed) adds what is missing and never
// overwrites a translation or attaches one to English a newsroom has since rewritten.
import { recordOperatorAudit as writeAudit } from "@/lib/audit/record";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TranslatableField } from "@/lib/translations/fields";
import { originalHash } from "@/lib/translations/state";
import type { SeedCase } from "./schema";

type Tx = Prisma.TransactionClient;
type Wanted = { field: TranslatableField; entityId: string; original: string; text: string };

async function wantedTranslations(tx: Tx, seed: SeedCase): Promise<Wanted[]> {
  const ar = seed.translations?.ar;
  if (!ar) return [];
  const n = seed.negotiation;
  const negotiation = await tx.negotiation.findUnique({
    where: { slug: n.slug },
    select: {
      id: true,
      title: true,
      summary: true,
      developments: { select: { id: true, title: true, summary: true } },
      obligations: { select: { id: true, terms: { select: { description: true } } } },
      figures: { select: { id: true, slug: true, label: true, description: true } },
    },
  });
  const wanted: Wanted[] = [];
  const want = (field: TranslatableField, entityId: string, original: string, text: string | undefined) => {
    if (text && original.trim()) wanted.push({ field, entityId, original, text });
  };
  if (negotiation) {
    if (negotiation.title === n.title) want("NEGOTIATION_TITLE", negotiation.id, n.title, ar.negotiation.title);
    if (negotiation.summary === n.summary)
      want("NEGOTIATION_SUMMARY", negotiation.id, n.summary, ar.negotiation.summary);
    for (const d of n.developments) {
      const arabic = ar.developments[d.key];
      // Developments have no stored key: the one whose English matches the case file's.
      const row = negotiation.developments.find((r) => r.title === d.title);
      if (!arabic || !row) continue;
      want("DEVELOPMENT_TITLE", row.id, row.title, arabic.title);
      if (row.summary === d.summary) want("DEVELOPMENT_SUMMARY", row.id, row.summary, arabic.summary);
    }
    const seededObligations = n.terms.flatMap((t) => t.obligations);
    for (const [obligationKey, text] of Object.entries(ar.obligations)) {
      const english = seededObligations.findLast((o) => o.key === obligationKey)?.description;
      const row = negotiation.obligations.find((o) => english && o.terms.some((t) => t.description === english));
      if (row && english) want("OBLIGATION_DESCRIPTION", row.id, english, text);
    }
    for (const [slug, arabic] of Object.entries(ar.figures)) {
      const row = negotiation.figures.find((f) => f.slug === slug);
      const english = n.figures.find((f) => f.slug === slug);
      if (!row || !english) continue;
      if (row.label === english.label) want("FIGURE_LABEL", row.id, row.label, arabic.label);
      if (row.description === english.description)
        want("FIGURE_DESCRIPTION", row.id, row.description, arabic.description);
    }
  }
  for (const [slug, text] of Object.entries(ar.sources)) {
    const row = await tx.source.findUnique({ where: { slug }, select: { id: true, publicDescription: true } });
    const english = seed.sources.find((s) => s.slug === slug)?.publicDescription;
    if (row && row.publicDescription === english) want("SOURCE_DESCRIPTION", row.id, row.publicDescription, text);
  }
  return wanted;
}

/** Adds the case's missing Arabic translations; returns how many. */
export async function applySeedTranslations(tx: Tx, seed: SeedCase): Promise<number> {
  let created = 0;
  for (const w of await wantedTranslations(tx, seed)) {
    const key = { field: w.field, entityId: w.entityId, locale: "ar" };
    if (await tx.contentTranslation.findUnique({ where: { field_entityId_locale: key }, select: { id: true } }))
      continue;
    const row = await tx.contentTranslation.create({
      data: { ...key, text: w.text, originalHash: originalHash(w.original) },
      select: { id: true },
    });
    await writeAudit(tx, {
      userId: null,
      action: "seed.create",
      entityType: "ContentTranslation",
      entityId: row.id,
      after: { ...key, text: w.text },
    });
    created++;
  }
  return created;
}
