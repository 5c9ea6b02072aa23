// Runs `prisma generate` without Prisma's native schema-engine download, which
// fails on closed networks. Generation never uses that engine; pointing the
// variable at any existing file makes the CLI skip the download.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const result = spawnSync(
  process.execPath,
  [fileURLToPath(new URL("../node_modules/prisma/build/index.js", import.meta.url)), "generate"],
  { stdio: "inherit", env },
);
process.exit(result.status ?? 1);
