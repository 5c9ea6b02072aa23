import { test as setup } from "@playwright/test";
import { CORRECTION_NOTE } from "./fixtures";
import { withE2eDatabase } from "./support/database";

// Until the editor can issue corrections (it will, through the UI), the journey's correction is written directly.
setup("record a public correction on the ceasefire entry", async () => {
  await withE2eDatabase(async (client) => {
    const found = await client.query(`SELECT id FROM "Development" WHERE title = 'Ceasefire reached'`);
    const developmentId = found.rows[0]?.id;
    if (!developmentId) throw new Error("The seeded ceasefire development is missing");
    await client.query(
      `INSERT INTO "Correction" (id, "developmentId", note, "correctedAt") SELECT gen_random_uuid(), $1, $2, '2026-03-02T09:00:00Z' WHERE NOT EXISTS (SELECT 1 FROM "Correction" WHERE "developmentId" = $1)`,
      [developmentId, CORRECTION_NOTE],
    );
  });
});
