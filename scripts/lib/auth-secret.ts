import { randomBytes } from "node:crypto";
import { CommandError } from "./report";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const DEV_SECRET_FILE = path.resolve(".data/dev-auth-secret");

/**
 * Production must bring its own NEXTAUTH_SECRET; development gets one made and
 * kept in .data/ so sessions survive restarts without any set-up.
 */
export async function prepareAuthSecret(env: NodeJS.ProcessEnv, production: boolean): Promise<void> {
  const secret = env.NEXTAUTH_SECRET ?? env.AUTH_SECRET;
  if (secret) {
    env.NEXTAUTH_SECRET = secret;
    return;
  }
  if (production) {
    throw new CommandError("NEXTAUTH_SECRET (or AUTH_SECRET) must be set in production. Generate one with: openssl rand -base64 32");
  }
  if (!existsSync(DEV_SECRET_FILE)) {
    await mkdir(path.dirname(DEV_SECRET_FILE), { recursive: true });
    await writeFile(DEV_SECRET_FILE, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  env.NEXTAUTH_SECRET = (await readFile(DEV_SECRET_FILE, "utf8")).trim();
}
