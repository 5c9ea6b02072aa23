import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { productionAuthProblem } from "@/lib/auth/secret";
import { CommandError } from "./report";

const DEV_SECRET_FILE = path.resolve(".data/dev-auth-secret");

/**
 * Production must bring its own NEXTAUTH_SECRET and NEXTAUTH_URL; development
 * gets a secret made and kept in .data/ so sessions survive restarts.
 */
export async function prepareAuthEnvironment(env: NodeJS.ProcessEnv, production: boolean): Promise<void> {
  if (production) {
    const problem = productionAuthProblem(env);
    if (problem) throw new CommandError(problem);
  }
  const secret = env.NEXTAUTH_SECRET ?? env.AUTH_SECRET;
  if (secret) {
    env.NEXTAUTH_SECRET = secret;
    return;
  }
  if (!existsSync(DEV_SECRET_FILE)) {
    await mkdir(path.dirname(DEV_SECRET_FILE), { recursive: true });
    await writeFile(DEV_SECRET_FILE, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  env.NEXTAUTH_SECRET = (await readFile(DEV_SECRET_FILE, "utf8")).trim();
}
