import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One client per process; dev hot-reload would otherwise open a pool per edit.
const globalForPrisma = globalThis as unknown as { parleyPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const settings = env();
  const connectionString = settings.DATABASE_URL;
  if (!connectionString) {
    throw new Error(
      "DATABASE_URL is not set. Start Parley with `npm run dev` or `npm start`, which provide the embedded database, or set DATABASE_URL.",
    );
  }
  const adapter = new PrismaPg({ connectionString, max: settings.PARLEY_DB_POOL_SIZE });
  // Prisma's defaults (2 s to start a transaction, 5 s to finish it) include
  // time spent waiting for a busy event loop: under heavy read traffic short
  // saves overran them and were refused. These bounds only stop stuck ones.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 30_000 } });
}

/** The Prisma client, created on first use so importing this module never connects. */
export function db(): PrismaClient {
  globalForPrisma.parleyPrisma ??= createClient();
  return globalForPrisma.parleyPrisma;
}

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.parleyPrisma?.$disconnect();
  globalForPrisma.parleyPrisma = undefined;
}
