import { execFileSync } from "node:child_process";
import { test as setup } from "@playwright/test";
import { E2E_DATA_DIR, accounts } from "./fixtures";

// Production mode seeds no staff; accounts are made the way an operator makes the first admin.
setup("create staff accounts with npm run user:create", () => {
  for (const account of Object.values(accounts)) {
    try {
      execFileSync(
        "npm",
        [
          "run",
          "--silent",
          "user:create",
          "--",
          "--email",
          account.email,
          "--name",
          account.name,
          "--role",
          account.role,
        ],
        {
          env: { ...process.env, PARLEY_DATA_DIR: E2E_DATA_DIR, PARLEY_NEW_PASSWORD: account.password },
          stdio: "pipe",
        },
      );
    } catch (error) {
      const output = String((error as { stderr?: Buffer }).stderr ?? "");
      if (!output.includes("already exists")) throw new Error(`user:create failed for ${account.email}: ${output}`);
    }
  }
});
