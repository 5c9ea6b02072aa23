// npm run user:deactivate-dev: deactivates the development staff accounts
// (@parley.test, published passwords) so `npm start` can serve this database.
import { deactivateDevelopmentStaff } from "@/lib/data/internal/development-staff";
import { applyMigrations } from "@/lib/db/migrations";
import { withPrismaClient } from "@/lib/db/prisma";
import { resolveDatabase } from "@/lib/db/resolve";
import { reportAndExit } from "./lib/report";

async function main(): Promise<void> {
  const database = await resolveDatabase();
  process.env.DATABASE_URL = database.url;
  try {
    await applyMigrations(database.url);
    const emails = await withPrismaClient(database.url, deactivateDevelopmentStaff);
    console.log(
      emails.length > 0
        ? `Deactivated ${emails.join(", ")}; their sessions have ended.`
        : "No active development staff accounts.",
    );
  } finally {
    await database.release();
  }
}

main().then(() => process.exit(0), reportAndExit);
