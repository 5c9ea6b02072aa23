import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CHANGE_CHANNEL } from "@/lib/server/change-feed";

/**
 * Tells every app instance that readers' data may have changed (lib/server/change-feed.ts).
 * Sent inside the write's transaction: PostgreSQL delivers a NOTIFY only when its transaction
 * commits, so a rolled-back write tells nobody, and a committed one reaches every listener.
 * The id is the database clock in microseconds, one clock for all instances (event-stream ids).
 */
export async function notifyChange(tx: Prisma.TransactionClient, negotiationId: string | null): Promise<void> {
  const payload = { negotiationId };
  await tx.$executeRaw`SELECT pg_notify(${CHANGE_CHANNEL}, (${JSON.stringify(payload)}::jsonb || jsonb_build_object('id', ((extract(epoch FROM clock_timestamp()) * 1000000)::bigint)::text))::text)`;
}
