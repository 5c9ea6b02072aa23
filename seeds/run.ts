import type { PrismaClient } from "@/lib/generated/prisma/client";
import { applyDevelopmentStaff, applySeedCase } from "./apply";
import { loadDevelopmentStaff, loadSeedCases } from "./load";

export type SeedOptions = { includeDevelopmentStaff: boolean; log?: (line: string) => void };

/** Validates every seed file first, then applies them; safe to run repeatedly. */
export async function runSeed(prisma: PrismaClient, options: SeedOptions): Promise<void> {
  const log = options.log ?? (() => undefined);
  const cases = await loadSeedCases();
  const staff = options.includeDevelopmentStaff ? await loadDevelopmentStaff() : [];
  for (const { file, data } of cases) {
    const report = await applySeedCase(prisma, data);
    const created =
      report.negotiationsCreated.length > 0 ? `created ${report.negotiationsCreated.join(", ")}` : `already present`;
    log(
      `seed ${file.split("/").pop()}: ${created}; ${report.actorsCreated} actors, ${report.sourcesCreated} sources, ${report.translationsCreated} translations added`,
    );
  }
  if (options.includeDevelopmentStaff) {
    const created = await applyDevelopmentStaff(prisma, staff);
    log(`seed development staff: ${created} account(s) added`);
  }
}

export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  const [negotiations, users] = await Promise.all([prisma.negotiation.count(), prisma.user.count()]);
  return negotiations === 0 && users === 0;
}
