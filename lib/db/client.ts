import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One client per process; dev hot-reload would otherwise open a pool per edit.
const globalForPrisma = globalThis as unknown as { parleyPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error(
      "DATABASE_URL is not set. Start Parley with `npm run dev` or `npm start`, which provide the embedded database, or set DATABASE_URL.",
    );
  }
  const adapter = new PrismaPg({ connectionString, max: Number(process.env.PARLEY_DB_POOL_SIZE ?? 10) });
  return new PrismaClient({ adapter });
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
