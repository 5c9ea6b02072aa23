import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "./prisma";

// One client per process; dev hot-reload would otherwise open a pool per edit.
const globalForPrisma = globalThis as unknown as { parleyPrisma?: PrismaClient };

/** The Prisma client, created on first use so importing this module never connects. */
export function db(): PrismaClient {
  globalForPrisma.parleyPrisma ??= createPrismaClient();
  return globalForPrisma.parleyPrisma;
}

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.parleyPrisma?.$disconnect();
  globalForPrisma.parleyPrisma = undefined;
}
