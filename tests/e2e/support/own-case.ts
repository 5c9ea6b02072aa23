import { randomBytes } from "node:crypto";
import { embeddedUrl, findRunningCluster } from "@/lib/db/embedded";
import { withPrismaClient } from "@/lib/db/prisma";
import { applySeedCase } from "@/seeds/apply";
import { loadSeedCases } from "@/seeds/load";
import { E2E_DATA_DIR } from "../fixtures";

export type OwnCase = { id: string; slug: string; title: string; readerPath: string; workspacePath: string };

/**
 * A copy of the seeded Sweida case (terms, developments, sources) under an address and title
 * of its own, for a test that edits it: no test changes what another one reads, whatever the order.
 */
export async function ownSweidaCase(label: string): Promise<OwnCase> {
  const cases = await loadSeedCases();
  const sweida = cases.find((c) => c.data.negotiation.slug === "sweida-prisoner-exchange")!.data;
  const suffix = randomBytes(3).toString("hex");
  const slug = `sweida-${label}-${suffix}`;
  const title = `Sweida exchange, ${label} copy ${suffix}`;
  const running = findRunningCluster(E2E_DATA_DIR);
  if (!running?.port) throw new Error(`The e2e database in ${E2E_DATA_DIR} is not running; start the app first.`);
  const id = await withPrismaClient(embeddedUrl(running.port, "parley"), async (prisma) => {
    await applySeedCase(prisma, { ...sweida, negotiation: { ...sweida.negotiation, slug, title } });
    return (await prisma.negotiation.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
  });
  return { id, slug, title, readerPath: `/negotiations/${slug}`, workspacePath: `/editor/negotiations/${id}` };
}

/**
 * A copy of any seeded case (by its seed slug) under an address of its own, keeping its English
 * title: for read-only checks of a case's shape (phases, remains, approximate counts).
 */
export async function ownSeedCase(
  seedSlug: string,
  label: string,
): Promise<Pick<OwnCase, "id" | "slug" | "readerPath">> {
  const cases = await loadSeedCases();
  const seed = cases.find((c) => c.data.negotiation.slug === seedSlug)?.data;
  if (!seed) throw new Error(`No seeded case ${seedSlug}`);
  const slug = `${label}-${randomBytes(3).toString("hex")}`;
  const running = findRunningCluster(E2E_DATA_DIR);
  if (!running?.port) throw new Error(`The e2e database in ${E2E_DATA_DIR} is not running; start the app first.`);
  const id = await withPrismaClient(embeddedUrl(running.port, "parley"), async (prisma) => {
    await applySeedCase(prisma, { ...seed, negotiation: { ...seed.negotiation, slug } });
    return (await prisma.negotiation.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
  });
  return { id, slug, readerPath: `/negotiations/${slug}` };
}
