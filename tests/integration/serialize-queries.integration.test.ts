import { expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createNegotiation } from "@/seeds/factories";

it("runs a transaction's parallel relation loads one at a time, so pg never queues a query (an error in pg 9)", async () => {
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.message);
  process.on("warning", onWarning);
  try {
    const { negotiation } = await createNegotiation(db());
    // Several sibling relations: Prisma's query plan loads them concurrently on the transaction's connection.
    const loaded = await db().$transaction((tx) =>
      tx.negotiation.findUniqueOrThrow({
        where: { id: negotiation.id },
        include: { participations: true, developments: true, figures: true, auditEntries: true },
      }),
    );
    expect(loaded.id).toBe(negotiation.id);
  } finally {
    process.off("warning", onWarning);
  }
  expect(warnings.filter((message) => message.includes("already executing a query"))).toEqual([]);
});
