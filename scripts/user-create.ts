// npm run user:create -- --email editor@example.org --name "Ed Itor" --role admin
// The password is read from the PARLEY_NEW_PASSWORD variable, from stdin when
// piped, or asked for interactively (not echoed). Never from the command line,
// where it would land in shell history and the process list.
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { resolveDatabase } from "@/lib/db/resolve";
import { insertStaffUser } from "@/lib/data/internal/staff-accounts";
import { RuleViolationError } from "@/lib/errors";
import { applyMigrations } from "@/lib/db/migrations";
import { withPrismaClient } from "@/lib/db/prisma";
import { createUserSchema } from "@/lib/validation/auth";
import { CommandError, reportAndExit } from "./lib/report";

async function readPassword(): Promise<string> {
  if (process.env.PARLEY_NEW_PASSWORD) return process.env.PARLEY_NEW_PASSWORD;
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks)
      .toString("utf8")
      .replace(/\r?\n$/, "");
  }
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    process.stdout.write("Password (not shown): ");
    // Mute the echo of typed characters.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
    rl.question("", (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "journalist" } },
  });
  const password = await readPassword();
  const parsed = createUserSchema.safeParse({
    email: values.email ?? "",
    name: values.name ?? values.email?.split("@")[0] ?? "",
    role: values.role?.toUpperCase(),
    password,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const field = issue.path.join(".");
      return field === "password" ? `  password: ${issue.message}` : `  --${field}: ${issue.message}`;
    });
    throw new CommandError(
      `Cannot create the account:\n${lines.join("\n")}\nUsage: npm run user:create -- --email you@example.org --name "Your Name" --role admin`,
    );
  }
  const database = await resolveDatabase();
  process.env.DATABASE_URL = database.url;
  try {
    await applyMigrations(database.url);
    const user = await withPrismaClient(database.url, (prisma) => insertStaffUser(prisma, parsed.data, null));
    console.log(`Created ${user.role.toLowerCase()} ${user.email}.`);
  } catch (error) {
    if (error instanceof RuleViolationError) throw new CommandError(error.message);
    throw error;
  } finally {
    await database.release();
  }
}

main().then(() => process.exit(0), reportAndExit);
